"""A full disk under the command line: one line "not saved: the disk is full", exit 1, retry.

The workspace is filled with SQLite's max_page_count, the export folder with the SmallDisk
of tests/disk_full_support.py (a real small file system needs root)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cs360desk import cli
from cs360desk.db.sqlite_errors import DISK_FULL
from cs360desk.domain.tracker import ACTION_ITEMS
from cs360desk.services.catalog import REPORT_ISSUED
from tests.disk_full_support import FullWorkspace, SmallDisk, folder_listing, old_file_on_small_disk
from tests.tracker_support import (
    column_of,
    database_state,
    edit_workbook,
    exported_copy,
    sample_copy,
)
from tests.workspace_support import transaction_in

PREVIOUS = b"last month's file"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sample_copy(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.run(cli.parse_args(list(argv)))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def issued_count(db: Path) -> int:
    with transaction_in(db) as session:
        return REPORT_ISSUED.count(session)


def tracker_with_new_rows(tmp_path: Path) -> Path:
    def add_rows(workbook: object) -> None:
        sheet = workbook[ACTION_ITEMS]  # type: ignore[index]
        details = column_of(sheet, "Details")
        for number in range(8):
            new = sheet.max_row + 1
            sheet[f"B{new}"] = f"Knock on doors, block {number}"
            sheet[f"{details}{new}"] = "Hablar con los vecinos sobre la luz. " * 800

    return edit_workbook(exported_copy(tmp_path, "returned.xlsx"), add_rows)


def test_import_apply_on_a_full_disk_is_one_line_and_changes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    returned = tracker_with_new_rows(tmp_path)
    before = database_state(db)
    disk = FullWorkspace.for_every_open(monkeypatch, db)
    code, _out, err = run(capsys, "--db", str(db), "import", "xlsx", str(returned), "--apply")
    assert (code, err) == (1, f"cs360desk: {DISK_FULL}\n")
    assert database_state(db) == before
    disk.free_up()
    code, out, err = run(capsys, "--db", str(db), "import", "xlsx", str(returned), "--apply")
    assert (code, err) == (0, "")
    assert "Imported 8 rows." in out


def test_export_xlsx_to_a_full_disk_keeps_the_old_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_folder = tmp_path / "usb"
    target, disk = old_file_on_small_disk(out_folder, "tracker.xlsx", PREVIOUS, 4096, monkeypatch)
    argv = ("--db", str(db), "export", "xlsx", "--initiative", "1", "-o", str(target))
    code, _out, err = run(capsys, *argv)
    assert code == 1
    assert (
        err
        == f"cs360desk: not saved: the disk is full ({target}). Free some space, then try again.\n"
    )
    assert target.read_bytes() == PREVIOUS and folder_listing(out_folder) == ["tracker.xlsx"]
    disk.free_up(100_000_000)
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "") and "written to" in out
    assert openpyxl.load_workbook(target).sheetnames[0] == ACTION_ITEMS


def test_export_ics_to_a_full_disk_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    SmallDisk(tmp_path, free=100).install(monkeypatch)
    target = tmp_path / "meetings.ics"
    code, _out, err = run(capsys, "--db", str(db), "export", "ics", "-o", str(target))
    assert code == 1 and "cs360desk: not saved: the disk is full" in err
    assert not target.exists()
    assert not [name for name in folder_listing(tmp_path) if name.startswith(".~")]


def test_a_report_on_a_full_disk_is_not_recorded_as_issued(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out_folder = tmp_path / "reports"
    out_folder.mkdir()
    target = out_folder / "update.pdf"
    before = issued_count(db)
    disk = SmallDisk(out_folder, free=2048).install(monkeypatch)
    argv = ("--db", str(db), "report", "progress", "--initiative", "1", "-o", str(target))
    code, _out, err = run(capsys, *argv)
    assert code == 1 and err.startswith("cs360desk: not saved: the disk is full")
    assert folder_listing(out_folder) == [] and issued_count(db) == before
    disk.free_up(100_000_000)
    code, _out, err = run(capsys, *argv)
    assert (code, err) == (0, "") and target.read_bytes().startswith(b"%PDF")
    assert issued_count(db) == before + 1
