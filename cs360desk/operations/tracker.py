"""The Excel tracker: export it, read a returned one, preview its changes and apply them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import ImportPreview, ImportResult, ParsedTracker
from cs360desk.i18n import _, language
from cs360desk.operations.backups import BackupFile, BackupPlan, back_up
from cs360desk.operations.progress import Progress, notify
from cs360desk.operations.workspaces import WorkspaceSession
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from cs360desk.services.agency_settings import public_language
from cs360desk.services.tracker_export import tracker_data
from cs360desk.services.tracker_import import apply_tracker_import, preview_tracker_import
from cs360desk.services.workspace_info import initiatives


@dataclass(frozen=True)
class ExportedTracker:
    path: Path
    initiative_name: str


@dataclass(frozen=True)
class LoadedImport:
    """A file read and compared: the parsed rows are kept to apply exactly what was shown."""

    path: Path
    parsed: ParsedTracker
    preview: ImportPreview


@dataclass(frozen=True)
class AppliedImport:
    """An import applied, and the backup of the workspace as it was just before."""

    backup: BackupFile
    result: ImportResult


class InitiativeChoiceError(ValidationError):
    """The workspace has several initiatives and none was chosen; `choices` names them."""

    def __init__(self, choices: str) -> None:
        super().__init__("initiative", _("choose one ({choices})").format(choices=choices))
        self.choices = choices


def export_tracker(
    *,
    workspace: Workspace,
    initiative_id: int | None,
    target: Path,
    today: date,
    progress: Progress | None = None,
    language_code: str | None = None,
) -> ExportedTracker:
    """Write the tracker of one initiative (None: the only one there is) to `target`, in
    `language_code` (None: the agency's language for public outputs). A tracker comes back
    in whichever language it went out in."""
    notify(progress, 10, _("Reading the workspace…"))
    with workspace.session_factory.begin() as session:
        chosen = language_code or public_language(session)
        with language(chosen):
            data = tracker_data(session, _chosen_initiative(session, initiative_id), today=today)
    notify(progress, 40, _("Writing the workbook…"))
    with language(chosen):
        write_tracker_xlsx(data, target)
    return ExportedTracker(target, data.initiative_name)


def read_returned_tracker(source: Path) -> ParsedTracker:
    """The editable sheets of a returned tracker; TrackerFileError when it is not safe."""
    return read_tracker(source)


def preview_import(
    *, workspace: Workspace, source: Path, today: date, progress: Progress | None = None
) -> LoadedImport:
    """What importing `source` would change, row by row; nothing is written anywhere."""
    notify(progress, 10, _("Checking the file…"))
    parsed = read_returned_tracker(source)
    notify(progress, 50, _("Comparing with the workspace…"))
    with workspace.session_factory.begin() as session:
        preview = preview_tracker_import(session, parsed, today=today)
    return LoadedImport(source, parsed, preview)


def apply_import(
    *,
    workspace: Workspace,
    parsed: ParsedTracker,
    today: date,
    skip_errors: bool,
    progress: Progress | None = None,
    on_backed_up: Callable[[BackupFile], None] | None = None,
) -> AppliedImport:
    """Back the workspace up, then apply the import in one transaction of its own.

    Rows with errors and no `skip_errors` raise ImportBlockedError and change nothing; the
    backup is taken (and `on_backed_up` told) before that is known, as for any apply."""
    # An import changes many rows at once: keep the workspace as it was, before any of it.
    notify(progress, 5, _("Backing up the workspace…"))
    backup = back_up(
        workspace=workspace.location,
        plan=BackupPlan.beside(workspace.location),
        opened=workspace,
    )
    if on_backed_up is not None:
        on_backed_up(backup)
    notify(progress, 20, _("Applying the changes…"))
    with workspace.session_factory.begin() as session:
        result = apply_tracker_import(session, parsed, today=today, skip_errors=skip_errors)
    return AppliedImport(backup, result)


def _chosen_initiative(session: WorkspaceSession, wanted: int | None) -> int:
    if wanted is not None:
        return wanted
    found = initiatives(session)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise ValidationError("initiative", _("the workspace has no initiative yet"))
    raise InitiativeChoiceError("; ".join(f"{item.id}: {item.name}" for item in found))
