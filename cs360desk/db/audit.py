"""The change log: every flushed create, update and delete becomes a ChangeRecord row."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from cs360desk.db.base import Base, utcnow
from cs360desk.db.models import ChangeRecord
from cs360desk.domain.enums import ChangeAction

# Bookkeeping columns change on every save and would only add noise to the trail.
_SKIPPED = {"created_at", "updated_at", "version"}


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises varied errors when no login name is known
        return "unknown"


def install(factory: sessionmaker[Session]) -> None:
    if not event.contains(factory, "after_flush", _record_changes):
        event.listen(factory, "after_flush", _record_changes)


def record(
    session: Session, entity: str, entity_id: int, action: ChangeAction, changes: dict[str, Any]
) -> None:
    """Log a write made with Core statements, which the flush hook never sees (undo, redo)."""
    row = {
        "at": utcnow(),
        "who": current_user(),
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "changes": json.dumps({k: jsonable(v) for k, v in changes.items()}, ensure_ascii=False),
    }
    session.connection().execute(insert(ChangeRecord), [row])


def jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _record_changes(session: Session, _flush: UOWTransaction) -> None:
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
                    rows.append(_row(obj, action, changes))
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


def _row(obj: Base, action: ChangeAction, changes: dict[str, Any]) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "who": current_user(),
        "entity": obj.__tablename__,
        "entity_id": inspect(obj).mapper.primary_key_from_instance(obj)[0],
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False),
    }
