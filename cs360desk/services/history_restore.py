"""Bring a deleted record back from the History, with the rows its delete took along.

The delete's change records (one edit group) hold the record and what the database removed
or emptied with it; they are turned back into the same Edit an Undo would replay, and
`edits.bring_back` re-creates what the workspace still has room for.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from cs360desk.db import cascades
from cs360desk.db.base import Base
from cs360desk.db.models import ChangeRecord
from cs360desk.domain.edits import Edit, RowChange, kind_label
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ConflictError, NotFoundError, kind_name
from cs360desk.i18n import _
from cs360desk.services import edits


@dataclass(frozen=True)
class RestoredRecord:
    entity: str
    record_id: int | None  # None for a link row, which has no id
    same_id: bool
    dropped_links: tuple[str, ...]  # links left empty because their record is gone
    companions: tuple[tuple[str, int], ...] = ()  # (kind, how many) brought back with it
    relinked: tuple[tuple[str, int], ...] = ()  # (kind, how many) linked to it again
    left_out: tuple[str, ...] = ()  # rows of the delete that could not come back, and why


def restore_deleted(session: Session, change_id: int) -> RestoredRecord:
    return restore_deleted_as_edit(session, change_id)[0]


def restore_deleted_as_edit(session: Session, change_id: int) -> tuple[RestoredRecord, Edit]:
    """Re-create the record a delete change removed, with the same id when it is free.

    The rows deleted with it (agenda items, progress notes, links...) and the links emptied
    by it come back too where what they point at still exists; links to records deleted
    since stay empty. A required link to a deleted record refuses the restore and says what
    to restore first. The Edit lets the app's Undo take the restore back."""
    change = session.get(ChangeRecord, change_id)
    if change is None:
        raise NotFoundError("change record", change_id)
    if change.action is not ChangeAction.DELETE:
        raise ConflictError(_("only a deleted record can be restored"))
    table = Base.metadata.tables.get(change.entity)
    if table is None:
        raise ConflictError(
            _("records of the kind {kind} no longer exist in this version").format(
                kind=repr(change.entity)
            )
        )
    record_id = change.entity_id if cascades.has_id(table) else None
    own = RowChange(table.name, record_id, _snapshot(table, change.changes), None)
    removed = _removed_with(table, record_id, _group_of(session, change)) if record_id else []
    back = edits.bring_back(
        session,
        Edit(
            _("Restore deleted {kind}").format(kind=kind_name(kind_label(table.name))),
            (*removed, own),
        ),
    )
    new_id = back.new_ids.get((table.name, record_id), record_id) if record_id else None
    brought = back.edit.changes[1:]  # the first is the record itself
    restored = RestoredRecord(
        table.name,
        new_id,
        same_id=new_id == record_id,
        dropped_links=back.dropped_links,
        companions=_counts(row for row in brought if row.before is None),
        relinked=_counts(row for row in brought if row.before is not None),
        left_out=back.left_out,
    )
    return restored, back.edit


def _counts(changes: Iterable[RowChange]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(kind_label(change.table) for change in changes).items()))


def _group_of(session: Session, change: ChangeRecord) -> Logged:
    """The other records of the delete's save; records made before groups existed have none."""
    if change.edit_group is None:
        return []
    query = select(ChangeRecord).where(
        ChangeRecord.edit_group == change.edit_group, ChangeRecord.id != change.id
    )
    return [
        (record, _loaded(record.changes))
        for record in session.scalars(query.order_by(ChangeRecord.id))
    ]


Logged = list[tuple[ChangeRecord, dict[str, Any]]]


def _removed_with(table: Table, record_id: int, group: Logged) -> list[RowChange]:
    """The rows the delete of (table, record_id) cascaded or emptied, deepest first.

    The same walk as `cascades.dependents`, over the logged rows instead of the live ones."""
    changes: list[RowChange] = []
    for reference in cascades.references_to(table):
        key = reference.column.key
        for record, logged in group:
            if record.entity != reference.table.name:
                continue
            if reference.removes_row:
                if record.action is ChangeAction.DELETE and logged.get(key) == record_id:
                    changes.extend(_removed_row(reference.table, record, logged, group))
            elif record.action is ChangeAction.UPDATE and logged.get(key) == [record_id, None]:
                changes.append(
                    RowChange(record.entity, record.entity_id, {key: record_id}, {key: None})
                )
    return changes


def _removed_row(
    table: Table, record: ChangeRecord, logged: dict[str, Any], group: Logged
) -> list[RowChange]:
    """A cascaded row, after what was cascaded from it in turn."""
    own_id = record.entity_id if cascades.has_id(table) else None
    deeper = _removed_with(table, own_id, group) if own_id is not None else []
    return [*deeper, RowChange(record.entity, own_id, _typed_values(table, logged), None)]


def _loaded(text: str) -> dict[str, Any]:
    try:
        loaded = json.loads(text or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _snapshot(table: Table, text: str) -> dict[str, Any]:
    return _typed_values(table, _loaded(text))


def _typed_values(table: Table, snapshot: dict[str, Any]) -> dict[str, Any]:
    return {
        column.key: _typed(column, snapshot[column.key])
        for column in table.columns
        if column.key in snapshot
    }


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
