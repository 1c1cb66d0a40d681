"""Undoable writes: each returns an Edit that `undo` and `redo` can replay exactly.

`bring_back` replays the removals of a delete Edit long after it, for the History's restore.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy import ColumnElement, CursorResult, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cs360desk.db import audit, cascades
from cs360desk.db.base import Base
from cs360desk.domain.edits import Edit, RowChange, kind_label
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ConflictError, field_label, kind_name
from cs360desk.i18n import _, pgettext
from cs360desk.services.entities import EntityService, table_of

M = TypeVar("M", bound=Base)
R = TypeVar("R")
_BOOKKEEPING = ("created_at", "updated_at", "version")


def create(session: Session, service: EntityService[M, R], **values: Any) -> tuple[R, Edit]:
    record = service.create(session, **values)
    row = _row(session, table_of(service.model), record.id)  # type: ignore[attr-defined]
    change = RowChange(table_of(service.model).name, row["id"], None, row)
    return record, Edit(_("Add {kind}").format(kind=kind_name(service.label)), (change,))


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
    names = changed_fields(changed)
    change = RowChange(
        table.name,
        record_id,
        {k: before[k] for k in changed},
        {k: after[k] for k in changed},
    )
    label = _("Change {kind} ({fields})").format(kind=kind_name(service.label), fields=names)
    return record, Edit(label, (change,) if changed else ())


def changed_fields(names: Iterable[str]) -> str:
    """The fields of an edit's label, "due on, owner"; "nothing" when none changed."""
    return ", ".join(field_label(name) for name in names) or pgettext("no field changed", "nothing")


def delete(session: Session, service: EntityService[M, R], record_id: int) -> Edit:
    """Deletes the row; the Edit also remembers cascaded children, links and emptied references."""
    service.load(session, record_id)
    table = table_of(service.model)
    own = RowChange(table.name, record_id, _row(session, table, record_id), None)
    dependents = cascades.dependents(session.connection(), table, record_id)
    service.delete(session, record_id)
    # Replayed forwards children go first, so undo (replayed backwards) restores parents first.
    return Edit(_("Delete {kind}").format(kind=kind_name(service.label)), (*dependents, own))


def undo(session: Session, edit: Edit) -> None:
    group = audit.new_group()
    for change in reversed(edit.changes):
        _apply(session, change, change.after, change.before, group)
    session.expire_all()


def redo(session: Session, edit: Edit) -> None:
    group = audit.new_group()
    for change in edit.changes:
        _apply(session, change, change.before, change.after, group)
    session.expire_all()


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _row(session: Session, table: Table, record_id: int) -> dict[str, Any]:
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().one()
    return dict(row)


def _exists(session: Session, table: Table, where: ColumnElement[bool]) -> bool:
    return session.execute(select(*table.primary_key.columns).where(where)).first() is not None


def _apply(
    session: Session,
    change: RowChange,
    expected: dict[str, Any] | None,
    wanted: dict[str, Any] | None,
    group: str,
) -> None:
    table = _table(change.table)
    where = cascades.row_key(table, change.record_id, wanted or expected or {})
    exists = _exists(session, table, where)
    if wanted is None:
        if exists:
            _delete(session, table, change.record_id, where, expected or {}, group)
        return
    if expected is None or not exists:
        if exists:
            raise ConflictError(
                _("cannot redo: {table} {id} exists again").format(
                    table=change.table, id=change.record_id
                )
            )
        session.execute(sa.insert(table).values(**wanted))
        audit.record(
            session, table.name, change.record_id, ChangeAction.CREATE, wanted, group=group
        )
        return
    values: dict[str, Any] = dict(wanted)
    if "version" in table.c:
        values["version"] = table.c.version + 1
    session.execute(sa.update(table).where(where).values(**values))
    changes = {k: [audit.jsonable(expected.get(k)), audit.jsonable(wanted[k])] for k in wanted}
    audit.record(session, table.name, change.record_id, ChangeAction.UPDATE, changes, group=group)


