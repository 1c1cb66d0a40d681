"""The change log: every flushed create, update and delete becomes a ChangeRecord row.

The rows SQLite deletes or empties by itself when a record goes (ON DELETE CASCADE, SET NULL)
are logged too, in the same edit group as the delete, so the History can bring them back.
"""

from __future__ import annotations

import getpass
import json
import secrets
import unicodedata
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
from cs360desk.domain.errors import ValidationError

# Bookkeeping columns change on every save and would only add noise to the trail.
_SKIPPED = {"created_at", "updated_at", "version"}
# A link row has no id; its change records carry this one and name the row in full.
NO_ID = 0
_CAPTURED = "cs360desk.audit.cascaded"
# The key, in the session factory's `info`, of who the changes of its sessions are made by.
ACTING_USER = "cs360desk.audit.acting_user"
_LISTENING = "cs360desk.audit.listening"
UNKNOWN_USER = "unknown"
# ChangeRecord.who holds this much; a longer name would be cut by a stricter database.
_MAX_NAME = 200


def os_user() -> str:
    """The name the computer's user logged in with, or "unknown" when there is none."""
    try:
        name = getpass.getuser()
    except Exception:  # getuser raises varied errors when no login name is known
        return UNKNOWN_USER
    return name if name.strip() else UNKNOWN_USER


def decide_acting_user(given: str | None) -> str:
    """Who a workspace's changes are recorded as: `given` verbatim, else the OS user."""
    if given is None:
        return os_user()
    if not isinstance(given, str):
        raise ValidationError("acting_user", "must be text")
    if not given.strip():
        raise ValidationError("acting_user", "must not be empty")
    if len(given) > _MAX_NAME:
        raise ValidationError("acting_user", f"must be at most {_MAX_NAME} characters")
    if any(unicodedata.category(char) == "Cc" for char in given):
        raise ValidationError("acting_user", "must be one line without control characters")
    return given


def install(factory: sessionmaker[Session], *, acting_user: str) -> None:
    """Log every flush of the factory's sessions, as made by `acting_user`."""
    info = factory.kw.get("info", {})
    # Asked of the factory itself: event.contains() goes by id(), and a new factory that got
    # a discarded one's id would be taken for it and never listened to.
    listening = _LISTENING in info
    factory.configure(info={**info, ACTING_USER: acting_user, _LISTENING: True})
    if not listening:
        event.listen(factory, "before_flush", _capture_cascades)
        event.listen(factory, "after_flush", _record_changes)


def acting_user_of(factory: sessionmaker[Session]) -> str:
    name: str = factory.kw["info"][ACTING_USER]
    return name


def _acting_user(session: Session) -> str:
    try:
        name: str = session.info[ACTING_USER]
    except KeyError:
        # Only a workspace's own factory makes sessions whose changes may be recorded.
        raise LookupError("this session was not made by a workspace's session factory") from None
    return name


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
    row = _entry(_acting_user(session), entity, entity_id, action, changes, group)
    session.connection().execute(insert(ChangeRecord), [row])


def record_row_changes(session: Session, changes: Iterable[RowChange], group: str) -> None:
    """Log rows the database removes or detaches on its own (see `cascades.dependents`)."""
    who = _acting_user(session)
    rows = [_row_change_entry(who, change, group) for change in changes]
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
    group, who = new_group(), _acting_user(session)
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
                    entity, entity_id = obj.__tablename__, _primary_key(obj)
                    rows.append(_entry(who, entity, entity_id, action, changes, group))
    captured = session.info.pop(_CAPTURED, ())
    rows.extend(_row_change_entry(who, change, group) for change in captured)
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


def _row_change_entry(who: str, change: RowChange, group: str) -> dict[str, Any]:
    before = change.before or {}
    if change.after is None:  # removed whole: the snapshot a restore re-creates it from
        snapshot = {k: jsonable(v) for k, v in before.items() if k not in _SKIPPED}
        return _entry(who, change.table, change.record_id, ChangeAction.DELETE, snapshot, group)
    changes = {k: [jsonable(before.get(k)), jsonable(v)] for k, v in change.after.items()}
    return _entry(who, change.table, change.record_id, ChangeAction.UPDATE, changes, group)


def _entry(
    who: str,
    entity: str,
    entity_id: int | None,
    action: ChangeAction,
    changes: dict[str, Any],
    group: str | None,
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "who": who,
        "entity": entity,
        "entity_id": NO_ID if entity_id is None else entity_id,
        "action": action,
        "changes": json.dumps({k: jsonable(v) for k, v in changes.items()}, ensure_ascii=False),
        "edit_group": group,
    }
