"""Read a returned tracker safely: checked container, no entities, no formulas, capped rows.

Formula cells are never evaluated and their cached results are never trusted (a file can
carry any cached value): such a cell is read as a problem of its row, which the import then
lists. Text that merely starts with "=" is an ordinary string cell and is read as typed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.utils import get_column_letter

from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    IMPORTED_SHEETS,
    INITIATIVE_KEY,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    READ_LANGUAGES,
    README,
    REQUIRED_HEADERS,
    SNAPSHOT_SUFFIX,
    WORKSPACE_KEY,
    CellValue,
    ParsedCell,
    ParsedRow,
    ParsedSheet,
    ParsedTracker,
    TrackerFileError,
    column_header,
    in_every_language,
    normalize_header,
    readme_key,
    sheet_title,
    snapshot_title,
)
from cs360desk.i18n import ENGLISH, N_, _, language, ngettext
from cs360desk.reports.xlsx_cells import unescape_text
from cs360desk.reports.xlsx_safety import MAX_ROWS, checked_workbook_bytes, too_many_rows

README_ROWS = 200
_HEADERS: dict[str, tuple[str, ...]] = {ACTION_ITEMS: ACTION_ITEM_HEADERS}
_HEADERS |= {sheet: MEASUREMENT_HEADERS for sheet in IMPORTED_SHEETS if sheet != ACTION_ITEMS}
FORMULA_PROBLEM = N_("a formula is not read; type the value itself")
_READ_ERRORS = (
    DefusedXmlException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    ParseError,
    zipfile.BadZipFile,
)


def read_tracker(path: Path) -> ParsedTracker:
    """The editable sheets and the README facts of a tracker file; TrackerFileError if unsafe."""
    if openpyxl.DEFUSEDXML is not True:
        # Without defusedxml openpyxl parses XML with entity expansion: refuse to read at all.
        raise TrackerFileError(_("cannot read workbooks safely: the defusedxml package is missing"))
    path = Path(path)
    data = checked_workbook_bytes(path)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except _READ_ERRORS as error:
        raise _refusal(path.name, error) from error
    try:
        return _parse(path.name, workbook)
    except _READ_ERRORS as error:
        raise _refusal(path.name, error) from error
    finally:
        workbook.close()


def _refusal(name: str, error: BaseException) -> TrackerFileError:
    """openpyxl wraps parser errors in its own; an unsafe-XML cause is named as such."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            return TrackerFileError(
                _("{file} is refused: unsafe XML ({cause})").format(file=name, cause=cause)
            )
        cause = cause.__cause__ or cause.__context__
    return TrackerFileError(
        _("{file} cannot be read as a workbook: {error}").format(file=name, error=error)
    )


def _sheet_names() -> dict[str, tuple[str, str]]:
    """Each name a tracker sheet may have -> (its canonical name, the file's language).

    A file comes back in the language it was exported in; English names count first."""
    found: dict[str, tuple[str, str]] = {}
    for code in READ_LANGUAGES:
        with language(code):
            for canonical in (*_HEADERS, README):
                found.setdefault(normalize_header(sheet_title(canonical)), (canonical, code))
                if canonical in _HEADERS:
                    wanted = canonical + SNAPSHOT_SUFFIX
                    found.setdefault(normalize_header(snapshot_title(canonical)), (wanted, code))
    for canonical in (*_HEADERS, README):
        # The canonical names as typed, whatever Excel allows in a sheet name.
        found.setdefault(normalize_header(canonical), (canonical, ENGLISH))
        snapshot = canonical + SNAPSHOT_SUFFIX
        found.setdefault(normalize_header(snapshot), (snapshot, ENGLISH))
    return found


def _parse(file_name: str, workbook: Any) -> ParsedTracker:
    names = _sheet_names()
    titles: dict[str, str] = {}
    written_in: str | None = None
    for title in workbook.sheetnames:
        found = names.get(normalize_header(title))
        if found is not None and found[0] not in titles:
            titles[found[0]] = title
            if found[0] in IMPORTED_SHEETS and written_in is None:
                written_in = found[1]
    sheets: dict[str, ParsedSheet] = {}
    for canonical, headers in _HEADERS.items():
        for wanted, required in (
            (canonical, REQUIRED_HEADERS[canonical]),
            (canonical + SNAPSHOT_SUFFIX, ("ID",)),
        ):
            title = titles.get(wanted)
            sheet = workbook[title] if title is not None else None
            if title is not None and hasattr(sheet, "reset_dimensions"):
                sheets[wanted] = _parse_sheet(wanted, title, canonical, sheet, headers, required)
    if not any(sheet in sheets for sheet in IMPORTED_SHEETS):
        raise TrackerFileError(
            _(
                "{file} has neither an {action_items} nor a {measurements} sheet; "
                "is it a CS360 Desk tracker?"
            ).format(
                file=file_name,
                action_items=sheet_title(ACTION_ITEMS),
                measurements=sheet_title(MEASUREMENTS),
            )
        )
    readme = titles.get(README)
    properties = _properties(workbook[readme]) if readme else {}
    return ParsedTracker(
        file_name=file_name,
        properties=properties,
        sheets=sheets,
        language=written_in or ENGLISH,
    )