def _delete(
    session: Session,
    table: Table,
    record_id: int | None,
    where: ColumnElement[bool],
    snapshot: dict[str, Any],
    group: str,
) -> None:
    """A Core delete, logged with whatever the database cascades from it."""
    if record_id is not None and cascades.has_id(table):
        audit.record_row_changes(
            session, cascades.dependents(session.connection(), table, record_id), group
        )
    session.execute(sa.delete(table).where(where))
    audit.record(session, table.name, record_id, ChangeAction.DELETE, snapshot, group=group)


@dataclass(frozen=True)
class BroughtBack:
    """What `bring_back` managed: its own Edit (for Undo), new ids, and what it could not do."""

    edit: Edit
    new_ids: dict[tuple[str, int], int]  # (table, old id) → id the row has now
    dropped_links: tuple[str, ...]  # links left empty because their record is gone
    left_out: tuple[str, ...]  # rows not brought back, each with the reason


def bring_back(session: Session, removed: Edit) -> BroughtBack:
    """Re-create the rows a delete Edit removed, as far as the workspace allows now.

    Unlike `undo` it works long after the delete: a row whose id was taken since gets a new
    one (and its children follow it), a link to a record deleted since is left empty, and a
    child that cannot come back is reported instead of failing. Only the last change, the
    deleted record itself, must come back, or nothing does (ConflictError)."""
    revival = _Revival(session)
    primary = removed.changes[-1] if removed.changes else None
    for change in reversed(removed.changes):
        if change.before is not None and change.after is None:
            revival.revive(change, required=change is primary)
        elif change.before and change.after is not None:
            revival.relink(change)
    session.expire_all()
    return BroughtBack(
        Edit(removed.label, tuple(revival.done)),
        revival.new_ids,
        tuple(revival.dropped),
        tuple(revival.left_out),
    )


class _MissingLink(Exception):
    """A required link to a record that is gone: its field, and the kind and id linked."""

    def __init__(self, field: str, kind: str, record_id: Any) -> None:
        super().__init__(field, kind, record_id)
        self.field = field
        self.kind = kind
        self.record_id = record_id


