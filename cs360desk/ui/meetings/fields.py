"""Widgets of the meeting editor: fields that say when editing finished and show their errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label

Choices = Callable[[], Sequence[tuple[str, Any]]]
AnyIndex = QModelIndex | QPersistentModelIndex
MOVE_MODIFIERS = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier)
# The app style sheet marks invalid line edits; the editor's other kinds of field need it too.
INVALID_RULES = """
QPlainTextEdit[invalid="true"], QComboBox[invalid="true"], QDateTimeEdit[invalid="true"],
QSpinBox[invalid="true"] { border: 1px solid #b3261e; border-radius: 3px; }
"""


def date_time_format() -> str:
    """The weekday, the date as above and the locale's short time."""
    return f"ddd {date_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"


def to_qdatetime(value: datetime) -> QDateTime:
    """A stored UTC instant as a QDateTime in the computer's local time."""
    return QDateTime.fromSecsSinceEpoch(round(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class PlainTextField(QPlainTextEdit):
    """Multi-line plain text that reports `editing_finished` when it loses the focus.

    Tab moves the focus on (Ctrl+Tab types a tab), so keyboard users are not trapped.
    """

    editing_finished = QtSignal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class FieldBox(QWidget):
    """An editor with the error message that belongs to it just below."""

    def __init__(self, editor: QWidget, name: str) -> None:
        super().__init__()
        self.editor = editor
        self._name = name
        editor.setAccessibleName(name)
        self.error = plain_label(name="FieldError", wrap=True)
        self.error.setAccessibleName(f"{name} error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    def show_error(self, problem: str) -> None:
        self.error.setText(problem)
        self.error.show()
        self.editor.setAccessibleDescription(f"Not saved: {problem}")
        self._mark(True)

    def clear_error(self) -> None:
        if not self.has_error:
            return
        self.error.clear()
        self.error.hide()
        self.editor.setAccessibleDescription("")
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        self.editor.setProperty("invalid", invalid)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (label, value) choices; the value goes to EditRole."""

    def __init__(self, choices: Choices, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._name = name

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        box = QComboBox(parent)
        box.setAccessibleName(self._name)
        for label, value in self._choices():
            box.addItem(label, value)
        # Picking a choice commits it, as the user expects from a list in a table.
        box.activated.connect(lambda _i: self.commitData.emit(box))
        box.activated.connect(lambda _i: self.closeEditor.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


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
