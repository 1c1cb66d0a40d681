"""The editor's tables: rows the keyboard moves and deletes, cells edited in place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from cs360desk.ui.common.palette import Tone, app_colours, css

AnyIndex = QModelIndex | QPersistentModelIndex
MOVE_MODIFIERS = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier)
# The app style sheet marks invalid line edits; the editor's other kinds of field need it too.
INVALID_RULES = """
QPlainTextEdit[invalid="true"], QComboBox[invalid="true"], QDateTimeEdit[invalid="true"],
QSpinBox[invalid="true"] { border: 1px solid {edge}; border-radius: 3px; }
QPlainTextEdit[invalid="true"]:focus, QComboBox[invalid="true"]:focus,
QDateTimeEdit[invalid="true"]:focus, QSpinBox[invalid="true"]:focus { border-width: 2px; }
"""


def invalid_rules() -> str:
    """INVALID_RULES with the error border of the palette in use."""
    return INVALID_RULES.replace("{edge}", css(app_colours(), Tone.ERROR, "edge"))


class TextDelegate(QStyledItemDelegate):
    """A line edit named for screen readers."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAccessibleName(self._name)
        return edit


class OrderedTable(QTableView):
    """A table whose rows the keyboard can move (Ctrl or Alt + Up/Down) and delete (Delete)."""

    move_requested = QtSignal(int)  # -1 up, +1 down
    remove_requested = QtSignal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        editing = self.state() == QAbstractItemView.State.EditingState
        moving = any(modifiers & modifier for modifier in MOVE_MODIFIERS)
        if not editing and moving and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
        elif not editing and key == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.remove_requested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
