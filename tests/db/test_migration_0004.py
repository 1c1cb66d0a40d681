"""Revision 0004 adds the edit group to the change log; older records keep theirs empty."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from cs360desk.db.migration import alembic_config
from tests.db.migration_support import plain_engine

CHANGE = (
    "INSERT INTO change_record (at, who, entity, entity_id, action, changes) "
    "VALUES ('2026-01-01 00:00:00', 'hoa', 'person', 1, 'delete', '{\"full_name\": \"Hoa\"}')"
)


def test_old_records_get_no_group_and_downgrade_keeps_them(tmp_path: Path) -> None:
    with plain_engine(tmp_path / "old.cs360") as engine:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0003")
            connection.execute(text(CHANGE))
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0004")
            row = connection.execute(text("SELECT who, edit_group FROM change_record")).one()
            assert tuple(row) == ("hoa", None)
            indexes = connection.execute(text("PRAGMA index_list(change_record)")).all()
            assert "ix_change_record_edit_group" in {index[1] for index in indexes}
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
            columns = connection.execute(text("PRAGMA table_info(change_record)")).all()
            assert "edit_group" not in {column[1] for column in columns}
            assert connection.execute(text("SELECT who FROM change_record")).scalar() == "hoa"
