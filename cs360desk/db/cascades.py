"""What the database does to other rows when one is deleted: cascades and emptied links.

SQLite carries out ON DELETE CASCADE and SET NULL itself, so neither the ORM nor the change
log would ever hear of those rows. Undo and the History's restore bring them back from the
list this module makes before the delete.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Table, and_, select

from cs360desk.db.base import Base
from cs360desk.domain.edits import RowChange

CASCADE = "CASCADE"
SET_NULL = "SET NULL"


@dataclass(frozen=True)
class Reference:
    """A column of `table` that points at another table and what a delete there does to it."""

    table: Table
    column: Column[Any]
    on_delete: str

    @property
    def removes_row(self) -> bool:
        return self.on_delete == CASCADE


def has_id(table: Table) -> bool:
    """Link tables (recommendation ↔ action item) have no id: their key is the pair."""
    return "id" in table.c


def references_to(target: Table) -> Iterator[Reference]:
    """Columns that the database empties or whose rows it deletes when a `target` row goes."""
    for table in Base.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            on_delete = (foreign_key.ondelete or "").upper()
            if foreign_key.column.table is target and on_delete in (CASCADE, SET_NULL):
                yield Reference(table, foreign_key.parent, on_delete)


def dependents(connection: Connection, target: Table, record_id: int) -> list[RowChange]:
    """Rows deleted (cascade) or detached (set null) with this one, deepest first.

    A removed row appears whole (before = the row, after = None); a detached one only with
    its link (before = {column: record_id}, after = {column: None})."""
    changes: list[RowChange] = []
    for reference in references_to(target):
        column = reference.column
        rows = connection.execute(select(reference.table).where(column == record_id))
        for row in rows.mappings().all():
            if not reference.removes_row:
                changes.append(
                    RowChange(
                        reference.table.name, row["id"], {column.key: record_id}, {column.key: None}
                    )
                )
                continue
            own_id = row["id"] if has_id(reference.table) else None
            if own_id is not None:
                changes.extend(dependents(connection, reference.table, own_id))
            changes.append(RowChange(reference.table.name, own_id, dict(row), None))
    return changes


def row_key(table: Table, record_id: int | None, row: Mapping[str, Any]) -> ColumnElement[bool]:
    """The WHERE clause naming one row: its id, or for a link row every key column."""
    if has_id(table):
        return table.c.id == record_id
    return and_(*(column == row[column.key] for column in table.primary_key.columns))
