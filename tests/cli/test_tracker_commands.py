"""`export xlsx`, `export ics` and `import xlsx`: output, exit codes, one-line errors."""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from cs360desk.cli import guarded
from cs360desk.cli import tracker_commands as commands
from cs360desk.db.backups import default_backup_folder, list_backups
from cs360desk.domain.tracker import ACTION_ITEMS
from cs360desk.reports.xlsx_safety import OLE2_MAGIC
from tests.tracker_support import (
    database_state,
    edit_workbook,
    exported_copy,
    row_of,
    sample_copy,
    type_text,
)


def run(*argv: str) -> tuple[int, str, str]:
    """The command as `cs360desk` runs it: parsed, guarded, errors as one line."""
    parser = argparse.ArgumentParser(prog="cs360desk")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--debug", action="store_true")
    commands.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    code = guarded(args, lambda: commands.HANDLERS[args.command](args, out), err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sample_copy(tmp_path)


def test_export_xlsx_needs_an_initiative_when_there_are_two(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "tracker.xlsx"
    code, _out, err = run("--db", str(db), "export", "xlsx", "-o", str(target))
    assert code == 1 and not target.exists()
    assert err.startswith("cs360desk: initiative: choose one with --initiative (1: Gun crime")
    code, out, _err = run("--db", str(db), "export", "xlsx", "--initiative", "1", "-o", str(target))
    assert code == 0 and "written to" in out and target.stat().st_size > 10_000


def test_export_to_an_unwritable_place_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        "--db",
        str(db),
        "export",
        "xlsx",
        "--initiative",
        "1",
        "-o",
        str(tmp_path / "no" / "t.xlsx"),
    )
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err


def test_export_ics_writes_every_meeting(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "meetings.ics"
    code, out, _err = run("--db", str(db), "export", "ics", "--team", "3", "-o", str(target))
    assert code == 0
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert out.startswith(f"{len(events)} meetings written") and len(events) > 10


def test_import_previews_without_changing_anything(db: Path, tmp_path: Path) -> None:
    tracker = exported_copy(tmp_path)

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, 6)}"] = "Blocked"
        type_text(sheet, f"B{row_of(sheet, 7)}", "\rCR =1+1")
        sheet.append([None, "A new item from the PST"])

    edit_workbook(tracker, edit)
    before = database_state(db)
    code, out, err = run("--db", str(db), "import", "xlsx", str(tracker))
    assert (code, err) == (0, "")
    assert database_state(db) == before
    assert "(ID 6) changed: Status: 'Done' -> 'Blocked'" in out
    assert "(ID 7) changed: Title:" in out and "-> '\\rCR =1+1'" in out
    assert "new: Title: 'A new item from the PST'" in out
    assert "Summary: 1 new, 2 changed," in out and "0 errors" in out
    assert "Run again with --apply" in out
    code, out, _err = run("--db", str(db), "import", "xlsx", str(tracker), "--apply")
    assert code == 0 and "Imported 3 rows." in out
    assert database_state(db) != before
    # The workspace as it was before the import is kept as a backup.
    [backup] = list_backups(default_backup_folder(db), db.stem)
    assert f"Backed up to {backup.path}" in out
    assert database_state(backup.path) == before


def test_errors_block_the_apply_unless_skipped(db: Path, tmp_path: Path) -> None:
    tracker = exported_copy(tmp_path)

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, 6)}"] = "Blocked"
        sheet[f"D{row_of(sheet, 7)}"] = "Nobody We Know"

    edit_workbook(tracker, edit)
    before = database_state(db)
    code, out, _err = run("--db", str(db), "import", "xlsx", str(tracker))
    assert code == 1 and "(ID 7) ERROR: Owner (D" in out and "unknown person" in out
    code, out, err = run("--db", str(db), "import", "xlsx", str(tracker), "--apply")
    assert code == 1 and "nothing was imported" in err and "ERROR" in out
    assert database_state(db) == before
    code, out, _err = run(
        "--db", str(db), "import", "xlsx", str(tracker), "--apply", "--skip-errors"
    )
    assert code == 0 and "Imported 1 row; 1 row with errors skipped." in out


def test_a_hostile_file_is_one_line_and_changes_nothing(db: Path, tmp_path: Path) -> None:
    fake = tmp_path / "tracker.xlsx"
    fake.write_bytes(OLE2_MAGIC + bytes(512) + "EncryptedPackage".encode("utf-16-le"))
    before = database_state(db)
    code, out, err = run("--db", str(db), "import", "xlsx", str(fake), "--apply")
    assert (code, out) == (1, "")
    assert err == (
        "cs360desk: tracker.xlsx is protected with a password; remove the password in Excel "
        "(File > Info > Protect Workbook), save, and import it again\n"
    )
    assert database_state(db) == before