class _Revival:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.group = audit.new_group()
        self.done: list[RowChange] = []
        self.new_ids: dict[tuple[str, int], int] = {}
        self.dropped: list[str] = []
        self.left_out: list[str] = []

    def revive(self, change: RowChange, *, required: bool) -> None:
        table = _table(change.table)
        kind = _kind(table.name)
        name = _row_name(table, change)
        values = dict(change.before or {})
        try:
            self._link_up(table, values, None if required else name)
        except _MissingLink as missing:
            if required:
                raise ConflictError(
                    _(
                        "cannot restore this {kind}: its {field} ({target} {id}) was deleted "
                        "too; restore that first"
                    ).format(
                        kind=kind,
                        field=missing.field,
                        target=missing.kind,
                        id=missing.record_id,
                    )
                ) from None
            self.left_out.append(
                _("{name}: its {field} ({target} {id}) no longer exists").format(
                    name=name, field=missing.field, target=missing.kind, id=missing.record_id
                )
            )
            return
        if change.record_id is None:
            self._insert_link_row(table, values, required)
        else:
            self._insert_row(table, change.record_id, values, required)

    def relink(self, change: RowChange) -> None:
        """Point a row emptied by the delete at the restored record again, if still empty."""
        table = _table(change.table)
        (key, old_target), *_others = (change.before or {}).items()
        target = next(iter(table.c[key].foreign_keys)).column.table.name
        target_id = self.new_ids.get((target, old_target), old_target)
        name = _row_name(table, change)
        where = table.c.id == change.record_id
        current = self.session.execute(select(table.c[key]).where(where)).first()
        if current is None:
            self.left_out.append(
                _("{name}: it was deleted since, so it is not linked again").format(name=name)
            )
            return
        if current[0] is not None:
            self.left_out.append(
                _("{name}: its {field} was changed since; kept").format(
                    name=name, field=field_label(key)
                )
            )
            return
        values: dict[str, Any] = {key: target_id}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        self.session.execute(sa.update(table).where(where).values(**values))
        changes = {key: [None, target_id]}
        audit.record(
            self.session, table.name, change.record_id, ChangeAction.UPDATE, changes,
            group=self.group,
        )  # fmt: skip
        self.done.append(RowChange(table.name, change.record_id, {key: None}, {key: target_id}))

    def _link_up(self, table: Table, values: dict[str, Any], whose: str | None) -> None:
        """Follow new ids; empty an optional link to a record that is gone, refuse a required.

        `whose` names the row in what is reported as emptied (None: the restored record)."""
        for foreign_key in table.foreign_keys:
            column = foreign_key.parent
            linked = values.get(column.key)
            if linked is None:
                continue
            target = foreign_key.column.table
            linked = self.new_ids.get((target.name, linked), linked)
            values[column.key] = linked
            if _exists(self.session, target, foreign_key.column == linked):
                continue
            # Had it still existed, the database would have deleted this row with its target.
            cascaded = (foreign_key.ondelete or "").upper() == cascades.CASCADE
            if cascaded or not column.nullable:
                raise _MissingLink(field_label(column.key), _kind(target.name), linked)
            values[column.key] = None
            field, kind = field_label(column.key), _kind(target.name)
            if whose is None:
                dropped = _("{field} ({kind} {id})").format(field=field, kind=kind, id=linked)
            else:
                dropped = _("{field} of {name} ({kind} {id})").format(
                    field=field, name=whose, kind=kind, id=linked
                )
            self.dropped.append(dropped)

    def _insert_row(
        self, table: Table, old_id: int, values: dict[str, Any], required: bool
    ) -> None:
        kind = _kind(table.name)
        current = self.session.execute(select(table).where(table.c.id == old_id)).mappings()
        existing = current.first()
        if existing is not None and _same_row(dict(existing), values):
            if required:
                raise ConflictError(
                    _("this {kind} is back already ({kind} {id})").format(kind=kind, id=old_id)
                )
            self.new_ids[(table.name, old_id)] = old_id  # restored on its own before
            return
        values = {k: v for k, v in values.items() if k != "id"}
        if existing is None:
            values["id"] = old_id
        try:
            with self.session.begin_nested():
                result = self.session.execute(sa.insert(table).values(**values))
        except IntegrityError as error:
            if required:
                raise ConflictError(
                    _(
                        "cannot restore this {kind}: it clashes with a record that exists now "
                        "({error})"
                    ).format(kind=kind, error=error.orig)
                ) from error
            self.left_out.append(
                _("{kind} {id}: it clashes with a record that exists now").format(
                    kind=kind, id=old_id
                )
            )
            return
        key = cast(CursorResult[Any], result).inserted_primary_key
        new_id = old_id if "id" in values or key is None else int(key[0])
        self.new_ids[(table.name, old_id)] = new_id
        row = _row(self.session, table, new_id)
        logged = {k: v for k, v in row.items() if k not in _BOOKKEEPING}
        audit.record(
            self.session, table.name, new_id, ChangeAction.CREATE, logged, group=self.group
        )
        self.done.append(RowChange(table.name, new_id, None, row))

    def _insert_link_row(self, table: Table, values: dict[str, Any], required: bool) -> None:
        if _exists(self.session, table, cascades.row_key(table, None, values)):
            if required:
                raise ConflictError(_("this {kind} is back already").format(kind=_kind(table.name)))
            return
        self.session.execute(sa.insert(table).values(**values))
        audit.record(self.session, table.name, None, ChangeAction.CREATE, values, group=self.group)
        self.done.append(RowChange(table.name, None, None, values))


def _same_row(existing: Mapping[str, Any], values: dict[str, Any]) -> bool:
    compared = [k for k in values if k != "id" and k not in _BOOKKEEPING]
    return all(existing[k] == values[k] for k in compared)


def _row_name(table: Table, change: RowChange) -> str:
    """ "agenda item 5"; a link row by what it links: "recommendation 3 ↔ action item 7"."""
    if change.record_id is not None:
        return f"{_kind(table.name)} {change.record_id}"
    row = change.before or change.after or {}
    ends = [
        f"{_kind(fk.column.table.name)} {row.get(fk.parent.key)}"
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.key)
    ]
    return _("the link {ends}").format(ends=" ↔ ".join(ends))


def _kind(table_name: str) -> str:
    """The rows of a table as users call them, in the current language."""
    return kind_name(kind_label(table_name))
