"""Reading a returned tracker: found by header, and every hostile file refused before harm."""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    SNAPSHOT_SUFFIX,
    ChoiceList,
    ColumnKind,
    TrackerColumn,
    TrackerData,
    TrackerFileError,
    TrackerSheet,
)
from cs360desk.reports import xlsx_reader, xlsx_safety
from cs360desk.reports.xlsx_reader import FORMULA_PROBLEM, MAX_ROWS, read_tracker
from cs360desk.reports.xlsx_safety import OLE2_MAGIC
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx

REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def small_tracker() -> TrackerData:
    items = tuple(
        TrackerColumn(h, ColumnKind.DATE if h == "Due" else ColumnKind.TEXT)
        for h in ACTION_ITEM_HEADERS
    )
    values = tuple(TrackerColumn(h) for h in MEASUREMENT_HEADERS)
    rows = (
        (1, "Fix the lights", "Open", "Hoa", date(2026, 3, 1), "High", "", "", "", "", ""),
        (2, '=HYPERLINK("http://x")', "Done", "", None, "Low", "", "", "", "\rCR", ""),
    )
    return TrackerData(
        agency_name="Ríoverde PD",
        initiative_id=4,
        initiative_name="Traffic",
        workspace_key="0123456789ab",
        exported_on=date(2026, 3, 16),
        sheets=(
            TrackerSheet(ACTION_ITEMS, items, rows, editable=True),
            TrackerSheet(MEASUREMENTS, values, ((9, "Crashes", date(2026, 2, 28), 4, ""),), True),
        ),
        lists=(ChoiceList("Status", ("Open", "Done")),),
        closed_statuses=("Done",),
    )


@pytest.fixture
def tracker_file(tmp_path: Path) -> Path:
    target = tmp_path / "tracker.xlsx"
    write_tracker_xlsx(small_tracker(), target)
    return target


