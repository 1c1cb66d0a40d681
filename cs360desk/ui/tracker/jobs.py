"""The Excel & calendar section's work, run on the worker thread with its own session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cs360desk.db.backups import default_backup_folder, take_backup
from cs360desk.domain.tracker import ImportPreview, ImportResult, ParsedTracker
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from cs360desk.services.calendar_export import calendar_data
from cs360desk.services.catalog import INITIATIVE, TEAM
from cs360desk.services.tracker_export import tracker_data
from cs360desk.services.tracker_import import apply_tracker_import, preview_tracker_import
from cs360desk.ui.common.tasks import TaskJob, WorkSession


@dataclass(frozen=True)
class TrackerPage:
    initiative_name: str
    teams: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class LoadedImport:
    """A file read and compared: the parsed rows are kept to apply exactly what was shown."""

    path: Path
    parsed: ParsedTracker
    preview: ImportPreview


def load_page(session: WorkSession, initiative_id: int | None) -> TrackerPage:
    if initiative_id is None:
        return TrackerPage("", ())
    initiative = INITIATIVE.get(session, initiative_id)
    teams = tuple((team.id, team.name) for team in TEAM.list(session, initiative_id=initiative_id))
    return TrackerPage(initiative.name, teams)


def export_tracker(
    session: WorkSession, job: TaskJob, initiative_id: int, target: Path, today: date
) -> Path:
    job.progress(10, "Reading the workspace…")
    data = tracker_data(session, initiative_id, today=today)
    job.progress(40, "Writing the workbook…")
    write_tracker_xlsx(data, target)
    return target


def preview_import(session: WorkSession, job: TaskJob, source: Path, today: date) -> LoadedImport:
    job.progress(10, "Checking the file…")
    parsed = read_tracker(source)
    job.progress(50, "Comparing with the workspace…")
    preview = preview_tracker_import(session, parsed, today=today)
    return LoadedImport(source, parsed, preview)


def apply_import(
    session: WorkSession,
    job: TaskJob,
    loaded: LoadedImport,
    today: date,
    skip_errors: bool,
    workspace_path: Path | None = None,
) -> ImportResult:
    if workspace_path is not None:
        # An import changes many rows at once: keep the workspace as it was, first.
        job.progress(5, "Backing up the workspace…")
        take_backup(workspace_path, default_backup_folder(workspace_path))
    job.progress(20, "Applying the changes…")
    return apply_tracker_import(session, loaded.parsed, today=today, skip_errors=skip_errors)


def export_calendar(
    session: WorkSession,
    job: TaskJob,
    initiative_id: int | None,
    team_id: int | None,
    target: Path,
) -> int:
    job.progress(20, "Reading the meetings…")
    data = calendar_data(session, team_id=team_id, initiative_id=initiative_id)
    job.progress(60, "Writing the calendar…")
    write_calendar_ics(data, target)
    return len(data.events)
