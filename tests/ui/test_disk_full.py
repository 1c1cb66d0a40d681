"""A full disk in the app: the user is told "not saved: the disk is full", the workspace and
the old files are kept, the section stays usable, and trying again after freeing space works.

The workspace is filled with SQLite's max_page_count, the export folder with the SmallDisk
of tests/disk_full_support.py (a real small file system needs root)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.sqlite_errors import DISK_FULL, DiskFullError
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.tracker import ACTION_ITEMS
from cs360desk.services.catalog import ACTION_ITEM, REPORT_ISSUED
from cs360desk.ui.common.failures import FailureReporter
from cs360desk.ui.reports.controller import ReportsController
from cs360desk.ui.reports.output import ReportOutput
from cs360desk.ui.tracker.controller import TrackerController
from tests.disk_full_support import FullWorkspace, SmallDisk, folder_listing, old_file_on_small_disk
from tests.ui.section_support import read
from tests.ui.tracker.test_tracker import export, import_file, open_tracker

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30_000
PREVIOUS = b"the tracker sent out last month"


@pytest.fixture
def tracker(
    qtbot: QtBot, sample_harness: Any, monkeypatch: pytest.MonkeyPatch
) -> TrackerController:
    return open_tracker(qtbot, sample_harness, monkeypatch, resize=False, timeout=TIMEOUT_MS)


def returned_tracker(path: Path, item_id: int) -> None:
    """A member blocks one item and adds rows long enough to need new pages."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[ACTION_ITEMS]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2, max_col=1)}
    sheet[f"C{rows[item_id]}"] = "Blocked"
    for number in range(8):
        sheet.append([None, f"Youth night {number}", *[""] * 7, "Gimnasio de la escuela. " * 1200])
    workbook.save(path)


def test_an_import_on_a_full_disk_is_reported_and_applies_after_space_is_freed(
    qtbot: QtBot,
    tracker: TrackerController,
    sample_harness: Any,
    sample_workspace: Workspace,
    tmp_path: Path,
) -> None:
    items = read(sample_workspace, lambda s: ACTION_ITEM.list(s, initiative_id=1))
    item = next(i for i in items if not i.status.is_closed)
    source = export(qtbot, tracker, tmp_path / "tracker.xlsx")
    returned_tracker(source, item.id)
    import_file(qtbot, tracker, source)
    before = read(sample_workspace, lambda s: ACTION_ITEM.list(s))
    disk = FullWorkspace.at_current_size(sample_workspace)

    with qtbot.waitSignal(tracker.finished, timeout=TIMEOUT_MS):
        tracker.view.apply_button.click()
    (error,) = sample_harness.failures
    assert isinstance(error, DiskFullError) and str(error) == DISK_FULL
    assert read(sample_workspace, lambda s: ACTION_ITEM.list(s)) == before
    assert tracker.view.preview_box.isVisible() and tracker.view.apply_button.isEnabled()

    disk.free_up()
    with qtbot.waitSignal(tracker.imported, timeout=TIMEOUT_MS) as applied:
        tracker.view.apply_button.click()
    assert applied.args[0].applied == 9
    assert read(sample_workspace, lambda s: ACTION_ITEM.get(s, item.id).status) is (
        ActionStatus.BLOCKED
    )
    assert sample_harness.statuses[-1] == "Imported 9 rows."


def test_an_export_on_a_full_disk_keeps_the_old_file_and_retry_works(
    qtbot: QtBot,
    tracker: TrackerController,
    sample_harness: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "usb"
    target, disk = old_file_on_small_disk(folder, "tracker.xlsx", PREVIOUS, 4096, monkeypatch)
    export(qtbot, tracker, target)
    (error,) = sample_harness.failures
    assert str(error) == f"not saved: the disk is full ({target}). Free some space, then try again."
    assert target.read_bytes() == PREVIOUS and folder_listing(folder) == ["tracker.xlsx"]
    assert tracker.view.export_button.isEnabled()
    disk.free_up(100_000_000)
    export(qtbot, tracker, target)
    assert sample_harness.statuses[-1] == f"Tracker written to {target}"
    assert openpyxl.load_workbook(target).sheetnames[0] == ACTION_ITEMS


def test_saving_a_report_on_a_full_disk_records_nothing_until_it_is_saved(
    qtbot: QtBot,
    sample_harness: Any,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports = ReportsController(sample_harness.context)
    qtbot.addWidget(reports.view)
    with qtbot.waitSignal(reports.loaded, timeout=TIMEOUT_MS):
        reports.show_initiative(1)
    with qtbot.waitSignal(reports.output.generated, timeout=TIMEOUT_MS):
        reports.view.generate_button.click()
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "update.pdf"
    monkeypatch.setattr(ReportOutput, "ask_save_path", classmethod(lambda cls, p, s: target))
    issued = read(sample_workspace, lambda s: REPORT_ISSUED.count(s))
    disk = SmallDisk(folder, free=2048).install(monkeypatch)

    reports.view.preview.save_button.click()
    qtbot.waitUntil(lambda: bool(sample_harness.failures), timeout=TIMEOUT_MS)
    (error,) = sample_harness.failures
    assert str(error).startswith("not saved: the disk is full")
    assert folder_listing(folder) == []
    assert read(sample_workspace, lambda s: REPORT_ISSUED.count(s)) == issued

    disk.free_up(100_000_000)
    with qtbot.waitSignal(reports.output.saved, timeout=TIMEOUT_MS):
        reports.view.preview.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert read(sample_workspace, lambda s: REPORT_ISSUED.count(s)) == issued + 1


def test_the_user_sees_the_message_itself(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    statuses: list[str] = []
    reporter = FailureReporter(window, statuses.append)
    reporter.report(DiskFullError(DISK_FULL))
    box = reporter.last_box
    assert box is not None and box.text() == DISK_FULL and statuses == [DISK_FULL]
    box.close()
