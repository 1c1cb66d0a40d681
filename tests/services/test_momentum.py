"""Momentum facts gathered from a hand-built initiative with known numbers, and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import (
    ActionStatus,
    Audience,
    Cadence,
    Channel,
    CommunicationStatus,
    Decision,
    MeetingStatus,
    RecommendationStatus,
    Stage,
    TeamKind,
)
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.momentum import Level, MomentumFacts, MomentumThresholds, OwnerLoad
from cs360desk.services import catalog
from cs360desk.services.momentum import dashboard, momentum_facts

if TYPE_CHECKING:
    from conftest import Builders

# Noon UTC is the same calendar day in every zone from UTC-11 to UTC+11.
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 15)
DAY = timedelta(days=1)
DEFAULTS = MomentumThresholds()


@dataclass(frozen=True)
class Scenario:
    initiative_id: int
    ana: int
    bao: int


def make_scenario(build: Builders) -> Scenario:
    """Last held PST meeting 40 days ago on a monthly cadence; 10 open items, 3 overdue over
    2 owners; 2 monthly measures, one without a value in the last month; a public post 10 days
    ago and no staff update; one recommendation proposed 60 days ago, one accepted not started."""
    basics = build.basics()
    initiative = basics.initiative.id
    catalog.INITIATIVE.update(
        build.session, initiative, stage=Stage.SCANNING, stage_changed_on=TODAY - 100 * DAY
    )
    _meetings(build, initiative, basics.team.id)
    ana, bao = build.person("Ana Ruiz").id, build.person("Bao Tran").id
    _items(build, initiative, ana, bao)
    goal = build.goal(initiative)
    calls = build.measure(goal.id, name="Shots fired calls")
    fear = build.measure(goal.id, name="Fear at night")
    build.measurement(calls.id, TODAY - 10 * DAY, 9)
    build.measurement(fear.id, TODAY - 45 * DAY, 0.6)
    _communications(build, initiative)
    _recommendations(build, initiative)
    _elsewhere(build)
    return Scenario(initiative, ana, bao)


def _meetings(build: Builders, initiative: int, pst: int) -> None:
    catalog.TEAM.update(build.session, pst, cadence=Cadence.MONTHLY)
    build.meeting(pst, NOW - 70 * DAY, status=MeetingStatus.HELD)
    build.meeting(pst, NOW - 40 * DAY, status=MeetingStatus.HELD)
    build.meeting(pst, NOW - 3 * DAY, status=MeetingStatus.CANCELLED)
    build.meeting(pst, NOW - 1 * DAY, status=MeetingStatus.SCHEDULED)  # never marked held
    build.meeting(pst, NOW + 5 * DAY, title="April PST")
    steering = build.team(initiative, kind=TeamKind.STEERING_COMMITTEE, cadence=Cadence.WEEKLY)
    build.meeting(steering.id, NOW - 2 * DAY, status=MeetingStatus.HELD)


def _items(build: Builders, initiative: int, ana: int, bao: int) -> None:
    late, soon = TODAY - 5 * DAY, TODAY + 5 * DAY
    for owner, due, status in (
        (ana, late, ActionStatus.OPEN),
        (ana, TODAY - DAY, ActionStatus.BLOCKED),
        (ana, TODAY, ActionStatus.OPEN),  # due today is not overdue yet
        (ana, soon, ActionStatus.IN_PROGRESS),
        (ana, soon, ActionStatus.OPEN),
        (ana, None, ActionStatus.OPEN),
        (bao, late, ActionStatus.IN_PROGRESS),
        (bao, soon, ActionStatus.OPEN),
        (bao, soon, ActionStatus.BLOCKED),
        (bao, None, ActionStatus.OPEN),
        (ana, late, ActionStatus.DONE),  # closed items never count
        (bao, late, ActionStatus.CANCELLED),
    ):
        build.action_item(initiative, owner_id=owner, due_on=due, status=status)


def _communications(build: Builders, initiative: int) -> None:
    build.communication(initiative, status=CommunicationStatus.POSTED, posted_on=TODAY - 10 * DAY)
    build.communication(initiative, status=CommunicationStatus.POSTED, posted_on=TODAY - 50 * DAY)
    build.communication(initiative, status=CommunicationStatus.APPROVED, planned_on=TODAY)
    build.communication(
        initiative, audience=Audience.STAFF, channel=Channel.STAFF_BRIEFING, planned_on=TODAY
    )


def _recommendations(build: Builders, initiative: int) -> None:
    build.recommendation(initiative, delivered_on=TODAY - 60 * DAY)
    build.recommendation(initiative, delivered_on=TODAY - 10 * DAY)  # still in its grace period
    build.recommendation(initiative)  # not delivered yet
    build.recommendation(initiative, decision=Decision.ACCEPTED, delivered_on=TODAY - 90 * DAY)
    build.recommendation(
        initiative,
        decision=Decision.ACCEPTED,
        status=RecommendationStatus.IN_PROGRESS,
        delivered_on=TODAY - 90 * DAY,
    )
    build.recommendation(initiative, decision=Decision.DECLINED, delivered_on=TODAY - 90 * DAY)


def _elsewhere(build: Builders) -> None:
    """Another initiative's rows must not leak into the first one's facts."""
    other = build.basics("Traffic safety")
    build.meeting(other.team.id, NOW - DAY, status=MeetingStatus.HELD)
    build.action_item(other.initiative.id, owner_id=other.member.id, due_on=TODAY - 9 * DAY)
    build.communication(other.initiative.id, audience=Audience.STAFF, status="posted")
    build.recommendation(other.initiative.id, delivered_on=TODAY - 60 * DAY)
    build.measure(build.goal(other.initiative.id).id)


def test_facts_of_the_scenario(build: Builders) -> None:
    scenario = make_scenario(build)
    facts = momentum_facts(build.session, scenario.initiative_id, now=NOW, limits=DEFAULTS)
    assert facts == MomentumFacts(
        initiative_name="Gun violence reduction",
        stage_label="Scanning",
        days_since_pst_meeting=40,
        pst_cadence_days=31,
        open_items=10,
        overdue_items=3,
        owners=(
            OwnerLoad(scenario.ana, "Ana Ruiz", 6, 2),
            OwnerLoad(scenario.bao, "Bao Tran", 4, 1),
        ),
        measures_total=2,
        measures_without_value=("Fear at night",),
        days_since_public_update=10,
        days_since_staff_update=None,
        days_in_stage=100,
        recommendations_undecided=1,
        recommendations_not_acted=1,
    )


def test_signal_levels_with_default_thresholds(build: Builders) -> None:
    scenario = make_scenario(build)
    board = dashboard(build.session, scenario.initiative_id, now=NOW)
    levels = {signal.key: (signal.value, signal.level) for signal in board.signals}
    assert levels == {
        "pst_meeting": ("40 days ago", Level.WATCH),  # over 31 + 7 days, within twice that
        "overdue": ("3", Level.ALERT),  # 30 % of open items
        "measures": ("1 of 2", Level.ALERT),
        "public_update": ("due in 20 days", Level.OK),
        "staff_update": ("never posted", Level.ALERT),
        "stage": ("100 days", Level.OK),
        "recommendations": ("2", Level.WATCH),
    }
    overdue = next(s for s in board.signals if s.key == "overdue")
    assert overdue.detail == "10 open in all; most overdue: Ana Ruiz (2)"


def test_thresholds_change_facts_and_levels(build: Builders) -> None:
    scenario = make_scenario(build)
    limits = MomentumThresholds(
        meeting_grace_days=10,
        public_update_days=4,
        stage_stale_days=60,
        recommendation_wait_days=90,
    )
    board = dashboard(build.session, scenario.initiative_id, now=NOW, limits=limits)
    assert board.facts.recommendations_undecided == 0
    levels = {signal.key: signal.level for signal in board.signals}
    assert levels["pst_meeting"] is Level.OK
    assert levels["public_update"] is Level.ALERT
    assert levels["stage"] is Level.WATCH
    assert levels["recommendations"] is Level.WATCH
    shorter = MomentumThresholds(recommendation_wait_days=10)
    facts = momentum_facts(build.session, scenario.initiative_id, now=NOW, limits=shorter)
    assert facts.recommendations_undecided == 2


def test_dashboard_lists_overdue_and_upcoming(build: Builders) -> None:
    scenario = make_scenario(build)
    board = dashboard(build.session, scenario.initiative_id, now=NOW)
    assert board.initiative == catalog.INITIATIVE.get(build.session, scenario.initiative_id)
    assert board.facts == momentum_facts(
        build.session, scenario.initiative_id, now=NOW, limits=DEFAULTS
    )
    assert [row.item.due_on for row in board.overdue] == [
        TODAY - 5 * DAY,
        TODAY - 5 * DAY,
        TODAY - DAY,
    ]
    assert all(row.overdue for row in board.overdue)
    assert [u.meeting.title for u in board.upcoming] == ["April PST"]
    limited = dashboard(build.session, scenario.initiative_id, now=NOW, overdue_limit=1)
    assert len(limited.overdue) == 1


def test_without_a_pst_the_meeting_signal_says_so(build: Builders) -> None:
    initiative = build.initiative("Youth outreach").id
    steering = build.team(initiative, kind=TeamKind.STEERING_COMMITTEE)
    build.meeting(steering.id, NOW - DAY, status=MeetingStatus.HELD)
    board = dashboard(build.session, initiative, now=NOW)
    assert (board.facts.pst_cadence_days, board.facts.days_since_pst_meeting) == (None, None)
    meeting = board.signals[0]
    assert meeting.key == "pst_meeting"
    assert meeting.value == "no team"
    assert "no Problem-Solving Team" in meeting.detail
    assert meeting.level is Level.ALERT


def test_pst_that_never_met(build: Builders) -> None:
    basics = build.basics()
    catalog.TEAM.update(build.session, basics.team.id, cadence="biweekly")
    facts = momentum_facts(build.session, basics.initiative.id, now=NOW, limits=DEFAULTS)
    assert (facts.pst_cadence_days, facts.days_since_pst_meeting) == (14, None)


def test_empty_initiative(build: Builders) -> None:
    initiative = build.initiative("Empty", started_on=TODAY - 7 * DAY)
    facts = momentum_facts(build.session, initiative.id, now=NOW, limits=DEFAULTS)
    assert (facts.open_items, facts.overdue_items, facts.owners) == (0, 0, ())
    assert (facts.measures_total, facts.measures_without_value) == (0, ())
    assert (facts.days_since_public_update, facts.days_since_staff_update) == (None, None)
    assert facts.days_in_stage == 7
    assert (facts.recommendations_undecided, facts.recommendations_not_acted) == (0, 0)


def test_unowned_items_are_one_load(build: Builders) -> None:
    initiative = build.basics().initiative.id
    build.action_item(initiative, due_on=TODAY - DAY)
    build.action_item(initiative)
    facts = momentum_facts(build.session, initiative, now=NOW, limits=DEFAULTS)
    assert facts.owners == (OwnerLoad(None, "(no owner)", 2, 1),)


def test_unknown_initiative(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        momentum_facts(build.session, 55, now=NOW, limits=DEFAULTS)
    with pytest.raises(NotFoundError):
        dashboard(build.session, 55, now=NOW)
