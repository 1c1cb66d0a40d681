"""The meetings as a calendar file (.ics) for Outlook, Google or Apple calendars."""

from __future__ import annotations

from pathlib import Path

from cs360desk.db.workspace import Workspace
from cs360desk.operations.progress import Progress, notify
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.services.calendar_export import calendar_data


def export_calendar(
    *,
    workspace: Workspace,
    target: Path,
    team_id: int | None = None,
    initiative_id: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the meetings of one team, of one initiative, or (neither given) of the whole
    workspace to `target`; returns how many meetings it holds."""
    notify(progress, 20, "Reading the meetings…")
    with workspace.session_factory.begin() as session:
        data = calendar_data(session, team_id=team_id, initiative_id=initiative_id)
    notify(progress, 60, "Writing the calendar…")
    write_calendar_ics(data, target)
    return len(data.events)
