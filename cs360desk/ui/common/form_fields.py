"""Editor forms whose fields save as soon as editing finishes, each with its error beside it.

Shared by the People, Community map and Teams editors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import LabeledEnum
from cs360desk.ui.common.labels import plain_label

E = TypeVar("E", bound=LabeledEnum)
LINE, TEXT, ENUM, CHOICE, CHECK = "line", "text", "enum", "choice", "check"
NO_CHOICE = "(none)"


@dataclass(frozen=True)
class FieldSpec:
    """One field: the service's name for it, its label (with an Alt key) and its kind."""

    name: str
    label: str
    kind: str = LINE
    enum: type[LabeledEnum] | None = None
    placeholder: str = ""
    lines: int = 3
    column: int = 0  # forms may lay their fields out side by side

    @property
    def plain_label(self) -> str:
        return self.label.replace("&", "")


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports `editing_finished` when the focus leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


def enum_combo(enum: type[LabeledEnum], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for member in enum:
        combo.addItem(member.label, member)
    return combo


def enum_data(combo: QComboBox, enum: type[E]) -> E | None:
    """The chosen member: Qt hands string enums back as plain strings."""
    data = combo.currentData()
    return None if data is None else enum(data)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class FieldRow(QWidget):
    """The editing widget with its error message just below it, in words."""

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        super().__init__()
        self.spec = spec
        self.widget = widget
        self.error = plain_label(name="FieldError", wrap=True)
        self.error.setAccessibleName(f"{spec.plain_label} error")
        self.error.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def show_error(self, problem: str) -> None:
        self.error.setText(f"⚠ {problem}")
        self.error.show()
        self.widget.setAccessibleDescription(f"Error: {problem}")
        self._mark(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.widget.setAccessibleDescription("")
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        self.widget.setProperty("invalid", invalid)
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)


def _form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setVerticalSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class EditorForm(QWidget):
    """Fields in a form layout; `edited(name)` fires when the user changed one and left it."""

    edited = Signal(str)

    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self._loaded: dict[str, Any] = {}
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        forms: dict[int, QFormLayout] = {}
        for spec in specs:
            if spec.column not in forms:
                forms[spec.column] = _form_layout()
                column = QVBoxLayout()
                column.addLayout(forms[spec.column])
                column.addStretch(1)
                columns.addLayout(column, 1)
            row = FieldRow(spec, self._widget_for(spec))
            self.rows[spec.name] = row
            if spec.kind == CHECK:
                forms[spec.column].addRow("", row)
            else:
                label = QLabel(spec.label)
                label.setBuddy(row.widget)
                forms[spec.column].addRow(label, row)

    def _widget_for(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        widget: QWidget
        if spec.kind == LINE:
            widget = QLineEdit()
            widget.setPlaceholderText(spec.placeholder)
            widget.editingFinished.connect(lambda: self._on_finished(name))
        elif spec.kind == TEXT:
            widget = CommitTextEdit()
            widget.setTabChangesFocus(True)  # Tab moves on; the text never needs a tab
            widget.setPlaceholderText(spec.placeholder)
            height = widget.fontMetrics().lineSpacing() * spec.lines
            widget.setFixedHeight(height + 2 * widget.frameWidth() + 12)
            widget.editing_finished.connect(lambda: self._on_finished(name))
        elif spec.kind in (ENUM, CHOICE):
            if spec.kind == ENUM and spec.enum is not None:
                widget = enum_combo(spec.enum, spec.plain_label)
            else:
                widget = QComboBox()
            # Long names (organizations) must not widen the whole form.
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(12)
            widget.activated.connect(lambda _index: self._on_finished(name))
        elif spec.kind == CHECK:
            widget = QCheckBox(spec.label)
            widget.clicked.connect(lambda _checked: self._on_finished(name))
        else:
            raise ValueError(f"unknown field kind {spec.kind!r}")
        widget.setAccessibleName(spec.plain_label)
        widget.setObjectName(f"field_{name}")
        return widget

    def widget(self, name: str) -> QWidget:
        return self.rows[name].widget

    def value(self, name: str) -> Any:
        widget = self.rows[name].widget
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            enum = self.rows[name].spec.enum
            return enum_data(widget, enum) if enum is not None else widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(name)

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.rows}

    def set_value(self, name: str, value: Any) -> None:
        widget = self.rows[name].widget
        widget.blockSignals(True)
        if isinstance(widget, QLineEdit):
            widget.setText(value or "")
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        widget.blockSignals(False)
        self._loaded[name] = self.value(name)

    def load(self, values: Mapping[str, Any]) -> None:
        """Show a record's values; errors from the record shown before are cleared."""
        for name in self.rows:
            self.set_value(name, values.get(name))
        self.clear_errors()

    def set_choices(self, name: str, choices: Sequence[tuple[int, str]]) -> None:
        """Fill a choice combo with (id, text), "(none)" first; the current id is kept."""
        combo = self.rows[name].widget
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(NO_CHOICE, None)
        for choice_id, text in choices:
            combo.addItem(text, choice_id)
        select_data(combo, current)
        combo.blockSignals(False)

    def is_changed(self, name: str) -> bool:
        return bool(self.value(name) != self._loaded.get(name))

    def mark_saved(self, name: str, value: Any) -> None:
        """`value` is what was saved: text typed since then still counts as changed."""
        self._loaded[name] = value
        self.rows[name].clear_error()

    def show_error(self, name: str, problem: str) -> None:
        self.rows[name].show_error(problem)

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()

    def has_field(self, name: str) -> bool:
        return name in self.rows

    def focus_field(self, name: str) -> None:
        widget = self.rows[name].widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def _on_finished(self, name: str) -> None:
        if self.is_changed(name):
            self.edited.emit(name)
