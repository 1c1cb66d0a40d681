"""Opening the app's workspace: one writing copy, daily backups, a damaged file restored."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cs360desk.db.locking import SECOND_COPY_REASON, WorkspaceLock
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import make_private_folder
from cs360desk.operations.backups import (
    BackupPlan,
    DamagedWorkspaceError,
    newest_sound_backup_of,
    restore,
)

log = logging.getLogger(__name__)
# Asked when the workspace is damaged: restore this backup over it?
RestoreOffer = Callable[[DamagedWorkspaceError, Path], bool]


@dataclass(frozen=True)
class AppWorkspace:
    """A workspace open in the app, with the lock that makes this copy its one writer."""

    workspace: Workspace
    lock: WorkspaceLock

    def close(self) -> None:
        self.workspace.close()
        self.lock.release()


class NoSoundBackupError(WorkspaceError):
    """The workspace is damaged and no backup passes a full check: nothing to offer."""

    def __init__(self, damage: DamagedWorkspaceError) -> None:
        super().__init__(str(damage))
        self.damage = damage


def open_for_app(path: Path, *, plan: BackupPlan, offer: RestoreOffer) -> AppWorkspace | None:
    """Open (or create) the app's workspace; None when the user declined the restore.

    The copy that gets the lock opens for editing and takes the daily backups of `plan`; a
    second copy opens read-only. A damaged workspace gets the newest sound backup offered and,
    once `offer` agrees, restored before it is opened again; NoSoundBackupError when there is
    none. Other failures raise as they are; the lock is never left held by a failed open."""
    lock = WorkspaceLock(path)
    try:
        workspace = _open_offering_restores(path, plan, offer, lock)
    except BaseException:
        lock.release()
        raise
    if workspace is None:
        lock.release()
        return None
    return AppWorkspace(workspace, lock)


def _open_offering_restores(
    path: Path, plan: BackupPlan, offer: RestoreOffer, lock: WorkspaceLock
) -> Workspace | None:
    while True:
        try:
            return _open_locked(path, plan, lock)
        except DamagedWorkspaceError as damage:
            backup = newest_sound_backup_of(workspace=path, plan=plan)
            if backup is None:
                raise NoSoundBackupError(damage) from damage
            if not offer(damage, backup.path):
                return None
            kept = restore(workspace=path, backup=backup.path, plan=plan)
            log.warning(
                "Restored %s from %s; the damaged file is kept as %s", path, backup.path, kept
            )


def _open_locked(path: Path, plan: BackupPlan, lock: WorkspaceLock) -> Workspace:
    make_private_folder(path.parent)  # the folders it makes are the user's only
    # A second copy of the app reads but never writes: one writer per workspace.
    second_copy = path.exists() and not lock.acquire()
    return open_workspace(
        path,
        read_only=second_copy,
        daily_backup=None if second_copy else plan,
        read_only_reason=SECOND_COPY_REASON,
    )
