"""Round trips: export the sample, edit the file as a member would, preview, apply, compare."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.enums import ActionStatus, ChangeAction, Priority
from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    MEASUREMENTS,
    ImportBlockedError,
    ImportPreview,
    RowOutcome,
    RowStatus,
    TrackerFileError,
)
from cs360desk.services import catalog, edits
from cs360desk.services.progress_log import progress_notes
from tests.tracker_support import (
    GUN_CRIME,
    TODAY,
    apply,
    column_of,
    database_state,
    edit_workbook,
    export_tracker,
    exported_copy,
    parse,
    preview,
    row_of,
    sample_copy,
    type_text,
)

HOSTILE_TITLES = ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(1)", "\tTabbed", "\rCR")


@pytest.fixture
def exported(sample: Workspace, tmp_path: Path) -> Path:
    """The sample's tracker, exported before the test changes anything."""
    return exported_copy(tmp_path)


def open_items(workspace: Workspace, count: int) -> list[Any]:
    with workspace.session_factory.begin() as session:
        items = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)
    return [item for item in items if not item.status.is_closed][:count]


def item(workspace: Workspace, item_id: int) -> Any:
    with workspace.session_factory.begin() as session:
        return catalog.ACTION_ITEM.get(session, item_id)


def by_row(result: ImportPreview, sheet: str = ACTION_ITEMS) -> dict[int, RowOutcome]:
    return {row.row: row for row in result.rows if row.sheet == sheet}


def test_an_untouched_tracker_changes_nothing(sample: Workspace, exported: Path) -> None:
    result = preview(sample, parse(exported))
    assert result.count(RowStatus.UNCHANGED) == len(result.rows) > 400
    assert not result.has_errors and not result.has_changes and result.notes == ()


def test_a_members_edits_come_back_exactly(sample: Workspace, exported: Path) -> None:
    first, second, third, *others = open_items(sample, 3 + len(HOSTILE_TITLES))
    with sample.session_factory.begin() as session:
        people = {p.full_name: p.id for p in catalog.PERSON.list(session) if p.active}
    new_owner = sorted(people)[0]
    hostile_ids = [other.id for other in others]

    def as_a_member(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, first.id)}"] = "Done"
        sheet[f"C{row_of(sheet, second.id)}"] = "in progress"  # typed, not picked
        sheet[f"D{row_of(sheet, third.id)}"] = new_owner
        for record_id, title in zip(hostile_ids, HOSTILE_TITLES, strict=True):
            type_text(sheet, f"B{row_of(sheet, record_id)}", title)
        new = sheet.max_row + 1
        sheet[f"B{new}"] = "Walk the Eastside with the new lights map"
        sheet[f"D{new}"] = new_owner
        sheet[f"E{new}"] = date(2026, 4, 1)
        sheet[f"F{new}"] = "High"
        sheet.move_range(f"C1:C{new}", cols=15)  # the member moved Status to the far right

    edit_workbook(exported, as_a_member)
    parsed = parse(exported)
    before = database_state(sample)
    result = preview(sample, parsed)
    assert database_state(sample) == before  # the preview wrote nothing
    assert not result.has_errors, [r.problems for r in result.rows if r.problems]
    assert result.count(RowStatus.CHANGED) == 3 + len(HOSTILE_TITLES)
    assert result.count(RowStatus.NEW) == 1
    changed = {row.record_id: row for row in result.rows if row.status is RowStatus.CHANGED}
    assert [(c.field, c.old, c.new) for c in changed[first.id].changes] == [
        ("Status", first.status.label, "Done")
    ]
    outcome = apply(sample, parsed)
    assert outcome.applied == 4 + len(HOSTILE_TITLES) and outcome.skipped == 0
    assert item(sample, first.id).status is ActionStatus.DONE
    assert item(sample, first.id).completed_on is not None
    assert item(sample, second.id).status is ActionStatus.IN_PROGRESS
    assert item(sample, third.id).owner_id == people[new_owner]
    for record_id, title in zip(hostile_ids, HOSTILE_TITLES, strict=True):
        assert item(sample, record_id).title == title
    with sample.session_factory.begin() as session:
        added = session.scalars(select(m.ActionItem).order_by(m.ActionItem.id.desc())).first()
        assert added is not None
        assert (added.title, added.due_on, added.priority, added.owner_id) == (
            "Walk the Eastside with the new lights map",
            date(2026, 4, 1),
            Priority.HIGH,
            people[new_owner],
        )
        assert added.initiative_id == GUN_CRIME and added.status is ActionStatus.OPEN
        logged = _changes_since(session, before)
    assert ("action_item", first.id, "update") in logged
    assert ("action_item", added.id, "create") in logged
    assert sum(1 for entity, _id, _action in logged if entity == "action_item") == len(changed) + 1
    # What was applied comes back unchanged: the file and the workspace agree now.
    again = preview(sample, parse(exported))
    assert again.count(RowStatus.CHANGED) == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_hostile_text_survives_a_save_in_libreoffice(sample: Workspace, tmp_path: Path) -> None:
    targets = open_items(sample, len(HOSTILE_TITLES))
    with sample.session_factory.begin() as session:
        for target, title in zip(targets, HOSTILE_TITLES, strict=True):
            catalog.ACTION_ITEM.update(session, target.id, title=title, details=f"{title}\n{title}")
    exported = export_tracker(sample, tmp_path / "tracker.xlsx")
    saved = tmp_path / "saved"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(saved), str(exported)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for path in (exported, saved / "tracker.xlsx"):
        result = preview(sample, parse(path))
        assert not result.has_changes and not result.has_errors, path


