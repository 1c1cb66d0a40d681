"""Generic create/read/update/delete with validation derived from the model's columns."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar, cast

from sqlalchemy import Column, ColumnElement, Table, UniqueConstraint, func, select
from sqlalchemy import types as sqltypes
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cs360desk.db.base import Base
from cs360desk.db.text_match import code_point_order
from cs360desk.domain.enums import LabeledEnum
from cs360desk.domain.errors import (
    ConflictError,
    NotFoundError,
    ValidationError,
    field_label,
    kind_name,
)
from cs360desk.i18n import _, ngettext

M = TypeVar("M", bound=Base)
R = TypeVar("R")

# A rule sees the merged values (stored ones overlaid with the change) and may adjust them.
Rule = Callable[[Session, dict[str, Any], "M | None"], None]
_MANAGED = {"id", "created_at", "updated_at", "version"}


class StoredRows(Protocol):
    """What validation asks about the other rows of the workspace."""

    def exists(self, table: Table, record_id: int) -> bool:
        """Whether a row with this id is there (a reference may point at it)."""

    def taken(self, table: Table, key: Mapping[str, Any], other_than: int | None) -> bool:
        """Whether a row other than `other_than` holds this unique key."""


@dataclasses.dataclass(frozen=True)
class DatabaseRows:
    """The answers as the database gives them, one query per question."""

    session: Session

    def exists(self, table: Table, record_id: int) -> bool:
        return self.session.scalar(select(table.c.id).where(table.c.id == record_id)) is not None

    def taken(self, table: Table, key: Mapping[str, Any], other_than: int | None) -> bool:
        query = select(table.c.id).filter_by(**key)
        if other_than is not None:
            query = query.where(table.c.id != other_than)
        return self.session.scalar(query.limit(1)) is not None


@dataclasses.dataclass(frozen=True)
class EntityService(Generic[M, R]):
    """CRUD for one entity; every write is validated before anything reaches the database."""

    model: type[M]
    record: type[R]
    label: str
    rules: tuple[Rule[M], ...] = ()
    order_by: tuple[str, ...] = ("id",)

    def to_record(self, obj: M) -> R:
        names = [field.name for field in dataclasses.fields(self.record)]  # type: ignore[arg-type]
        return self.record(**{name: getattr(obj, name) for name in names})

    def load(self, session: Session, record_id: int) -> M:
        valid = isinstance(record_id, int) and not isinstance(record_id, bool)
        obj = session.get(self.model, record_id) if valid else None
        if obj is None:
            raise NotFoundError(self.label, record_id)
        return obj

    def get(self, session: Session, record_id: int) -> R:
        return self.to_record(self.load(session, record_id))

    def list(self, session: Session, *where: ColumnElement[bool], **equals: Any) -> list[R]:
        query = select(self.model).where(*where).filter_by(**equals)
        query = query.order_by(*(_sort_key(getattr(self.model, name)) for name in self.order_by))
        return [self.to_record(obj) for obj in session.scalars(query)]

    def count(self, session: Session) -> int:
        return session.scalar(select(func.count()).select_from(self.model)) or 0

    def create(self, session: Session, **values: Any) -> R:
        obj = self.build(self.validated(session, values))
        session.add(obj)
        session.flush()
        return self.to_record(obj)

    def update(
        self,
        session: Session,
        record_id: int,
        *,
        expected_version: int | None = None,
        **changes: Any,
    ) -> R:
        obj = self.load(session, record_id)
        if expected_version is not None and obj.version != expected_version:  # type: ignore[attr-defined]
            raise ConflictError(
                _("this {kind} was changed elsewhere since you opened it; reload and retry").format(
                    kind=kind_name(self.label)
                )
            )
        self.assign(obj, self.validated(session, changes, obj))
        self._flush_unless_changed_elsewhere(session)
        return self.to_record(obj)

    def _flush_unless_changed_elsewhere(self, session: Session) -> None:
        """Flush; a ConflictError when someone saved the record between our read and our
        write (a check of the version read cannot see a save that commits while ours waits
        for the row, so the database's own version test in the UPDATE or DELETE decides)."""
        try:
            session.flush()
        except StaleDataError as error:
            raise ConflictError(
                _("this {kind} was changed elsewhere since you opened it; reload and retry").format(
                    kind=kind_name(self.label)
                )
            ) from error

    def validated(
        self,
        session: Session,
        changes: Mapping[str, Any],
        obj: M | None = None,
        *,
        rows: StoredRows | None = None,
    ) -> dict[str, Any]:
        """Every field of the row `changes` would leave on `obj` (None: on a new record),
        checked by every rule; ValidationError names the first field that fails.

        Nothing is written. `rows` answers the questions about other rows (references,
        unique keys); by default the database does.
        """
        rows = DatabaseRows(session) if rows is None else rows
        if obj is None:
            merged = {name: _default_of(column) for name, column in self._columns().items()}
        else:
            merged = {name: getattr(obj, name) for name in self._columns()}
        merged.update(self._coerced(rows, changes))
        self._check(session, merged, obj, rows)
        return merged

    def build(self, merged: Mapping[str, Any]) -> M:
        """A new object holding validated values (see `validated`), not yet added."""
        return self.model(**{k: v for k, v in merged.items() if k not in _MANAGED})

    def assign(self, obj: M, merged: Mapping[str, Any]) -> None:
        """Set the validated values (see `validated`) that differ from what `obj` holds."""
        for name, value in merged.items():
            if name not in _MANAGED and getattr(obj, name) != value:
                setattr(obj, name, value)

    def delete(self, session: Session, record_id: int) -> None:
        obj = self.load(session, record_id)
        _refuse_if_referenced(session, self.model, self.label, record_id)
        session.delete(obj)
        self._flush_unless_changed_elsewhere(session)

    def _columns(self) -> dict[str, Column[Any]]:
        return _columns_of(self.model)

    def _coerced(self, rows: StoredRows, values: Mapping[str, Any]) -> dict[str, Any]:
        columns = self._columns()
        coerced = {}
        for name, value in values.items():
            if name not in columns or name in _MANAGED:
                raise ValidationError(
                    name,
                    _("is not an editable field of a {kind}").format(kind=kind_name(self.label)),
                )
            coerced[name] = coerce_value(rows, columns[name], value)
        return coerced

    def _check(
        self, session: Session, merged: dict[str, Any], obj: M | None, rows: StoredRows
    ) -> None:
        for rule in self.rules:
            rule(session, merged, obj)
        for name, nullable, required_text in _requirements(self.model):
            value = merged.get(name)
            if value is None and not nullable:
                raise ValidationError(name, _("is required"))
            if required_text and not str(value).strip():
                raise ValidationError(name, _("must not be empty"))
        _check_unique(rows, self.model, merged, obj, self.label)


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@functools.cache
def _columns_of(model: type[Base]) -> dict[str, Column[Any]]:
    return {c.key: c for c in table_of(model).columns}


@functools.cache
def _requirements(model: type[Base]) -> tuple[tuple[str, bool, bool], ...]:
    """Each editable column: its name, whether it may be empty, whether it is required text."""
    return tuple(
        (name, bool(column.nullable), _is_required_text(column))
        for name, column in _columns_of(model).items()
        if name not in _MANAGED
    )


def _default_of(column: Column[Any]) -> Any:
    default = column.default
    if default is None or not getattr(default, "is_scalar", False):
        return None
    return default.arg  # type: ignore[attr-defined]


def _is_required_text(column: Column[Any]) -> bool:
    return (
        isinstance(column.type, sqltypes.String) and not column.nullable and column.default is None
    )


def coerce_value(rows: StoredRows, column: Column[Any], value: Any) -> Any:
    """Check one value against its column and return it in the column's Python type."""
    name = column.key
    if value is None:
        if not column.nullable:
            raise ValidationError(name, _("is required"))
        return None
    kind = column.type
    if isinstance(kind, sqltypes.Enum):
        return _coerce_enum(name, cast("type[LabeledEnum]", kind.enum_class), value)
    if isinstance(kind, sqltypes.Boolean):
        if not isinstance(value, bool):
            raise ValidationError(name, _("must be yes or no"))
        return value
    if isinstance(kind, sqltypes.Integer):
        return _coerce_reference(rows, column, _coerce_int(name, value))
    if isinstance(kind, sqltypes.Float):
        return _coerce_number(name, value)
    if isinstance(kind, sqltypes.Date):
        return _coerce_date(name, value)
    if isinstance(kind, sqltypes.DateTime) or isinstance(
        getattr(kind, "impl", None), sqltypes.DateTime
    ):
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValidationError(name, _("must be a date and time with a time zone"))
        return value
    if isinstance(kind, sqltypes.LargeBinary):
        if not isinstance(value, bytes):
            raise ValidationError(name, _("must be binary data"))
        return value
    if isinstance(kind, sqltypes.String):
        if not isinstance(value, str):
            raise ValidationError(name, _("must be text"))
        if kind.length and len(value) > kind.length:
            raise ValidationError(
                name,
                ngettext(
                    "is too long (at most {n} character)",
                    "is too long (at most {n} characters)",
                    kind.length,
                ).format(n=kind.length),
            )
        return value
    raise TypeError(f"no coercion for column {column}")


def _coerce_enum(name: str, enum_class: type[LabeledEnum], value: Any) -> StrEnum:
    if isinstance(value, enum_class):
        return value
    if isinstance(value, str):
        try:
            return enum_class.parse(value)
        except ValueError:
            pass
    choices = ", ".join(member.label.lower() for member in enum_class)
    raise ValidationError(
        name,
        _("unknown value {value} (choose one of: {choices})").format(
            value=repr(value), choices=choices
        ),
    )


def _coerce_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, _("must be a whole number"))
    return value


