"""The import preview as a table: one line per row of the file, errors said in words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cs360desk.domain.tracker import RowOutcome, RowStatus, row_status_word
from cs360desk.i18n import N_, _, pgettext
from cs360desk.ui.common.palette import Tone, app_colours
from cs360desk.ui.common.table_models import Column, DtoTableModel

_STATUS_ORDER = {status: position for position, status in enumerate(RowStatus)}


def visible_text(text: str) -> str:
    """One line per cell: tabs and line breaks of user text shown as symbols, never lost."""
    return text.replace("\t", "⇥").replace("\r\n", "↵").replace("\r", "↵").replace("\n", "↵")


def describe(row: RowOutcome) -> str:
    """What the row does, or why it cannot: the words a user reads first."""
    if row.status is RowStatus.ERROR:
        return "; ".join(problem.describe() for problem in row.problems)
    if row.status is RowStatus.NEW:
        parts = [f"{change.field}: {change.new}" for change in row.changes]
    else:
        empty = _("(empty)")
        parts = [
            f"{change.field}: {change.old or empty} → {change.new or empty}"
            for change in row.changes
        ]
    return visible_text("; ".join([*parts, *row.notes]))


COLUMNS: tuple[Column[RowOutcome], ...] = (
    # The word says it; the colour only helps the eye.
    Column(N_("Result"), lambda r: row_status_word(r.status), lambda r: _STATUS_ORDER[r.status]),
    Column(N_("Sheet"), lambda r: r.sheet),
    Column(N_("Row"), lambda r: str(r.row), lambda r: r.row, numeric=True),
    Column(
        N_("ID"),
        lambda r: str(r.record_id) if r.record_id else pgettext("import row id", "new"),
        lambda r: r.record_id or 0,
        numeric=True,
    ),
    Column(N_("Item"), lambda r: visible_text(r.label)),
    Column(N_("What changes, or why not"), describe),
)
DETAIL_COLUMN = len(COLUMNS) - 1


class ImportPreviewModel(DtoTableModel[RowOutcome]):
    """Rows of an ImportPreview; error rows are bold and say "Error" in their first cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_outcomes(self, rows: Sequence[RowOutcome]) -> None:
        self.set_rows(rows)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if index.isValid() and 0 <= index.row() < self.rowCount():
            failed = self.row_at(index.row()).status is RowStatus.ERROR
            if role == Qt.ItemDataRole.ForegroundRole and failed:
                return QBrush(QColor(app_colours()[Tone.ERROR].bare))
            if role == Qt.ItemDataRole.FontRole and failed:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)
