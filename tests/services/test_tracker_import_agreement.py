"""The preview and the apply agree: the same rows pass, the same rows fail, for the same reasons.

The preview writes nothing; the apply writes exactly the rows the preview called new or
changed, and undoing it brings every one of them back.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    MEASUREMENTS,
    ImportBlockedError,
    ImportPreview,
    RowOutcome,
    RowStatus,
)
from cs360desk.services import catalog, edits
from tests.tracker_support import (
    GUN_CRIME,
    apply,
    column_of,
    database_state,
    edit_workbook,
    exported_copy,
    parse,
    preview,
    row_of,
)

NEW_PERIOD = date(2031, 1, 31)
MOVED_TO = date(2031, 6, 30)


def open_items(workspace: Workspace, count: int) -> list[Any]:
    with workspace.session_factory.begin() as session:
        items = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)
    return [item for item in items if not item.status.is_closed][:count]


def outcome(result: ImportPreview, sheet: str, row: int) -> RowOutcome:
    return next(r for r in result.rows if (r.sheet, r.row) == (sheet, row))


class TrickyFile:
    """One returned tracker with every kind of row that must pass or fail the same way."""

    def __init__(self, workspace: Workspace, path: Path) -> None:
        (
            self.bad_status, self.unknown_owner, self.conflict, self.doubled, self.good,
            self.empty_note,
        ) = open_items(workspace, 6)  # fmt: skip
        with workspace.session_factory.begin() as session:
            measure_id = catalog.MEASUREMENT.list(session)[0].measure_id
            first, second = catalog.MEASUREMENT.list(session, measure_id=measure_id)[:2]
            self.measure = catalog.MEASURE.get(session, first.measure_id).name
        self.kept_period, self.moved = first, second
        self.rows: dict[str, tuple[str, int]] = {}
        edit_workbook(path, self._edit)
        # Changed in the app after the export: the file's edit of Status is a conflict.
        with workspace.session_factory.begin() as session:
            catalog.ACTION_ITEM.update(session, self.conflict.id, status=ActionStatus.BLOCKED)

    def _edit(self, workbook: Any) -> None:
        items, values = workbook[ACTION_ITEMS], workbook[MEASUREMENTS]
        status, owner = column_of(items, "Status"), column_of(items, "Owner")
        priority, note = column_of(items, "Priority"), column_of(items, "Last update")
        self._set(items, "bad status", self.bad_status.id, status, "Finished")
        self._set(items, "unknown owner", self.unknown_owner.id, owner, "Nobody We Know")
        self._set(items, "conflict", self.conflict.id, status, "Done")
        self._set(items, "good", self.good.id, priority, "Low")
        self._set(items, "empty note", self.empty_note.id, note, "2026-03-02: ")
        self._append(items, "doubled", [self.doubled.id, "The same ID twice"])
        self._append(items, "new", [None, "Meet the school board", "Open"])
        items[f"{note}{items.max_row}"] = "2026-03-01: date agreed"
        self._append(items, "no title", [None, None, "Open"])
        items[f"{owner}{items.max_row}"] = "Nobody We Know"
        self._append(items, "too long", [None, "x" * 501, "Open"])
        self._append(values, "taken period", [None, self.measure, self.kept_period.period_end, 1])
        self._append(values, "first new", [None, self.measure, NEW_PERIOD, 2])
        self._append(values, "second new", [None, self.measure, NEW_PERIOD, 3])
        self.rows["moved"] = (MEASUREMENTS, row_of(values, self.moved.id))
        values[f"C{row_of(values, self.moved.id)}"] = MOVED_TO
        self._append(values, "left period", [None, self.measure, self.moved.period_end, 4])

    def _set(self, sheet: Any, name: str, record_id: int, column: str, value: Any) -> None:
        row = row_of(sheet, record_id)
        sheet[f"{column}{row}"] = value
        self.rows[name] = (sheet.title, row)

    def _append(self, sheet: Any, name: str, values: list[Any]) -> None:
        sheet.append(values)
        self.rows[name] = (sheet.title, sheet.max_row)

    def status_of(self, result: ImportPreview) -> dict[str, RowStatus]:
        return {name: outcome(result, *where).status for name, where in self.rows.items()}

    def reason(self, result: ImportPreview, name: str) -> str:
        return " ".join(p.describe() for p in outcome(result, *self.rows[name]).problems)


EXPECTED = {
    "bad status": RowStatus.ERROR,
    "unknown owner": RowStatus.ERROR,
    "conflict": RowStatus.ERROR,
    "good": RowStatus.CHANGED,
    "empty note": RowStatus.ERROR,
    "doubled": RowStatus.ERROR,
    "new": RowStatus.NEW,
    "no title": RowStatus.ERROR,
    "too long": RowStatus.ERROR,
    "taken period": RowStatus.ERROR,
    "first new": RowStatus.NEW,
    "second new": RowStatus.ERROR,
    "moved": RowStatus.CHANGED,
    "left period": RowStatus.ERROR,
}


@pytest.fixture
def tricky(sample: Workspace, tmp_path: Path) -> TrickyFile:
    return TrickyFile(sample, exported_copy(tmp_path))


def test_the_preview_names_each_tricky_row_and_writes_nothing(
    sample: Workspace, tricky: TrickyFile, tmp_path: Path
) -> None:
    before = database_state(sample)
    result = preview(sample, parse(tmp_path / "tracker.xlsx"))
    assert database_state(sample) == before
    assert tricky.status_of(result) == EXPECTED
    for name, reason in (
        ("bad status", "Status (C"),
        ("unknown owner", "unknown person 'Nobody We Know'"),
        ("conflict", "changed in CS360 Desk since the export (now 'Blocked')"),
        ("empty note", "no text after its date"),
        ("doubled", "is already on row"),
        ("no title", "unknown person"),
        ("too long", "Title (B"),
        ("taken period", "already has this period end"),
        ("second new", "already has this period end"),
        ("left period", "already has this period end"),
    ):
        assert reason in tricky.reason(result, name), name
    assert "too long" in tricky.reason(result, "too long")


def test_a_blank_title_is_refused_by_the_records_own_rule(
    sample: Workspace, tmp_path: Path
) -> None:
    edit_workbook(exported_copy(tmp_path), lambda wb: wb[ACTION_ITEMS].append([None, " ", "Open"]))
    result = preview(sample, parse(tmp_path / "tracker.xlsx"))
    (error,) = [row for row in result.rows if row.status is RowStatus.ERROR]
    (problem,) = error.problems
    assert (problem.column, problem.reason) == ("Title", "must not be empty")
    assert problem.ref == f"B{error.row}"


def test_the_apply_meets_exactly_the_errors_of_the_preview(
    sample: Workspace, tricky: TrickyFile, tmp_path: Path
) -> None:
    parsed = parse(tmp_path / "tracker.xlsx")
    previewed = preview(sample, parsed)
    before = database_state(sample)
    with pytest.raises(ImportBlockedError) as blocked:
        apply(sample, parsed)
    assert blocked.value.preview == previewed
    assert database_state(sample) == before

    result = apply(sample, parsed, skip_errors=True)
    assert result.preview == previewed
    written = previewed.count(RowStatus.NEW) + previewed.count(RowStatus.CHANGED)
    assert (result.applied, result.skipped) == (written, previewed.count(RowStatus.ERROR))
    with sample.session_factory.begin() as session:
        get = catalog.ACTION_ITEM.get
        assert get(session, tricky.good.id).priority is Priority.LOW
        for untouched in (tricky.bad_status, tricky.unknown_owner, tricky.empty_note):
            assert get(session, untouched.id) == untouched
        assert get(session, tricky.doubled.id).title == tricky.doubled.title
        assert get(session, tricky.conflict.id).status is ActionStatus.BLOCKED
        titles = [i.title for i in catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)]
        assert "Meet the school board" in titles and "x" * 501 not in titles
        periods = {
            v.period_end: v.value
            for v in catalog.MEASUREMENT.list(session, measure_id=tricky.moved.measure_id)
        }
    assert periods[NEW_PERIOD] == 2  # the first new row, not the second
    assert periods[MOVED_TO] == tricky.moved.value
    assert tricky.moved.period_end not in periods  # moved away, and the later row refused
    again = tricky.status_of(preview(sample, parsed))
    # What was applied is in the workspace now; the period the moved value left is free now,
    # so importing the file again takes it.
    assert {name for name, status in again.items() if status is RowStatus.NEW} == {"left period"}


def test_a_new_item_with_its_progress_note_is_one_undoable_change(
    sample: Workspace, tmp_path: Path
) -> None:
    def add(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet.append([None, "Print the lights map", "In progress"])
        sheet[f"{column_of(sheet, 'Last update')}{sheet.max_row}"] = "2026-03-04: proofs ok"

    edit_workbook(exported_copy(tmp_path), add)
    before = database_state(sample)
    result = apply(sample, parse(tmp_path / "tracker.xlsx"))
    assert result.applied == 1
    with sample.session_factory.begin() as session:
        item = session.scalars(select(m.ActionItem).order_by(m.ActionItem.id.desc())).first()
        assert item is not None and item.title == "Print the lights map"
        notes = session.scalars(
            select(m.ActionItemUpdate).where(m.ActionItemUpdate.action_item_id == item.id)
        ).all()
        assert [(n.noted_on, n.text) for n in notes] == [(date(2026, 3, 4), "proofs ok")]
        item_id = item.id
    assert [(c.table, c.before) for c in result.edit.changes] == [
        ("action_item", None),
        ("action_item_update", None),
    ]
    assert (result.edit.changes[0].after or {})["id"] == item_id
    with sample.session_factory.begin() as session:
        edits.undo(session, result.edit)
    after_undo = database_state(sample)
    for table in ("action_item", "action_item_update"):
        assert after_undo[table] == before[table], table


def test_every_applied_row_is_in_the_change_log_and_undo_restores_it(
    sample: Workspace, tmp_path: Path
) -> None:
    first, second = open_items(sample, 2)

    def change(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"{column_of(sheet, 'Title')}{row_of(sheet, first.id)}"] = "Retitled"
        sheet[f"{column_of(sheet, 'Status')}{row_of(sheet, second.id)}"] = "Done"

    edit_workbook(exported_copy(tmp_path), change)
    before = database_state(sample)
    result = apply(sample, parse(tmp_path / "tracker.xlsx"))
    changes = {c.record_id: c for c in result.edit.changes}
    assert changes[first.id].before == {"title": first.title}
    assert changes[first.id].after == {"title": "Retitled"}
    assert set(changes[second.id].after or {}) == {"status", "completed_on"}
    with sample.session_factory.begin() as session:
        logged = session.scalars(
            select(m.ChangeRecord).where(m.ChangeRecord.entity == "action_item")
        ).all()
        assert {first.id, second.id} <= {r.entity_id for r in logged}
        edits.undo(session, result.edit)
    restored = database_state(sample)["action_item"]
    # Undo restores every value; only the update stamp and version counter move on.
    assert [row[:-2] for row in restored] == [row[:-2] for row in before["action_item"]]
