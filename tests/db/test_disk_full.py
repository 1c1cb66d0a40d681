"""A full disk (simulated with max_page_count) and a busy workspace give clear messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from cs360desk.db.sqlite_errors import (
    DISK_FULL,
    DiskFullError,
    ReadOnlyWorkspaceError,
    WorkspaceBusyError,
    translate,
)
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.services import catalog


def people(workspace: Workspace) -> list[str]:
    with workspace.session_factory.begin() as session:
        return [p.full_name for p in catalog.PERSON.list(session)]


def limit_pages(workspace: Workspace, limit: list[int]) -> None:
    """Every new connection gets the current limit; the pool is emptied so it applies now."""

    def _apply(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={limit[0]}")

    event.listen(workspace.engine, "connect", _apply)
    workspace.engine.dispose()


def test_full_disk_during_an_edit_is_reported_and_retry_works(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "w.cs360")
    try:
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Nguyễn Thị Hoa")
        with workspace.engine.connect() as connection:
            pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)
        limit = [pages]
        limit_pages(workspace, limit)
        with pytest.raises(DiskFullError) as raised, workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Big", notes="x" * 200_000)
        assert str(raised.value) == DISK_FULL
        assert "the disk is full" in str(raised.value)
        assert people(workspace) == ["Nguyễn Thị Hoa"]
        limit[0] = 1_000_000
        workspace.engine.dispose()
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Big", notes="x" * 200_000)
        assert sorted(people(workspace)) == ["Big", "Nguyễn Thị Hoa"]
    finally:
        workspace.close()
    connection = sqlite3.connect(tmp_path / "w.cs360")
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_a_writer_holding_the_lock_makes_an_edit_say_busy(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    workspace = open_workspace(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with workspace.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA busy_timeout=200")
            connection.commit()
        with (
            pytest.raises(WorkspaceBusyError, match="busy"),
            workspace.engine.connect() as connection,
        ):
            connection.exec_driver_sql("PRAGMA busy_timeout=200")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="After")
        assert people(workspace) == ["After"]
    finally:
        other.close()
        workspace.close()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", DiskFullError),
        ("database is locked", WorkspaceBusyError),
        ("attempt to write a readonly database", ReadOnlyWorkspaceError),
    ],
)
def test_sqlite_messages_map_to_user_errors(message: str, expected: type) -> None:
    assert isinstance(translate(sqlite3.OperationalError(message)), expected)


def test_other_errors_stay_bugs() -> None:
    assert translate(sqlite3.OperationalError("no such table: x")) is None
    assert translate(ValueError("database or disk is full")) is None
