"""Each returned row compared with the workspace: what it would change, or why it cannot.

A row's cell counts as edited when it differs from the hidden copy of the sheet as exported
(or, without that copy, from the workspace). An edited cell whose record was also changed
in the app since the export is a conflict, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cs360desk.domain.tracker import (
    CellValue,
    FieldChange,
    ParsedRow,
    ParsedSheet,
    RowOutcome,
    RowProblem,
    RowStatus,
    column_header,
    sheet_title,
)
from cs360desk.i18n import _
from cs360desk.services.entities import EntityService
from cs360desk.services.tracker_rows import Row
from cs360desk.services.tracker_values import (
    CellNotice,
    CellProblem,
    as_id,
    as_text,
    is_blank,
    same_cell,
)


@dataclass(frozen=True)
class ChildWrite:
    """A record a row adds under its own (a progress note under its action item)."""

    service: EntityService[Any, Any]
    # The child's field that points at the row's record.
    parent_field: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class RowWrite:
    """What one row asks of the workspace, as plain data: checked first, written later."""

    service: EntityService[Any, Any]
    # The stored object to change; None makes a new record.
    target: Any | None
    values: Mapping[str, Any]
    children: tuple[ChildWrite, ...] = ()


@dataclass(frozen=True)
class SheetRules:
    """How one editable sheet maps to its records."""

    sheet: str
    entity: str
    headers: tuple[str, ...]
    editable: tuple[str, ...]
    # Matched ignoring letter case and spacing (labels picked from lists).
    folded: frozenset[str]
    reference: tuple[str, ...]
    current: Mapping[int, Row]
    # The stored objects, by id: what the rows change and what their values are checked on.
    records: Mapping[int, Any]
    resolve: Callable[[str, CellValue], tuple[str, Any]]
    service: EntityService[Any, Any]
    label: Callable[[Mapping[str, CellValue]], str]
    # Returns the reason an unknown ID is not here ("belongs to another initiative"...).
    missing: Callable[[int], str]
    # Field name -> its column, to name the column of an error the record's rules find.
    fields: Mapping[str, str]
    # Values every new record gets (the initiative an action item belongs to).
    fixed: Mapping[str, Any] = field(default_factory=dict)
    # Fields that add a record rather than overwrite one (a progress note): never a conflict.
    children: Mapping[str, Callable[[Any], ChildWrite]] = field(default_factory=dict)
    # Columns a new row may leave blank to take the usual default (Status: open).
    optional_for_new: frozenset[str] = frozenset()
    # Why a new row is already in the workspace (the same file imported twice), or None.
    duplicate: Callable[[dict[str, Any]], str | None] = lambda _values: None
    # Whether a record already has this progress note (imported before).
    has_note: Callable[[int, Any], bool] = lambda _record_id, _note: False


@dataclass(frozen=True)
class RowPlan:
    outcome: RowOutcome
    write: RowWrite | None = None
    # Field name -> its column, and column -> its letter in the sheet: where an error the
    # record's rules find belongs.
    fields: Mapping[str, str] = field(default_factory=dict)
    letters: Mapping[str, str] = field(default_factory=dict)

    def cell_of(self, field_name: str) -> tuple[str, str]:
        """The column and the cell ("Title", "B7") of a field, or blanks if none shows it."""
        header = self.fields.get(field_name)
        if header is None:
            return "", ""
        letter = self.letters.get(header)
        return header, f"{letter}{self.outcome.row}" if letter else ""


class _RowState:
    """What one row has gathered so far: values, changes, problems and notes."""

    def __init__(self, rules: SheetRules, sheet: ParsedSheet, row: ParsedRow) -> None:
        self.rules, self.sheet, self.row = rules, sheet, row
        self.changes: list[FieldChange] = []
        self.problems: list[RowProblem] = []
        self.notes: list[str] = []
        self.values: dict[str, Any] = {}

    def cell(self, header: str) -> CellValue:
        found = self.row.cells.get(header)
        return found.value if found else None

    def ref(self, header: str) -> str:
        letter = self.sheet.columns.get(header)
        return f"{letter}{self.row.number}" if letter else ""

    def fail(self, header: str, reason: str) -> None:
        self.problems.append(RowProblem(header, self.ref(header), reason))

    def readable(self, header: str) -> bool:
        """False (with the problem noted) when the cell holds a formula or an error."""
        found = self.row.get(header)
        if found is not None and found.problem:
            self.fail(header, found.problem)
            return False
        return True

    def plan(self, outcome: RowOutcome, write: RowWrite) -> RowPlan:
        return RowPlan(outcome, write, self.rules.fields, self.sheet.columns)

    def outcome(self, record_id: int | None, status: RowStatus) -> RowOutcome:
        shown = {header: cell.value for header, cell in self.row.cells.items()}
        return RowOutcome(
            sheet=sheet_title(self.rules.sheet),
            row=self.row.number,
            record_id=record_id,
            label=self.rules.label(shown),
            status=RowStatus.ERROR if self.problems else status,
            changes=tuple(self.changes),
            problems=tuple(self.problems),
            notes=tuple(self.notes),
        )


def plan_sheet(
    rules: SheetRules, sheet: ParsedSheet, snapshot: ParsedSheet | None
) -> list[RowPlan]:
    exported = _rows_by_id(snapshot)
    seen: dict[int, int] = {}
    plans: list[RowPlan] = []
    for row in sheet.rows:
        state = _RowState(rules, sheet, row)
        try:
            record_id = as_id(state.cell("ID")) if state.readable("ID") else None
        except CellProblem as problem:
            state.fail("ID", str(problem))
            plans.append(RowPlan(state.outcome(None, RowStatus.ERROR)))
            continue
        if record_id is not None and record_id in seen:
            state.fail(
                "ID",
                _("ID {id} is already on row {row}").format(id=record_id, row=seen[record_id]),
            )
        elif record_id is not None:
            seen[record_id] = row.number
        plans.append(_plan_row(state, record_id, exported))
    return plans


def _rows_by_id(snapshot: ParsedSheet | None) -> dict[int, ParsedRow]:
    rows: dict[int, ParsedRow] = {}
    for row in snapshot.rows if snapshot else ():
        cell = row.get("ID")
        try:
            record_id = as_id(cell.value) if cell else None
        except CellProblem:
            continue
        if record_id is not None:
            rows.setdefault(record_id, row)
    return rows


def _plan_row(state: _RowState, record_id: int | None, exported: dict[int, ParsedRow]) -> RowPlan:
    rules = state.rules
    if record_id is None:
        return _plan_new(state)
    if record_id not in rules.current:
        state.fail("ID", rules.missing(record_id))
        return RowPlan(state.outcome(record_id, RowStatus.ERROR))
    current = dict(zip(rules.headers, rules.current[record_id], strict=True))
    before = exported.get(record_id)
    for header in rules.editable:
        if header in state.sheet.columns and state.readable(header):
            _compare(state, header, current, before, record_id)
    for header in rules.reference:
        base = before.get(header) if before else None
        shown = base.value if base else current[header]
        if header in state.sheet.columns and not same_cell(state.cell(header), shown):
            state.notes.append(
                _("{column} is shown for reference; the change is not imported").format(
                    column=column_header(header)
                )
            )
    if state.problems or not state.values:
        return RowPlan(state.outcome(record_id, RowStatus.UNCHANGED))
    write = _write(rules, rules.records[record_id], state.values)
    return state.plan(state.outcome(record_id, RowStatus.CHANGED), write)


def _write(rules: SheetRules, target: Any | None, values: dict[str, Any]) -> RowWrite:
    own = {name: value for name, value in values.items() if name not in rules.children}
    children = tuple(
        rules.children[name](value) for name, value in values.items() if name in rules.children
    )
    if target is None:
        own = {**rules.fixed, **own}
    return RowWrite(rules.service, target, own, children)


def _compare(
    state: _RowState,
    header: str,
    current: dict[str, CellValue],
    before: ParsedRow | None,
    record_id: int,
) -> None:
    rules, new = state.rules, state.cell(header)
    folded = header in rules.folded
    exported_cell = before.get(header) if before else None
    base = exported_cell.value if exported_cell else current[header]
    if same_cell(new, base, folded=folded):
        return  # not edited in the file: whatever the workspace holds now stays
    try:
        name, value = rules.resolve(header, new)
    except CellNotice as notice:
        state.notes.append(str(notice))
        return
    except CellProblem as problem:
        state.fail(header, str(problem))
        return
    if name in rules.children:
        if rules.has_note(record_id, value):
            return
        state.values[name] = value
        state.changes.append(_change(header, as_text(current[header]), as_text(new)))
        return
    if getattr(rules.records[record_id], name) == value:
        return
    if exported_cell is not None and not same_cell(base, current[header], folded=folded):
        state.fail(
            header,
            _("changed in CS360 Desk since the export (now {now}); the file says {new}").format(
                now=repr(as_text(current[header])), new=repr(as_text(new))
            ),
        )
        return
    state.values[name] = value
    state.changes.append(_change(header, as_text(current[header]), as_text(new)))


def _change(header: str, old: str, new: str) -> FieldChange:
    """A change as the preview shows it: the column named in the screens' language."""
    return FieldChange(column_header(header), old, new)


def _plan_new(state: _RowState) -> RowPlan:
    rules = state.rules
    values: dict[str, Any] = {}
    for header in rules.editable:
        if header not in state.sheet.columns or not state.readable(header):
            continue
        new = state.cell(header)
        if is_blank(new) and header in rules.optional_for_new:
            continue
        try:
            name, value = rules.resolve(header, new)
        except CellProblem as problem:
            state.fail(header, str(problem))
            continue
        values[name] = value
        if not is_blank(new):
            state.changes.append(_change(header, "", as_text(new)))
    duplicate = None if state.problems else rules.duplicate(values)
    if duplicate:
        state.fail("", duplicate)
    if state.problems:
        return RowPlan(state.outcome(None, RowStatus.ERROR))
    return state.plan(state.outcome(None, RowStatus.NEW), _write(rules, None, values))