def _parse_sheet(
    key: str,
    title: str,
    canonical: str,
    sheet: Any,
    headers: tuple[str, ...],
    required: tuple[str, ...],
) -> ParsedSheet:
    """`key` names the parsed sheet, `title` is its name in the file (for messages) and
    `canonical` the editable sheet it is (or is the copy of)."""
    declared = sheet.max_row  # from the sheet's own <dimension>, before any row is read
    if declared is not None and declared > MAX_ROWS + 1:
        raise too_many_rows(title, declared - 1)
    # A dimension may also understate the rows; read them all, and count them ourselves.
    sheet.reset_dimensions()
    rows = sheet.iter_rows(min_row=1)
    header_row = next(rows, ())
    columns = _columns(title, canonical, header_row, headers, required)
    # Column number -> (header, letter): each cell of a wanted column is named at once.
    wanted = {index: (header, get_column_letter(index)) for index, header in columns.items()}
    parsed: list[ParsedRow] = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise too_many_rows(title, number - 1, at_least=True)
        cells = _cells(row, wanted, number)
        if any(not _is_blank(cell.value) or cell.problem for cell in cells.values()):
            parsed.append(ParsedRow(number, cells))
    letters = {header: letter for header, letter in wanted.values()}
    return ParsedSheet(key, letters, tuple(parsed))


def _columns(
    title: str,
    canonical: str,
    header_row: tuple[Any, ...],
    headers: tuple[str, ...],
    required: tuple[str, ...],
) -> dict[int, str]:
    """Column number -> canonical header, found by name wherever the column was moved, in
    English or in any language a tracker is written in."""
    known: dict[str, str] = {}
    for header in headers:
        for shown in in_every_language(partial(column_header, header, canonical)):
            known.setdefault(normalize_header(shown), header)
    found: dict[int, str] = {}
    for cell in header_row:
        value = getattr(cell, "value", None)
        if not isinstance(value, str) or normalize_header(value) not in known:
            continue
        header = known[normalize_header(value)]
        if header in found.values():
            raise TrackerFileError(
                _("the {sheet} sheet has two columns headed {header}").format(
                    sheet=title, header=repr(column_header(header, canonical))
                )
            )
        found[cell.column] = header
    missing = [header for header in required if header not in found.values()]
    if missing:
        names = ", ".join(repr(column_header(header, canonical)) for header in missing)
        every = ", ".join(column_header(header, canonical) for header in headers)
        raise TrackerFileError(
            ngettext(
                "the {sheet} sheet has no {names} column; the first row must keep the "
                "headers ({headers})",
                "the {sheet} sheet has no {names} column; the first row must keep the "
                "headers ({headers})",
                len(missing),
            ).format(sheet=title, names=names, headers=every)
        )
    return found


def _cells(
    row: tuple[Any, ...], wanted: Mapping[int, tuple[str, str]], number: int
) -> dict[str, ParsedCell]:
    cells: dict[str, ParsedCell] = {}
    for cell in row:
        found = wanted.get(getattr(cell, "column", None) or 0)
        if found is not None:
            header, letter = found
            cells[header] = _cell(cell, f"{letter}{number}")
    return cells


def _cell(cell: Any, ref: str) -> ParsedCell:
    kind, value = cell.data_type, cell.value
    if kind == "f":
        return ParsedCell(ref, None, _(FORMULA_PROBLEM))
    if kind == "e":
        return ParsedCell(
            ref, None, _("the cell shows an Excel error ({error})").format(error=value)
        )
    if isinstance(value, str):
        return ParsedCell(ref, unescape_text(value))
    if isinstance(value, bool):
        return ParsedCell(ref, "TRUE" if value else "FALSE")
    return ParsedCell(ref, _plain(value))


def _plain(value: object) -> CellValue:
    if value is None or isinstance(value, int | float | datetime):
        return value
    # A time of day or a duration is nothing a tracker column holds; keep it readable.
    return str(value)


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _properties(sheet: Any) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for fact in (INITIATIVE_KEY, WORKSPACE_KEY):
        for shown in in_every_language(partial(readme_key, fact)):
            wanted.setdefault(normalize_header(shown), fact)
    found: dict[str, str] = {}
    for row in _first_rows(sheet, README_ROWS):
        if len(row) < 2 or not isinstance(row[0], str):
            continue
        key = wanted.get(normalize_header(row[0]))
        if key is not None and row[1] is not None:
            value = row[1]
            whole = isinstance(value, float) and value.is_integer()
            found[key] = str(int(value)) if whole else str(value)
    return found


def _first_rows(sheet: Any, limit: int) -> Iterator[tuple[Any, ...]]:
    sheet.reset_dimensions()
    for number, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        if number > limit:
            return
        yield row
