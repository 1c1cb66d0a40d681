"""What the tracker and calendar tests share: the sample agency, exports, workspace snapshots."""

from __future__ import annotations

import functools
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.tracker import ImportPreview, ParsedTracker
from cs360desk.reports.xlsx_cells import escape_text
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from cs360desk.services.sample_agency import generate_sample_agency
from cs360desk.services.tracker_export import tracker_data
from cs360desk.services.tracker_import import apply_tracker_import, preview_tracker_import
from tests.workspace_support import transaction_in

# The sample is generated relative to this day, so overdue items are the same in every run.
TODAY = date(2026, 3, 16)
GUN_CRIME = 1  # the sample's first initiative, with most of its action items


@functools.cache
def _sample_template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cs360-tracker-tests-"))
    path = folder / "sample.cs360"
    with transaction_in(path) as session:
        generate_sample_agency(session, size="small", seed=1, today=TODAY)
    return path


def sample_copy(folder: Path, name: str = "sample.cs360") -> Path:
    """A fresh copy of the small sample agency (generated once per test run)."""
    target = folder / name
    shutil.copyfile(_sample_template(), target)
    return target


@functools.cache
def _exported_template() -> Path:
    workspace = open_workspace(_sample_template())
    try:
        return export_tracker(workspace, _sample_template().with_name("tracker.xlsx"))
    finally:
        workspace.close()


def exported_copy(folder: Path, name: str = "tracker.xlsx") -> Path:
    """The tracker of the untouched sample's first initiative (exported once per run)."""
    target = folder / name
    shutil.copyfile(_exported_template(), target)
    return target


def export_tracker(workspace: Workspace, target: Path, initiative_id: int = GUN_CRIME) -> Path:
    with workspace.session_factory.begin() as session:
        data = tracker_data(session, initiative_id, today=TODAY)
    write_tracker_xlsx(data, target)
    return target


def edit_workbook(path: Path, change: Callable[[Workbook], None]) -> Path:
    """Open, change and save the file as a user's spreadsheet program would."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def type_text(sheet: Any, ref: str, text: str) -> None:
    """Text typed with Excel's leading apostrophe: a string cell, whatever it starts with.

    Stored as Excel stores it: a CR becomes _x000D_ (openpyxl would write it raw, and every
    XML reader turns a raw CR into LF).
    """
    cell = sheet[ref]
    cell.value = escape_text(text)
    cell.data_type = "s"


def column_of(sheet: Any, header: str) -> str:
    for cell in sheet[1]:
        if cell.value == header:
            return str(cell.column_letter)
    raise AssertionError(f"no column {header!r}")


def row_of(sheet: Any, record_id: int) -> int:
    for row in sheet.iter_rows(min_row=2, max_col=1):
        if row[0].value == record_id:
            return int(row[0].row)
    raise AssertionError(f"no row with ID {record_id}")


def parse(path: Path) -> ParsedTracker:
    return read_tracker(path)


def database_state(where: Path | Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: equal before and after means nothing was written. `where`
    is a workspace file, read with plain sqlite3, or an open workspace of either kind."""
    if not isinstance(where, Path):
        return _state_of(where)
    connection = sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
            for table in tables
        }
    finally:
        connection.close()


def _state_of(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    from sqlalchemy import select

    from cs360desk.db.base import Base

    with workspace.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def preview(workspace: Workspace, parsed: ParsedTracker) -> ImportPreview:
    """The import preview of `parsed`, as of TODAY."""
    with workspace.session_factory.begin() as session:
        return preview_tracker_import(session, parsed, today=TODAY)


def apply(workspace: Workspace, parsed: ParsedTracker, *, skip_errors: bool = False) -> Any:
    """`parsed` imported in one transaction, as of TODAY."""
    with workspace.session_factory.begin() as session:
        return apply_tracker_import(session, parsed, today=TODAY, skip_errors=skip_errors)
