"""Cell values in and out of xlsx exactly as typed: text stays text, dates stay dates."""

from __future__ import annotations

import re
from datetime import date, datetime

from openpyxl.cell.cell import Cell, MergedCell

from cs360desk.domain.tracker import CellValue

FORMULA_STARTS = ("=", "+", "-", "@")
EXCEL_FIRST_YEAR = 1900
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# OOXML escapes characters XML cannot carry (and CR, which XML readers turn into LF) as
# _xHHHH_; a literal "_xHHHH_" in the text is protected by escaping its underscore.
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda found: f"_x{ord(found.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """Undo escape_text, and the same escapes Excel and LibreOffice write."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


def write_text(cell: Cell | MergedCell, text: str) -> None:
    """A string cell, never a formula: "=SUM(A1)", "+1" and "@x" come back as typed."""
    cell.value = escape_text(text)
    # The value setter guesses a formula from a leading "="; the type is set after it.
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        # Excel's own mark for "typed with an apostrophe": editing the cell keeps it text.
        cell.quotePrefix = True


def write_value(cell: Cell | MergedCell, value: CellValue) -> None:
    if value is None or value == "":
        return
    if isinstance(value, str):
        write_text(cell, value)
    elif isinstance(value, date) and value.year < EXCEL_FIRST_YEAR:
        # Excel has no dates before 1900; the ISO text still reads back as the same date.
        write_text(cell, value.isoformat())
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value


def display_width(value: CellValue) -> int:
    """Characters the value takes on screen, for fitting column widths."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:g}")
    return max((len(line) for line in str(value).splitlines()), default=0)
