"""The written tracker, reopened cell by cell: layout, drop-downs, highlighting, exact text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    LISTS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    SNAPSHOT_SUFFIX,
    ChoiceList,
    ColumnKind,
    ExportFileError,
    TrackerColumn,
    TrackerData,
    TrackerSheet,
)
from cs360desk.reports import xlsx_tracker
from cs360desk.reports.xlsx_cells import escape_text, unescape_text
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx

HOSTILE = (
    '=HYPERLINK("http://x")',
    "+1",
    "-2+3",
    "@SUM(1)",
    "\tTabbed",
    "\rCR",
    "line one\r\nline two",
    "_x0041_ stays literal",
    "bell \x07 and nul \x00",
    "  spaces around  ",
    "Nguyễn Thị Hoa — Ríoverde",
)
K = ColumnKind


def action_columns() -> tuple[TrackerColumn, ...]:
    kinds = {"ID": K.ID, "Due": K.DATE, "Details": K.LONG_TEXT, "Last update": K.LONG_TEXT}
    choices = {"Status": "Status", "Owner": "Owner", "Priority": "Priority"}
    return tuple(
        TrackerColumn(header, kinds.get(header, K.TEXT), choices.get(header))
        for header in ACTION_ITEM_HEADERS
    )


def item_row(record_id: int, title: str, status: str = "Open", due: date | None = None) -> tuple:
    owner = "Hoa, Nguyễn (#3)"
    return (record_id, title, status, owner, due, "High", "", "PST", "", "details", "")


def tracker(rows: tuple[tuple, ...] = ()) -> TrackerData:
    rows = rows or (
        item_row(1, "Fix the lights", due=date(2026, 3, 1)),
        item_row(2, "Call the school", status="Done", due=date(2026, 2, 1)),
        *(item_row(10 + n, text) for n, text in enumerate(HOSTILE)),
    )
    measurement_columns = tuple(
        TrackerColumn(h, {"ID": K.ID, "Period end": K.DATE, "Value": K.NUMBER}.get(h, K.TEXT))
        for h in MEASUREMENT_HEADERS
    )
    meetings = TrackerSheet(
        "Meetings",
        (TrackerColumn("ID", K.ID), TrackerColumn("Starts", K.DATETIME)),
        ((5, datetime(2026, 3, 4, 18, 30)),),
    )
    return TrackerData(
        agency_name="Ríoverde Police Department",
        initiative_id=7,
        initiative_name="Gun crime, and fear of it",
        workspace_key="abc123def456",
        exported_on=date(2026, 3, 16),
        sheets=(
            TrackerSheet(ACTION_ITEMS, action_columns(), rows, editable=True),
            meetings,
            TrackerSheet(
                MEASUREMENTS,
                measurement_columns,
                ((3, "Shots fired", date(2026, 2, 28), 12.5, "=not a formula"),),
                editable=True,
            ),
        ),
        lists=(
            ChoiceList("Status", ("Open", "In progress", "Blocked", "Done", "Cancelled")),
            ChoiceList("Priority", ("Low", "Medium", "High")),
            ChoiceList("Owner", tuple(f"Person {n}, with a comma" for n in range(60))),
        ),
        closed_statuses=("Done", "Cancelled"),
    )


@pytest.fixture
def written(tmp_path: Path) -> Path:
    target = tmp_path / "tracker.xlsx"
    write_tracker_xlsx(tracker(), target)
    return target


def test_sheets_headers_frozen_rows_and_filters(written: Path) -> None:
    workbook = openpyxl.load_workbook(written)
    assert workbook.sheetnames[:3] == [ACTION_ITEMS, "Meetings", MEASUREMENTS]
    assert "README" in workbook.sheetnames
    items = workbook[ACTION_ITEMS]
    assert [cell.value for cell in items[1]] == list(ACTION_ITEM_HEADERS)
    assert items.freeze_panes == "A2"
    assert items.auto_filter.ref == f"A1:K{2 + 2 + len(HOSTILE) - 1}"
    assert workbook[MEASUREMENTS].auto_filter.ref == "A1:E2"
    assert workbook.active.title == ACTION_ITEMS
    for hidden in (LISTS, ACTION_ITEMS + SNAPSHOT_SUFFIX, MEASUREMENTS + SNAPSHOT_SUFFIX):
        assert workbook[hidden].sheet_state == "hidden"
    assert items.column_dimensions["B"].width >= len("Fix the lights")


def test_dates_are_real_excel_dates(written: Path) -> None:
    workbook = openpyxl.load_workbook(written)
    due = workbook[ACTION_ITEMS]["E2"]
    assert due.is_date and due.value == datetime(2026, 3, 1)
    assert due.number_format == "yyyy-mm-dd"
    starts = workbook["Meetings"]["B2"]
    assert starts.is_date and starts.value == datetime(2026, 3, 4, 18, 30)
    value = workbook[MEASUREMENTS]["D2"]
    assert value.data_type == "n" and value.value == 12.5


def test_dates_excel_cannot_hold_are_written_as_iso_text(tmp_path: Path) -> None:
    target = tmp_path / "old.xlsx"
    write_tracker_xlsx(tracker((item_row(1, "Typo year", due=date(202, 3, 1)),)), target)
    cell = openpyxl.load_workbook(target)[ACTION_ITEMS]["E2"]
    assert (cell.data_type, cell.value) == ("s", "0202-03-01")


def test_every_user_text_is_a_string_cell_that_comes_back_exactly(written: Path) -> None:
    sheet = openpyxl.load_workbook(written)[ACTION_ITEMS]
    for row, text in enumerate(HOSTILE, start=4):
        cell = sheet[f"B{row}"]
        assert cell.data_type == "s", text
        assert unescape_text(cell.value) == text
        if text[0] in "=+-@":
            assert cell.quotePrefix
    note = openpyxl.load_workbook(written)[MEASUREMENTS]["E2"]
    assert note.data_type == "s" and note.value == "=not a formula"


def test_no_formula_anywhere_but_the_highlighting_rule(written: Path) -> None:
    workbook = openpyxl.load_workbook(written)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title


def test_status_priority_and_owner_are_drop_downs_from_the_hidden_list(written: Path) -> None:
    workbook = openpyxl.load_workbook(written)
    validations = workbook[ACTION_ITEMS].data_validations.dataValidation
    by_column = {str(v.sqref).split(":")[0]: v for v in validations}
    assert set(by_column) == {"C2", "D2", "F2"}
    lists = workbook[LISTS]
    for ref, first, count in (
        ("C2", "Open", 5),
        ("F2", "Low", 3),
        ("D2", "Person 0, with a comma", 60),
    ):
        validation = by_column[ref]
        assert validation.type == "list" and validation.showErrorMessage
        sheet_part, cells = validation.formula1.split("!")
        assert sheet_part == f"'{LISTS}'"
        start, end = cells.replace("$", "").split(":")
        assert lists[start].value == first
        assert int(end[1:]) - int(start[1:]) + 1 == count
        # Reaches below the data, for rows members add.
        assert int(str(validation.sqref).split(":")[1][1:]) > 500


def test_overdue_highlighting_is_a_formula_on_due_and_status(written: Path) -> None:
    formatting = openpyxl.load_workbook(written)[ACTION_ITEMS].conditional_formatting
    ranges = list(formatting)
    assert len(ranges) == 1
    (rule,) = ranges[0].rules
    assert rule.type == "expression"
    assert str(ranges[0].sqref).startswith("A2:K")
    formula = rule.formula[0]
    # Relative to each row and reading the cells themselves: editing Due in Excel re-colours.
    assert "$E2<TODAY()" in formula and "ISNUMBER($E2)" in formula
    assert '$C2<>"Done"' in formula and '$C2<>"Cancelled"' in formula
    assert rule.dxf.fill is not None and rule.dxf.font.b


def test_overdue_rule_follows_a_moved_due_column(tmp_path: Path) -> None:
    data = tracker()
    columns = list(data.sheets[0].columns)
    columns.insert(1, columns.pop(4))  # Due second
    rows = tuple(row[:1] + (row[4],) + row[1:4] + row[5:] for row in data.sheets[0].rows)
    moved = TrackerSheet(ACTION_ITEMS, tuple(columns), rows, editable=True)
    target = tmp_path / "moved.xlsx"
    write_tracker_xlsx(TrackerData(**{**data.__dict__, "sheets": (moved,)}), target)
    sheet = openpyxl.load_workbook(target)[ACTION_ITEMS]
    (rule,) = next(iter(sheet.conditional_formatting)).rules
    assert "$B2<TODAY()" in rule.formula[0] and '$D2<>"Done"' in rule.formula[0]


def test_readme_says_how_to_return_the_file_and_whose_it_is(written: Path) -> None:
    sheet = openpyxl.load_workbook(written)["README"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Gun crime, and fear of it" in text
    assert "leave its ID empty" in text and "save the file as an Excel Workbook" in text
    facts = {
        row[0].value: row[1].value for row in sheet.iter_rows(min_col=1, max_col=2) if row[0].value
    }
    assert facts["Initiative ID"] == 7 and facts["Workspace"] == "abc123def456"


@given(st.text())
def test_any_text_survives_escaping(text: str) -> None:
    escaped = escape_text(text)
    assert unescape_text(escaped) == text
    assert not any(ch in escaped for ch in "\r\x00\x1f\ufffe")


def test_escaping_round_trips_every_character() -> None:
    every = "".join(chr(code) for code in range(0, 0x250)) + "_x0041_ _x00_ \ufffe"
    assert unescape_text(escape_text(every)) == every
    assert "\r" not in escape_text("a\rb")


def test_a_failed_write_leaves_the_old_file_and_no_scraps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "tracker.xlsx"
    target.write_bytes(b"the previous export")

    def broken_build(_data: TrackerData) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx_tracker, "_build", broken_build)
    with pytest.raises(ExportFileError, match="not saved: the disk is full"):
        write_tracker_xlsx(tracker(), target)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing-folder/tracker.xlsx", "does not exist"),
        ("tracker.pdf", "must end in .xlsx"),
        ("a-folder.xlsx", "is a folder"),
        ("a-file/tracker.xlsx", "does not exist"),
    ],
)
def test_unwritable_targets_get_a_clear_error(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "a-folder.xlsx").mkdir()
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(ExportFileError, match=message):
        write_tracker_xlsx(tracker(), tmp_path / name)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_tracker_cleanly(written: Path, tmp_path: Path) -> None:
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            str(written),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    converted = out / "tracker.csv"
    assert converted.exists()
    first_line = converted.read_text(encoding="utf-8", errors="replace").splitlines()[0]
    assert first_line.startswith("ID,Title,Status,Owner,Due")
