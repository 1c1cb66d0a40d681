"""Planning meetings: the next one and its agenda, attendance, reordering, status, follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    Cadence,
    MeetingMode,
    MeetingStatus,
    MemberRole,
)
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.i18n import current_language
from cs360desk.services import catalog, edits
from cs360desk.services.agency_settings import save_agency_settings
from cs360desk.services.meeting_calendar import (
    first_free_start,
    next_start,
    same_weekday_later,
    title_stem,
)
from cs360desk.services.meeting_planning import (
    CLOSING,
    OPENING,
    REVIEW,
    cancel_meeting,
    mark_held,
    move_agenda_item,
    new_action_item_from_meeting,
    new_meeting,
    prefill_attendance,
    schedule_next_meeting,
    set_meeting_status,
)
from cs360desk.services.meetings import meeting_detail, meeting_sheet, meetings_for_initiative

if TYPE_CHECKING:
    from conftest import Basics, Builders

CHICAGO = ZoneInfo("America/Chicago")
# The 2nd Tuesday of January 2026, 6 pm in Chicago.
JAN_PST = datetime(2026, 1, 13, 18, 0, tzinfo=CHICAGO)
NOW = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)


def _pst(build: Builders, **values: object) -> tuple[Basics, int]:
    basics = build.basics()
    values.setdefault("title", "PST monthly meeting — January 2026")
    meeting = build.meeting(
        basics.team.id,
        JAN_PST,
        duration_minutes=90,
        mode=MeetingMode.HYBRID,
        location="City Hall, Room 2",
        video_link="https://meet.example.org/pst",
        status=MeetingStatus.HELD,
        **values,
    )
    return basics, meeting.id


def _agenda(session: Session, meeting_id: int) -> list[tuple[int, str, int | None]]:
    detail = meeting_detail(session, meeting_id)
    return [(line.item.position, line.item.title, line.item.presenter_id) for line in detail.agenda]


# --- the calendar ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 13), 1, date(2026, 2, 10)),  # 2nd Tuesday
        (date(2026, 12, 8), 1, date(2027, 1, 12)),  # over the year's end
        (date(2026, 9, 29), 1, date(2026, 10, 27)),  # a 5th Tuesday becomes the last
        (date(2026, 1, 1), 3, date(2026, 4, 2)),  # 1st Thursday, a quarter later
    ],
)
def test_same_weekday_of_the_month_later(day: date, months: int, expected: date) -> None:
    assert same_weekday_later(day, months) == expected
    assert expected.weekday() == day.weekday()


def test_next_start_keeps_the_local_clock_across_daylight_saving() -> None:
    february = next_start(JAN_PST, Cadence.MONTHLY, CHICAGO)
    march = next_start(february, Cadence.MONTHLY, CHICAGO)
    assert february == datetime(2026, 2, 10, 18, 0, tzinfo=CHICAGO)
    assert march == datetime(2026, 3, 10, 18, 0, tzinfo=CHICAGO)  # after DST began on Mar 8
    assert march.tzinfo is UTC and march.hour == 23


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (Cadence.WEEKLY, datetime(2026, 1, 20, 18, 0, tzinfo=CHICAGO)),
        (Cadence.BIWEEKLY, datetime(2026, 1, 27, 18, 0, tzinfo=CHICAGO)),
        (Cadence.QUARTERLY, datetime(2026, 4, 14, 18, 0, tzinfo=CHICAGO)),
    ],
)
def test_next_start_by_cadence(cadence: Cadence, expected: datetime) -> None:
    assert next_start(JAN_PST, cadence, CHICAGO) == expected


def test_first_free_start_skips_slots_already_past() -> None:
    now = datetime(2026, 4, 1, tzinfo=UTC)
    start = first_free_start(JAN_PST, Cadence.MONTHLY, now=now, zone=CHICAGO)
    assert start == datetime(2026, 4, 14, 18, 0, tzinfo=CHICAGO)
    first = first_free_start(None, Cadence.MONTHLY, now=now, zone=CHICAGO)
    assert first == datetime(2026, 4, 7, 18, 0, tzinfo=CHICAGO)


def test_title_stem_needs_a_real_month() -> None:
    assert title_stem(["PST kickoff meeting", "PST monthly meeting — May 2026"]) == (
        "PST monthly meeting"
    )
    assert title_stem(["Budget — Draft 2026", "Plan - June 2026"]) == "Plan"
    assert title_stem(["PST kickoff meeting"]) is None


# --- schedule_next_meeting -------------------------------------------------------------


def test_schedule_next_meeting_copies_place_and_builds_the_agenda(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    team = basics.team.id
    chair = build.person("Pastor Elías Ramírez")
    build.membership(team, chair.id, role=MemberRole.CHAIR)
    owner = build.person("Nguyễn Thị Hoa")
    add = build.action_item
    add(basics.initiative.id, title="Map the calls", team_id=team, owner_id=owner.id)
    add(basics.initiative.id, title="Blocked one", team_id=team, status=ActionStatus.BLOCKED)
    add(basics.initiative.id, title="Finished", team_id=team, status=ActionStatus.DONE)
    add(basics.initiative.id, title="Dropped", team_id=team, status=ActionStatus.CANCELLED)
    add(basics.initiative.id, title="Someone else's", status=ActionStatus.OPEN)
    add(
        basics.initiative.id,
        title="Due first",
        team_id=team,
        due_on=date(2026, 2, 1),
        status=ActionStatus.IN_PROGRESS,
    )

    record, edit = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)

    assert record.starts_at == datetime(2026, 2, 10, 18, 0, tzinfo=CHICAGO)
    assert record.title == "PST monthly meeting — February 2026"
    assert (record.team_id, record.status) == (team, MeetingStatus.SCHEDULED)
    assert (record.mode, record.location, record.video_link, record.duration_minutes) == (
        MeetingMode.HYBRID,
        "City Hall, Room 2",
        "https://meet.example.org/pst",
        90,
    )
    assert _agenda(build.session, record.id) == [
        (0, OPENING, chair.id),
        (1, REVIEW, basics.champion.id),
        (2, "Due first", None),
        (3, "Map the calls", owner.id),
        (4, "Blocked one", None),
        (5, CLOSING, chair.id),
    ]
    assert edit.label == "Schedule meeting" and len(edit.changes) == 7


def test_the_next_meeting_is_titled_and_its_agenda_written_in_the_agencys_language(
    build: Builders,
) -> None:
    basics, meeting_id = _pst(build)
    save_agency_settings(build.session, public_language="es")
    record, _edit = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    assert record.title == "PST monthly meeting — febrero de 2026"
    titles = [title for _position, title, _who in _agenda(build.session, record.id)]
    assert titles[0] == "Bienvenida; aprobación del acta"
    assert titles[-1] == "Anuncios y fecha de la próxima reunión"
    assert current_language() == "en"  # the screens' language is left as it was


def test_schedule_next_meeting_is_undone_and_redone_as_one(
    workspace: Workspace, builders_for: type[Builders]
) -> None:
    with workspace.session_factory.begin() as session:
        _basics, meeting_id = _pst(builders_for(session))
        record, edit = schedule_next_meeting(session, meeting_id, zone=CHICAGO)
    with workspace.session_factory.begin() as session:
        edits.undo(session, edit)
    with workspace.session_factory.begin() as session:
        with pytest.raises(NotFoundError):
            catalog.MEETING.get(session, record.id)
        assert catalog.AGENDA_ITEM.list(session, meeting_id=record.id) == []
        edits.redo(session, edit)
    with workspace.session_factory.begin() as session:
        assert catalog.MEETING.get(session, record.id).title == record.title
        assert len(catalog.AGENDA_ITEM.list(session, meeting_id=record.id)) == 3


def test_schedule_next_title_falls_back_to_the_team_pattern_or_name(build: Builders) -> None:
    basics, kickoff = _pst(build, title="PST kickoff meeting")
    first, _edit = schedule_next_meeting(build.session, kickoff, zone=CHICAGO)
    assert first.title == f"{basics.team.name} — February 2026"
    catalog.MEETING.update(build.session, first.id, title="Eastside PST — February 2026")
    second, _edit = schedule_next_meeting(build.session, first.id, zone=CHICAGO)
    assert second.title == "Eastside PST — March 2026"


def test_schedule_next_refuses_a_second_meeting_on_the_same_day(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    build.meeting(basics.team.id, datetime(2026, 2, 10, 9, 0, tzinfo=CHICAGO), title="Morning")
    with pytest.raises(ValidationError) as raised:
        schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    assert raised.value.field == "starts_at"
    assert "2026-02-10" in raised.value.problem and "Morning" in raised.value.problem


def test_schedule_next_ignores_a_cancelled_meeting_that_day(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    build.meeting(
        basics.team.id,
        datetime(2026, 2, 10, 18, 0, tzinfo=CHICAGO),
        status=MeetingStatus.CANCELLED,
    )
    record, _edit = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    assert record.status is MeetingStatus.SCHEDULED


def test_schedule_next_of_unknown_meeting(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no meeting with id 404"):
        schedule_next_meeting(build.session, 404)


@pytest.mark.parametrize("cadence", list(Cadence))
def test_every_cadence_schedules_later_on_the_same_weekday(
    build: Builders, cadence: Cadence
) -> None:
    basics, meeting_id = _pst(build)
    catalog.TEAM.update(build.session, basics.team.id, cadence=cadence)
    record, _edit = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    local = record.starts_at.astimezone(CHICAGO)
    assert (local.weekday(), local.hour, local.minute) == (1, 18, 0)
    assert 7 <= (local.date() - JAN_PST.date()).days <= cadence.days


# --- new_meeting ------------------------------------------------------------------------


def test_new_meeting_follows_the_cadence_after_the_latest(build: Builders) -> None:
    basics, _meeting_id = _pst(build)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    record, edit = new_meeting(build.session, basics.team.id, now=now, zone=CHICAGO)
    assert record.starts_at == datetime(2026, 3, 10, 18, 0, tzinfo=CHICAGO)
    assert record.title == "PST monthly meeting — March 2026"
    assert record.location == "City Hall, Room 2"
    assert [title for _p, title, _who in _agenda(build.session, record.id)] == [
        OPENING,
        REVIEW,
        CLOSING,
    ]
    assert edit


def test_a_teams_first_meeting_is_a_week_out_at_six_pm(build: Builders) -> None:
    basics = build.basics()
    record, _edit = new_meeting(build.session, basics.team.id, now=NOW, zone=CHICAGO)
    assert record.starts_at == datetime(2026, 1, 27, 18, 0, tzinfo=CHICAGO)
    assert record.mode is MeetingMode.IN_PERSON
    assert record.title == f"{basics.team.name} — January 2026"


def test_new_meeting_of_unknown_team(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no team with id 77"):
        new_meeting(build.session, 77, now=NOW)


# --- prefill_attendance -----------------------------------------------------------------


def test_prefill_attendance_lists_current_members_once(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    team = basics.team.id
    ana, bao, left = build.person("Ana Ruiz"), build.person("Bảo Trần"), build.person("Left")
    build.membership(team, bao.id)
    build.membership(team, ana.id)
    build.membership(team, left.id, joined_on=date(2025, 1, 1), left_on=date(2025, 6, 1))
    catalog.ATTENDANCE.create(
        build.session, meeting_id=meeting_id, person_id=bao.id, status=AttendanceStatus.EXCUSED
    )

    edit = prefill_attendance(build.session, meeting_id)

    lines = meeting_detail(build.session, meeting_id).attendance
    assert [(line.name, line.record.status) for line in lines] == [
        ("Ana Ruiz", AttendanceStatus.PRESENT),
        ("Bảo Trần", AttendanceStatus.EXCUSED),
    ]
    assert edit.label == "Fill attendance from team" and len(edit.changes) == 1
    assert not prefill_attendance(build.session, meeting_id)


def test_prefill_attendance_undo_removes_only_the_added_rows(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    for name in ("Ana Ruiz", "Bảo Trần"):
        build.membership(basics.team.id, build.person(name).id)
    catalog.ATTENDANCE.create(build.session, meeting_id=meeting_id, guest_name="María López")
    edit = prefill_attendance(build.session, meeting_id)
    assert len(meeting_detail(build.session, meeting_id).attendance) == 3
    edits.undo(build.session, edit)
    lines = meeting_detail(build.session, meeting_id).attendance
    assert [line.name for line in lines] == ["María López"]


def test_prefill_attendance_of_unknown_meeting(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        prefill_attendance(build.session, 12345)


# --- move_agenda_item --------------------------------------------------------------------


def _three_items(build: Builders) -> tuple[int, list[int]]:
    _basics, meeting_id = _pst(build)
    ids = [
        catalog.AGENDA_ITEM.create(
            build.session, meeting_id=meeting_id, title=title, position=position
        ).id
        for title, position in (("A", 0), ("B", 5), ("C", 9))
    ]
    return meeting_id, ids


def _titles(session: Session, meeting_id: int) -> list[tuple[int, str]]:
    return [(position, title) for position, title, _who in _agenda(session, meeting_id)]


def test_move_agenda_item_renumbers_from_zero(build: Builders) -> None:
    meeting_id, (a, _b, c) = _three_items(build)
    edit = move_agenda_item(build.session, c, 0)
    assert _titles(build.session, meeting_id) == [(0, "C"), (1, "A"), (2, "B")]
    assert edit.label == "Move agenda item"
    move_agenda_item(build.session, a, 99)  # past the end: last
    assert _titles(build.session, meeting_id) == [(0, "C"), (1, "B"), (2, "A")]


def test_move_agenda_item_undo_restores_the_old_order(build: Builders) -> None:
    meeting_id, (_a, b, _c) = _three_items(build)
    edit = move_agenda_item(build.session, b, 2)
    assert _titles(build.session, meeting_id) == [(0, "A"), (1, "C"), (2, "B")]
    edits.undo(build.session, edit)
    assert _titles(build.session, meeting_id) == [(0, "A"), (5, "B"), (9, "C")]


def test_move_agenda_item_to_where_it_is_changes_nothing(build: Builders) -> None:
    meeting_id, (a, _b, _c) = _three_items(build)
    move_agenda_item(build.session, a, 0)
    assert not move_agenda_item(build.session, a, 0)
    assert _titles(build.session, meeting_id) == [(0, "A"), (1, "B"), (2, "C")]


@pytest.mark.parametrize("position", [-1, 1.5, "2", True])
def test_move_agenda_item_refuses_a_bad_position(build: Builders, position: object) -> None:
    meeting_id, (a, _b, _c) = _three_items(build)
    with pytest.raises(ValidationError) as raised:
        move_agenda_item(build.session, a, position)  # type: ignore[arg-type]
    assert raised.value.field == "position"
    assert _titles(build.session, meeting_id) == [(0, "A"), (5, "B"), (9, "C")]


def test_move_unknown_agenda_item(build: Builders) -> None:
    with pytest.raises(NotFoundError, match="no agenda item with id 9"):
        move_agenda_item(build.session, 9, 0)


# --- status ------------------------------------------------------------------------------


def test_cancel_meeting_keeps_it_as_cancelled(build: Builders) -> None:
    basics = build.basics()
    later = build.meeting(basics.team.id, NOW + timedelta(days=9))
    record, edit = cancel_meeting(build.session, later.id)
    assert record.status is MeetingStatus.CANCELLED
    assert catalog.MEETING.get(build.session, later.id).status is MeetingStatus.CANCELLED
    assert edit.label == "Cancel meeting"
    edits.undo(build.session, edit)
    assert catalog.MEETING.get(build.session, later.id).status is MeetingStatus.SCHEDULED


def test_cancel_a_held_meeting_is_refused(build: Builders) -> None:
    _basics, meeting_id = _pst(build)
    with pytest.raises(ValidationError) as raised:
        cancel_meeting(build.session, meeting_id)
    assert raised.value.field == "status" and "held" in raised.value.problem
    assert catalog.MEETING.get(build.session, meeting_id).status is MeetingStatus.HELD


def test_cancel_an_unknown_meeting(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        cancel_meeting(build.session, 31337)


def test_mark_held_only_once_it_has_begun(build: Builders) -> None:
    basics = build.basics()
    later = build.meeting(basics.team.id, NOW + timedelta(hours=1))
    with pytest.raises(ValidationError, match="not started yet"):
        mark_held(build.session, later.id, now=NOW)
    record, edit = mark_held(build.session, later.id, now=NOW + timedelta(hours=1))
    assert record.status is MeetingStatus.HELD and edit.label == "Mark meeting held"


def test_set_meeting_status_follows_the_same_rules(build: Builders) -> None:
    _basics, meeting_id = _pst(build)
    with pytest.raises(ValidationError):
        set_meeting_status(build.session, meeting_id, "Cancelled", now=NOW)
    record, _edit = set_meeting_status(build.session, meeting_id, "scheduled", now=NOW)
    assert record.status is MeetingStatus.SCHEDULED
    record, _edit = set_meeting_status(build.session, meeting_id, MeetingStatus.CANCELLED, now=NOW)
    assert record.status is MeetingStatus.CANCELLED
    with pytest.raises(ValidationError, match="status: unknown value 'postponed'"):
        set_meeting_status(build.session, meeting_id, "postponed", now=NOW)


# --- new_action_item_from_meeting --------------------------------------------------------


def test_new_action_item_from_meeting(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    owner = build.person("Nguyễn Thị Hoa")
    item, edit = new_action_item_from_meeting(
        build.session,
        meeting_id,
        title="Ask the school district for the bell schedule",
        owner_id=owner.id,
        due_on=date(2026, 2, 1),
    )
    assert (item.initiative_id, item.team_id, item.source_meeting_id) == (
        basics.initiative.id,
        basics.team.id,
        meeting_id,
    )
    assert (item.owner_id, item.due_on, item.status) == (
        owner.id,
        date(2026, 2, 1),
        ActionStatus.OPEN,
    )
    assert edit.label == "Add action item from meeting"
    edits.undo(build.session, edit)
    with pytest.raises(NotFoundError):
        catalog.ACTION_ITEM.get(build.session, item.id)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "X", "team_id": 1}, "team_id"),
        ({"title": "X", "owner_id": 999}, "owner_id"),
        ({"title": "X", "due_on": "next week"}, "due_on"),
    ],
)
def test_new_action_item_from_meeting_refuses_bad_values(
    build: Builders, values: dict[str, object], field: str
) -> None:
    _basics, meeting_id = _pst(build)
    with pytest.raises(ValidationError) as raised:
        new_action_item_from_meeting(build.session, meeting_id, **values)
    assert raised.value.field == field
    assert catalog.ACTION_ITEM.list(build.session) == []


def test_new_action_item_from_unknown_meeting(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        new_action_item_from_meeting(build.session, 8, title="X")


# --- meetings_for_initiative and meeting_sheet ------------------------------------------


def test_meetings_for_initiative_split_sorted_and_counted(build: Builders) -> None:
    basics, held = _pst(build)
    steering = build.team(basics.initiative.id, name="Steering")
    ana, bao, cam = build.person("Ana"), build.person("Bao"), build.person("Cam")
    for person, status in ((ana, "present"), (bao, "absent"), (cam, "excused")):
        catalog.ATTENDANCE.create(
            build.session, meeting_id=held, person_id=person.id, status=status
        )
    catalog.ATTENDANCE.create(build.session, meeting_id=held, guest_name="María López")
    older = build.meeting(steering.id, JAN_PST - timedelta(days=30), title="Older")
    soon = build.meeting(basics.team.id, NOW + timedelta(days=1), title="Soon")
    later = build.meeting(steering.id, NOW + timedelta(days=20), title="Later")
    build.meeting(build.basics("Traffic").team.id, NOW + timedelta(days=2), title="Elsewhere")

    past = meetings_for_initiative(build.session, basics.initiative.id, now=NOW, upcoming=False)
    upcoming = meetings_for_initiative(build.session, basics.initiative.id, now=NOW, upcoming=True)

    assert [(r.meeting.id, r.present, r.absent, r.excused) for r in past] == [
        (held, 2, 1, 1),
        (older.id, 0, 0, 0),
    ]
    assert [(r.meeting.id, r.team_name) for r in upcoming] == [
        (soon.id, basics.team.name),
        (later.id, "Steering"),
    ]
    assert not past[1].has_attendance
    only = meetings_for_initiative(
        build.session, basics.initiative.id, now=NOW, upcoming=True, team_id=steering.id
    )
    assert [r.meeting.title for r in only] == ["Later"]


def test_meetings_for_initiative_bad_input(build: Builders) -> None:
    basics = build.basics()
    other = build.basics("Traffic")
    with pytest.raises(NotFoundError):
        meetings_for_initiative(build.session, 999, now=NOW, upcoming=True)
    with pytest.raises(ValidationError) as raised:
        meetings_for_initiative(
            build.session, basics.initiative.id, now=NOW, upcoming=True, team_id=other.team.id
        )
    assert raised.value.field == "team_id"


def test_meeting_sheet_offers_members_first(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    zoe = build.person("Zoë Member")
    build.membership(basics.team.id, zoe.id)
    gone = build.person("Gone Presenter", active=False)
    build.person("Hidden Inactive", active=False)
    catalog.AGENDA_ITEM.create(
        build.session, meeting_id=meeting_id, title="Numbers", presenter_id=gone.id
    )
    sheet = meeting_sheet(build.session, meeting_id)
    names = [(p.name, p.is_member) for p in sheet.people]
    assert names[0] == ("Zoë Member", True)
    assert ("Gone Presenter", False) in names
    assert all(name != "Hidden Inactive" for name, _member in names)
    assert sheet.initiative_id == basics.initiative.id


def test_names_sort_as_readers_expect_not_by_code_point(build: Builders) -> None:
    basics, meeting_id = _pst(build)
    for name in ("Huỳnh Kim Oanh", "Đặng Văn Bình", "Héctor Ortiz", "hannah Lee"):
        build.membership(basics.team.id, build.person(name).id)
    catalog.ATTENDANCE.create(build.session, meeting_id=meeting_id, guest_name="Ana (guest)")
    prefill_attendance(build.session, meeting_id)
    lines = meeting_detail(build.session, meeting_id).attendance
    assert [line.name for line in lines] == [
        "Đặng Văn Bình",
        "hannah Lee",
        "Héctor Ortiz",
        "Huỳnh Kim Oanh",
        "Ana (guest)",
    ]
    sheet = meeting_sheet(build.session, meeting_id)
    assert [p.name for p in sheet.people if p.is_member] == [line.name for line in lines[:4]]


def test_a_meeting_open_to_the_public_is_followed_by_one_open_too(build: Builders) -> None:
    basics, meeting_id = _pst(build, open_to_public=True)
    scheduled, _ = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    assert scheduled.open_to_public
    now = datetime(2026, 3, 1, tzinfo=UTC)
    created, _ = new_meeting(build.session, basics.team.id, now=now, zone=CHICAGO)
    assert created.open_to_public


def test_a_closed_meeting_is_followed_by_a_closed_one(build: Builders) -> None:
    _basics, meeting_id = _pst(build)
    scheduled, _ = schedule_next_meeting(build.session, meeting_id, zone=CHICAGO)
    assert not scheduled.open_to_public