def sheet_part(path: Path, title: str) -> str:
    """The zip member holding a sheet, found the way Excel finds it."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rid = next(s.get(f"{REL_NS}id") for s in book.iter(f"{MAIN_NS}sheet") if s.get("name") == title)
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def rewrite_zip(
    source: Path,
    target: Path,
    replace: dict[str, bytes | Callable[[zipfile.ZipFile], None]],
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of the workbook with some parts replaced (bytes, or a writer for big ones)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            part = replace.get(info.filename)
            if part is None:
                new.writestr(info, old.read(info))
            elif isinstance(part, bytes):
                new.writestr(info.filename, part)
            else:
                part(new)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def test_reads_rows_text_exactly_and_the_readme_facts(tracker_file: Path) -> None:
    parsed = read_tracker(tracker_file)
    assert parsed.properties == {"Initiative ID": "4", "Workspace": "0123456789ab"}
    items = parsed.sheets[ACTION_ITEMS]
    assert [row.number for row in items.rows] == [2, 3]
    first, second = items.rows
    assert first.cells["Due"].value == datetime(2026, 3, 1)
    assert second.cells["Title"].value == '=HYPERLINK("http://x")'
    assert second.cells["Title"].problem is None
    assert second.cells["Details"].value == "\rCR"
    assert second.cells["Details"].ref == "J3"
    assert set(parsed.sheets) == {
        ACTION_ITEMS,
        MEASUREMENTS,
        ACTION_ITEMS + SNAPSHOT_SUFFIX,
        MEASUREMENTS + SNAPSHOT_SUFFIX,
    }


def test_columns_are_found_by_header_wherever_they_moved(tracker_file: Path) -> None:
    workbook = openpyxl.load_workbook(tracker_file)
    sheet = workbook[ACTION_ITEMS]
    sheet.move_range("C1:C3", cols=20)  # Status far to the right
    sheet["W1"] = "  STATUS "  # and its header in other letter case and spacing
    sheet.insert_rows(4)
    sheet["B5"] = "Added below an empty row"
    workbook.save(tracker_file)
    items = read_tracker(tracker_file).sheets[ACTION_ITEMS]
    assert items.columns["Status"] == "W"
    assert [row.cells["Status"].value for row in items.rows[:2]] == ["Open", "Done"]
    assert items.rows[-1].number == 5 and items.rows[-1].cells["Title"].value.startswith("Added")


def set_action_item_cell(path: Path, ref: str, value: str) -> None:
    """`value` put in cell `ref` of the Action Items sheet, and the file saved."""
    workbook = openpyxl.load_workbook(path)
    workbook[ACTION_ITEMS][ref] = value
    workbook.save(path)


def test_a_missing_required_column_is_a_clear_error(tracker_file: Path) -> None:
    set_action_item_cell(tracker_file, "C1", "State")
    with pytest.raises(TrackerFileError, match="Action Items sheet has no 'Status' column"):
        read_tracker(tracker_file)


def test_two_columns_with_the_same_header_are_refused(tracker_file: Path) -> None:
    set_action_item_cell(tracker_file, "L1", "title")
    with pytest.raises(TrackerFileError, match="two columns headed 'Title'"):
        read_tracker(tracker_file)


def test_formula_cells_are_never_evaluated_nor_trusted(tracker_file: Path) -> None:
    set_action_item_cell(tracker_file, "C2", '=IF(1,"Done","Open")')
    part = sheet_part(tracker_file, ACTION_ITEMS)
    with zipfile.ZipFile(tracker_file) as archive:
        xml = archive.read(part)
    # A cached result that would pass validation: it must be ignored all the same.
    cached = xml.replace(b'IF(1,"Done","Open")</f><v></v>', b'IF(1,"Done","Open")</f><v>Done</v>')
    crafted = rewrite_zip(tracker_file, tracker_file.with_name("cached.xlsx"), {part: cached})
    for path in (tracker_file, crafted):
        cell = read_tracker(path).sheets[ACTION_ITEMS].rows[0].cells["Status"]
        assert cell.value is None and cell.problem == FORMULA_PROBLEM


def hostile(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an Excel workbook"),
        (OLE2_MAGIC + bytes(512) + "Workbook".encode("utf-16-le"), r"old Excel 97-2003 \(.xls\)"),
        (
            OLE2_MAGIC
            + bytes(512)
            + "EncryptionInfo".encode("utf-16-le")
            + bytes(64)
            + "EncryptedPackage".encode("utf-16-le"),
            "protected with a password",
        ),
        ("ID,Title,Status\n1,Fix the lights,Open\n2,Café,Done\n".encode(), r"text \(CSV\) file"),
        (b"PK\x03\x04 not really a zip at all", "damaged or not an Excel workbook"),
    ],
    ids=["empty", "binary", "xls", "password", "csv", "broken-zip"],
)
def test_files_that_are_not_plain_xlsx_are_refused(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = hostile(tmp_path, "returned.xlsx", data)
    with pytest.raises(TrackerFileError, match=message):
        read_tracker(path)
    assert path.read_bytes() == data


def test_a_macro_enabled_workbook_is_refused(tracker_file: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(tracker_file) as archive:
        types = archive.read("[Content_Types].xml")
    macro_types = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    xlsm = rewrite_zip(
        tracker_file,
        tmp_path / "renamed.xlsx",
        {"[Content_Types].xml": macro_types},
        add={"xl/vbaProject.bin": OLE2_MAGIC + bytes(600)},
    )
    with pytest.raises(TrackerFileError, match=r"macro-enabled workbook \(.xlsm\)"):
        read_tracker(xlsm)


def test_a_zip_that_is_another_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(TrackerFileError, match="zip file but not an Excel workbook"):
        read_tracker(path)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c>
<c r="B1" t="inlineStr"><is><t>Title</t></is></c>
<c r="C1" t="inlineStr"><is><t>Status</t></is></c></row>
<row r="2"><c r="B2" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""


def entity_bomb(tracker_file: Path, tmp_path: Path) -> Path:
    part = sheet_part(tracker_file, ACTION_ITEMS)
    return rewrite_zip(tracker_file, tmp_path / "bomb.xlsx", {part: BILLION_LAUGHS})


def test_an_xml_entity_bomb_is_refused_before_parsing(tracker_file: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(TrackerFileError, match="declares XML entities"):
        read_tracker(entity_bomb(tracker_file, tmp_path))
    assert time.monotonic() - started < 5


def test_defusedxml_refuses_the_bomb_even_without_the_early_check(
    tracker_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_safety, "_check_no_declarations", lambda _name, _archive: None)
    with pytest.raises(TrackerFileError, match="unsafe XML"):
        read_tracker(entity_bomb(tracker_file, tmp_path))


def test_reading_is_refused_when_defusedxml_is_not_active(
    tracker_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert openpyxl.DEFUSEDXML is True
    monkeypatch.setattr(xlsx_reader.openpyxl, "DEFUSEDXML", False)
    with pytest.raises(TrackerFileError, match="defusedxml"):
        read_tracker(tracker_file)


def test_a_zip_bomb_is_refused_from_its_sizes(tracker_file: Path, tmp_path: Path) -> None:
    def zeros(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("xl/media/image1.png")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            block = bytes(1024 * 1024)
            for _ in range(300):
                member.write(block)

    with zipfile.ZipFile(tracker_file) as archive:
        first = archive.namelist()[-1]
    bomb = rewrite_zip(tracker_file, tmp_path / "zipbomb.xlsx", {first: zeros})
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small on disk, 300 MB unpacked
    started = time.monotonic()
    with pytest.raises(TrackerFileError, match="zip bomb"):
        read_tracker(bomb)
    assert time.monotonic() - started < 5


def million_rows(part: str, *, dimension: bool) -> Callable[[zipfile.ZipFile], None]:
    """The sheet's XML streamed straight into the zip: a million rows in about a second."""

    def write(archive: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            if dimension:
                member.write(b'<dimension ref="A1:C1000001"/>')
            member.write(
                b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c>'
                b'<c r="B1" t="inlineStr"><is><t>Title</t></is></c>'
                b'<c r="C1" t="inlineStr"><is><t>Status</t></is></c></row>'
            )
            chunk: list[bytes] = []
            for number in range(2, 1_000_002):
                chunk.append(
                    b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>x</t></is></c></row>'
                    % (number, number)
                )
                if len(chunk) == 10_000:
                    member.write(b"".join(chunk))
                    chunk.clear()
            member.write(b"".join(chunk) + b"</sheetData></worksheet>")

    return write


@pytest.mark.parametrize("dimension", [True, False], ids=["declared", "undeclared"])
def test_a_sheet_with_a_million_rows_is_refused(
    tracker_file: Path, tmp_path: Path, dimension: bool
) -> None:
    part = sheet_part(tracker_file, ACTION_ITEMS)
    writer = million_rows(part, dimension=dimension)
    big = rewrite_zip(tracker_file, tmp_path / "big.xlsx", {part: writer})
    started = time.monotonic()
    message = "has 1,000,000 rows" if dimension else f"more than {MAX_ROWS:,} rows"
    with pytest.raises(TrackerFileError, match=re.escape(message)):
        read_tracker(big)
    # Refused from the declared size, or by counting raw rows: no parser reads the sheet.
    assert time.monotonic() - started < 10
