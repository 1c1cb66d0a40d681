"""The change history: who changed what and when, and bringing a deleted record back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import CursorResult, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cs360desk.db import audit
from cs360desk.db.base import Base
from cs360desk.db.models import ChangeRecord
from cs360desk.domain.edits import Edit, RowChange
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ConflictError, NotFoundError, field_label

# Fields that name a record, tried in order, so a row in the history reads "Person: Hoa".
_TITLE_FIELDS = ("full_name", "name", "title", "statement", "text", "summary", "theme")
DEFAULT_LIMIT = 2000


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    at: datetime  # UTC
    who: str
    entity: str  # the table name
    kind: str  # how the user calls it: "action item"
    record_id: int
    action: ChangeAction
    title: str
    fields: tuple[FieldChange, ...]

    @property
    def restorable(self) -> bool:
        return self.action is ChangeAction.DELETE


@dataclass(frozen=True)
class HistoryFilter:
    """Every part is optional; dates are inclusive UTC bounds."""

    entity: str | None = None
    record_id: int | None = None
    who: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class RestoredRecord:
    entity: str
    record_id: int
    same_id: bool
    dropped_links: tuple[str, ...]  # links left empty because their record is gone


def kind_label(entity: str) -> str:
    return entity.replace("_", " ")


def list_changes(session: Session, wanted: HistoryFilter | None = None) -> list[ChangeEntry]:
    """Change records matching `wanted`, newest first."""
    wanted = wanted or HistoryFilter()
    query = select(ChangeRecord).order_by(ChangeRecord.at.desc(), ChangeRecord.id.desc())
    if wanted.entity is not None:
        query = query.where(ChangeRecord.entity == wanted.entity)
    if wanted.record_id is not None:
        query = query.where(ChangeRecord.entity_id == wanted.record_id)
    if wanted.who is not None:
        query = query.where(ChangeRecord.who == wanted.who)
    if wanted.since is not None:
        query = query.where(ChangeRecord.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(ChangeRecord.at <= wanted.until)
    rows = session.scalars(query.limit(wanted.limit)).all()
    names = _current_titles(session, [row for row in rows if row.action is ChangeAction.UPDATE])
    return [_entry(row, names.get((row.entity, row.entity_id), "")) for row in rows]


def recorded_kinds(session: Session) -> list[str]:
    """The table names that have any change record, for the filter's choices."""
    query = select(ChangeRecord.entity).distinct().order_by(ChangeRecord.entity)
    return list(session.scalars(query))


def recorded_people(session: Session) -> list[str]:
    return list(session.scalars(select(ChangeRecord.who).distinct().order_by(ChangeRecord.who)))


def restore_deleted(session: Session, change_id: int) -> RestoredRecord:
    """Re-create the record a delete change removed, with the same id when it is free.

    Links to records that no longer exist are left empty when the field allows it; a
    required link to a deleted record refuses the restore and says what to restore first."""
    change = session.get(ChangeRecord, change_id)
    if change is None:
        raise NotFoundError("change record", change_id)
    if change.action is not ChangeAction.DELETE:
        raise ConflictError("only a deleted record can be restored")
    table = Base.metadata.tables.get(change.entity)
    if table is None:
        raise ConflictError(
            f"records of the kind {change.entity!r} no longer exist in this version"
        )
    values = _values_from_snapshot(table, json.loads(change.changes))
    dropped = _drop_missing_links(session, table, values, kind_label(change.entity))
    same_id = _id_is_free(session, table, change.entity_id)
    if not same_id:
        values.pop("id", None)
    try:
        with session.begin_nested():
            result = session.execute(sa.insert(table).values(**values))
    except IntegrityError as error:
        raise ConflictError(
            f"cannot restore this {kind_label(change.entity)}: it clashes with a record that "
            f"exists now ({error.orig})"
        ) from error
    key = cast(CursorResult[Any], result).inserted_primary_key
    new_id = change.entity_id if same_id or key is None else int(key[0])
    audit.record(session, table.name, new_id, ChangeAction.CREATE, values)
    session.expire_all()
    return RestoredRecord(change.entity, new_id, same_id, tuple(dropped))


