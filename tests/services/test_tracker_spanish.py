"""A tracker exported in Spanish, with the Spanish catalog: its sheets, headers and drop-down
values read as a Spanish speaker reads them, and it comes back as the same tracker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.tracker import RowStatus
from cs360desk.i18n import language
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.services import catalog
from cs360desk.services.tracker_import import apply_tracker_import, preview_tracker_import
from tests.tracker_support import (
    GUN_CRIME,
    TODAY,
    edit_workbook,
    export_tracker,
    row_of,
)

SHEET = "Tareas pendientes"


@pytest.fixture
def spanish_tracker(sample: Workspace, tmp_path: Path) -> Path:
    with language("es"):
        return export_tracker(sample, tmp_path / "planilla.xlsx")


def _column(sheet: Any, header: str) -> str:
    return next(str(c.column_letter) for c in sheet[1] if c.value == header)


def test_the_sheets_headers_and_choices_are_in_spanish(spanish_tracker: Path) -> None:
    book = openpyxl.load_workbook(spanish_tracker)
    assert SHEET in book.sheetnames and "Reuniones" in book.sheetnames
    headers = [cell.value for cell in book[SHEET][1]]
    assert "Estado" in headers and "Responsable" in headers and "Status" not in headers
    listed = {str(cell.value) for column in book["Listas"].iter_cols() for cell in column}
    assert {"Abierta", "En curso", "Completada", "Alta"} <= listed


def test_an_unchanged_spanish_tracker_imports_as_no_changes(
    sample: Workspace, spanish_tracker: Path
) -> None:
    parsed = read_tracker(spanish_tracker)
    assert parsed.language == "es"
    with sample.session_factory.begin() as session:
        result = preview_tracker_import(session, parsed, today=TODAY)
    assert not result.has_changes and not result.has_errors
    assert result.count(RowStatus.UNCHANGED) == len(result.rows) > 0


def test_spanish_status_and_priority_names_are_taken_back(
    sample: Workspace, spanish_tracker: Path
) -> None:
    with sample.session_factory.begin() as session:
        items = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)
    target = next(
        item for item in items if not item.status.is_closed and item.priority is not Priority.HIGH
    )

    def edit(book: Any) -> None:
        sheet = book[SHEET]
        row = row_of(sheet, target.id)
        sheet[f"{_column(sheet, 'Estado')}{row}"] = "completada"  # as typed: any letter case
        sheet[f"{_column(sheet, 'Prioridad')}{row}"] = "Alta"

    parsed = read_tracker(edit_workbook(spanish_tracker, edit))
    with sample.session_factory.begin() as session:
        applied = apply_tracker_import(session, parsed, today=TODAY)
    assert applied.applied == 1
    with sample.session_factory.begin() as session:
        stored = catalog.ACTION_ITEM.get(session, target.id)
    assert stored.status is ActionStatus.DONE and stored.priority is Priority.HIGH
    assert stored.title == target.title  # user data comes back exactly as it went out
