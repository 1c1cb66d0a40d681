"""The attendance table: who was expected or came, and whether present, absent or excused.

The status (and a guest's name) is edited in place; the change is only requested here
(`edit_requested`) and the controller saves it. A refused edit stays shown, marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from cs360desk.domain.enums import AttendanceStatus
from cs360desk.domain.views import AttendanceLine

AnyIndex = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Member or guest", "Status")
NAME, KIND, STATUS = 0, 1, 2
INVALID_COLOUR = "#b3261e"


def attendance_summary(lines: Sequence[AttendanceLine]) -> str:
    """ "9 present · 2 absent · 1 excused", leaving out the statuses nobody has."""
    counts = {status: 0 for status in AttendanceStatus}
    for line in lines:
        counts[line.record.status] += 1
    parts = [f"{n} {status.label.lower()}" for status, n in counts.items() if n]
    return " · ".join(parts) if parts else "Nobody listed yet."


class AttendanceTableModel(QAbstractTableModel):
    edit_requested = Signal(int, str, object)  # attendance id, field, new value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[AttendanceLine] = []
        self._refused: dict[tuple[int, str], tuple[Any, str]] = {}

    def set_lines(self, lines: Sequence[AttendanceLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._refused.clear()
        self.endResetModel()

    def line_at(self, row: int) -> AttendanceLine:
        return self._lines[row]

    def row_of(self, record_id: int) -> int:
        return next((r for r, line in enumerate(self._lines) if line.record.id == record_id), -1)

    def refuse(self, record_id: int, field: str, value: Any, problem: str) -> None:
        row = self.row_of(record_id)
        if row < 0:
            return
        self._refused[(record_id, field)] = (value, problem)
        column = STATUS if field == "status" else NAME
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        wanted = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section] if role in wanted else None
        return None

    def _field(self, line: AttendanceLine, column: int) -> str:
        if column == STATUS:
            return "status"
        return "guest_name" if column == NAME and line.is_guest else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        field = self._field(line, column)
        refused = self._refused.get((line.record.id, field)) if field else None
        if role == Qt.ItemDataRole.EditRole and field:
            return refused[0] if refused else str(getattr(line.record, field))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(line, column, refused[0] if refused else None)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{HEADERS[column]}: {text}" + (" (not saved)" if refused else "")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Not saved: {refused[1]}" if refused else self._text(line, column, None)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QColor(INVALID_COLOUR)
        return None

    def _text(self, line: AttendanceLine, column: int, refused: Any) -> str:
        if column == NAME:
            return line.name if refused is None else str(refused)
        if column == KIND:
            return "Guest" if line.is_guest else "Member"
        if refused is not None:
            return AttendanceStatus(refused).label
        return line.record.status.label

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._field(self._lines[index.row()], index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self._lines[index.row()]
        field = self._field(line, index.column())
        if not field:
            return False
        value = str(value)
        if value == str(getattr(line.record, field)) and (line.record.id, field) not in (
            self._refused
        ):
            return False
        self.edit_requested.emit(line.record.id, field, value)
        return True
