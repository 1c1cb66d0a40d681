"""What the agenda and attendance tables share: lines edited in place, refusals kept in sight."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from cs360desk.i18n import _
from cs360desk.ui.common.palette import Tone, app_colours

AnyIndex = QModelIndex | QPersistentModelIndex
L = TypeVar("L")
Refused = tuple[Any, str]  # what the user entered, why it was not saved
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class EditedLinesModel(QAbstractTableModel, Generic[L]):
    """A subclass says what each line's id is, which cells edit which field, and the texts.

    An edit is only requested here (`edit_requested`); the controller saves it and shows the
    saved lines again. Until then a refused edit stays shown as the user entered it, marked,
    with the reason in its tooltip.
    """

    edit_requested = Signal(int, str, object)  # record id, field, new value

    def __init__(self, headers: tuple[str, ...], parent: QObject | None = None) -> None:
        """`headers` are marked with N_ and translated as they are shown."""
        super().__init__(parent)
        self._headers = headers
        self._lines: list[L] = []
        self._refused: dict[tuple[int, str], Refused] = {}

    # What each table fills in ---------------------------------------------------------

    def _id_of(self, line: L) -> int:
        raise NotImplementedError

    def _field(self, line: L, column: int) -> str:
        """The field this cell edits, "" for a cell that is not edited."""
        raise NotImplementedError

    def _column_of(self, field: str) -> int:
        raise NotImplementedError

    def _stored(self, line: L, field: str) -> Any:
        """The saved value, as the cell's editor takes it."""
        raise NotImplementedError

    def _text(self, line: L, column: int, refused: Refused | None) -> str:
        raise NotImplementedError

    def _typed(self, field: str, value: Any) -> Any:
        """The edited value as the service takes it."""
        return value

    def _tip(self, line: L, column: int) -> str:
        return self._text(line, column, None)

    # Shared ---------------------------------------------------------------------------

    def _set_lines(self, lines: Sequence[L]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._refused.clear()
        self.endResetModel()

    def line_at(self, row: int) -> L:
        return self._lines[row]

    def row_of(self, record_id: int) -> int:
        found = (row for row, line in enumerate(self._lines) if self._id_of(line) == record_id)
        return next(found, -1)

    def refuse(self, record_id: int, field: str, value: Any, problem: str) -> None:
        """Keep showing what the user entered, marked as not saved, with the reason."""
        row = self.row_of(record_id)
        if row < 0:
            return
        self._refused[(record_id, field)] = (value, problem)
        column = self._column_of(field)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return _(self._headers[section]) if role in TEXT_ROLES else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        field = self._field(line, column)
        refused = self._refused.get((self._id_of(line), field)) if field else None
        if role == Qt.ItemDataRole.EditRole and field:
            return refused[0] if refused else self._stored(line, field)
        if role in TEXT_ROLES:
            text = self._text(line, column, refused)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                header = _(self._headers[column])
                if refused:
                    return _("{column}: {text} (not saved)").format(column=header, text=text)
                return _("{column}: {text}").format(column=header, text=text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if refused:
                return _("Not saved: {problem}").format(problem=refused[1])
            return self._tip(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QColor(app_colours()[Tone.ERROR].bare)
        if role == Qt.ItemDataRole.DecorationRole and refused:
            # Not by colour alone: a warning sign in the cell, "(not saved)" when spoken.
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

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
        value = self._typed(field, value)
        record_id = self._id_of(line)
        if value == self._stored(line, field) and (record_id, field) not in self._refused:
            return False
        self.edit_requested.emit(record_id, field, value)
        return True
