"""Revision 0005 fills the action item search copy, keeps it by triggers, and steps back down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, text

from cs360desk.db.migration import alembic_config
from cs360desk.db.workspace import Workspace
from tests.db.migration_support import INITIATIVE, plain_engine

TRIGGERS = {"action_item_search_insert", "action_item_search_update", "action_item_search_delete"}
ACTION_ITEM = (
    "INSERT INTO action_item (initiative_id, title, details, status, priority, created_at, "
    "updated_at, version) VALUES (1, :title, :details, 'open', 'low', '2026-01-01', "
    "'2026-01-01', 1)"
)


def _names(connection: Connection, kind: str) -> set[str]:
    query = text("SELECT name FROM sqlite_master WHERE type = :kind")
    return set(connection.execute(query, {"kind": kind}).scalars())


def test_existing_items_are_folded_and_downgrade_removes_the_copy(tmp_path: Path) -> None:
    # A plain engine, without the app's SQL functions: the upgrade must not need them.
    with plain_engine(tmp_path / "old.cs360") as engine:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0004")
            connection.execute(text(INITIATIVE))
            for title, details in (("Gặp ông ĐỨC", "Straße"), ("JOSÉ", ""), ("Plain", "x")):
                connection.execute(text(ACTION_ITEM), {"title": title, "details": details})
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0005")
            rows = connection.execute(text("SELECT * FROM action_item_search ORDER BY id")).all()
            assert [tuple(row) for row in rows] == [
                (1, "gap ong đuc", "strasse"),  # the fold sets accents aside; Đ is its own letter
                (2, "jose", ""),
                (3, "plain", "x"),
            ]
            assert _names(connection, "trigger") == TRIGGERS
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004")
            assert "action_item_search" not in _names(connection, "table")
            assert _names(connection, "trigger") == set()
            assert connection.execute(text("SELECT count(*) FROM action_item")).scalar() == 3


def test_a_new_workspace_has_the_triggers(workspace: Workspace) -> None:
    """A later migration that rebuilds action_item (batch mode) drops them: it must add them
    back, or the search would silently miss every item written afterwards."""
    with workspace.engine.connect() as connection:
        assert _names(connection, "trigger") >= TRIGGERS


def test_a_connection_without_the_fold_function_cannot_write_an_item(
    workspace: Workspace,
) -> None:
    """Writing an item where the search copy cannot follow fails instead of going stale."""
    with workspace.engine.begin() as connection:
        connection.execute(text(INITIATIVE))
    other = sqlite3.connect(workspace.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="cs360_fold"):
            other.execute(ACTION_ITEM.replace(":title, :details", "'Late', ''"))
    finally:
        other.close()
