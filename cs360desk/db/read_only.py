"""A read-only engine, for a workspace file or folder that cannot be written."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from cs360desk.db.backups import open_for_reading
from cs360desk.db.engine import add_functions, with_explicit_begin

READ_ONLY_BANNER = (
    "This workspace is open read-only: {reason}. You can look and print, but not edit."
)


def cannot_write(path: Path) -> str | None:
    """Why the workspace cannot be written, or None when it can."""
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    # SQLite writes its -wal and -shm files beside the workspace.
    if not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    return None


def create_read_only_engine(path: Path) -> Engine:
    """Reads never create -wal/-shm files; any write fails as a clear ReadOnlyWorkspaceError."""
    engine = create_engine("sqlite://", creator=lambda: _connect(path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _set_up(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        add_functions(dbapi_connection)

    return with_explicit_begin(engine)


def _connect(path: Path) -> sqlite3.Connection:
    return open_for_reading(path)
