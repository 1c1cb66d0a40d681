"""A whole workspace copied to another place: a laptop file up to a server, a server's
workspace down to a portable file, or file to file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cs360desk.db.copying import CopyMismatchError, CopyProgress, copy_rows, snapshot
from cs360desk.db.locking import WorkspaceLock
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import make_private_folder
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _
from cs360desk.operations.backups import BackupPlan, back_up
from cs360desk.services.workspace_info import entity_counts, is_empty, the_agency

IN_USE = N_("CS360 Desk has this workspace open; close it first: {location}")


@dataclass(frozen=True)
class CopiedWorkspace:
    """Records of every kind on both sides (equal, or the copy would have failed), and
    where the destination's earlier content is kept when it was replaced."""

    source_counts: dict[str, int]
    destination_counts: dict[str, int]
    kept: Path | None = None


class DestinationHoldsAgencyError(WorkspaceError):
    """The destination already holds an agency, and replacing it was not asked for."""


def copy_workspace(
    source: WorkspaceLocation | Path | str,
    destination: WorkspaceLocation | Path | str,
    *,
    force: bool = False,
    progress: CopyProgress | None = None,
) -> CopiedWorkspace:
    """Copy every record of `source` into `destination`, in one transaction there.

    The source is only read, as one snapshot. A destination that holds an agency is refused
    unless `force`; then it is backed up first and replaced. Ids, the History and stage dates
    survive; the counts of every kind are compared on both sides and a difference undoes it."""
    source_location = WorkspaceLocation.parse(source)
    target_location = WorkspaceLocation.parse(destination)
    if source_location == target_location:
        raise WorkspaceError(_("the source and the destination are the same workspace"))
    lock = _lock_file_destination(target_location)
    new_file = target_location.is_file and not target_location.require_file().exists()
    try:
        origin = open_workspace(source_location, read_only=True)
        try:
            return _copy(origin, target_location, force, progress)
        finally:
            origin.close()
    except BaseException:
        if new_file:  # a failed copy leaves no half-made workspace behind
            _remove_workspace_file(target_location.require_file())
        raise
    finally:
        if lock is not None:
            lock.release()


def _remove_workspace_file(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _lock_file_destination(location: WorkspaceLocation) -> WorkspaceLock | None:
    """A workspace file the app has open is never written under it."""
    if not location.is_file:
        return None
    path = location.require_file()
    make_private_folder(path.parent)
    lock = WorkspaceLock(location)
    if not lock.acquire():
        raise WorkspaceError(_(IN_USE).format(location=location.describe()))
    return lock


def _copy(
    origin: Workspace,
    location: WorkspaceLocation,
    force: bool,
    progress: CopyProgress | None,
) -> CopiedWorkspace:
    target = open_workspace(location)
    try:
        with target.session_factory.begin() as session:
            holds_agency = not is_empty(session)
            agency = the_agency(session)
        if holds_agency and not force:
            raise DestinationHoldsAgencyError(
                _(
                    "{location} already holds the workspace of {agency}; add --force to "
                    "replace it (it is backed up first)"
                ).format(location=location.describe(), agency=agency.name if agency else "")
            )
        kept = None
        if holds_agency:
            kept = back_up(workspace=location, plan=BackupPlan.beside(location)).path
        with snapshot(origin.engine) as reading, target.engine.begin() as writing:
            try:
                copy_rows(reading, writing, replace=True, progress=progress)
            except CopyMismatchError as error:
                raise WorkspaceError(
                    _("nothing was copied: {error}").format(error=error)
                ) from error
        with origin.session_factory.begin() as session:
            source_counts = entity_counts(session)
        with target.session_factory.begin() as session:
            destination_counts = entity_counts(session)
    finally:
        target.close()
    if source_counts != destination_counts:  # pragma: no cover - copy_rows compared tables
        raise WorkspaceError(_("the copy's record counts differ from the source's"))
    return CopiedWorkspace(source_counts, destination_counts, kept)
