"""Which meetings a calendar holds, and the identities that keep re-imports from doubling."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import MeetingStatus
from cs360desk.domain.errors import NotFoundError
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.services import catalog
from cs360desk.services.calendar_export import calendar_data
from cs360desk.services.tracker_rows import workspace_key


def test_every_meeting_once_with_its_agenda_and_uid(sample: Workspace) -> None:
    with sample.session_factory.begin() as session:
        data = calendar_data(session)
        meetings = catalog.MEETING.list(session)
        key = workspace_key(session)
    assert len(data.events) == len(meetings)
    assert {e.uid for e in data.events} == {f"meeting-{m.id}@{key}.cs360desk" for m in meetings}
    held = next(e for e in data.events if e.agenda)
    assert held.ends_at - held.starts_at >= timedelta(minutes=1)
    assert any(e.status is MeetingStatus.CANCELLED for e in data.events)


def test_a_team_or_an_initiative_narrows_the_calendar(sample: Workspace) -> None:
    with sample.session_factory.begin() as session:
        team = catalog.TEAM.list(session)[0]
        of_team = calendar_data(session, team_id=team.id)
        of_gun_crime = calendar_data(session, initiative_id=1)
        of_traffic = calendar_data(session, initiative_id=2)
        everything = calendar_data(session)
        with pytest.raises(NotFoundError):
            calendar_data(session, team_id=999)
    assert of_team.name == f"{team.name} meetings"
    assert {e.team_name for e in of_team.events} == {team.name}
    assert len(of_team.events) < len(of_gun_crime.events) == len(everything.events)
    assert of_traffic.events == () and of_traffic.name == "Traffic safety near schools meetings"


def test_uids_stay_put_across_exports_and_edits(sample: Workspace, tmp_path: Path) -> None:
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    with sample.session_factory.begin() as session:
        write_calendar_ics(calendar_data(session), first)
        meeting = catalog.MEETING.list(session)[0]
        catalog.MEETING.update(session, meeting.id, title="Moved to the library")
        catalog.AGENCY.update(session, catalog.AGENCY.list(session)[0].id, name="Renamed PD")
    with sample.session_factory.begin() as session:
        write_calendar_ics(calendar_data(session), second)

    def events(path: Path) -> dict[str, object]:
        parsed = Calendar.from_ical(path.read_bytes())
        return {str(e["UID"]): e for e in parsed.walk("VEVENT")}

    before, after = events(first), events(second)
    assert before.keys() == after.keys()
    changed = next(e for e in after.values() if str(e["SUMMARY"]) == "Moved to the library")
    assert int(changed["SEQUENCE"]) > int(before[str(changed["UID"])]["SEQUENCE"])
