"""Measures with their values in date order, for one initiative."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import GoalDimension
from cs360desk.domain.errors import NotFoundError
from cs360desk.services.measures import measures_with_values

if TYPE_CHECKING:
    from conftest import Builders


def test_values_in_date_order_per_measure(build: Builders) -> None:
    initiative = build.basics().initiative.id
    goal = build.goal(initiative, statement="Fewer shootings")
    calls = build.measure(goal.id, name="Shots fired calls")
    fear = build.measure(goal.id, name="Residents afraid at night")
    for day, value in ((date(2026, 3, 31), 9), (date(2026, 1, 31), 14), (date(2026, 2, 28), 11)):
        build.measurement(calls.id, day, value)
    build.measurement(fear.id, date(2026, 2, 28), 0.62)
    empty = build.measure(goal.id, name="Not yet measured")

    series = measures_with_values(build.session, initiative)

    assert [s.measure.id for s in series] == [calls.id, fear.id, empty.id]
    assert [(v.period_end, v.value) for v in series[0].values] == [
        (date(2026, 1, 31), 14.0),
        (date(2026, 2, 28), 11.0),
        (date(2026, 3, 31), 9.0),
    ]
    assert series[0].latest == series[0].values[-1]
    assert [v.value for v in series[1].values] == [0.62]
    assert series[2].values == ()
    assert series[2].latest is None
    assert {s.goal.statement for s in series} == {"Fewer shootings"}


def test_measures_of_every_goal_of_the_initiative_only(build: Builders) -> None:
    basics = build.basics()
    crime = build.goal(basics.initiative.id, dimension=GoalDimension.CRIME)
    partners = build.goal(basics.initiative.id, dimension=GoalDimension.PARTNERS)
    mine = [build.measure(crime.id).id, build.measure(partners.id).id]
    other = build.basics("Traffic safety").initiative.id
    build.measure(build.goal(other).id)

    series = measures_with_values(build.session, basics.initiative.id)
    assert sorted(s.measure.id for s in series) == sorted(mine)
    assert {s.goal.id for s in series} == {crime.id, partners.id}


def test_initiative_without_goals_has_no_measures(build: Builders) -> None:
    assert measures_with_values(build.session, build.basics().initiative.id) == []


def test_goal_without_measures_gives_nothing(build: Builders) -> None:
    initiative = build.basics().initiative.id
    build.goal(initiative)
    assert measures_with_values(build.session, initiative) == []


def test_unknown_initiative(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no initiative with id 77"):
        measures_with_values(build.session, 77)
