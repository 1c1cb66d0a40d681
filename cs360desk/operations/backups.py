"""Back up a workspace, list its backups, and put one back in its place."""

from __future__ import annotations

from pathlib import Path

from cs360desk.db.backups import (
    BackupFile,
    BackupPolicy,
    DamagedWorkspaceError,
    backup_stem,
    default_backup_folder,
    list_backups,
    newest_sound_backup,
    take_backup,
)
from cs360desk.db.copying import copy_rows, snapshot
from cs360desk.db.restore import restore_backup
from cs360desk.db.snapshots import take_snapshot
from cs360desk.db.workspace import BackupPlan, Workspace, inspect_workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _

__all__ = [
    "BackupFile",
    "BackupPlan",
    "BackupPolicy",
    "DamagedWorkspaceError",
    "back_up",
    "backup_stem",
    "backups_in",
    "default_backup_folder",
    "newest_sound_backup_of",
    "restore",
]


def back_up(
    *, workspace: WorkspaceLocation | Path, plan: BackupPlan, opened: Workspace | None = None
) -> BackupFile:
    """A checked backup in the plan's folder, then in its second folder (a stick that may be
    missing, so it comes after the one that matters); returns the first.

    A shared workspace's backup is a snapshot `.cs360` file, read through `opened` when it
    is open already."""
    location = WorkspaceLocation.parse(workspace)
    folders = [plan.folder, *([plan.second_folder] if plan.second_folder else [])]
    if location.is_file:
        made = [take_backup(location, folder, policy=plan.policy) for folder in folders]
        return made[0]
    if opened is not None:
        return _snapshots(opened, folders, plan)[0]
    reading = open_workspace(location, read_only=True)
    try:
        return _snapshots(reading, folders, plan)[0]
    finally:
        reading.close()


def _snapshots(opened: Workspace, folders: list[Path], plan: BackupPlan) -> list[BackupFile]:
    return [
        take_snapshot(opened.location, opened.engine, folder, policy=plan.policy)
        for folder in folders
    ]


def backups_in(*, workspace: WorkspaceLocation | Path, folder: Path) -> list[BackupFile]:
    """The workspace's backups in `folder`, newest first; other files there are ignored."""
    return list_backups(folder, backup_stem(workspace))


def restore(*, workspace: WorkspaceLocation | Path, backup: Path, plan: BackupPlan) -> Path | None:
    """Replace the workspace with a sound backup; returns where the workspace as it was is
    kept (*.pre-restore, or a snapshot for a shared workspace), None when there was none. A
    file that is not a sound workspace is refused and nothing changes."""
    location = WorkspaceLocation.parse(workspace)
    if location.is_file:
        return restore_backup(location, backup, backup_folder=plan.folder, policy=plan.policy)
    return _restore_into_server(location, Path(backup).expanduser(), plan)


def _restore_into_server(location: WorkspaceLocation, backup: Path, plan: BackupPlan) -> Path:
    """The server's workspace replaced by the backup's records in one transaction, after a
    snapshot of what it held (returned)."""
    if not backup.is_file():
        raise WorkspaceError(_("no backup at {path}").format(path=backup))
    status = inspect_workspace(backup, full_check=True)
    if not status.sound:
        raise WorkspaceError(
            _("{path} is damaged and cannot be restored: {problem}").format(
                path=backup, problem=status.problems[0]
            )
        )
    source = open_workspace(backup, read_only=True)
    target = open_workspace(location)
    try:
        kept = take_snapshot(location, target.engine, plan.folder, policy=plan.policy)
        with snapshot(source.engine) as reading, target.engine.begin() as writing:
            copy_rows(reading, writing, replace=True)
    finally:
        source.close()
        target.close()
    return kept.path


def newest_sound_backup_of(
    *, workspace: WorkspaceLocation | Path, plan: BackupPlan
) -> BackupFile | None:
    """The newest backup, in either of the plan's folders, that passes a full check."""
    folders = [plan.folder, *([plan.second_folder] if plan.second_folder else [])]
    return newest_sound_backup(folders, backup_stem(workspace))
