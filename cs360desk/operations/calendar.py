"""The meetings as a calendar file (.ics) for Outlook, Google or Apple calendars."""

from __future__ import annotations

from pathlib import Path

from cs360desk.db.workspace import Workspace
from cs360desk.i18n import _, language
from cs360desk.operations.progress import Progress, notify
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.services.agency_settings import public_language
from cs360desk.services.calendar_export import calendar_data


def export_calendar(
    *,
    workspace: Workspace,
    target: Path,
    team_id: int | None = None,
    initiative_id: int | None = None,
    progress: Progress | None = None,
    language_code: str | None = None,
) -> int:
    """Write the meetings of one team, of one initiative, or (neither given) of the whole
    workspace to `target`; returns how many meetings it holds. Its descriptive text is in
    `language_code` (None: the agency's language for public outputs)."""
    notify(progress, 20, _("Reading the meetings…"))
    with workspace.session_factory.begin() as session:
        chosen = language_code or public_language(session)
        with language(chosen):
            data = calendar_data(session, team_id=team_id, initiative_id=initiative_id)
    notify(progress, 60, _("Writing the calendar…"))
    with language(chosen):
        write_calendar_ics(data, target)
    return len(data.events)
