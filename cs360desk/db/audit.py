"""The change log: every flushed create, update and delete becomes a ChangeRecord row.

The rows SQLite deletes or empties by itself when a record goes (ON DELETE CASCADE, SET NULL)
are logged too, in the same edit group as the delete, so the History can bring them back.
"""

from __future__ import annotations

import getpass
import json
import secrets
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from cs360desk.db import cascades
from cs360desk.db.base import Base, utcnow
from cs360desk.db.models import ChangeRecord
from cs360desk.domain.edits import RowChange
from cs360desk.domain.enums import ChangeAction

# Bookkeeping columns change on every save and would only add noise to the trail.
_SKIPPED = {"created_at", "updated_at", "version"}
# A link row has no id; its change records carry this one and name the row in full.
NO_ID = 0
_CAPTURED = "cs360desk.audit.cascaded"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises varied errors when no login name is known
        return "unknown"


def install(factory: sessionmaker[Session]) -> None:
    if not event.contains(factory, "before_flush", _capture_cascades):
        event.listen(factory, "before_flush", _capture_cascades)
    if not event.contains(factory, "after_flush", _record_changes):
        event.listen(factory, "after_flush", _record_changes)


def new_group() -> str:
    """A fresh edit group: the change records of one save (a flush, an undo, a restore)."""
    return secrets.token_hex(8)


def record(
    session: Session,
    entity: str,
    entity_id: int | None,
    action: ChangeAction,
    changes: dict[str, Any],
    *,
    group: str | None = None,
) -> None:
    """Log a write made with Core statements, which the flush hook never sees (undo, redo)."""
    row = _entry(entity, entity_id, action, changes, group)
    session.connection().execute(insert(ChangeRecord), [row])


def record_row_changes(session: Session, changes: Iterable[RowChange], group: str) -> None:
    """Log rows the database removes or detaches on its own (see `cascades.dependents`)."""
    rows = [_row_change_entry(change, group) for change in changes]
    if rows:
        session.connection().execute(insert(ChangeRecord), rows)


def jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _capture_cascades(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    """Before the deletes run, note what the database will cascade from them."""
    deleted = [
        o for o in session.deleted if isinstance(o, Base) and not isinstance(o, ChangeRecord)
    ]
    if not deleted:
        session.info.pop(_CAPTURED, None)
        return
    gone = {(obj.__tablename__, _primary_key(obj)) for obj in deleted}
    connection = session.connection()
    captured: dict[tuple[Any, ...], RowChange] = {}
    for obj in deleted:
        table = Base.metadata.tables[obj.__tablename__]
        for change in cascades.dependents(connection, table, _primary_key(obj)):
            removed = change.after is None
            if removed and (change.table, change.record_id) in gone:
                continue  # deleted by this flush itself, so the flush logs it
            captured.setdefault(_identity(change), change)
    session.info[_CAPTURED] = list(captured.values())


def _identity(change: RowChange) -> tuple[Any, ...]:
    side = change.before or {}
    return (change.table, change.record_id, change.after is None, tuple(sorted(side.items())))


def _record_changes(session: Session, _flush: UOWTransaction) -> None:
    group = new_group()
    rows: list[dict[str, Any]] = []
    for action, objects in (
        (ChangeAction.CREATE, session.new),
        (ChangeAction.UPDATE, session.dirty),
        (ChangeAction.DELETE, session.deleted),
    ):
        for obj in objects:
            if isinstance(obj, Base) and not isinstance(obj, ChangeRecord):
                changes = _changes_of(obj, action)
                if changes or action is not ChangeAction.UPDATE:
                    rows.append(
                        _entry(obj.__tablename__, _primary_key(obj), action, changes, group)
                    )
    rows.extend(_row_change_entry(change, group) for change in session.info.pop(_CAPTURED, ()))
    if rows:
        session.connection().execute(insert(ChangeRecord), rows)


def _changes_of(obj: Base, action: ChangeAction) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        history = state.attrs[attr.key].history
        if action is ChangeAction.UPDATE:
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    changes[attr.key] = [jsonable(old), jsonable(new)]
        else:
            changes[attr.key] = jsonable(getattr(obj, attr.key))
    return changes


def _primary_key(obj: Base) -> int:
    return int(inspect(obj).mapper.primary_key_from_instance(obj)[0])


def _row_change_entry(change: RowChange, group: str) -> dict[str, Any]:
    before = change.before or {}
    if change.after is None:  # removed whole: the snapshot a restore re-creates it from
        snapshot = {k: jsonable(v) for k, v in before.items() if k not in _SKIPPED}
        return _entry(change.table, change.record_id, ChangeAction.DELETE, snapshot, group)
    changes = {k: [jsonable(before.get(k)), jsonable(v)] for k, v in change.after.items()}
    return _entry(change.table, change.record_id, ChangeAction.UPDATE, changes, group)


def _entry(
    entity: str,
    entity_id: int | None,
    action: ChangeAction,
    changes: dict[str, Any],
    group: str | None,
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "who": current_user(),
        "entity": entity,
        "entity_id": NO_ID if entity_id is None else entity_id,
        "action": action,
        "changes": json.dumps({k: jsonable(v) for k, v in changes.items()}, ensure_ascii=False),
        "edit_group": group,
    }