def _changes_since(session: Any, before: dict[str, list[Any]]) -> set[tuple[str, int, str]]:
    known = {row[0] for row in before["change_record"]}
    rows = session.execute(select(m.ChangeRecord)).scalars()
    return {(r.entity, r.entity_id, r.action.value) for r in rows if r.id not in known}


def blocked_and_one_new(path: Path, item_id: int) -> None:
    """The returned tracker with action item `item_id` marked Blocked and a new item below."""

    def change(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, item_id)}"] = "Blocked"
        sheet[f"B{sheet.max_row + 1}"] = "A brand new item"

    edit_workbook(path, change)


def test_the_import_can_be_undone_as_one_edit(sample: Workspace, exported: Path) -> None:
    (first,) = open_items(sample, 1)
    blocked_and_one_new(exported, first.id)
    before = database_state(sample)["action_item"]
    result = apply(sample, parse(exported))
    assert database_state(sample)["action_item"] != before
    with sample.session_factory.begin() as session:
        edits.undo(session, result.edit)
    # Undo restores every value; only the update stamp and version counter move on.
    restored = database_state(sample)["action_item"]
    assert [row[:-2] for row in restored] == [row[:-2] for row in before]


BAD_CELLS = (
    ("Owner", "Nobody We Know", "unknown person 'Nobody We Know'"),
    ("Due", "next Tuesday", "'next Tuesday' is not a date"),
    ("Due", "31/31/2026", "'31/31/2026' is not a date"),
    ("Status", "Finished", "unknown status 'Finished'"),
    ("Priority", "Urgent", "unknown priority 'Urgent'"),
    ("Team", "The A-Team", "unknown team 'The A-Team'"),
    ("Title", "", "must not be empty"),
    ("Title", "x" * 501, "too long"),
    ("ID", 999_999, "no action item with ID 999999 in this workspace"),
    ("ID", "twelve", "'twelve' is not an ID"),
)


def test_bad_cells_are_errors_that_block_the_apply(sample: Workspace, exported: Path) -> None:
    targets = open_items(sample, len(BAD_CELLS))
    rows: dict[int, tuple[str, str]] = {}

    def spoil(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        for target, (column, typed, reason) in zip(targets, BAD_CELLS, strict=True):
            row = row_of(sheet, target.id)
            sheet[f"C{row}"] = "Done"  # a valid edit on the same row
            sheet[f"{column_of(sheet, column)}{row}"] = typed
            rows[row] = (column, reason)

    edit_workbook(exported, spoil)
    parsed = parse(exported)
    letters = parsed.sheets[ACTION_ITEMS].columns
    result = preview(sample, parsed)
    errors = {row.row: row for row in result.rows if row.status is RowStatus.ERROR}
    assert set(errors) == set(rows)
    for number, (column, reason) in rows.items():
        (problem,) = errors[number].problems
        assert reason in problem.reason, (column, problem)
        assert (problem.column, problem.ref) == (column, f"{letters[column]}{number}")
    before = database_state(sample)
    with pytest.raises(ImportBlockedError, match="nothing was imported"):
        apply(sample, parsed)
    assert database_state(sample) == before


def test_skipping_errors_applies_the_valid_rows_only(sample: Workspace, exported: Path) -> None:
    good, bad = open_items(sample, 2)

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, good.id)}"] = "Blocked"
        sheet[f"D{row_of(sheet, bad.id)}"] = "Nobody We Know"
        sheet[f"E{row_of(sheet, bad.id)}"] = "=TODAY()+7"  # a real formula

    edit_workbook(exported, edit)
    result = apply(sample, parse(exported), skip_errors=True)
    assert (result.applied, result.skipped) == (1, 1)
    (error,) = [row for row in result.preview.rows if row.status is RowStatus.ERROR]
    assert {p.column for p in error.problems} == {"Owner", "Due"}
    assert item(sample, good.id).status is ActionStatus.BLOCKED
    assert item(sample, bad.id) == bad


