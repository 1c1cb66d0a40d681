"""The agenda table: ordered items whose title and presenter are edited in place.

Edits and moves are only requested here (`edit_requested`, `move_requested`); the controller
saves them and shows the saved agenda again. A refused edit stays visible, marked, until then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from cs360desk.domain.meeting_views import PersonChoice
from cs360desk.domain.views import AgendaLine

AnyIndex = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-cs360desk-agenda-item"
HEADERS = ("#", "Title", "Presenter", "Notes")
TITLE, PRESENTER = 1, 2
FIELDS = {TITLE: "title", PRESENTER: "presenter_id"}
NO_PRESENTER = "(no presenter)"
INVALID_COLOUR = "#b3261e"


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    if not lines:
        return ""
    return lines[0] + (" …" if len(lines) > 1 else "")


class AgendaTableModel(QAbstractTableModel):
    edit_requested = Signal(int, str, object)  # item id, field, new value
    move_requested = Signal(int, int)  # item id, new position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[AgendaLine] = []
        self._names: dict[int, str] = {}
        self._refused: dict[tuple[int, str], tuple[Any, str]] = {}

    def set_agenda(self, lines: Sequence[AgendaLine], people: Sequence[PersonChoice]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._names = {person.person_id: person.name for person in people}
        self._refused.clear()
        self.endResetModel()

    def line_at(self, row: int) -> AgendaLine:
        return self._lines[row]

    def row_of(self, item_id: int) -> int:
        return next((row for row, line in enumerate(self._lines) if line.item.id == item_id), -1)

    def refuse(self, item_id: int, field: str, value: Any, problem: str) -> None:
        """Keep showing what the user entered, marked as not saved, with the reason."""
        row = self.row_of(item_id)
        if row < 0:
            return
        self._refused[(item_id, field)] = (value, problem)
        column = next(c for c, name in FIELDS.items() if name == field)
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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if column == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(index.row() + 1)  # the order as shown, whatever gaps positions have
        refused = self._refused.get((line.item.id, FIELDS.get(column, "")))
        if role == Qt.ItemDataRole.EditRole and column in FIELDS:
            return refused[0] if refused else getattr(line.item, FIELDS[column])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(line, column, refused[0] if refused else None, refused is not None)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{HEADERS[column]}: {text}" + (" (not saved)" if refused else "")
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if refused:
                return f"Not saved: {refused[1]}"
            return line.item.notes if column == 3 else self._text(line, column, None, False)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QColor(INVALID_COLOUR)
        return None

    def _text(self, line: AgendaLine, column: int, value: Any, is_refused: bool) -> str:
        if column == 0:
            return str(self._lines.index(line) + 1)
        if column == TITLE:
            return str(value) if is_refused else line.item.title
        if column == PRESENTER:
            if is_refused:
                return self._names.get(value, NO_PRESENTER) if value is not None else ""
            return line.presenter_name
        return first_line(line.item.notes)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in FIELDS:
            return False
        line, field = self._lines[index.row()], FIELDS[index.column()]
        if field == "presenter_id" and value is not None:
            value = int(value)
        if value == getattr(line.item, field) and (line.item.id, field) not in self._refused:
            return False
        self.edit_requested.emit(line.item.id, field, value)
        return True

    # Drag and drop: a move is asked for, never done here; the saved order comes back.

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            item_id = self._lines[rows[0]].item.id
            data.setData(MIME_TYPE, QByteArray(str(item_id).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        source = self.row_of(item_id)
        if source < 0:
            return False
        if row >= 0:  # between rows: before `row`
            target = row - 1 if source < row else row
        elif parent.isValid():  # onto an item: take its place
            target = parent.row()
        else:  # onto the empty space below the rows
            target = len(self._lines) - 1
        if target != source:
            self.move_requested.emit(item_id, max(0, target))
        # False: the view must not remove the dragged row; the saved agenda is reloaded.
        return False
