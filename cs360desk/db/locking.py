"""One writing copy of the app per workspace: an OS lock on a small file beside it.

The OS drops the lock when the holder exits or is killed, so a crash never leaves a stale
lock behind. SQLite's own locks still guard every write; this lock only decides which copy
of the app opens the workspace for editing and which opens it read-only."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from cs360desk.db.location import workspace_file
from cs360desk.domain.private_files import private_opener
from cs360desk.domain.workspace_location import WorkspaceLocation

LOCK_SUFFIX = ".lock"
SECOND_COPY_REASON = "another copy of CS360 Desk has it open for editing"


def lock_path(workspace: WorkspaceLocation | Path) -> Path:
    path = workspace_file(workspace)
    return path.with_name(path.name + LOCK_SUFFIX)


class WorkspaceLock:
    """Held for as long as the app edits the workspace; `acquire` never waits."""

    def __init__(self, workspace: WorkspaceLocation | Path) -> None:
        self.path = lock_path(workspace)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another process does."""
        if self._handle is not None:
            return True
        # Owner-only, as the workspace beside it.
        handle = open(self.path, "a+b", opener=private_opener)  # noqa: SIM115 (held while locked)
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        # Only informative: who holds it, for a person looking at the folder.
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
