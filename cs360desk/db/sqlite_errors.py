"""SQLite failures the user can act on (full disk, busy, read-only) become clear messages."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from cs360desk.domain.errors import UserFacingError


class DiskFullError(UserFacingError):
    """SQLITE_FULL: nothing of the failed action was saved; earlier data is intact."""


class WorkspaceBusyError(UserFacingError):
    """SQLITE_BUSY after the busy timeout: another program holds the write lock."""


class ReadOnlyWorkspaceError(UserFacingError):
    """SQLITE_READONLY: the file or its folder cannot be written."""


DISK_FULL = "not saved: the disk is full. Free some space, then try again."
BUSY = (
    "not saved: the workspace is busy (another copy of CS360 Desk or a command is saving). "
    "Try again in a moment."
)
READ_ONLY = "not saved: the workspace is read-only (the file or its folder cannot be written)."


def install_error_translation(engine: Engine) -> None:
    if not event.contains(engine, "handle_error", _translate):
        event.listen(engine, "handle_error", _translate)


def translate(error: BaseException) -> UserFacingError | None:
    """The user-facing error for a raw sqlite3 error, or None when it is a bug."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    message = str(error)
    # Python 3.11+ carries the primary result code; older messages are matched as a fallback.
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL or "database or disk is full" in message:
        return DiskFullError(DISK_FULL)
    if primary == sqlite3.SQLITE_BUSY or "database is locked" in message:
        return WorkspaceBusyError(BUSY)
    if primary == sqlite3.SQLITE_READONLY or "readonly database" in message:
        return ReadOnlyWorkspaceError(READ_ONLY)
    return None


def _translate(context: ExceptionContext) -> BaseException | None:
    return translate(context.original_exception)
