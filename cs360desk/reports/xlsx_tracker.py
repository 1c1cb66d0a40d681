"""The Excel tracker: one sheet per list, filters, drop-downs, overdue rows highlighted."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    LISTS,
    README,
    ColumnKind,
    TrackerData,
    TrackerSheet,
    column_header,
    sheet_title,
    snapshot_title,
)
from cs360desk.i18n import _
from cs360desk.reports.atomic_write import write_atomically
from cs360desk.reports.xlsx_cells import display_width, write_text, write_value
from cs360desk.reports.xlsx_readme import write_readme

# Drop-downs and highlighting reach this far below the data, for rows the user adds.
ROOM_FOR_NEW_ROWS = 500
MIN_WIDTH, MAX_WIDTH, LONG_TEXT_WIDTH = 6, 60, 60
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
OVERDUE_FILL = PatternFill("solid", start_color="F8CBAD", end_color="F8CBAD")
OVERDUE_FONT = Font(bold=True, color="9C0006")
WRAP = Alignment(wrap_text=True, vertical="top")


def write_tracker_xlsx(data: TrackerData, target: Path) -> None:
    """Write the tracker to `target` (.xlsx), replacing it only once it is complete."""

    def write(scratch: Path) -> None:
        scratch.write_bytes(_zipped(data))

    write_atomically(target, write, suffix=".xlsx")


def _zipped(data: TrackerData) -> bytes:
    # openpyxl leaves its zip file open when a write fails (a full disk), and the zip's
    # clean-up then fails noisily; zipped in memory, the one write to disk closes cleanly.
    buffer = io.BytesIO()
    _build(data).save(buffer)
    return buffer.getvalue()


def _build(data: TrackerData) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    workbook.properties.creator = "CS360 Desk"
    workbook.properties.title = _("{initiative} tracker").format(initiative=data.initiative_name)
    list_ranges = _write_lists(workbook, data)
    for sheet in data.sheets:
        worksheet = workbook.create_sheet(sheet_title(sheet.title))
        _write_sheet(worksheet, sheet)
        _add_drop_downs(worksheet, sheet, list_ranges)
        if sheet.title == ACTION_ITEMS:
            _highlight_overdue(worksheet, sheet, data.closed_statuses)
    write_readme(workbook.create_sheet(sheet_title(README)), data)
    for sheet in data.sheets:
        if sheet.editable:
            _write_snapshot(workbook, sheet)
    workbook.move_sheet(sheet_title(LISTS), offset=len(workbook.sheetnames))
    workbook.active = 0
    return workbook


def _write_sheet(worksheet: Worksheet, sheet: TrackerSheet) -> None:
    for number, column in enumerate(sheet.columns, start=1):
        cell = worksheet.cell(row=1, column=number)
        write_text(cell, column_header(column.header, sheet.title))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    long_columns = {
        number
        for number, column in enumerate(sheet.columns, start=1)
        if column.kind is ColumnKind.LONG_TEXT
    }
    for row_number, row in enumerate(sheet.rows, start=2):
        for number, value in enumerate(row, start=1):
            cell = worksheet.cell(row=row_number, column=number)
            write_value(cell, value)
            if number in long_columns:
                cell.alignment = WRAP
    last_column = get_column_letter(len(sheet.columns))
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{last_column}{len(sheet.rows) + 1}"
    _fit_widths(worksheet, sheet)


def _fit_widths(worksheet: Worksheet, sheet: TrackerSheet) -> None:
    for number, column in enumerate(sheet.columns, start=1):
        values = (row[number - 1] for row in sheet.rows[:1000])
        widest = max((display_width(value) for value in values), default=0)
        # Room for the header and its filter button.
        wanted = max(widest, len(column_header(column.header, sheet.title)) + 3) + 2
        limit = LONG_TEXT_WIDTH if column.kind is ColumnKind.LONG_TEXT else MAX_WIDTH
        letter = get_column_letter(number)
        worksheet.column_dimensions[letter].width = max(MIN_WIDTH, min(wanted, limit))


def _write_lists(workbook: Workbook, data: TrackerData) -> dict[str, str]:
    """Drop-down choices live on a hidden sheet: names may hold commas, lists may be long."""
    lists = workbook.create_sheet(sheet_title(LISTS))
    ranges: dict[str, str] = {}
    for number, choices in enumerate(data.lists, start=1):
        write_text(lists.cell(row=1, column=number), column_header(choices.name))
        for row, value in enumerate(choices.values, start=2):
            write_text(lists.cell(row=row, column=number), value)
        if choices.values:
            letter = get_column_letter(number)
            last = len(choices.values) + 1
            ranges[choices.name] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${last}"
    lists.sheet_state = "hidden"
    return ranges


def _add_drop_downs(worksheet: Worksheet, sheet: TrackerSheet, ranges: dict[str, str]) -> None:
    last_row = len(sheet.rows) + 1 + ROOM_FOR_NEW_ROWS
    for number, column in enumerate(sheet.columns, start=1):
        if column.choices is None or column.choices not in ranges:
            continue
        letter = get_column_letter(number)
        header = column_header(column.header, sheet.title)
        choices = column_header(column.choices)
        validation = DataValidation(
            type="list",
            formula1=ranges[column.choices],
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Unknown {column}").format(column=header.lower()),
            error=_("Choose a {column} from the list.").format(column=header.lower()),
            promptTitle=header,
            prompt=_("Choose from the list of {choices} choices.").format(choices=choices.lower()),
            showInputMessage=False,
        )
        validation.add(f"{letter}2:{letter}{last_row}")
        worksheet.add_data_validation(validation)


def _highlight_overdue(
    worksheet: Worksheet, sheet: TrackerSheet, closed_statuses: tuple[str, ...]
) -> None:
    """A formula rule, so editing Due or Status in Excel updates the highlight at once."""
    due = get_column_letter(sheet.headers.index("Due") + 1)
    status = get_column_letter(sheet.headers.index("Status") + 1)
    still_open = ",".join(f'${status}2<>"{label}"' for label in closed_statuses)
    formula = f"AND(ISNUMBER(${due}2),${due}2<TODAY(),{still_open})"
    last = f"{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1 + ROOM_FOR_NEW_ROWS}"
    worksheet.conditional_formatting.add(
        f"A2:{last}",
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[formula], fill=OVERDUE_FILL, font=OVERDUE_FONT, stopIfTrue=False
        ),
    )


def _write_snapshot(workbook: Workbook, sheet: TrackerSheet) -> None:
    snapshot = workbook.create_sheet(snapshot_title(sheet.title))
    for number, header in enumerate(sheet.headers, start=1):
        write_text(snapshot.cell(row=1, column=number), column_header(header, sheet.title))
    for row_number, row in enumerate(sheet.rows, start=2):
        for number, value in enumerate(row, start=1):
            write_value(snapshot.cell(row=row_number, column=number), value)
    snapshot.sheet_state = "hidden"
