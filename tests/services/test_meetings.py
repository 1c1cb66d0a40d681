"""Meetings of a team, one meeting in detail, and the upcoming meetings of an initiative."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import AttendanceStatus, MeetingStatus, TeamKind
from cs360desk.domain.errors import NotFoundError
from cs360desk.services import catalog
from cs360desk.services.meetings import meeting_detail, meetings_of_team, upcoming_meetings

if TYPE_CHECKING:
    from conftest import Builders

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def make_schedule(build: Builders) -> tuple[int, int]:
    """A PST with two past and three future meetings; a steering team; another initiative."""
    basics = build.basics()
    team = basics.team.id
    build.meeting(team, NOW - 10 * DAY, title="Held", status=MeetingStatus.HELD)
    build.meeting(team, NOW - 3 * DAY, title="Cancelled past", status=MeetingStatus.CANCELLED)
    build.meeting(team, NOW + 20 * DAY, title="Later")
    build.meeting(team, NOW, title="Right now")
    build.meeting(team, NOW + 5 * DAY, title="Cancelled next", status=MeetingStatus.CANCELLED)
    steering = build.team(basics.initiative.id, kind=TeamKind.STEERING_COMMITTEE, name="Steering")
    build.meeting(steering.id, NOW + 2 * DAY, title="Steering")
    other = build.basics("Traffic safety")
    build.meeting(other.team.id, NOW + DAY, title="Other initiative")
    return basics.initiative.id, team


def test_meetings_of_team_by_start(build: Builders) -> None:
    _initiative, team = make_schedule(build)
    every = meetings_of_team(build.session, team, now=NOW)
    assert [m.title for m in every] == [
        "Held",
        "Cancelled past",
        "Right now",
        "Cancelled next",
        "Later",
    ]


def test_upcoming_and_past_split_at_now(build: Builders) -> None:
    _initiative, team = make_schedule(build)
    upcoming = meetings_of_team(build.session, team, now=NOW, upcoming=True)
    past = meetings_of_team(build.session, team, now=NOW, upcoming=False)
    assert [m.title for m in upcoming] == ["Right now", "Cancelled next", "Later"]
    assert [m.title for m in past] == ["Held", "Cancelled past"]
    later = meetings_of_team(build.session, team, now=NOW + DAY, upcoming=False)
    assert [m.title for m in later] == ["Held", "Cancelled past", "Right now"]


def test_now_in_another_zone_is_the_same_instant(build: Builders) -> None:
    _initiative, team = make_schedule(build)
    chicago_now = NOW.astimezone(timezone(timedelta(hours=-5)))
    upcoming = meetings_of_team(build.session, team, now=chicago_now, upcoming=True)
    assert [m.title for m in upcoming] == ["Right now", "Cancelled next", "Later"]


def test_meetings_of_unknown_team(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no team with id 999"):
        meetings_of_team(build.session, 999, now=NOW)


def test_start_time_comes_back_aware_and_equal(
    workspace: Workspace, builders_for: type[Builders]
) -> None:
    local = datetime(2026, 4, 2, 18, 30, tzinfo=timezone(timedelta(hours=-6)))
    with workspace.session_factory.begin() as session:
        team = builders_for(session).basics().team.id
        builders_for(session).meeting(team, local)
    with workspace.session_factory.begin() as session:
        (stored,) = meetings_of_team(session, team, now=NOW)
    assert stored.starts_at == local
    assert stored.starts_at.tzinfo is not None
    assert stored.starts_at.utcoffset() == timedelta(0)


def test_meeting_detail(build: Builders) -> None:
    basics = build.basics()
    hoa = build.person("Nguyễn Thị Hoa")
    ana = build.person("Ana Ruiz")
    meeting = build.meeting(basics.team.id, NOW - DAY, title="March PST")
    add_line = catalog.AGENDA_ITEM.create
    add_line(build.session, meeting_id=meeting.id, title="Next steps", position=2)
    add_line(build.session, meeting_id=meeting.id, title="Welcome", position=0)
    add_line(
        build.session, meeting_id=meeting.id, title="Hot spots", position=1, presenter_id=hoa.id
    )
    attend = catalog.ATTENDANCE.create
    attend(build.session, meeting_id=meeting.id, guest_name="María López")
    attend(build.session, meeting_id=meeting.id, person_id=hoa.id, status=AttendanceStatus.ABSENT)
    attend(build.session, meeting_id=meeting.id, person_id=ana.id)

    detail = meeting_detail(build.session, meeting.id)

    assert detail.meeting == catalog.MEETING.get(build.session, meeting.id)
    assert detail.team_name == basics.team.name
    assert [
        (line.item.position, line.item.title, line.presenter_name) for line in detail.agenda
    ] == [
        (0, "Welcome", ""),
        (1, "Hot spots", "Nguyễn Thị Hoa"),
        (2, "Next steps", ""),
    ]
    assert [(line.name, line.is_guest, line.record.status) for line in detail.attendance] == [
        ("Ana Ruiz", False, AttendanceStatus.PRESENT),
        ("Nguyễn Thị Hoa", False, AttendanceStatus.ABSENT),
        ("María López", True, AttendanceStatus.PRESENT),
    ]


def test_meeting_detail_of_an_empty_meeting(build: Builders) -> None:
    meeting = build.meeting(build.basics().team.id, NOW)
    detail = meeting_detail(build.session, meeting.id)
    assert (detail.agenda, detail.attendance) == ((), ())


def test_meeting_detail_of_unknown_meeting(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no meeting with id 42"):
        meeting_detail(build.session, 42)


def test_upcoming_meetings_of_the_initiative(build: Builders) -> None:
    initiative, _team = make_schedule(build)
    upcoming = upcoming_meetings(build.session, initiative, now=NOW)
    assert [(u.meeting.title, u.team_name) for u in upcoming] == [
        ("Right now", "PST of Gun violence reduction"),
        ("Steering", "Steering"),
        ("Later", "PST of Gun violence reduction"),
    ]
    assert all(u.meeting.status is MeetingStatus.SCHEDULED for u in upcoming)


def test_upcoming_meetings_limit_and_none_left(build: Builders) -> None:
    initiative, _team = make_schedule(build)
    assert [
        u.meeting.title for u in upcoming_meetings(build.session, initiative, now=NOW, limit=1)
    ] == ["Right now"]
    assert upcoming_meetings(build.session, initiative, now=NOW + 30 * DAY) == []


def test_meeting_exists_until_deleted(session, build) -> None:
    from datetime import UTC, datetime

    from cs360desk.services.catalog import MEETING
    from cs360desk.services.meetings import meeting_exists

    basics = build.basics()
    meeting = build.meeting(basics.team.id, datetime(2026, 3, 10, 23, 0, tzinfo=UTC))
    assert meeting_exists(session, meeting.id)
    MEETING.delete(session, meeting.id)
    assert not meeting_exists(session, meeting.id)
