"""Back up a workspace, list its backups, and put one back in its place."""

from __future__ import annotations

from pathlib import Path

from cs360desk.db.backups import (
    BackupFile,
    BackupPolicy,
    DamagedWorkspaceError,
    default_backup_folder,
    list_backups,
    newest_sound_backup,
    take_backup,
)
from cs360desk.db.restore import restore_backup
from cs360desk.db.workspace import BackupPlan

__all__ = [
    "BackupFile",
    "BackupPlan",
    "BackupPolicy",
    "DamagedWorkspaceError",
    "back_up",
    "backups_in",
    "default_backup_folder",
    "newest_sound_backup_of",
    "restore",
]


def back_up(*, workspace: Path, plan: BackupPlan) -> BackupFile:
    """A checked backup in the plan's folder, then in its second folder (a stick that may be
    missing, so it comes after the one that matters); returns the first."""
    made = take_backup(workspace, plan.folder, policy=plan.policy)
    if plan.second_folder is not None:
        take_backup(workspace, plan.second_folder, policy=plan.policy)
    return made


def backups_in(*, workspace: Path, folder: Path) -> list[BackupFile]:
    """The workspace's backups in `folder`, newest first; other files there are ignored."""
    return list_backups(folder, workspace.stem)


def restore(*, workspace: Path, backup: Path, plan: BackupPlan) -> Path | None:
    """Replace the workspace with a sound backup; returns where the workspace as it was is
    kept (*.pre-restore), None when there was none. A file that is not a sound workspace is
    refused and nothing changes."""
    return restore_backup(workspace, backup, backup_folder=plan.folder, policy=plan.policy)


def newest_sound_backup_of(*, workspace: Path, plan: BackupPlan) -> BackupFile | None:
    """The newest backup, in either of the plan's folders, that passes a full check."""
    folders = [plan.folder, *([plan.second_folder] if plan.second_folder else [])]
    return newest_sound_backup(folders, workspace.stem)
