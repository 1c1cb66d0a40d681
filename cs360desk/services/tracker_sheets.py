"""The two sheets a tracker brings back: action items and measurements, field by field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    CellValue,
    column_header,
)
from cs360desk.i18n import N_, _
from cs360desk.services.catalog import ACTION_ITEM, ACTION_ITEM_UPDATE, MEASUREMENT
from cs360desk.services.tracker_plans import ChildWrite, SheetRules
from cs360desk.services.tracker_rows import (
    InitiativeNames,
    NameIndex,
    stored_action_items,
    stored_measurements,
    stored_notes,
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


_UNKNOWN_NAMES = {
    "person": N_("unknown person {value} (pick one from the drop-down list)"),
    "team": N_("unknown team {value} (pick one from the drop-down list)"),
    "problem": N_("unknown problem {value} (pick one from the drop-down list)"),
    "measure": N_("unknown measure {value} (pick one from the drop-down list)"),
}


def _named(index: NameIndex, value: CellValue, what: str) -> int | None:
    if is_blank(value):
        return None
    found = index.find(as_text(value))
    if found is None:
        raise CellProblem(_(_UNKNOWN_NAMES[what]).format(value=repr(as_text(value))))
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
                raise CellNotice(
                    _("clearing {column} removes no progress note").format(
                        column=column_header("Last update")
                    )
                )
            noted_on, note = split_note(text, today)
            if not note:
                raise CellProblem(_("the progress note has no text after its date"))
            return NOTE, (noted_on, note)
        if header in ("Title", "Details"):
            return header.lower(), as_text(value)
        if header == "Status":
            unknown = _("unknown status {value} (choose one of: {choices})")
            return "status", as_choice(value, ActionStatus, unknown)
        if header == "Priority":
            unknown = _("unknown priority {value} (choose one of: {choices})")
            return "priority", as_choice(value, Priority, unknown)
        if header == "Due":
            return "due_on", as_date(value)
        field, index, what = indexes[header]
        return field, _named(index, value, what)

    return resolve


def _note(note: tuple[date, str]) -> ChildWrite:
    noted_on, text = note
    return ChildWrite(ACTION_ITEM_UPDATE, "action_item_id", {"noted_on": noted_on, "text": text})


def _duplicate_title(records: Mapping[int, Any]) -> Callable[[dict[str, Any]], str | None]:
    """A new row titled like an item already there was most likely imported before."""
    titles = {_folded(record.title): record.id for record in records.values()}

    def duplicate(values: dict[str, Any]) -> str | None:
        found = titles.get(_folded(str(values.get("title", ""))))
        if found is None:
            return None
        return _(
            "action item {id} already has this title (was the file imported before?); "
            "put {id} in the ID column to update it, or change the title"
        ).format(id=found)

    return duplicate


def action_item_rules(
    session: Session, initiative_id: int, names: InitiativeNames, today: date
) -> SheetRules:
    notes = stored_notes(session, initiative_id)
    stored = stored_action_items(session, initiative_id, names, notes)
    existing = {(item_id, day, text.strip()) for item_id, day, text in notes}
    return SheetRules(
        sheet=ACTION_ITEMS,
        entity="action item",
        headers=ACTION_ITEM_HEADERS,
        editable=("Title", "Status", "Owner", "Due", "Priority", "Problem", "Team", "Details")
        + ("Last update",),
        folded=frozenset({"Status", "Owner", "Priority", "Problem", "Team"}),
        reference=("Meeting",),
        current=stored.rows,
        records=stored.objects,
        resolve=_action_resolver(names, today),
        service=ACTION_ITEM,
        label=lambda shown: as_text(shown.get("Title")) or _("(new action item)"),
        missing=lambda record_id: _missing(session, m.ActionItem, "action item", record_id),
        fields=_ACTION_FIELDS,
        fixed={"initiative_id": initiative_id},
        children={NOTE: _note},
        optional_for_new=frozenset({"Status", "Priority", "Last update"}),
        duplicate=_duplicate_title(stored.objects),
        has_note=lambda record_id, note: (record_id, *note) in existing,
    )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


_ELSEWHERE = {
    "action item": N_(
        "action item {id} belongs to another initiative; it cannot be changed from this file"
    ),
    "measurement": N_(
        "measurement {id} belongs to another initiative; it cannot be changed from this file"
    ),
}
_NOT_HERE = {
    "action item": N_(
        "no action item with ID {id} in this workspace (leave the ID empty for a new row)"
    ),
    "measurement": N_(
        "no measurement with ID {id} in this workspace (leave the ID empty for a new row)"
    ),
}


def _missing(
    session: Session, model: type[m.ActionItem | m.Measurement], what: str, id_: int
) -> str:
    if session.get(model, id_) is not None:
        return _(_ELSEWHERE[what]).format(id=id_)
    return _(_NOT_HERE[what]).format(id=id_)


_NEEDED = {
    "Period end": N_("a measurement needs its period end"),
    "Value": N_("a measurement needs its value"),
}


def measurement_rules(session: Session, names: InitiativeNames) -> SheetRules:
    def resolve(header: str, value: CellValue) -> tuple[str, Any]:
        if header == "Note":
            return "note", as_text(value)
        if header == "Measure":
            if is_blank(value):
                raise CellProblem(_("choose the measure this value belongs to"))
            return "measure_id", _named(names.measures, value, "measure")
        if is_blank(value):
            raise CellProblem(_(_NEEDED[header]))
        if header == "Period end":
            return "period_end", as_date(value)
        return "value", as_number(value)

    stored = stored_measurements(session, names)
    return SheetRules(
        sheet=MEASUREMENTS,
        entity="measurement",
        headers=MEASUREMENT_HEADERS,
        editable=("Measure", "Period end", "Value", "Note"),
        folded=frozenset({"Measure"}),
        reference=(),
        current=stored.rows,
        records=stored.objects,
        resolve=resolve,
        service=MEASUREMENT,
        label=_measurement_label,
        missing=lambda record_id: _missing(session, m.Measurement, "measurement", record_id),
        fields=_MEASUREMENT_FIELDS,
        optional_for_new=frozenset({"Note"}),
    )


def _measurement_label(shown: Mapping[str, CellValue]) -> str:
    measure = as_text(shown.get("Measure")) or _("(no measure)")
    period = shown.get("Period end")
    return f"{measure}, {as_text(period)}" if not is_blank(period) else measure
