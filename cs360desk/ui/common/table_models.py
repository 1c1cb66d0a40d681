"""A read-only, sortable Qt table model over a list of DTOs, described column by column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from cs360desk.ui.common.marked import Marked, shown

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, marked with N_() (or NC_() for a meaning told apart) and
    translated when shown, then how a row's cell reads and sorts."""

    header: Marked
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    numeric: bool = False

    def key(self, row: R) -> Any:
        return self.sort_key(row) if self.sort_key else self.text(row).casefold()

    @property
    def shown_header(self) -> str:
        """The header in the current language."""
        return shown(self.header)


class DtoTableModel(QAbstractTableModel, Generic[R]):
    """Rows are frozen dataclasses; each column says how to show and how to sort them."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractItemModel.CheckIndexOption.IndexIsValid):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.shown_header}: {column.text(row)}"
        if role == SORT_ROLE:
            return column.key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._columns[section].shown_header
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self._rows)
        key = self._columns[column].key
        present = [row for row in self._rows if key(row) is not None]
        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        # Rows without a value stay last whichever way the user sorts.
        self._rows = present + [row for row in self._rows if key(row) is None]
        moved_to = {id(row): position for position, row in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(moved_to[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
