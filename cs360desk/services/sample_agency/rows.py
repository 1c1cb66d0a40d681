"""Bulk row writer: ids are handed out up front so generated rows can point at each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.base import Base
from cs360desk.services.sample_agency.cast import OrgSeed
from cs360desk.services.sample_agency.voice_texts import InputSeed

CHUNK_ROWS = 5000
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class SampleSummary:
    """How many rows of each kind the generator wrote, and where to start looking."""

    main_initiative_id: int
    initiatives: int
    people: int
    organizations: int
    teams: int
    memberships: int
    meetings: int
    agenda_items: int
    attendance: int
    action_items: int
    problems: int
    responses: int
    goals: int
    measures: int
    measurements: int
    input_activities: int
    findings: int
    recommendations: int
    communications: int
    reports_issued: int


_SUMMARY_TABLES = {
    "initiatives": m.Initiative,
    "people": m.Person,
    "organizations": m.Organization,
    "teams": m.Team,
    "memberships": m.Membership,
    "meetings": m.Meeting,
    "agenda_items": m.AgendaItem,
    "attendance": m.Attendance,
    "action_items": m.ActionItem,
    "problems": m.Problem,
    "responses": m.Response,
    "goals": m.Goal,
    "measures": m.Measure,
    "measurements": m.Measurement,
    "input_activities": m.InputActivity,
    "findings": m.Finding,
    "recommendations": m.Recommendation,
    "communications": m.Communication,
    "reports_issued": m.ReportIssued,
}


class RowWriter:
    """Collects rows per table and inserts them with Core in chunks, parents before children.

    Core inserts skip the ORM (no audit records, no per-row flush), which is what makes a
    100,000-row workspace take seconds instead of minutes.
    """

    def __init__(self, session: Session, *, today: date) -> None:
        self._session = session
        self._today = today
        self._sorted = [table.name for table in Base.metadata.sorted_tables]
        self._tables = {table.name: table for table in Base.metadata.sorted_tables}
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._templates: dict[str, dict[str, Any]] = {}
        self._next_id: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    def stamp(self, day: date) -> datetime:
        """A record's creation time: that day in the late afternoon UTC, never in the future."""
        return datetime.combine(min(day, self._today), time(22, 0), tzinfo=UTC)

    def add(self, model: type[Base], created: date, **values: Any) -> int:
        """Queue one row (created on ``created``) and return the id it will have."""
        table: Table = model.__table__  # type: ignore[assignment]
        row_id = self._allocate_id(table)
        stamp = self.stamp(created)
        row = dict(self._template(table))
        row.update(id=row_id, created_at=stamp)
        if "updated_at" in row:
            row["updated_at"] = stamp
        self._put(table, row, values)
        return row_id

    def link(self, table: Table, **values: Any) -> None:
        """Queue one row of an association table (no id, no stamps)."""
        self._put(table, dict(self._template(table)), values)

    def amend(self, model: type[Base], row_id: int, **values: Any) -> None:
        """Change a row not yet written, for values known only after its children were made.

        Rows are written once a table's queue reaches CHUNK_ROWS, so this suits the small
        sample (far below one chunk), not a bulk run.
        """
        for row in reversed(self._pending.get(model.__tablename__, [])):
            if row["id"] == row_id:
                row.update(values)
                return
        raise LookupError(f"{model.__tablename__} {row_id} is no longer pending")

    def flush(self) -> None:
        self._flush_through(len(self._sorted) - 1)

    def summary(self, main_initiative_id: int) -> SampleSummary:
        counts = {
            field: self.counts.get(model.__tablename__, 0)
            for field, model in _SUMMARY_TABLES.items()
        }
        return SampleSummary(main_initiative_id=main_initiative_id, **counts)

    def _put(self, table: Table, row: dict[str, Any], values: dict[str, Any]) -> None:
        unknown = values.keys() - row.keys()
        if unknown:
            raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
        row.update(values)
        pending = self._pending.setdefault(table.name, [])
        pending.append(row)
        self.counts[table.name] = self.counts.get(table.name, 0) + 1
        if len(pending) >= CHUNK_ROWS:
            self._flush_through(self._sorted.index(table.name))

    def _flush_through(self, last: int) -> None:
        # Foreign keys are enforced row by row, so every table a chunk may refer to (they all
        # sort earlier) is written first.
        for name in self._sorted[: last + 1]:
            rows = self._pending.pop(name, None)
            if rows:
                self._session.execute(insert(self._tables[name]), rows)

    def _allocate_id(self, table: Table) -> int:
        name = table.name
        if name not in self._next_id:
            highest = self._session.scalar(select(func.max(table.c.id)))
            self._next_id[name] = (highest or 0) + 1
        row_id = self._next_id[name]
        self._next_id[name] = row_id + 1
        return row_id

    def _template(self, table: Table) -> dict[str, Any]:
        template = self._templates.get(table.name)
        if template is None:
            template = {}
            for column in table.columns:
                default = column.default
                scalar = default is not None and getattr(default, "is_scalar", False)
                template[column.key] = default.arg if scalar else None  # type: ignore[union-attr]
            self._templates[table.name] = template
        return template


def add_organization(writer: RowWriter, created: date, org: OrgSeed) -> int:
    """One of the cast's organizations, as both samples hold it."""
    return writer.add(
        m.Organization,
        created,
        name=org.name,
        sector=org.sector,
        scope=org.scope,
        engagement=org.engagement,
        data_held=org.data_held,
        notes=org.notes,
    )


def add_input_activity(
    writer: RowWriter, initiative_id: int, held_on: date, seed: InputSeed
) -> int:
    """A community-input activity of `seed` held on `held_on` (its findings are the caller's)."""
    return writer.add(
        m.InputActivity,
        held_on,
        initiative_id=initiative_id,
        kind=seed.kind,
        held_on=held_on,
        participants=seed.participants,
        summary=seed.summary,
    )