def test_rows_removed_from_the_sheet_delete_nothing(sample: Workspace, exported: Path) -> None:
    def remove_most(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet.delete_rows(2, sheet.max_row - 3)

    edit_workbook(exported, remove_most)
    before = database_state(sample)
    result = apply(sample, parse(exported))
    assert result.applied == 0 and len(result.preview.rows) <= 3 + 300
    assert database_state(sample)["action_item"] == before["action_item"]


def test_an_id_of_another_initiative_is_an_error(sample: Workspace, exported: Path) -> None:
    with sample.session_factory.begin() as session:
        traffic_item = catalog.ACTION_ITEM.list(session, initiative_id=2)[0].id

    def point_elsewhere(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"A{sheet.max_row + 1}"] = traffic_item
        sheet[f"B{sheet.max_row}"] = "Sneaky"

    edit_workbook(exported, point_elsewhere)
    result = preview(sample, parse(exported))
    (error,) = [row for row in result.rows if row.status is RowStatus.ERROR]
    assert "belongs to another initiative" in error.problems[0].reason


def test_an_edit_in_the_app_since_the_export_is_never_overwritten(
    sample: Workspace, exported: Path
) -> None:
    first, second = open_items(sample, 2)
    with sample.session_factory.begin() as session:
        catalog.ACTION_ITEM.update(session, first.id, status=ActionStatus.DONE)
        catalog.ACTION_ITEM.update(session, second.id, priority=Priority.LOW)

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, first.id)}"] = "Blocked"  # both edited Status: conflict
        sheet[f"B{row_of(sheet, second.id)}"] = "Retitled in Excel"  # other field: fine

    edit_workbook(exported, edit)
    result = preview(sample, parse(exported))
    rows = {row.record_id: row for row in result.rows if row.sheet == ACTION_ITEMS}
    assert rows[first.id].status is RowStatus.ERROR
    assert "changed in CS360 Desk since the export (now 'Done')" in (
        rows[first.id].problems[0].reason
    )
    assert rows[second.id].status is RowStatus.CHANGED
    apply(sample, parse(exported), skip_errors=True)
    assert item(sample, first.id).status is ActionStatus.DONE
    kept = item(sample, second.id)
    assert (kept.title, kept.priority) == ("Retitled in Excel", Priority.LOW)


def test_last_update_adds_a_dated_progress_note_once(sample: Workspace, exported: Path) -> None:
    first, second = open_items(sample, 2)

    def note(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"K{row_of(sheet, first.id)}"] = "2026-03-12: Met the landlord; lights ordered"
        sheet[f"K{row_of(sheet, second.id)}"] = "Left a voicemail"

    edit_workbook(exported, note)
    apply(sample, parse(exported))
    with sample.session_factory.begin() as session:
        latest = progress_notes(session, first.id)[0]
        undated = progress_notes(session, second.id)[0]
    assert (latest.noted_on, latest.text) == (date(2026, 3, 12), "Met the landlord; lights ordered")
    assert (undated.noted_on, undated.text) == (TODAY, "Left a voicemail")
    again = preview(sample, parse(exported))
    assert again.count(RowStatus.CHANGED) == 0


def test_importing_the_same_new_rows_twice_is_caught(sample: Workspace, exported: Path) -> None:
    edit_workbook(exported, lambda wb: wb[ACTION_ITEMS].append([None, "Print the flyers"]))
    assert apply(sample, parse(exported)).applied == 1
    result = preview(sample, parse(exported))
    (error,) = [row for row in result.rows if row.status is RowStatus.ERROR]
    assert "already has this title" in error.problems[0].reason


