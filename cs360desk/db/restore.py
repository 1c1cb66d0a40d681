"""Putting a backup back in place of the workspace, keeping the current one as *.pre-restore."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from cs360desk.db.backups import (
    BackupPolicy,
    open_for_reading,
    take_backup,
    write_verified_copy,
)
from cs360desk.db.engine import BUSY_TIMEOUT_MS
from cs360desk.db.location import workspace_file
from cs360desk.db.workspace import inspect_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import create_private_file
from cs360desk.domain.workspace_location import WorkspaceLocation

PRE_RESTORE_SUFFIX = ".pre-restore"


def pre_restore_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + PRE_RESTORE_SUFFIX)


def restore_backup(
    workspace: WorkspaceLocation | Path,
    backup: Path,
    *,
    backup_folder: Path | None = None,
    policy: BackupPolicy | None = None,
) -> Path | None:
    """Replace the workspace's content with a verified backup; returns the *.pre-restore
    copy of what was there (None when there was no workspace yet).

    The backup is checked in full before anything is written, so a file that is not a sound
    workspace leaves the current one untouched. All copying goes through SQLite."""
    target = workspace_file(workspace)
    backup = Path(backup).expanduser()
    if not backup.is_file():
        raise WorkspaceError(f"no backup at {backup}")
    status = inspect_workspace(backup, full_check=True)
    if not status.sound:
        raise WorkspaceError(f"{backup} is damaged and cannot be restored: {status.problems[0]}")
    kept = _keep_current(target, backup_folder, policy)
    _write_into(target, backup)
    return kept


def _keep_current(
    workspace: Path, backup_folder: Path | None, policy: BackupPolicy | None
) -> Path | None:
    if not workspace.exists():
        return None
    if backup_folder is not None:
        # A damaged workspace cannot be backed up; it is still kept below, as *.pre-restore.
        with contextlib.suppress(WorkspaceError):
            take_backup(workspace, backup_folder, policy=policy)
    kept = pre_restore_path(workspace)
    try:
        source = open_for_reading(workspace)
    except sqlite3.Error as error:
        raise WorkspaceError(f"cannot read {workspace} to keep it: {error}") from error
    try:
        _write_pre_restore(source, kept)
    finally:
        source.close()
    return kept


def _write_pre_restore(source: sqlite3.Connection, kept: Path) -> None:
    try:
        write_verified_copy(source, kept)
    except WorkspaceError as error:
        if "damaged" not in str(error):
            raise
        # A damaged workspace is exactly what one restores over: keep it as it is.
        create_private_file(kept)
        copy = sqlite3.connect(kept)
        try:
            source.backup(copy)
        finally:
            copy.close()


def _write_into(workspace: Path, backup: Path) -> None:
    if not workspace.parent.is_dir():
        raise WorkspaceError(f"the folder {workspace.parent} does not exist")
    source = open_for_reading(backup)
    try:
        # Restored where there was no workspace: a new file, its owner's only.
        create_private_file(workspace)
        target = sqlite3.connect(workspace, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # The backup API locks the target for the whole copy, so another copy of the
            # app sees either the old workspace or the restored one, never a mixture.
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise WorkspaceError(f"cannot restore into {workspace}: {error}") from error
    except OSError as error:
        raise WorkspaceError(
            f"cannot restore into {workspace}: {error.strerror or error}"
        ) from error
    finally:
        source.close()