def _coerce_number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(name, _("must be a number"))
    return float(value)


def _coerce_date(name: str, value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(
        name, _("is not a date: {value} (use YYYY-MM-DD)").format(value=repr(value))
    )


def _coerce_reference(rows: StoredRows, column: Column[Any], value: int) -> int:
    for foreign_key in column.foreign_keys:
        target = foreign_key.column.table
        if not rows.exists(target, value):
            raise ValidationError(
                column.key,
                _("no {kind} with id {id}").format(kind=kind_name(name_of(target.name)), id=value),
            )
    return value


def name_of(table_name: str) -> str:
    return table_name.replace("_", " ")


@functools.cache
def unique_groups(table: Table) -> tuple[tuple[Column[Any], ...], ...]:
    """The columns whose values no two rows may share, one group per unique constraint."""
    groups = [tuple(c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)]
    groups += [(c,) for c in table.columns if c.unique]
    return tuple(groups)


def _check_unique(
    rows: StoredRows, model: type[Base], merged: dict[str, Any], obj: Base | None, label: str
) -> None:
    table = table_of(model)
    for group in unique_groups(table):
        values = {column.key: merged.get(column.key) for column in group}
        if any(value is None for value in values.values()):
            continue
        other_than = None if obj is None else obj.id  # type: ignore[attr-defined]
        if rows.taken(table, values, other_than):
            field = group[-1].key
            raise ValidationError(
                field,
                _("another {kind} already has this {field}").format(
                    kind=kind_name(label), field=field_label(field)
                ),
            )


def _refuse_if_referenced(session: Session, model: type[Base], label: str, record_id: int) -> None:
    """Deleting something still pointed at by a restricting key gets a message, not a crash."""
    target = table_of(model)
    for table in Base.metadata.sorted_tables:
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is not target or foreign_key.ondelete not in (
                None,
                "RESTRICT",
            ):
                continue
            column = foreign_key.parent
            count = session.scalar(
                select(func.count()).select_from(table).where(column == record_id)
            )
            if count:
                raise ValidationError(
                    "id",
                    ngettext(
                        "this {kind} cannot be deleted: {n} {referring} record(s) still refer "
                        "to it as {field}",
                        "this {kind} cannot be deleted: {n} {referring} record(s) still refer "
                        "to it as {field}",
                        count,
                    ).format(
                        kind=kind_name(label),
                        n=count,
                        referring=kind_name(name_of(table.name)),
                        field=field_label(column.key),
                    ),
                )


def _sort_key(column: Any) -> Any:
    """Text sorts by code point on either kind of workspace (db/text_match.py)."""
    if isinstance(column.type, sqltypes.String):
        return code_point_order(column)
    return column
