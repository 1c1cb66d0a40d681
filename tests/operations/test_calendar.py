"""The meetings calendar: all of them, one team's, one initiative's; bad places refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from cs360desk.domain.errors import NotFoundError, UserFacingError
from cs360desk.operations.calendar import export_calendar
from cs360desk.operations.workspaces import Workspace
from tests.tracker_support import GUN_CRIME


@pytest.fixture
def workspace(sample: Workspace) -> Workspace:
    """The small sample agency, on a workspace file and on a server."""
    return sample


def events(path: Path) -> list[object]:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_every_meeting_and_the_count_agree(workspace: Workspace, tmp_path: Path) -> None:
    seen: list[int] = []
    target = tmp_path / "meetings.ics"
    count = export_calendar(
        workspace=workspace, target=target, progress=lambda percent, _m: seen.append(percent)
    )
    assert count == len(events(target)) > 10
    assert seen == [20, 60]


def test_a_team_or_an_initiative_narrows_it(workspace: Workspace, tmp_path: Path) -> None:
    everything = export_calendar(workspace=workspace, target=tmp_path / "all.ics")
    team = export_calendar(workspace=workspace, target=tmp_path / "team.ics", team_id=3)
    gun_crime = export_calendar(
        workspace=workspace, target=tmp_path / "gun.ics", initiative_id=GUN_CRIME
    )
    traffic = export_calendar(workspace=workspace, target=tmp_path / "cars.ics", initiative_id=2)
    assert 0 < team < gun_crime == everything and traffic == 0
    assert events(tmp_path / "cars.ics") == []


def test_a_team_that_does_not_exist_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_calendar(workspace=workspace, target=tmp_path / "x.ics", team_id=999)
    assert not (tmp_path / "x.ics").exists()


def test_a_folder_that_does_not_exist_gets_nothing(workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "no" / "meetings.ics"
    with pytest.raises(UserFacingError, match="does not exist"):
        export_calendar(workspace=workspace, target=target)
    assert not target.parent.exists()
