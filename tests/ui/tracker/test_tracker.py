"""The Excel & calendar section: export, import with a preview, apply or discard, calendars."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from icalendar import Calendar
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs360desk.db.backups import default_backup_folder, list_backups
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    FieldChange,
    RowOutcome,
    RowProblem,
    RowStatus,
    TrackerFileError,
)
from cs360desk.services import catalog
from cs360desk.ui.tracker.controller import TrackerController
from cs360desk.ui.tracker.dialogs import TrackerFiles
from cs360desk.ui.tracker.preview_model import ImportPreviewModel
from tests.ui.section_support import open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20_000


class StubFiles(TrackerFiles):
    """File choosers that answer at once with the paths a test sets."""

    tracker_target: Path | None = None
    calendar_target: Path | None = None
    source: Path | None = None

    @classmethod
    def save_tracker(cls, parent: Any, suggested: Path) -> Path | None:
        return cls.tracker_target

    @classmethod
    def open_tracker(cls, parent: Any, folder: Path) -> Path | None:
        return cls.source

    @classmethod
    def save_calendar(cls, parent: Any, suggested: Path) -> Path | None:
        return cls.calendar_target


def open_tracker(
    qtbot: QtBot,
    harness: Any,
    monkeypatch: pytest.MonkeyPatch,
    *,
    resize: bool = True,
    timeout: int = TIMEOUT_MS,
) -> TrackerController:
    """The section of the first initiative, shown, with `StubFiles` for its file choosers."""
    monkeypatch.setattr(TrackerController, "files", StubFiles)
    controller = TrackerController(harness.context)
    return open_section(qtbot, controller, 1, resize=resize, timeout=timeout)


@pytest.fixture
def section(
    qtbot: QtBot, sample_harness: Any, monkeypatch: pytest.MonkeyPatch
) -> TrackerController:
    return open_tracker(qtbot, sample_harness, monkeypatch)


def export(qtbot: QtBot, section: TrackerController, target: Path) -> Path:
    StubFiles.tracker_target = target
    with qtbot.waitSignal(section.finished, timeout=TIMEOUT_MS):
        section.view.export_button.click()
    return target


def import_file(qtbot: QtBot, section: TrackerController, source: Path) -> None:
    StubFiles.source = source
    with qtbot.waitSignal(section.finished, timeout=TIMEOUT_MS):
        section.view.import_button.click()


def shown_rows(section: TrackerController) -> list[RowOutcome]:
    model = section.view.model
    return [model.row_at(row) for row in range(model.rowCount())]


def open_item_ids(workspace: Workspace, count: int) -> list[int]:
    items = read(workspace, lambda s: catalog.ACTION_ITEM.list(s, initiative_id=1))
    return [item.id for item in items if not item.status.is_closed][:count]


def edit_tracker(path: Path, good: int, bad: int) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[ACTION_ITEMS]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2, max_col=1)}
    sheet[f"C{rows[good]}"] = "Blocked"
    sheet[f"D{rows[bad]}"] = "Nobody We Know"
    sheet.append([None, "Book the gym for the youth night"])
    workbook.save(path)


def test_the_preview_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ImportPreviewModel()
    model.set_outcomes(
        [
            RowOutcome(ACTION_ITEMS, 2, 4, "Fix\tlights", RowStatus.CHANGED,
                       changes=(FieldChange("Status", "Open", "Done"),)),
            RowOutcome(ACTION_ITEMS, 3, 5, "Call", RowStatus.ERROR,
                       problems=(RowProblem("Owner", "D3", "unknown person 'X'"),)),
        ]
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(0, 4).data() == "Fix⇥lights"
    assert model.index(0, 5).data() == "Status: Open → Done"
    assert model.index(1, 0).data() == "⚠ Error"  # said in words, not by colour alone
    assert model.index(1, 5).data() == "Owner (D3): unknown person 'X'"


def test_export_writes_the_tracker_and_says_where(
    qtbot: QtBot, section: TrackerController, sample_harness: Any, tmp_path: Path
) -> None:
    target = export(qtbot, section, tmp_path / "tracker.xlsx")
    assert openpyxl.load_workbook(target).sheetnames[0] == ACTION_ITEMS
    assert sample_harness.statuses[-1] == f"Tracker written to {target}"
    assert not section.view.progress.isVisible()


def test_import_shows_the_preview_then_applies_skipping_errors(
    qtbot: QtBot,
    section: TrackerController,
    sample_harness: Any,
    sample_workspace: Workspace,
    tmp_path: Path,
) -> None:
    good, bad = open_item_ids(sample_workspace, 2)
    tracker = export(qtbot, section, tmp_path / "tracker.xlsx")
    edit_tracker(tracker, good, bad)
    import_file(qtbot, section, tracker)
    view = section.view
    assert view.preview_box.isVisible()
    preview = section.preview
    assert preview is not None
    unchanged = preview.count(RowStatus.UNCHANGED)
    assert view.summary_label.text() == f"1 new, 1 changed, {unchanged} unchanged, 1 error"
    assert [row.status for row in shown_rows(section)] == [
        RowStatus.CHANGED, RowStatus.ERROR, RowStatus.NEW,
    ]  # fmt: skip
    assert not view.apply_button.isEnabled() and view.apply_skipping_button.isEnabled()
    assert "cannot be imported as they are" in view.advice_label.text()
    assert read(sample_workspace, lambda s: catalog.ACTION_ITEM.get(s, good).status) != (
        ActionStatus.BLOCKED
    )
    view.show_unchanged.setChecked(True)
    assert section.view.model.rowCount() == len(preview.rows) == unchanged + 3
    with qtbot.waitSignal(section.imported, timeout=TIMEOUT_MS) as applied:
        view.apply_skipping_button.click()
    assert (applied.args[0].applied, applied.args[0].skipped) == (2, 1)
    assert read(sample_workspace, lambda s: catalog.ACTION_ITEM.get(s, good).status) is (
        ActionStatus.BLOCKED
    )
    assert sample_harness.statuses[-1] == "Imported 2 rows; 1 row with errors skipped."
    assert sample_harness.history.can_undo()
    assert not view.preview_box.isVisible()
    # The workspace as it was before the import was backed up first.
    path = sample_workspace.path
    [backup] = list_backups(default_backup_folder(path), path.stem)
    with sqlite3.connect(backup.path) as kept:
        (status,) = kept.execute("SELECT status FROM action_item WHERE id = ?", (good,)).fetchone()
    assert status != ActionStatus.BLOCKED.value


def test_discard_changes_nothing(
    qtbot: QtBot, section: TrackerController, sample_workspace: Workspace, tmp_path: Path
) -> None:
    good, bad = open_item_ids(sample_workspace, 2)
    tracker = export(qtbot, section, tmp_path / "tracker.xlsx")
    edit_tracker(tracker, good, bad)
    before = read(sample_workspace, lambda s: catalog.ACTION_ITEM.list(s))
    import_file(qtbot, section, tracker)
    with qtbot.waitSignal(section.preview_changed, timeout=TIMEOUT_MS):
        section.view.discard_button.click()
    assert read(sample_workspace, lambda s: catalog.ACTION_ITEM.list(s)) == before
    assert section.preview is None and not section.view.discard_button.isEnabled()


def test_a_hostile_file_is_reported_and_shows_no_preview(
    qtbot: QtBot, section: TrackerController, sample_harness: Any, tmp_path: Path
) -> None:
    fake = tmp_path / "returned.xlsx"
    fake.write_text("ID,Title,Status\n1,Fix,Open\n", encoding="utf-8")
    import_file(qtbot, section, fake)
    (error,) = sample_harness.failures
    assert isinstance(error, TrackerFileError) and "text (CSV) file" in str(error)
    assert section.preview is None and not section.view.preview_box.isVisible()


def test_export_calendar_of_one_team(
    qtbot: QtBot, section: TrackerController, sample_harness: Any, tmp_path: Path
) -> None:
    box = section.view.team_box
    assert box.count() == 4 and box.itemText(0) == "All teams of this initiative"
    box.setCurrentIndex(box.findText("Eastside Problem-Solving Team"))
    StubFiles.calendar_target = tmp_path / "pst.ics"
    with qtbot.waitSignal(section.finished, timeout=TIMEOUT_MS):
        section.view.calendar_button.click()
    events = list(Calendar.from_ical(StubFiles.calendar_target.read_bytes()).walk("VEVENT"))
    assert events and sample_harness.statuses[-1].startswith(f"{len(events)} meetings written")


def test_choosing_no_file_does_nothing(
    qtbot: QtBot, section: TrackerController, sample_harness: Any
) -> None:
    StubFiles.tracker_target = StubFiles.source = None
    section.view.export_button.click()
    section.view.import_button.click()
    assert not sample_harness.runner.busy and sample_harness.statuses == []


def test_without_an_initiative_only_the_calendar_is_offered(
    qtbot: QtBot, section: TrackerController
) -> None:
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.show_initiative(None)
    view = section.view
    assert not view.export_button.isEnabled() and not view.import_button.isEnabled()
    assert view.calendar_button.isEnabled()
