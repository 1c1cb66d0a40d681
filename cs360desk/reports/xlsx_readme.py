"""The tracker's README sheet: how to edit and return the file, and whose file it is."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from cs360desk.domain.tracker import (
    INITIATIVE_KEY,
    WORKSPACE_KEY,
    TrackerData,
)
from cs360desk.reports.xlsx_cells import DATE_FORMAT, write_text

HOW_TO = (
    "Edit your action items on the Action Items sheet: Title, Status, Owner, Due, Priority, "
    "Problem, Team and Details. Status, priority and people come from drop-down lists.",
    'Write what you did in "Last update": it becomes a dated progress note. Start it with '
    'a date such as "2026-03-05: " to give the day; otherwise the day of the import is used.',
    "To add an action item, fill in a new row at the bottom and leave its ID empty.",
    "To add a value of a measure, add a row on the Measurements sheet with the Measure, the "
    "Period end date and the Value, and leave its ID empty.",
    "Keep the ID column as it is: it ties each row to its record. Deleting a row here deletes "
    "nothing in CS360 Desk.",
    "You may sort, filter, widen and move columns. Do not rename the column headers.",
    "Rows are highlighted when their Due date has passed and they are not done or cancelled.",
    "Type values, not formulas: a cell with a formula (=...) is not read.",
    "Meetings, Attendance, People, Teams, Measures and Communications are for reference only; "
    "changes there are not read back. Private contact details are left out.",
    "When you are done, save the file as an Excel Workbook (.xlsx) and return it to the "
    "champion, who imports it into CS360 Desk and sees every change before it is applied.",
)


def write_readme(sheet: Worksheet, data: TrackerData) -> None:
    title = sheet.cell(row=1, column=1)
    write_text(title, f"CS360 Desk tracker: {data.initiative_name}")
    title.font = Font(bold=True, size=14)
    write_text(sheet.cell(row=2, column=1), data.agency_name)
    heading = sheet.cell(row=4, column=1)
    write_text(heading, "How to edit and return this file")
    heading.font = Font(bold=True)
    row = 5
    for number, line in enumerate(HOW_TO, start=1):
        cell = sheet.cell(row=row, column=1)
        write_text(cell, f"{number}. {line}")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.row_dimensions[row].height = 32
        row += 1
    _write_about(sheet, row + 1, data)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90


def _write_about(sheet: Worksheet, row: int, data: TrackerData) -> None:
    """Read back on import: the rows must come back to the initiative they left."""
    heading = sheet.cell(row=row, column=1)
    write_text(heading, "About this file")
    heading.font = Font(bold=True)
    facts: tuple[tuple[str, str | int], ...] = (
        (INITIATIVE_KEY, data.initiative_id),
        ("Initiative", data.initiative_name),
        (WORKSPACE_KEY, data.workspace_key),
        ("Agency", data.agency_name),
    )
    for offset, (name, value) in enumerate(facts, start=1):
        write_text(sheet.cell(row=row + offset, column=1), name)
        cell = sheet.cell(row=row + offset, column=2)
        if isinstance(value, int):
            cell.value = value
            cell.alignment = Alignment(horizontal="left")
        else:
            write_text(cell, value)
    exported = sheet.cell(row=row + len(facts) + 1, column=2)
    write_text(sheet.cell(row=row + len(facts) + 1, column=1), "Exported on")
    exported.value = data.exported_on
    exported.number_format = DATE_FORMAT
    exported.alignment = Alignment(horizontal="left")
