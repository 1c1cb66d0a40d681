"""In-place editors of the action item table: a list to pick from, and a date that may be empty."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cs360desk.ui.action_items.model import COLUMNS, ActionItemTableModel
from cs360desk.ui.action_items.widgets import OptionalDateEdit

AnyIndex = QModelIndex | QPersistentModelIndex
Options = Callable[[], Sequence[tuple[str, Any]]]


class ValueCombo(QComboBox):
    """A combo whose entries carry Python values as they are (enums stay enums, None stays)."""

    def __init__(self, options: Sequence[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [value for _text, value in options]
        for text, _value in options:
            self.addItem(text)

    def value(self) -> Any:
        index = self.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def set_value(self, value: Any) -> None:
        if value in self.values:
            self.setCurrentIndex(self.values.index(value))


def _edit_value(index: AnyIndex) -> Any:
    model = index.model()
    if isinstance(model, ActionItemTableModel):
        return model.data(index, Qt.ItemDataRole.EditRole)
    return None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a list of (text, value) options; choosing one saves it at once."""

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options = options

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = ValueCombo(self._options(), parent)
        editor.setAccessibleName(COLUMNS[index.column()].header)
        editor.activated.connect(lambda _position: self._commit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, ValueCombo):
            editor.set_value(_edit_value(index))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, ValueCombo):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def _commit(self, editor: ValueCombo) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class DueDateDelegate(QStyledItemDelegate):
    """Edits the due date in the user's locale; Delete leaves the item without one."""

    def __init__(self, today: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = OptionalDateEdit(self._today(), parent)
        editor.setAccessibleName("Due date")
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, OptionalDateEdit):
            editor.set_value(_edit_value(index))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, OptionalDateEdit):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
