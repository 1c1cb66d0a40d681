"""The due date cell's in-place editor: a date in the user's locale that may be empty."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from cs360desk.i18n import _
from cs360desk.ui.action_items.model import ActionItemTableModel
from cs360desk.ui.action_items.widgets import OptionalDateEdit

AnyIndex = QModelIndex | QPersistentModelIndex
Options = Callable[[], Sequence[tuple[str, Any]]]


def _edit_value(index: AnyIndex) -> Any:
    model = index.model()
    if isinstance(model, ActionItemTableModel):
        return model.data(index, Qt.ItemDataRole.EditRole)
    return None


class DueDateDelegate(QStyledItemDelegate):
    """Edits the due date in the user's locale; Delete leaves the item without one."""

    def __init__(self, today: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = OptionalDateEdit(self._today(), parent)
        editor.setAccessibleName(_("Due date"))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, OptionalDateEdit):
            editor.set_value(_edit_value(index))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, OptionalDateEdit):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
