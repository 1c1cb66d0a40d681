"""Undoable writes: each returns an Edit that `undo` and `redo` can replay exactly."""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cs360desk.db import audit
from cs360desk.db.base import Base
from cs360desk.domain.edits import Edit, RowChange
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ConflictError, field_label
from cs360desk.services.entities import EntityService, table_of

M = TypeVar("M", bound=Base)
R = TypeVar("R")
_BOOKKEEPING = ("created_at", "updated_at", "version")


def create(session: Session, service: EntityService[M, R], **values: Any) -> tuple[R, Edit]:
    record = service.create(session, **values)
    row = _row(session, table_of(service.model), record.id)  # type: ignore[attr-defined]
    change = RowChange(table_of(service.model).name, row["id"], None, row)
    return record, Edit(f"Add {service.label}", (change,))


def update(
    session: Session,
    service: EntityService[M, R],
    record_id: int,
    *,
    expected_version: int | None = None,
    **changes: Any,
) -> tuple[R, Edit]:
    table = table_of(service.model)
    before = _row(session, table, record_id) if session.get(service.model, record_id) else None
    record = service.update(session, record_id, expected_version=expected_version, **changes)
    after = _row(session, table, record_id)
    assert before is not None
    changed = [k for k in after if k not in _BOOKKEEPING and before.get(k) != after[k]]
    names = ", ".join(field_label(name) for name in changed) or "nothing"
    change = RowChange(
        table.name,
        record_id,
        {k: before[k] for k in changed},
        {k: after[k] for k in changed},
    )
    return record, Edit(f"Change {service.label} ({names})", (change,) if changed else ())


def delete(session: Session, service: EntityService[M, R], record_id: int) -> Edit:
    """Deletes the row; the Edit also remembers cascaded children and nulled references."""
    service.load(session, record_id)
    table = table_of(service.model)
    dependents = _dependents(session, table, record_id)
    own = RowChange(table.name, record_id, _row(session, table, record_id), None)
    service.delete(session, record_id)
    # Replayed forwards children go first, so undo (replayed backwards) restores parents first.
    return Edit(f"Delete {service.label}", (*dependents, own))


def undo(session: Session, edit: Edit) -> None:
    for change in reversed(edit.changes):
        _apply(session, change.table, change.record_id, change.after, change.before)
    session.expire_all()


def redo(session: Session, edit: Edit) -> None:
    for change in edit.changes:
        _apply(session, change.table, change.record_id, change.before, change.after)
    session.expire_all()


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _row(session: Session, table: Table, record_id: int) -> dict[str, Any]:
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().one()
    return dict(row)


def _dependents(session: Session, target: Table, record_id: int) -> list[RowChange]:
    """Rows the database deletes (cascade) or detaches (set null) with this one, deepest first."""
    changes: list[RowChange] = []
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c:
            continue  # association rows are restored with their owners' cascade below
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is not target:
                continue
            column = foreign_key.parent
            rows = session.execute(select(table).where(column == record_id)).mappings().all()
            for row in rows:
                if foreign_key.ondelete == "CASCADE":
                    changes.extend(_dependents(session, table, row["id"]))
                    changes.append(RowChange(table.name, row["id"], dict(row), None))
                elif foreign_key.ondelete == "SET NULL":
                    changes.append(
                        RowChange(
                            table.name, row["id"], {column.key: record_id}, {column.key: None}
                        )
                    )
    return changes


def _apply(
    session: Session,
    table_name: str,
    record_id: int,
    expected: dict[str, Any] | None,
    wanted: dict[str, Any] | None,
) -> None:
    table = _table(table_name)
    exists = session.scalar(select(table.c.id).where(table.c.id == record_id)) is not None
    if wanted is None:
        if exists:
            session.execute(sa.delete(table).where(table.c.id == record_id))
            audit.record(session, table_name, record_id, ChangeAction.DELETE, expected or {})
        return
    if expected is None or not exists:
        if exists:
            raise ConflictError(f"cannot redo: {table_name} {record_id} exists again")
        session.execute(sa.insert(table).values(**wanted))
        audit.record(session, table_name, record_id, ChangeAction.CREATE, wanted)
        return
    values: dict[str, Any] = dict(wanted)
    if "version" in table.c:
        values["version"] = table.c.version + 1
    session.execute(sa.update(table).where(table.c.id == record_id).values(**values))
    changes = {k: [audit.jsonable(expected.get(k)), audit.jsonable(wanted[k])] for k in wanted}
    audit.record(session, table_name, record_id, ChangeAction.UPDATE, changes)
