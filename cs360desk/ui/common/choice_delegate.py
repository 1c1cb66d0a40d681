"""Picking a table cell's value from a list: the combo it is edited with, and its delegate."""

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

AnyIndex = QModelIndex | QPersistentModelIndex
Options = Callable[[], Sequence[tuple[str, Any]]]
EditorName = str | Callable[[AnyIndex], str]


class ValueCombo(QComboBox):
    """A combo whose entries carry Python values as they are (enums stay enums, None stays).

    `value()` reads a Python list, not Qt item data: reading an empty QVariant back as None
    costs a reference to None in this PySide build, which eventually crashes Python. The item
    data is still set, bar None, so `findData` finds an entry as in any combo.
    """

    def __init__(self, options: Sequence[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = [value for _text, value in options]
        for text, value in options:
            if value is None:
                self.addItem(text)
            else:
                self.addItem(text, value)

    def value(self) -> Any:
        index = self.currentIndex()
        return self.values[index] if 0 <= index < len(self.values) else None

    def set_value(self, value: Any) -> None:
        if value in self.values:
            self.setCurrentIndex(self.values.index(value))


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a list of (text, value) options; choosing one commits it at once.

    The cell's EditRole is the value chosen. `name` is what screen readers call the list, or
    a function of the cell being edited ("Role of María López").
    """

    def __init__(self, options: Options, name: EditorName, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options = options
        self._name = name

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = ValueCombo(self._options(), parent)
        editor.setAccessibleName(self._name if isinstance(self._name, str) else self._name(index))
        # Picking a choice commits it, as the user expects from a list in a table.
        editor.activated.connect(lambda _position: self._commit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, ValueCombo):
            # Asked of the Python model itself, so the value comes back as it is, not via Qt.
            editor.set_value(index.model().data(index, Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, ValueCombo):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def _commit(self, editor: ValueCombo) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
