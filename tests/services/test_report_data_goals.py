"""The progress update's measures: the chart's last values up to the period's end."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from cs360desk.domain.enums import GoalDimension
from cs360desk.services.report_data_goals import CHART_POINTS, goal_blocks, recent_points

if TYPE_CHECKING:
    from conftest import Builders

UNTIL = date(2026, 6, 30)


def test_a_long_history_charts_its_last_values_up_to_the_period_end(build: Builders) -> None:
    initiative = build.basics().initiative.id
    goal = build.goal(initiative, statement="Fewer shootings")
    weekly = build.measure(goal.id, name="Shots fired", baseline_value=10)
    days = [UNTIL - timedelta(weeks=n) for n in range(-3, 60)]  # three weeks past the end too
    for n, day in enumerate(sorted(days)):
        build.measurement(weekly.id, day, float(n))
    quiet = build.measure(goal.id, name="No values yet")
    (block,) = goal_blocks(build.session, initiative, UNTIL)
    shots, empty = block.measures
    assert len(shots.points) == CHART_POINTS
    assert shots.points[-1] == (UNTIL, 59.0)
    assert shots.points[0] == (UNTIL - timedelta(weeks=CHART_POINTS - 1), 36.0)
    assert [day for day, _ in shots.points] == sorted(day for day, _ in shots.points)
    assert (shots.latest, shots.latest_on) == (59.0, UNTIL)
    assert (empty.name, empty.points, empty.latest) == ("No values yet", (), None)
    assert recent_points(build.session, [quiet.id], UNTIL) == {}


def test_goals_follow_the_model_order_and_keep_other_initiatives_out(build: Builders) -> None:
    initiative = build.basics().initiative.id
    other = build.basics("Traffic").initiative.id
    for dimension in (GoalDimension.ORGANIZATION, GoalDimension.CRIME, GoalDimension.PARTNERS):
        build.measure(build.goal(initiative, dimension=dimension, statement=dimension.label).id)
    build.measure(build.goal(other, statement="Elsewhere").id)
    blocks = goal_blocks(build.session, initiative, UNTIL)
    assert [block.statement for block in blocks] == [
        GoalDimension.CRIME.label,
        GoalDimension.PARTNERS.label,
        GoalDimension.ORGANIZATION.label,
    ]
    assert goal_blocks(build.session, 999, UNTIL) == ()