def test_measurements_new_values_and_corrections(sample: Workspace, exported: Path) -> None:
    with sample.session_factory.begin() as session:
        value = catalog.MEASUREMENT.list(session)[0]
        measure = catalog.MEASURE.get(session, value.measure_id)

    def record(workbook: Any) -> None:
        sheet = workbook[MEASUREMENTS]
        sheet[f"D{row_of(sheet, value.id)}"] = 41.5
        sheet.append([None, measure.name, date(2030, 1, 31), "17", "first value of 2030"])
        sheet.append([None, measure.name, value.period_end, 3, "same period again"])
        sheet.append([None, "No such measure", date(2030, 1, 31), 3])
        sheet.append([None, measure.name, date(2030, 2, 28), "lots"])

    edit_workbook(exported, record)
    result = preview(sample, parse(exported))
    rows = [
        row for row in result.rows if row.sheet == MEASUREMENTS and row.status.value != "unchanged"
    ]
    assert [row.status for row in rows] == [
        RowStatus.CHANGED, RowStatus.NEW, RowStatus.ERROR, RowStatus.ERROR, RowStatus.ERROR,
    ]  # fmt: skip
    assert "already has this period end" in rows[2].problems[0].reason
    assert "unknown measure 'No such measure'" in rows[3].problems[0].reason
    assert "'lots' is not a number" in rows[4].problems[0].reason
    apply(sample, parse(exported), skip_errors=True)
    with sample.session_factory.begin() as session:
        assert catalog.MEASUREMENT.get(session, value.id).value == 41.5
        added = catalog.MEASUREMENT.list(session, measure_id=measure.id)[-1]
    assert (added.period_end, added.value, added.note) == (
        date(2030, 1, 31),
        17.0,
        "first value of 2030",
    )


def test_a_tracker_of_another_workspace_is_refused(
    sample: Workspace, exported: Path, tmp_path: Path
) -> None:
    other = open_workspace(sample_copy(tmp_path, "other.cs360"))
    try:
        with other.session_factory.begin() as session:
            agency = catalog.AGENCY.list(session)[0]
            session.get(m.Agency, agency.id).created_at = agency.updated_at.replace(year=2001)  # type: ignore[union-attr]
        before = database_state(other)
        with pytest.raises(TrackerFileError, match="another CS360 Desk workspace"):
            preview(other, parse(exported))
        assert database_state(other) == before
    finally:
        other.close()


def test_without_the_hidden_snapshot_every_difference_counts(
    sample: Workspace, exported: Path
) -> None:
    (first,) = open_items(sample, 1)
    with sample.session_factory.begin() as session:
        catalog.ACTION_ITEM.update(session, first.id, title="Renamed in the app")

    def strip(workbook: Any) -> None:
        del workbook[ACTION_ITEMS + " (as exported)"]

    edit_workbook(exported, strip)
    result = preview(sample, parse(exported))
    assert any("hidden copy of Action Items" in note for note in result.notes)
    row = next(r for r in result.rows if r.record_id == first.id and r.sheet == ACTION_ITEMS)
    assert row.status is RowStatus.CHANGED  # the file's older title would win: it is shown
    assert row.changes[0].old == "Renamed in the app"


def test_change_records_name_the_fields(sample: Workspace, exported: Path) -> None:
    (first,) = open_items(sample, 1)
    edit_workbook(
        exported,
        lambda wb: wb[ACTION_ITEMS].__setitem__(f"F{row_of(wb[ACTION_ITEMS], first.id)}", "Low"),
    )
    apply(sample, parse(exported))
    with sample.session_factory.begin() as session:
        record = session.scalars(
            select(m.ChangeRecord)
            .where(m.ChangeRecord.entity == "action_item", m.ChangeRecord.entity_id == first.id)
            .order_by(m.ChangeRecord.id.desc())
        ).first()
    assert record is not None
    assert json.loads(record.changes)["priority"][1] == "low"


def test_an_import_is_logged_as_the_workspace_acting_user(tmp_path: Path) -> None:
    workspace = open_workspace(sample_copy(tmp_path), acting_user="Lt. Trần")
    try:
        tracker = exported_copy(tmp_path)
        (first,) = open_items(workspace, 1)
        blocked_and_one_new(tracker, first.id)
        known = {row[0] for row in database_state(workspace)["change_record"]}
        apply(workspace, parse(tracker))
        with workspace.session_factory.begin() as session:
            records = session.scalars(select(m.ChangeRecord).where(m.ChangeRecord.id.not_in(known)))
            logged = {(record.entity, record.action, record.who) for record in records}
        assert {("action_item", ChangeAction.UPDATE, "Lt. Trần")} <= logged
        assert {("action_item", ChangeAction.CREATE, "Lt. Trần")} <= logged
        assert {who for _entity, _action, who in logged} == {"Lt. Trần"}
    finally:
        workspace.close()
