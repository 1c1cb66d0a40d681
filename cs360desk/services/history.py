"""The change history: who changed what and when (restoring a delete: `history_restore`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import cascades
from cs360desk.db.base import Base
from cs360desk.db.models import ChangeRecord
from cs360desk.db.text_match import code_point_order
from cs360desk.domain.edits import kind_label
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import field_label, kind_name
from cs360desk.i18n import pgettext

__all__ = [
    "ChangeEntry",
    "FieldChange",
    "HistoryFilter",
    "kind_label",
    "last_change",
    "last_change_id",
    "latest_change_id",
    "list_changes",
]

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
    record_id: int | None  # None for a link row, which has no id: its title names both ends
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


def last_change(session: Session, entity: str, record_id: int) -> ChangeEntry | None:
    """The newest change of one record (`entity` is its table name), None if it has none."""
    found = list_changes(session, HistoryFilter(entity=entity, record_id=record_id, limit=1))
    return found[0] if found else None


def last_change_id(session: Session, entity: str, record_id: int) -> int:
    """The id of the newest change of one record, 0 if it has none: what was seen of it."""
    query = select(func.max(ChangeRecord.id)).where(
        ChangeRecord.entity == entity, ChangeRecord.entity_id == record_id
    )
    return session.scalar(query) or 0


def latest_change_id(session: Session) -> int:
    """The newest change of anything, 0 for none: one look at the primary key's index. A
    server that cannot be reached is ConnectionLostError (db/server.py), so the window that
    asks keeps asking."""
    return session.scalar(select(func.max(ChangeRecord.id))) or 0


def recorded_kinds(session: Session) -> list[str]:
    """The table names that have any change record, for the filter's choices."""
    query = (
        select(ChangeRecord.entity)
        .group_by(ChangeRecord.entity)
        .order_by(code_point_order(ChangeRecord.entity))
    )
    return list(session.scalars(query))


def recorded_people(session: Session) -> list[str]:
    # GROUP BY, not DISTINCT: PostgreSQL orders a DISTINCT list only by what it selects.
    query = select(ChangeRecord.who).group_by(ChangeRecord.who)
    query = query.order_by(code_point_order(ChangeRecord.who))
    return list(session.scalars(query))


def _current_titles(session: Session, rows: list[ChangeRecord]) -> dict[tuple[str, int], str]:
    """An update logs only what changed, so its record is named by what it is called now."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.entity, set()).add(row.entity_id)
    titles: dict[tuple[str, int], str] = {}
    for entity, ids in wanted.items():
        table = Base.metadata.tables.get(entity)
        name = next((n for n in _TITLE_FIELDS if table is not None and n in table.c), None)
        if table is None or name is None or not cascades.has_id(table):
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
    if not isinstance(changes, dict):
        changes = {}
    fields = tuple(_field(name, value, row.action) for name, value in changes.items())
    table = Base.metadata.tables.get(row.entity)
    link_row = table is not None and not cascades.has_id(table)
    return ChangeEntry(
        id=row.id,
        at=row.at,
        who=row.who,
        entity=row.entity,
        kind=kind_label(row.entity),
        record_id=None if link_row else row.entity_id,
        action=row.action,
        title=_link_title(changes) if link_row else current_title or _title(changes),
        fields=tuple(field for field in fields if field.old != field.new),
    )


def _link_title(changes: dict[str, Any]) -> str:
    """A link row is named by what it links: "recommendation 3 ↔ action item 7"."""
    ends = [
        f"{kind_name(kind_label(name.removesuffix('_id')))} {value}"
        for name, value in changes.items()
    ]
    return " ↔ ".join(ends)


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
        return pgettext("yes or no", "yes") if value else pgettext("yes or no", "no")
    return str(value)