def _current_titles(session: Session, rows: list[ChangeRecord]) -> dict[tuple[str, int], str]:
    """An update logs only what changed, so its record is named by what it is called now."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.entity, set()).add(row.entity_id)
    titles: dict[tuple[str, int], str] = {}
    for entity, ids in wanted.items():
        table = Base.metadata.tables.get(entity)
        name = next((n for n in _TITLE_FIELDS if table is not None and n in table.c), None)
        if table is None or name is None:
            continue
        query = select(table.c.id, table.c[name]).where(table.c.id.in_(ids))
        for record_id, value in session.execute(query):
            titles[(entity, record_id)] = _first_line(value)
    return titles


def _first_line(value: Any) -> str:
    text = str(value or "").strip()
    return text.splitlines()[0][:120] if text else ""


def _entry(row: ChangeRecord, current_title: str) -> ChangeEntry:
    try:
        changes = json.loads(row.changes or "{}")
    except ValueError:
        changes = {}
    fields = tuple(_field(name, value, row.action) for name, value in changes.items())
    return ChangeEntry(
        id=row.id,
        at=row.at,
        who=row.who,
        entity=row.entity,
        kind=kind_label(row.entity),
        record_id=row.entity_id,
        action=row.action,
        title=current_title or _title(changes),
        fields=tuple(field for field in fields if field.old != field.new),
    )


def _field(name: str, value: Any, action: ChangeAction) -> FieldChange:
    if action is ChangeAction.UPDATE and isinstance(value, list) and len(value) == 2:
        old, new = value
    elif action is ChangeAction.DELETE:
        old, new = value, None
    else:
        old, new = None, value
    return FieldChange(name, field_label(name), _shown(old), _shown(new))


def _title(changes: dict[str, Any]) -> str:
    for name in _TITLE_FIELDS:
        value = changes.get(name)
        if isinstance(value, str) and value.strip():
            return _first_line(value)
    return ""


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _values_from_snapshot(table: Table, snapshot: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.key in snapshot:
            values[column.key] = _typed(column, snapshot[column.key])
    return values


def _typed(column: sa.Column[Any], value: Any) -> Any:
    """Undo audit.jsonable: ISO strings back to dates, enum values back to members."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sa.LargeBinary):
        return None  # the log keeps only the size of binary data (a logo), not its bytes
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    base = kind.impl_instance if isinstance(kind, sa.types.TypeDecorator) else kind
    if isinstance(value, str) and isinstance(base, sa.DateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(value, str) and isinstance(base, sa.Date):
        return date.fromisoformat(value)
    return value


def _drop_missing_links(
    session: Session, table: Table, values: dict[str, Any], kind: str
) -> list[str]:
    dropped: list[str] = []
    for foreign_key in table.foreign_keys:
        column = foreign_key.parent
        linked_id = values.get(column.key)
        if linked_id is None:
            continue
        target = foreign_key.column
        exists = session.scalar(select(target).where(target == linked_id)) is not None
        if exists:
            continue
        target_kind = kind_label(target.table.name)
        if not column.nullable:
            raise ConflictError(
                f"cannot restore this {kind}: its {field_label(column.key)} "
                f"({target_kind} {linked_id}) was deleted too; restore that first"
            )
        values[column.key] = None
        dropped.append(f"{field_label(column.key)} ({target_kind} {linked_id})")
    return dropped


def _id_is_free(session: Session, table: Table, record_id: int) -> bool:
    return session.scalar(select(table.c.id).where(table.c.id == record_id)) is None


def restore_deleted_as_edit(session: Session, change_id: int) -> tuple[RestoredRecord, Edit]:
    """restore_deleted, as an Edit the app's Undo can take back."""
    restored = restore_deleted(session, change_id)
    table = Base.metadata.tables[restored.entity]
    row = session.execute(select(table).where(table.c.id == restored.record_id)).mappings().one()
    change = RowChange(restored.entity, restored.record_id, None, dict(row))
    return restored, Edit(f"Restore deleted {kind_label(restored.entity)}", (change,))
