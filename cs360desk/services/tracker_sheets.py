"""The two sheets a tracker brings back: action items and measurements, field by field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    CellValue,
)
from cs360desk.services import edits
from cs360desk.services.catalog import ACTION_ITEM, MEASUREMENT
from cs360desk.services.progress_log import add_progress_note
from cs360desk.services.tracker_plans import SheetRules, Write
from cs360desk.services.tracker_rows import (
    InitiativeNames,
    NameIndex,
    action_item_rows,
    measurement_rows,
)
from cs360desk.services.tracker_values import (
    CellNotice,
    CellProblem,
    as_choice,
    as_date,
    as_number,
    as_text,
    is_blank,
    split_note,
)

NOTE = "progress_note"
_ACTION_FIELDS = {
    "title": "Title",
    "status": "Status",
    "owner_id": "Owner",
    "due_on": "Due",
    "priority": "Priority",
    "problem_id": "Problem",
    "team_id": "Team",
    "details": "Details",
    NOTE: "Last update",
    "noted_on": "Last update",
    "text": "Last update",
    "completed_on": "Status",
}
_MEASUREMENT_FIELDS = {
    "measure_id": "Measure",
    "period_end": "Period end",
    "value": "Value",
    "note": "Note",
}


def _named(index: NameIndex, value: CellValue, what: str) -> int | None:
    if is_blank(value):
        return None
    found = index.find(as_text(value))
    if found is None:
        raise CellProblem(f"unknown {what} {as_text(value)!r} (pick one from the drop-down list)")
    return found


def _action_resolver(
    names: InitiativeNames, today: date
) -> Callable[[str, CellValue], tuple[str, Any]]:
    indexes = {
        "Owner": ("owner_id", names.people, "person"),
        "Team": ("team_id", names.teams, "team"),
        "Problem": ("problem_id", names.problems, "problem"),
    }

    def resolve(header: str, value: CellValue) -> tuple[str, Any]:
        if header == "Last update":
            text = as_text(value)
            if not text.strip():
                raise CellNotice("clearing Last update removes no progress note")
            noted_on, note = split_note(text, today)
            if not note:
                raise CellProblem("the progress note has no text after its date")
            return NOTE, (noted_on, note)
        if header in ("Title", "Details"):
            return header.lower(), as_text(value)
        if header == "Status":
            return "status", as_choice(value, ActionStatus, "status")
        if header == "Priority":
            return "priority", as_choice(value, Priority, "priority")
        if header == "Due":
            return "due_on", as_date(value)
        field, index, what = indexes[header]
        return field, _named(index, value, what)

    return resolve


def _create_item(initiative_id: int) -> Callable[[dict[str, Any]], Write]:
    def create(values: dict[str, Any]) -> Write:
        def write(s: Session) -> Edit:
            fields = dict(values)
            note = fields.pop(NOTE, None)
            record, edit = edits.create(s, ACTION_ITEM, initiative_id=initiative_id, **fields)
            return _with_note(s, edit, record.id, note)

        return write

    return create


def _update_item(record_id: int, values: dict[str, Any]) -> Write:
    def write(s: Session) -> Edit:
        changes = dict(values)
        note = changes.pop(NOTE, None)
        edit = edits.update(s, ACTION_ITEM, record_id, **changes)[1] if changes else None
        return _with_note(s, edit, record_id, note)

    return write


def _duplicate_title(records: Mapping[int, Any]) -> Callable[[dict[str, Any]], str | None]:
    """A new row titled like an item already there was most likely imported before."""
    titles = {_folded(record.title): record.id for record in records.values()}

    def duplicate(values: dict[str, Any]) -> str | None:
        found = titles.get(_folded(str(values.get("title", ""))))
        if found is None:
            return None
        return (
            f"action item {found} already has this title (was the file imported before?); "
            f"put {found} in the ID column to update it, or change the title"
        )

    return duplicate


def action_item_rules(
    session: Session, initiative_id: int, names: InitiativeNames, today: date
) -> SheetRules:
    records = {r.id: r for r in ACTION_ITEM.list(session, initiative_id=initiative_id)}
    notes = _existing_notes(session, initiative_id)
    return SheetRules(
        sheet=ACTION_ITEMS,
        entity="action item",
        headers=ACTION_ITEM_HEADERS,
        editable=("Title", "Status", "Owner", "Due", "Priority", "Problem", "Team", "Details")
        + ("Last update",),
        folded=frozenset({"Status", "Owner", "Priority", "Problem", "Team"}),
        reference=("Meeting",),
        current=action_item_rows(session, initiative_id, names),
        records=records,
        resolve=_action_resolver(names, today),
        create=_create_item(initiative_id),
        update=_update_item,
        label=lambda shown: as_text(shown.get("Title")) or "(new action item)",
        missing=lambda record_id: _missing(session, m.ActionItem, "action item", record_id),
        fields=_ACTION_FIELDS,
        optional_for_new=frozenset({"Status", "Priority", "Last update"}),
        duplicate=_duplicate_title(records),
        has_note=lambda record_id, note: (record_id, *note) in notes,
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _existing_notes(session: Session, initiative_id: int) -> set[tuple[int, date, str]]:
    note = m.ActionItemUpdate
    query = (
        select(note.action_item_id, note.noted_on, note.text)
        .join(m.ActionItem, m.ActionItem.id == note.action_item_id)
        .where(m.ActionItem.initiative_id == initiative_id)
    )
    return {(item_id, day, text.strip()) for item_id, day, text in session.execute(query)}


def _with_note(
    session: Session, edit: Edit | None, item_id: int, note: tuple[date, str] | None
) -> Edit:
    parts = [edit] if edit is not None else []
    if note is not None:
        noted_on, text = note
        parts.append(add_progress_note(session, item_id, noted_on=noted_on, text=text)[1])
    return combine("Import tracker row", *parts)


def _missing(
    session: Session, model: type[m.ActionItem | m.Measurement], what: str, id_: int
) -> str:
    if session.get(model, id_) is not None:
        return f"{what} {id_} belongs to another initiative; it cannot be changed from this file"
    return f"no {what} with ID {id_} in this workspace (leave the ID empty for a new row)"


def measurement_rules(session: Session, names: InitiativeNames) -> SheetRules:
    def resolve(header: str, value: CellValue) -> tuple[str, Any]:
        if header == "Note":
            return "note", as_text(value)
        if header == "Measure":
            if is_blank(value):
                raise CellProblem("choose the measure this value belongs to")
            return "measure_id", _named(names.measures, value, "measure")
        if is_blank(value):
            raise CellProblem(f"a measurement needs its {header.lower()}")
        if header == "Period end":
            return "period_end", as_date(value)
        return "value", as_number(value)

    def create(values: dict[str, Any]) -> Write:
        return lambda s: edits.create(s, MEASUREMENT, **values)[1]

    def update(record_id: int, values: dict[str, Any]) -> Write:
        return lambda s: edits.update(s, MEASUREMENT, record_id, **values)[1]

    current = measurement_rows(session, names)
    found = MEASUREMENT.list(session, m.Measurement.id.in_(list(current)))
    records = {record.id: record for record in found}
    return SheetRules(
        sheet=MEASUREMENTS,
        entity="measurement",
        headers=MEASUREMENT_HEADERS,
        editable=("Measure", "Period end", "Value", "Note"),
        folded=frozenset({"Measure"}),
        reference=(),
        current=current,
        records=records,
        resolve=resolve,
        create=create,
        update=update,
        label=_measurement_label,
        missing=lambda record_id: _missing(session, m.Measurement, "measurement", record_id),
        fields=_MEASUREMENT_FIELDS,
        optional_for_new=frozenset({"Note"}),
    )


def _measurement_label(shown: Mapping[str, CellValue]) -> str:
    measure = as_text(shown.get("Measure")) or "(no measure)"
    period = shown.get("Period end")
    return f"{measure}, {as_text(period)}" if not is_blank(period) else measure
