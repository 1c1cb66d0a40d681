"""Opening the app's workspace: one writing copy of a file, daily backups, a damaged file
restored; a shared workspace on a server, which several people edit at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cs360desk.db.locking import SECOND_COPY_REASON, WorkspaceLock
from cs360desk.db.server import with_password
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import make_private_folder
from cs360desk.domain.workspace_location import WorkspaceLocation
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
    """A workspace open in the app, with the lock that makes this copy a file's one writer
    (a shared workspace has none: several people edit it at once)."""

    workspace: Workspace
    lock: WorkspaceLock | None = None

    def close(self) -> None:
        self.workspace.close()
        if self.lock is not None:
            self.lock.release()


class NoSoundBackupError(WorkspaceError):
    """The workspace is damaged and no backup passes a full check: nothing to offer."""

    def __init__(self, damage: DamagedWorkspaceError) -> None:
        super().__init__(str(damage))
        self.damage = damage


def open_for_app(
    location: WorkspaceLocation | Path,
    *,
    plan: BackupPlan,
    offer: RestoreOffer,
    password: str | None = None,
    acting_user: str | None = None,
) -> AppWorkspace | None:
    """Open (or create) the app's workspace; None when the user declined the restore.

    A shared workspace opens with `password` (when the URL has none) and records changes as
    made by `acting_user` (by default the database role); it takes daily snapshots by `plan`.
    Of a file, the copy that gets the lock opens for editing and takes the daily backups of
    `plan`; a second copy opens read-only. A damaged workspace gets the newest sound backup
    offered and, once `offer` agrees, restored before it is opened again; NoSoundBackupError
    when there is none. Other failures raise as they are; the lock is never left held by a
    failed open."""
    location = WorkspaceLocation.parse(location)
    if not location.is_file:
        opened = open_workspace(
            with_password(location, password), daily_backup=plan, acting_user=acting_user
        )
        return AppWorkspace(opened)
    path = location.require_file()
    lock = WorkspaceLock(path)
    try:
        workspace = _open_offering_restores(path, plan, offer, lock, acting_user)
    except BaseException:
        lock.release()
        raise
    if workspace is None:
        lock.release()
        return None
    return AppWorkspace(workspace, lock)


def _open_offering_restores(
    path: Path, plan: BackupPlan, offer: RestoreOffer, lock: WorkspaceLock, who: str | None
) -> Workspace | None:
    while True:
        try:
            return _open_locked(path, plan, lock, who)
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


def _open_locked(path: Path, plan: BackupPlan, lock: WorkspaceLock, who: str | None) -> Workspace:
    make_private_folder(path.parent)  # the folders it makes are the user's only
    # A second copy of the app reads but never writes: one writer per workspace.
    second_copy = path.exists() and not lock.acquire()
    return open_workspace(
        path,
        read_only=second_copy,
        daily_backup=None if second_copy else plan,
        read_only_reason=SECOND_COPY_REASON,
        acting_user=who,
    )
