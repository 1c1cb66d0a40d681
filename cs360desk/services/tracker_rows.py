"""The editable tracker sheets' rows as the workspace holds them now, for export and import."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import CellValue, fit_cell_text
from cs360desk.i18n import _

Row = tuple[CellValue, ...]


@dataclass(frozen=True)
class NameIndex:
    """What users read for each id; a name shared by two records gets its "(#id)"."""

    labels: dict[int, str]

    @classmethod
    def of(cls, pairs: Iterable[tuple[int, str]]) -> NameIndex:
        pairs = list(pairs)
        seen: dict[str, int] = {}
        for _id, name in pairs:
            seen[name.strip().casefold()] = seen.get(name.strip().casefold(), 0) + 1
        return cls(
            {
                record_id: name if seen[name.strip().casefold()] == 1 else f"{name} (#{record_id})"
                for record_id, name in pairs
            }
        )

    def label(self, record_id: int | None) -> str:
        return "" if record_id is None else self.labels.get(record_id, f"#{record_id}")

    def find(self, text: str) -> int | None:
        """The id whose label is `text` (any letter case, outer spaces ignored), or None."""
        return self._by_label.get(_folded(text))

    @cached_property
    def _by_label(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for record_id, label in self.labels.items():
            found.setdefault(_folded(label), record_id)
        return found


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class InitiativeNames:
    """The names an initiative's tracker shows and reads back, one index per kind."""

    people: NameIndex
    teams: NameIndex
    problems: NameIndex
    measures: NameIndex


def workspace_key(session: Session) -> str:
    """A short code that tells this workspace from any other, stable as long as it lives.

    Taken from when the agency was first saved, so renaming the agency keeps it.
    """
    agency = session.scalars(select(m.Agency).order_by(m.Agency.id).limit(1)).first()
    if agency is None:
        raise ValidationError("agency", _("the workspace has no agency yet; set it up first"))
    seed = f"{agency.id}:{agency.created_at.isoformat()}".encode()
    return hashlib.sha256(seed).hexdigest()[:12]


def initiative_names(session: Session, initiative_id: int) -> InitiativeNames:
    people = session.execute(select(m.Person.id, m.Person.full_name).order_by(m.Person.full_name))
    teams = session.execute(
        select(m.Team.id, m.Team.name).where(m.Team.initiative_id == initiative_id)
    )
    problems = session.execute(
        select(m.Problem.id, m.Problem.title).where(m.Problem.initiative_id == initiative_id)
    )
    measures = session.execute(
        select(m.Measure.id, m.Measure.name)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Measure.id)
    )
    return InitiativeNames(
        people=NameIndex.of((pid, name) for pid, name in people),
        teams=NameIndex.of((tid, name) for tid, name in teams),
        problems=NameIndex.of((pid, title) for pid, title in problems),
        measures=NameIndex.of((mid, name) for mid, name in measures),
    )


def note_text(noted_on: date, text: str) -> str:
    """How the latest progress note reads in the "Last update" column."""
    return f"{noted_on.isoformat()}: {text}"


def stored_notes(session: Session, initiative_id: int) -> list[tuple[int, date, str]]:
    """The initiative's progress notes as (item id, day, text), oldest first."""
    note = m.ActionItemUpdate
    query = (
        select(note.action_item_id, note.noted_on, note.text)
        .join(m.ActionItem, m.ActionItem.id == note.action_item_id)
        .where(m.ActionItem.initiative_id == initiative_id)
        .order_by(note.noted_on, note.id)
    )
    return [(item_id, day, text) for item_id, day, text in session.execute(query)]


def latest_notes(notes: Iterable[tuple[int, date, str]]) -> dict[int, str]:
    """Each item's newest note (of notes given oldest first), as "Last update" shows it."""
    # Later rows overwrite earlier ones: what is left is each item's newest note.
    return {item_id: note_text(day, text) for item_id, day, text in notes}


@dataclass(frozen=True)
class StoredItems:
    """An initiative's action items as stored: the objects and their rows, by id."""

    objects: dict[int, m.ActionItem]
    rows: dict[int, Row]


def stored_action_items(
    session: Session,
    initiative_id: int,
    names: InitiativeNames,
    notes: Iterable[tuple[int, date, str]],
) -> StoredItems:
    """Rows in ACTION_ITEM_HEADERS order, soonest due first; `notes` as `stored_notes` gives."""
    item = m.ActionItem
    query = (
        select(item, m.Meeting.title)
        .outerjoin(m.Meeting, m.Meeting.id == item.source_meeting_id)
        .where(item.initiative_id == initiative_id)
        .order_by(item.due_on.is_(None), item.due_on, item.id)
    )
    latest = latest_notes(notes)
    objects: dict[int, m.ActionItem] = {}
    rows: dict[int, Row] = {}
    for obj, meeting_title in session.execute(query):
        objects[obj.id] = obj
        rows[obj.id] = (
            obj.id,
            fit_cell_text(obj.title),
            obj.status.label,
            names.people.label(obj.owner_id),
            obj.due_on,
            obj.priority.label,
            names.problems.label(obj.problem_id),
            names.teams.label(obj.team_id),
            fit_cell_text(meeting_title or ""),
            fit_cell_text(obj.details),
            fit_cell_text(latest.get(obj.id, "")),
        )
    return StoredItems(objects, rows)


def action_item_rows(
    session: Session, initiative_id: int, names: InitiativeNames
) -> dict[int, Row]:
    """Rows in ACTION_ITEM_HEADERS order, keyed by id, soonest due first."""
    notes = stored_notes(session, initiative_id)
    return stored_action_items(session, initiative_id, names, notes).rows


@dataclass(frozen=True)
class StoredMeasurements:
    """The values of an initiative's measures as stored: the objects and their rows, by id."""

    objects: dict[int, m.Measurement]
    rows: dict[int, Row]


def stored_measurements(session: Session, names: InitiativeNames) -> StoredMeasurements:
    """Rows in MEASUREMENT_HEADERS order, by measure and period."""
    value = m.Measurement
    query = (
        select(value)
        .where(value.measure_id.in_(list(names.measures.labels)))
        .order_by(value.measure_id, value.period_end)
    )
    objects = {obj.id: obj for obj in session.scalars(query)}
    rows: dict[int, Row] = {
        obj.id: (
            obj.id,
            names.measures.label(obj.measure_id),
            obj.period_end,
            obj.value,
            fit_cell_text(obj.note),
        )
        for obj in objects.values()
    }
    return StoredMeasurements(objects, rows)


def measurement_rows(session: Session, names: InitiativeNames) -> dict[int, Row]:
    """Rows in MEASUREMENT_HEADERS order for the initiative's measures, keyed by id."""
    return stored_measurements(session, names).rows
