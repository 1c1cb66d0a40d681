"""The rows a tracker import checked, written together: logged, and undone as one edit.

The values were checked already (tracker_checks), so they are stored as they are: changed
objects and new ones go out in one flush (the change log records every row of it), the new
records' children in a second, once their parents have ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db.base import Base
from cs360desk.domain.edits import Edit, RowChange
from cs360desk.services.entities import table_of
from cs360desk.services.tracker_checks import CheckedWrite

# What every save moves on; an undo need not put it back (as in services/edits.py).
_BOOKKEEPING = ("created_at", "updated_at", "version")
_CHUNK = 500
_Stored = dict[tuple[str, int], dict[str, Any]]


def write_checked(session: Session, checked: Sequence[CheckedWrite], label: str) -> Edit:
    """Store every checked write; the Edit lists the rows in file order, children after."""
    before = _stored(session, [c.write.target for c in checked if c.write.target is not None])
    records = [_main(session, write) for write in checked]
    session.flush()
    children = [
        _children(session, write, obj.id) for write, obj in zip(checked, records, strict=True)
    ]
    if any(children):
        session.flush()
    after = _stored(session, [*records, *(child for row in children for child in row)])
    changes: list[RowChange] = []
    for obj, row in zip(records, children, strict=True):
        changes.extend(_change(obj, before.get(_key(obj)), after[_key(obj)]))
        changes.extend(
            change for child in row for change in _change(child, None, after[_key(child)])
        )
    return Edit(label, tuple(changes))


def _main(session: Session, checked: CheckedWrite) -> Any:
    write = checked.write
    if write.target is None:
        obj = write.service.build(checked.values)
        session.add(obj)
        return obj
    write.service.assign(write.target, checked.values)
    return write.target


def _children(session: Session, checked: CheckedWrite, parent_id: int) -> list[Any]:
    made = []
    for child, values in zip(checked.write.children, checked.children, strict=True):
        obj = child.service.build({**values, child.parent_field: parent_id})
        session.add(obj)
        made.append(obj)
    return made


def _key(obj: Any) -> tuple[str, int]:
    return table_of(type(obj)).name, obj.id


def _change(obj: Any, before: dict[str, Any] | None, after: dict[str, Any]) -> list[RowChange]:
    """A new row in full; a changed one by the fields that changed (none: no change)."""
    table, record_id = _key(obj)
    if before is None:
        return [RowChange(table, record_id, None, after)]
    changed = [k for k in after if k not in _BOOKKEEPING and before.get(k) != after[k]]
    if not changed:
        return []
    old, new = {k: before[k] for k in changed}, {k: after[k] for k in changed}
    return [RowChange(table, record_id, old, new)]


def _stored(session: Session, objects: Iterable[Any]) -> _Stored:
    """The objects' whole rows as the database holds them, a few hundred per query."""
    wanted: dict[str, list[int]] = {}
    for obj in objects:
        name, record_id = _key(obj)
        wanted.setdefault(name, []).append(record_id)
    found: _Stored = {}
    for name, ids in wanted.items():
        table = Base.metadata.tables[name]
        for start in range(0, len(ids), _CHUNK):
            query = select(table).where(table.c.id.in_(ids[start : start + _CHUNK]))
            for row in session.execute(query).mappings():
                found[(name, row["id"])] = dict(row)
    return found
