"""The agenda table: ordered items whose title and presenter are edited in place.

Edits and moves are only requested here (`edit_requested`, `move_requested`); the controller
saves them and shows the saved agenda again. A refused edit stays visible, marked, until then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal

from cs360desk.domain.meeting_views import PersonChoice
from cs360desk.domain.views import AgendaLine
from cs360desk.i18n import N_, _
from cs360desk.ui.meetings.lines_model import AnyIndex, EditedLinesModel, Refused

MIME_TYPE = "application/x-cs360desk-agenda-item"
HEADERS = (N_("#"), N_("Title"), N_("Presenter"), N_("Notes"))
TITLE, PRESENTER, NOTES = 1, 2, 3
FIELDS = {TITLE: "title", PRESENTER: "presenter_id"}
NO_PRESENTER = N_("(no presenter)")


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    if not lines:
        return ""
    return lines[0] + (" …" if len(lines) > 1 else "")


class AgendaTableModel(EditedLinesModel[AgendaLine]):
    move_requested = Signal(int, int)  # item id, new position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._names: dict[int, str] = {}

    def set_agenda(self, lines: Sequence[AgendaLine], people: Sequence[PersonChoice]) -> None:
        self._names = {person.person_id: person.name for person in people}
        self._set_lines(lines)

    def _id_of(self, line: AgendaLine) -> int:
        return line.item.id

    def _field(self, line: AgendaLine, column: int) -> str:
        return FIELDS.get(column, "")

    def _column_of(self, field: str) -> int:
        return next(column for column, name in FIELDS.items() if name == field)

    def _stored(self, line: AgendaLine, field: str) -> Any:
        return getattr(line.item, field)

    def _typed(self, field: str, value: Any) -> Any:
        return int(value) if field == "presenter_id" and value is not None else value

    def _text(self, line: AgendaLine, column: int, refused: Refused | None) -> str:
        if column == 0:
            return str(self._lines.index(line) + 1)  # the order as shown, whatever the gaps
        if column == TITLE:
            return str(refused[0]) if refused else line.item.title
        if column == PRESENTER:
            if refused:
                presenter = refused[0]
                return self._names.get(presenter, _(NO_PRESENTER)) if presenter is not None else ""
            return line.presenter_name
        return first_line(line.item.notes)

    def _tip(self, line: AgendaLine, column: int) -> str:
        return line.item.notes if column == NOTES else self._text(line, column, None)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

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
