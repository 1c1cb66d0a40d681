"""The meetings calendar, parsed back with icalendar: events, identities, status, times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from cs360desk.domain.calendar_feed import CalendarData, CalendarEvent
from cs360desk.domain.enums import MeetingMode, MeetingStatus
from cs360desk.domain.tracker import ExportFileError
from cs360desk.reports.ics_calendar import calendar_bytes, write_calendar_ics

START = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)  # 6:30 pm Central the same evening


def event(number: int, **changes: object) -> CalendarEvent:
    values: dict[str, object] = {
        "uid": f"meeting-{number}@abc123def456.cs360desk",
        "title": f"PST monthly meeting {number}",
        "team_name": "Eastside PST",
        "starts_at": START + timedelta(days=28 * number),
        "ends_at": START + timedelta(days=28 * number, minutes=90),
        "status": MeetingStatus.SCHEDULED,
        "mode": MeetingMode.HYBRID,
        "location": "Iglesia Nueva Esperanza, fellowship hall; back door",
        "video_link": "https://meet.example.org/pst",
        "agenda": ("Welcome, minutes", "Shots-fired numbers\nfor February (Dương Thị Thảo)"),
        "updated_at": START - timedelta(days=3),
        "sequence": 2,
    }
    values.update(changes)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def calendar() -> CalendarData:
    return CalendarData(
        name="Eastside PST meetings",
        events=(
            event(1),
            event(2, status=MeetingStatus.CANCELLED),
            event(3, mode=MeetingMode.VIRTUAL, location="", agenda=()),
        ),
    )


def parsed(data: CalendarData) -> list[object]:
    return list(Calendar.from_ical(calendar_bytes(data)).walk("VEVENT"))


def test_one_event_per_meeting_with_stable_uids() -> None:
    events = parsed(calendar())
    assert len(events) == 3
    assert [str(e["UID"]) for e in events] == [
        f"meeting-{n}@abc123def456.cs360desk" for n in (1, 2, 3)
    ]
    # Nothing in the file depends on when it was written: a second export is identical.
    assert calendar_bytes(calendar()) == calendar_bytes(calendar())


def test_times_are_utc_and_correct() -> None:
    first = parsed(calendar())[0]
    assert first["DTSTART"].dt == START + timedelta(days=28)
    assert first["DTSTART"].dt.tzinfo is not None
    assert first["DTSTART"].dt.utcoffset() == timedelta(0)
    assert first["DTEND"].dt - first["DTSTART"].dt == timedelta(minutes=90)
    assert b"DTSTART:20260407T233000Z" in calendar_bytes(calendar())


def test_cancelled_meetings_are_marked_cancelled() -> None:
    statuses = [str(e["STATUS"]) for e in parsed(calendar())]
    assert statuses == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert int(parsed(calendar())[1]["SEQUENCE"]) == 2


def test_location_link_and_agenda_survive_escaping() -> None:
    first, _cancelled, virtual = parsed(calendar())
    assert str(first["LOCATION"]) == "Iglesia Nueva Esperanza, fellowship hall; back door"
    assert str(first["URL"]) == "https://meet.example.org/pst"
    description = str(first["DESCRIPTION"])
    assert "1. Welcome, minutes" in description
    assert "2. Shots-fired numbers\nfor February (Dương Thị Thảo)" in description
    assert str(virtual["LOCATION"]) == "https://meet.example.org/pst"
    assert "Agenda" not in str(virtual["DESCRIPTION"])


def test_the_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "meetings.ics"
    write_calendar_ics(calendar(), target)
    assert target.read_bytes() == calendar_bytes(calendar())
    with pytest.raises(ExportFileError, match="must end in .ics"):
        write_calendar_ics(calendar(), tmp_path / "meetings.txt")
    with pytest.raises(ExportFileError, match="does not exist"):
        write_calendar_ics(calendar(), tmp_path / "nowhere" / "meetings.ics")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meetings.ics"]
