"""Engine connections enforce the pragmas, the probe cannot write, aggregates come back typed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.engine import (
    APPLICATION_ID,
    create_workspace_engine,
    pragma_value,
    read_only_probe,
)
from cs360desk.db.workspace import Workspace
from tests.conftest import Builders

PRAGMAS = ("foreign_keys", "journal_mode", "synchronous", "busy_timeout", "application_id")


def test_every_new_connection_gets_the_pragmas(workspace: Workspace) -> None:
    # Two connections held at once are two distinct driver connections, not one pooled twice.
    with workspace.engine.connect() as first, workspace.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            values = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS
            }
            assert values["foreign_keys"] == 1
            assert values["journal_mode"] == "wal"
            assert values["synchronous"] == 2  # FULL
            assert values["busy_timeout"] > 0
            assert values["application_id"] == APPLICATION_ID


def test_foreign_keys_are_enforced_by_the_database(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection, pytest.raises(Exception) as info:
        connection.exec_driver_sql(
            "INSERT INTO team (initiative_id, name, kind, charter, cadence, created_at,"
            " updated_at, version) VALUES (999, 'T', 'advisory_team', '', 'monthly',"
            " '2026-01-01', '2026-01-01', 1)"
        )
    assert "FOREIGN KEY" in str(info.value)


def test_pragma_value_reads_one_pragma(workspace: Workspace) -> None:
    assert pragma_value(workspace.engine, "journal_mode") == "wal"
    assert pragma_value(workspace.engine, "application_id") == APPLICATION_ID


def test_engine_on_a_plain_file_sets_pragmas_without_marking_it(tmp_path: Path) -> None:
    engine = create_workspace_engine(tmp_path / "plain.db")
    try:
        assert pragma_value(engine, "foreign_keys") == 1
        assert pragma_value(engine, "application_id") == 0
    finally:
        engine.dispose()


def test_read_only_probe_cannot_write(workspace: Workspace) -> None:
    workspace.close()
    probe = read_only_probe(workspace.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            probe.execute("CREATE TABLE intruder (x)")
    finally:
        probe.close()


def test_max_of_a_date_or_timestamp_comes_back_typed(session: Session, build: Builders) -> None:
    # Services read max() results as dates and aware datetimes, with no per-driver repair.
    basics = build.basics()
    build.meeting(basics.team.id, datetime(2026, 3, 10, 23, 0, tzinfo=UTC))
    build.communication(basics.initiative.id, posted_on=date(2026, 3, 12))
    latest_meeting = session.scalar(select(func.max(m.Meeting.starts_at)))
    latest_post = session.execute(
        select(m.Communication.audience, func.max(m.Communication.posted_on)).group_by(
            m.Communication.audience
        )
    ).one()[1]
    assert latest_meeting == datetime(2026, 3, 10, 23, 0, tzinfo=UTC)
    assert latest_meeting.tzinfo is not None
    assert type(latest_post) is date and latest_post == date(2026, 3, 12)
