"""Report data: periods, what each report holds, the public edition's redaction, issuing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AttendanceStatus,
    Audience,
    Channel,
    CommunicationStatus,
    Decision,
    Direction,
    GoalDimension,
    MeetingStatus,
    Priority,
    RecommendationStatus,
    ReportKind,
)
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.report_data import ProgressReportData, ReportPeriod, long_date
from cs360desk.services import catalog
from cs360desk.services import report_data as rd
from cs360desk.services.report_data_common import WITHHELD_CONTACT, WITHHELD_NAME

if TYPE_CHECKING:
    from conftest import Basics, Builders

TODAY = date(2026, 6, 30)
PERIOD = ReportPeriod(date(2026, 6, 1), date(2026, 6, 30))


def at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass(frozen=True)
class Scenario:
    basics: Basics
    private: int
    owner: int


def make_scenario(build: Builders) -> Scenario:
    basics = build.basics()
    initiative = basics.initiative.id
    owner = build.person("Nguyễn Thị Hoa", phone="(361) 555-0199", email="hoa@example.org").id
    private = build.person(
        "José Ramírez Núñez", phone="361-555-0142", email="jose@example.org", contact_private=True
    ).id
    items = (
        ("Done in June", ActionStatus.DONE, date(2026, 6, 20), date(2026, 6, 10), owner),
        ("Done in May", ActionStatus.DONE, date(2026, 5, 20), date(2026, 5, 10), owner),
        ("Late report", ActionStatus.OPEN, date(2026, 6, 2), None, private),
        ("Blocked permit", ActionStatus.BLOCKED, date(2026, 6, 15), None, owner),
        ("Cancelled idea", ActionStatus.CANCELLED, date(2026, 6, 1), None, owner),
        ("Next month", ActionStatus.IN_PROGRESS, date(2026, 7, 15), None, owner),
        ("Much later", ActionStatus.OPEN, date(2026, 12, 1), None, owner),
    )
    for title, status, due, completed, who in items:
        build.action_item(
            initiative, title=title, status=status, due_on=due, completed_on=completed,
            owner_id=who, priority=Priority.HIGH,
        )  # fmt: skip
    return Scenario(basics, private, owner)


def progress(build: Builders, scenario: Scenario, **options: Any) -> ProgressReportData:
    return rd.progress_report_data(
        build.session, scenario.basics.initiative.id, today=TODAY, period=PERIOD, **options
    )


def test_default_period_is_the_last_30_days_without_an_issued_update(build: Builders) -> None:
    initiative = build.basics().initiative.id
    period = rd.default_period(build.session, initiative, today=TODAY)
    assert period == ReportPeriod(date(2026, 6, 1), TODAY)
    assert period.days == 30


def test_default_period_starts_the_day_after_the_last_update(build: Builders) -> None:
    initiative = build.basics().initiative.id
    other = build.basics("Traffic").initiative.id
    rd.issue_report(
        build.session, ReportKind.PROGRESS, initiative_id=initiative,
        period=ReportPeriod(date(2026, 3, 1), date(2026, 4, 30)), issued_on=date(2026, 5, 3),
        file_name="april.pdf",
    )  # fmt: skip
    rd.issue_report(
        build.session, ReportKind.SCANNING, initiative_id=initiative,
        period=None, issued_on=date(2026, 6, 20), file_name="scan.pdf",
    )  # fmt: skip
    assert rd.default_period(build.session, initiative, today=TODAY) == ReportPeriod(
        date(2026, 5, 1), TODAY
    )
    assert rd.default_period(build.session, other, today=TODAY).start == date(2026, 6, 1)
    issued = catalog.REPORT_ISSUED.list(build.session)
    assert [(r.kind, r.file_name) for r in issued] == [
        (ReportKind.PROGRESS, "april.pdf"),
        (ReportKind.SCANNING, "scan.pdf"),
    ]


def test_an_update_issued_today_is_offered_again(build: Builders) -> None:
    initiative = build.basics().initiative.id
    rd.issue_report(
        build.session, ReportKind.PROGRESS, initiative_id=initiative,
        period=ReportPeriod(date(2026, 6, 1), TODAY), issued_on=TODAY, file_name="june.pdf",
    )  # fmt: skip
    assert rd.default_period(build.session, initiative, today=TODAY) == PERIOD


def test_issue_report_refuses_a_reversed_period_and_an_unknown_initiative(
    build: Builders,
) -> None:
    with pytest.raises(ValueError):
        ReportPeriod(date(2026, 6, 2), date(2026, 6, 1))
    with pytest.raises(NotFoundError):
        rd.default_period(build.session, 999, today=TODAY)


def test_action_items_done_overdue_and_due_next(build: Builders) -> None:
    data = progress(build, make_scenario(build))
    assert [line.title for line in data.done] == ["Done in June"]
    assert [line.title for line in data.overdue] == ["Late report", "Blocked permit"]
    assert [line.title for line in data.due_next] == ["Next month"]
    assert data.next_period_end == date(2026, 7, 30)
    assert data.overdue[0].owner == "José Ramírez Núñez"
    assert data.done[0].owner == "Nguyễn Thị Hoa"
    numbers = data.numbers
    assert (numbers.items_done, numbers.items_overdue, numbers.items_due_next) == (1, 2, 1)


def test_owners_of_overdue_work_with_their_contacts(build: Builders) -> None:
    data = progress(build, make_scenario(build))
    owners = {line.owner: line for line in data.overdue_owners}
    assert owners["Nguyễn Thị Hoa"].phone == "(361) 555-0199"
    assert owners["Nguyễn Thị Hoa"].email == "hoa@example.org"
    assert owners["José Ramírez Núñez"].oldest_due == date(2026, 6, 2)


def test_public_edition_withholds_private_people_and_every_contact(build: Builders) -> None:
    scenario = make_scenario(build)
    initiative = scenario.basics.initiative.id
    build.communication(
        initiative, status=CommunicationStatus.POSTED, posted_on=date(2026, 6, 5),
        text="Call José Ramírez Núñez at 361-555-0142 or (361) 555-0199, hoa@example.org; "
        "any.one@else.example.com",
    )  # fmt: skip
    data = progress(build, scenario, public=True)
    assert data.header.public
    assert data.overdue[0].owner == WITHHELD_NAME
    assert all(line.phone == "" and line.email == "" for line in data.overdue_owners)
    text = data.communications[0].text
    for secret in ("José", "361-555-0142", "555-0199", "hoa@example.org", "any.one@"):
        assert secret not in text
    assert text.count(WITHHELD_CONTACT) == 4
    assert WITHHELD_NAME in text


def test_public_redaction_leaves_dates_and_numbers_alone(build: Builders) -> None:
    scenario = make_scenario(build)
    build.communication(
        scenario.basics.initiative.id, status=CommunicationStatus.POSTED,
        posted_on=date(2026, 6, 5), text="On 2026-06-05, 412 residents answered; 47% feel safe.",
    )  # fmt: skip
    data = progress(build, scenario, public=True)
    assert data.communications[0].text == "On 2026-06-05, 412 residents answered; 47% feel safe."


def test_measures_as_of_the_period_end_with_verdicts(build: Builders) -> None:
    initiative = build.basics().initiative.id
    partners = build.goal(initiative, dimension=GoalDimension.PARTNERS, statement="Partners")
    crime = build.goal(initiative, dimension=GoalDimension.CRIME, statement="Fewer shootings")
    calls = build.measure(
        crime.id, name="Shots fired", direction=Direction.DECREASE, baseline_value=10,
        target_value=6,
    )  # fmt: skip
    build.measure(partners.id, name="Events", direction=Direction.INCREASE, baseline_value=2)
    for day, value in ((date(2026, 4, 30), 9), (date(2026, 5, 31), 5), (date(2026, 7, 31), 12)):
        build.measurement(calls.id, day, value)
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=PERIOD)
    assert [goal.statement for goal in data.goals] == ["Fewer shootings", "Partners"]
    shots = data.goals[0].measures[0]
    assert (shots.latest, shots.latest_on) == (5.0, date(2026, 5, 31))
    assert len(shots.points) == 2
    assert shots.improved and shots.target_met and shots.verdict == "Target met"
    events = data.goals[1].measures[0]
    assert events.latest is None and events.verdict == "No value yet"
    assert (data.numbers.measures_improved, data.numbers.measures_with_values) == (1, 1)


def test_meetings_held_in_the_period_with_attendance(build: Builders) -> None:
    basics = build.basics()
    held = build.meeting(
        basics.team.id, at(date(2026, 6, 10)), title="June PST",
        status=MeetingStatus.HELD, decisions="Fund the lights.",
    )  # fmt: skip
    build.meeting(basics.team.id, at(date(2026, 6, 24)), status=MeetingStatus.CANCELLED)
    build.meeting(basics.team.id, at(date(2026, 5, 10)), status=MeetingStatus.HELD)
    for person, status in (
        (basics.champion.id, AttendanceStatus.PRESENT),
        (basics.member.id, AttendanceStatus.EXCUSED),
    ):
        catalog.ATTENDANCE.create(
            build.session, meeting_id=held.id, person_id=person, status=status
        )
    catalog.ATTENDANCE.create(build.session, meeting_id=held.id, guest_name="Deputy Reyes")
    data = rd.progress_report_data(build.session, basics.initiative.id, today=TODAY, period=PERIOD)
    (meeting,) = data.meetings
    assert (meeting.title, meeting.present, meeting.excused, meeting.guests) == (
        "June PST", 1, 1, 1,
    )  # fmt: skip
    assert meeting.decisions == "Fund the lights."
    assert data.numbers.attendance_rate == 0.5


def test_community_input_and_communications_of_the_period(build: Builders) -> None:
    initiative = build.basics().initiative.id
    june = catalog.INPUT_ACTIVITY.create(
        build.session, initiative_id=initiative, kind="survey", held_on=date(2026, 6, 3),
        participants=40, summary="Survey",
    )  # fmt: skip
    may = catalog.INPUT_ACTIVITY.create(
        build.session, initiative_id=initiative, kind="interview", held_on=date(2026, 5, 3)
    )
    for activity, theme in ((june.id, "Lighting"), (june.id, "Lighting"), (june.id, "Trust")):
        catalog.FINDING.create(build.session, input_activity_id=activity, theme=theme, text=theme)
    catalog.FINDING.create(build.session, input_activity_id=may.id, theme="Trust", text="old")
    build.communication(
        initiative, channel=Channel.STAFF_BRIEFING, audience=Audience.PARTNERS,
        status=CommunicationStatus.POSTED, posted_on=date(2026, 6, 9), text="Partners brief",
    )  # fmt: skip
    build.communication(initiative, text="Draft only")
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=PERIOD)
    assert [line.participants for line in data.input_activities] == [40]
    assert [(t.theme, t.findings) for t in data.themes] == [("Lighting", 2), ("Trust", 1)]
    (posted,) = data.communications
    assert (posted.text, posted.audience_label) == ("Partners brief", "Partners")


def test_champion_highlights_and_asks_replace_the_derived_ones(build: Builders) -> None:
    scenario = make_scenario(build)
    derived = progress(build, scenario)
    assert "Done: Done in June (Nguyễn Thị Hoa)." in derived.highlights
    assert any("Blocked permit" in ask for ask in derived.asks)
    typed = progress(build, scenario, highlights=["  Lights fixed ", ""], asks=["A second SRO"])
    assert typed.highlights == ("Lights fixed",)
    assert typed.asks == ("A second SRO",)


def test_asks_name_recommendations_waiting_for_leadership(build: Builders) -> None:
    initiative = build.basics().initiative.id
    build.recommendation(initiative, text="Hire a liaison.", delivered_on=date(2026, 3, 2))
    build.recommendation(
        initiative, text="Add lighting", decision=Decision.ACCEPTED,
        delivered_on=date(2026, 3, 2), status=RecommendationStatus.NOT_STARTED,
    )  # fmt: skip
    build.recommendation(initiative, text="Not delivered yet")
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=PERIOD)
    assert data.asks == (
        f"Decide on the recommendation delivered {long_date(date(2026, 3, 2))}: Hire a liaison.",
        "Assign and start the accepted recommendation: Add lighting.",
    )


def test_header_names_the_agency_initiative_and_champion(build: Builders) -> None:
    basics = build.basics()
    data = rd.progress_report_data(build.session, basics.initiative.id, today=TODAY, period=PERIOD)
    header = data.header
    assert header.agency_name == "Riverside Police Department"
    assert header.initiative_name == "Gun violence reduction"
    assert header.prepared_by == f"{basics.champion.full_name}, Sergeant, CS360 champion"
    assert header.prepared_on == TODAY
    other = rd.progress_report_data(
        build.session, basics.initiative.id, today=TODAY, period=PERIOD, prepared_by="Chief Ortiz"
    )
    assert other.header.prepared_by == "Chief Ortiz"


def test_scanning_ranks_problems_by_worksheet_score(build: Builders) -> None:
    initiative = build.basics().initiative.id
    scores = {"Low": (1, 1, 1, 1), "High": (5, 5, 5, 3), "Tie, more lethal": (2, 4, 1, 1)}
    scores["Tie, less lethal"] = (4, 2, 1, 1)
    for title, (impact, life, interest, rights) in scores.items():
        build.problem(
            initiative, title=title, score_impact=impact, score_threat_to_life=life,
            score_community_interest=interest, score_threat_to_rights=rights,
        )  # fmt: skip
    owner = build.person("Chief Ortiz", affiliation=Affiliation.DEPARTMENT)
    build.recommendation(
        initiative, text="Fix lights", decision=Decision.ACCEPTED, owner_id=owner.id,
        delivered_on=date(2026, 2, 1),
    )  # fmt: skip
    data = rd.scanning_report_data(build.session, initiative, today=TODAY)
    assert [p.title for p in data.problems] == [
        "High", "Tie, more lethal", "Tie, less lethal", "Low",
    ]  # fmt: skip
    assert data.problems[0].score == 18
    (recommendation,) = data.recommendations
    assert (recommendation.owner, recommendation.decision_label) == ("Chief Ortiz", "Accepted")


def test_agenda_carries_the_teams_open_items_forward(build: Builders) -> None:
    basics = build.basics()
    initiative = basics.initiative.id
    earlier = build.meeting(basics.team.id, at(date(2026, 5, 12)), status=MeetingStatus.HELD)
    meeting = build.meeting(basics.team.id, at(date(2026, 6, 9)), title="June PST")
    catalog.AGENDA_ITEM.create(
        build.session, meeting_id=meeting.id, title="Welcome", presenter_id=basics.champion.id
    )
    catalog.AGENDA_ITEM.create(build.session, meeting_id=meeting.id, title="Lighting")
    other_team = build.team(initiative, name="Steering")
    for title, values in (
        ("From May", {"source_meeting_id": earlier.id}),
        ("Team task", {"team_id": basics.team.id, "due_on": date(2026, 6, 1)}),
        ("Finished", {"team_id": basics.team.id, "status": ActionStatus.DONE}),
        ("Other team", {"team_id": other_team.id}),
        ("Made today", {"team_id": basics.team.id, "source_meeting_id": meeting.id}),
    ):
        build.action_item(initiative, title=title, **values)
    data = rd.agenda_data(build.session, meeting.id, today=TODAY)
    assert [(e.position, e.title, e.presenter) for e in data.items] == [
        (1, "Welcome", basics.champion.full_name),
        (2, "Lighting", ""),
    ]
    assert [line.title for line in data.carried_forward] == ["Team task", "From May"]
    assert data.meeting.team_name == basics.team.name
    assert data.meeting.ends_at - data.meeting.starts_at == timedelta(minutes=60)


def test_minutes_group_attendance_and_list_new_items(build: Builders) -> None:
    basics = build.basics()
    meeting = build.meeting(
        basics.team.id, at(date(2026, 6, 9)), status=MeetingStatus.HELD,
        minutes_summary="  Good turnout. ", decisions="Fund lights\nAsk the council",
    )  # fmt: skip
    for values in (
        {"person_id": basics.champion.id},
        {"person_id": basics.member.id, "status": AttendanceStatus.ABSENT},
        {"guest_name": "Deputy Reyes"},
        {"guest_name": "Pastor Lee", "status": AttendanceStatus.EXCUSED},
    ):
        catalog.ATTENDANCE.create(build.session, meeting_id=meeting.id, **values)
    build.action_item(basics.initiative.id, title="New one", source_meeting_id=meeting.id)
    build.action_item(basics.initiative.id, title="Unrelated")
    data = rd.minutes_data(build.session, meeting.id, today=TODAY)
    people = data.attendance
    assert people.present == (basics.champion.full_name,)
    assert people.absent == (basics.member.full_name,)
    assert people.excused == ("Pastor Lee (guest)",)
    assert people.guests == ("Deputy Reyes",)
    assert data.summary == "Good turnout."
    assert [line.title for line in data.new_items] == ["New one"]


def test_defaults_for_the_report_form(build: Builders) -> None:
    basics = build.basics()
    build.meeting(basics.team.id, at(date(2026, 5, 12)), title="May")
    build.meeting(basics.team.id, at(date(2026, 6, 9)), title="June")
    defaults = rd.report_defaults(build.session, basics.initiative.id, today=TODAY)
    assert defaults.period == PERIOD
    assert [choice.title for choice in defaults.meetings] == ["June", "May"]
    assert rd.default_initiative_id(build.session) == basics.initiative.id


def test_no_initiative_and_no_meeting_are_user_errors(build: Builders) -> None:
    with pytest.raises(ValidationError, match="no initiative"):
        rd.default_initiative_id(build.session)
    with pytest.raises(NotFoundError):
        rd.agenda_data(build.session, 404, today=TODAY)
