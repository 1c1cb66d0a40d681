"""The SQLite engine of a workspace: the only place that speaks SQLite-specific SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from cs360desk.db.sqlite_errors import install_error_translation
from cs360desk.domain.text_search import folded

# Marks a SQLite file as ours ("CS60"), so another app's database is told apart at once.
APPLICATION_ID = 0x43533630
BUSY_TIMEOUT_MS = 5000
# The triggers that keep the action item search table (db/models/search.py) call this on
# every write, so a connection without it cannot change an action item.
FOLD_FUNCTION = "cs360_fold"


def create_workspace_engine(path: Path) -> Engine:
    """An engine whose every connection enforces foreign keys and durable WAL writes."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Python's sqlite3 opens implicit transactions; pragmas must run outside one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()
        add_functions(dbapi_connection)

    return with_explicit_begin(engine)


def with_explicit_begin(engine: Engine) -> Engine:
    """`engine`, whose connections have the driver's implicit transactions off: SQLAlchemy's
    begin starts one itself, and driver errors reach the app as its own (sqlite_errors)."""

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    install_error_translation(engine)
    return engine


def add_functions(dbapi_connection: sqlite3.Connection) -> None:
    """The SQL functions the app's queries and triggers call, on every connection it opens
    (read-only ones included): searches compare text folded as domain.text_search folds it."""
    dbapi_connection.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)


def _fold(value: Any) -> Any:
    return folded(value) if isinstance(value, str) else value


def mark_as_workspace(engine: Engine) -> None:
    with engine.connect() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        connection.commit()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def pragma_value(engine: Engine, name: str) -> Any:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def read_only_probe(path: Path) -> sqlite3.Connection:
    """Open a file for inspection without any chance of writing to it or beside it."""
    wal = path.with_name(path.name + "-wal")
    # A cleanly closed workspace has no -wal file: reading it as immutable keeps SQLite from
    # creating -wal/-shm files next to it. With a -wal present (another copy is open, or the
    # last one crashed) its committed pages must be read too, so use the ordinary mode.
    mode = "ro" if wal.exists() else "ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
