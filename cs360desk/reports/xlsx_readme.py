"""The tracker's README sheet: how to edit and return the file, and whose file it is."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from cs360desk.domain.tracker import (
    INITIATIVE_KEY,
    WORKSPACE_KEY,
    TrackerData,
    readme_key,
)
from cs360desk.i18n import N_, _, pgettext
from cs360desk.reports.xlsx_cells import DATE_FORMAT, write_text

HOW_TO = (
    N_(
        "Edit your action items on the Action Items sheet: Title, Status, Owner, Due, "
        "Priority, Problem, Team and Details. Status, priority and people come from "
        "drop-down lists."
    ),
    N_(
        'Write what you did in "Last update": it becomes a dated progress note. Start it '
        'with a date such as "2026-03-05: " to give the day; otherwise the day of the import '
        "is used."
    ),
    N_("To add an action item, fill in a new row at the bottom and leave its ID empty."),
    N_(
        "To add a value of a measure, add a row on the Measurements sheet with the Measure, "
        "the Period end date and the Value, and leave its ID empty."
    ),
    N_(
        "Keep the ID column as it is: it ties each row to its record. Deleting a row here "
        "deletes nothing in CS360 Desk."
    ),
    N_("You may sort, filter, widen and move columns. Do not rename the column headers."),
    N_("Rows are highlighted when their Due date has passed and they are not done or cancelled."),
    N_("Type values, not formulas: a cell with a formula (=...) is not read."),
    N_(
        "Meetings, Attendance, People, Teams, Measures and Communications are for reference "
        "only; changes there are not read back. Private contact details are left out."
    ),
    N_(
        "When you are done, save the file as an Excel Workbook (.xlsx) and return it to the "
        "champion, who imports it into CS360 Desk and sees every change before it is applied."
    ),
)


def write_readme(sheet: Worksheet, data: TrackerData) -> None:
    title = sheet.cell(row=1, column=1)
    write_text(title, _("CS360 Desk tracker: {initiative}").format(initiative=data.initiative_name))
    title.font = Font(bold=True, size=14)
    write_text(sheet.cell(row=2, column=1), data.agency_name)
    heading = sheet.cell(row=4, column=1)
    write_text(heading, _("How to edit and return this file"))
    heading.font = Font(bold=True)
    row = 5
    for number, line in enumerate(HOW_TO, start=1):
        cell = sheet.cell(row=row, column=1)
        write_text(cell, f"{number}. {_(line)}")
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
    write_text(heading, _("About this file"))
    heading.font = Font(bold=True)
    facts: tuple[tuple[str, str | int], ...] = (
        (readme_key(INITIATIVE_KEY), data.initiative_id),
        (pgettext("tracker readme", "Initiative"), data.initiative_name),
        (readme_key(WORKSPACE_KEY), data.workspace_key),
        (pgettext("tracker readme", "Agency"), data.agency_name),
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
    exported_on = pgettext("tracker readme", "Exported on")
    write_text(sheet.cell(row=row + len(facts) + 1, column=1), exported_on)
    exported.value = data.exported_on
    exported.number_format = DATE_FORMAT
    exported.alignment = Alignment(horizontal="left")
