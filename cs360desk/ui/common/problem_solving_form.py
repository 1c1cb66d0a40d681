"""Fields that save as soon as they are left, each with its error beside it in words.

Shared by the problem-solving pages: Initiative, Problems, Goals & measures, Community input
and Communications. Views place the rows where they like; a FieldSaver (problem_solving_lists)
saves what changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import LabeledEnum
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.problem_views import Choice
from cs360desk.domain.trend import number_text
from cs360desk.services.evidence import parse_value
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import date_text, parse_date_text

LINE, TEXT, ENUM, OPTIONAL_ENUM, CHOICE, DATE, NUMBER, SCORE, COUNT, CHECK = (
    "line", "text", "enum", "optional_enum", "choice", "date", "number", "score", "count", "check",
)  # fmt: skip
NO_CHOICE = "(none)"
SPIN_SAVE_DELAY_MS = 600


@dataclass(frozen=True)
class FieldSpec:
    """One field: the service's name for it, its label (with an Alt key) and its kind."""

    name: str
    label: str
    kind: str = LINE
    enum: type[LabeledEnum] | None = None
    placeholder: str = ""
    lines: int = 3
    maximum: int = 5
    none_text: str = NO_CHOICE

    @property
    def plain_label(self) -> str:
        return self.label.replace("&", "")


class FieldInputError(ValueError):
    """Typed text that cannot become a value (a date, a number); it stays in the field."""


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports `editing_finished` when the focus leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class FieldRow(QWidget):
    """The editing widget with its error message just below it."""

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        super().__init__()
        self.spec = spec
        self.widget = widget
        self.error = plain_label(name="FieldError", wrap=True)
        self.error.setAccessibleName(f"{spec.plain_label} error")
        self.error.hide()
        self.help_text = ""  # read out by screen readers whenever no error is shown
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def set_help(self, text: str) -> None:
        self.help_text = text
        self.widget.setAccessibleDescription(text)
        self.widget.setToolTip(text)

    def show_error(self, problem: str) -> None:
        self.error.setText(f"⚠ {problem}")
        self.error.show()
        self.widget.setAccessibleDescription(problem)
        self._mark(True)

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
        self.widget.setAccessibleDescription(self.help_text)
        self._mark(False)

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    def _mark(self, invalid: bool) -> None:
        self.widget.setProperty("invalid", invalid)
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)


def enum_combo(enum: type[LabeledEnum], name: str, none_text: str | None = None) -> QComboBox:
    """Members by label; the data is the stored value, as Qt hands enums back as strings."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    if none_text is not None:
        combo.addItem(none_text, None)
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_choices(combo: QComboBox, choices: Sequence[Choice], none_text: str = NO_CHOICE) -> None:
    """(id, text) choices after a "none" entry; the current id stays chosen if offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for choice in choices:
        combo.addItem(choice.text, choice.id)
    select_data(combo, current)
    combo.blockSignals(False)


class Fields(QObject):
    """The widgets of one record's fields; `edited(name)` fires when one was changed and left.

    `changing(name)` fires at every step of a spin box, before the delayed save, so a view can
    show derived figures (a total) at once.
    """

    edited = Signal(str)
    changing = Signal(str)

    def __init__(self, specs: Sequence[FieldSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self._loaded: dict[str, Any] = {}
        self._timers: dict[str, QTimer] = {}
        for spec in specs:
            widget = self._widget_for(spec)
            widget.setAccessibleName(spec.plain_label)
            widget.setObjectName(f"field_{spec.name}")
            self.rows[spec.name] = FieldRow(spec, widget)

    def _widget_for(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.kind in (LINE, DATE, NUMBER):
            line = QLineEdit()
            line.setPlaceholderText(spec.placeholder)
            line.editingFinished.connect(lambda: self._on_finished(name))
            return line
        if spec.kind == TEXT:
            text = CommitTextEdit()
            text.setTabChangesFocus(True)  # Tab moves on; the text never needs a tab
            text.setPlaceholderText(spec.placeholder)
            height = text.fontMetrics().lineSpacing() * spec.lines
            text.setFixedHeight(height + 2 * text.frameWidth() + 12)
            text.editing_finished.connect(lambda: self._on_finished(name))
            return text
        if spec.kind in (ENUM, OPTIONAL_ENUM, CHOICE):
            if spec.kind == CHOICE or spec.enum is None:
                combo = QComboBox()
            else:
                none = spec.none_text if spec.kind == OPTIONAL_ENUM else None
                combo = enum_combo(spec.enum, spec.plain_label, none)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.activated.connect(lambda _index: self._on_finished(name))
            return combo
        if spec.kind in (SCORE, COUNT):
            return self._spin_box(spec)
        if spec.kind == CHECK:
            check = QCheckBox(spec.label)
            check.clicked.connect(lambda _checked: self._on_finished(name))
            return check
        raise ValueError(f"unknown field kind {spec.kind!r}")

    def _spin_box(self, spec: FieldSpec) -> QSpinBox:
        name = spec.name
        spin = QSpinBox()
        spin.setRange(0, spec.maximum if spec.kind == SCORE else 1_000_000)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Each arrow press would be an edit of its own; wait until the user pauses.
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SPIN_SAVE_DELAY_MS)
        timer.timeout.connect(lambda: self._on_finished(name))
        self._timers[name] = timer
        spin.valueChanged.connect(lambda _value: self._on_spin_changed(name))
        spin.editingFinished.connect(lambda: self._flush(name))
        return spin

    def _on_spin_changed(self, name: str) -> None:
        self.changing.emit(name)
        self._timers[name].start()

    def _flush(self, name: str) -> None:
        self._timers[name].stop()
        self._on_finished(name)

    def flush(self) -> None:
        """Save spin boxes still waiting for their pause (before switching records)."""
        for name, timer in self._timers.items():
            if timer.isActive():
                self._flush(name)

    def widget(self, name: str) -> QWidget:
        return self.rows[name].widget

    def row(self, name: str) -> FieldRow:
        return self.rows[name]

    def value(self, name: str) -> Any:
        """The field's value as the service takes it; FieldInputError for unreadable text."""
        spec, widget = self.rows[name].spec, self.rows[name].widget
        if isinstance(widget, QLineEdit):
            return _line_value(spec, widget.text())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(name)

    def set_value(self, name: str, value: Any) -> None:
        spec, widget = self.rows[name].spec, self.rows[name].widget
        widget.blockSignals(True)
        if isinstance(widget, QLineEdit):
            widget.setText(_line_text(spec, value))
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            select_data(widget, value.value if isinstance(value, LabeledEnum) else value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        widget.blockSignals(False)
        self._loaded[name] = self.value(name)

    def load(self, values: Mapping[str, Any]) -> None:
        """Show a record's values; errors and pending saves of the one before are dropped."""
        for timer in self._timers.values():
            timer.stop()
        for name in self.rows:
            self.set_value(name, values.get(name))
        self.clear_errors()

    def update_values(self, values: Mapping[str, Any]) -> None:
        """The same record reloaded: fields with unsaved typing keep it, the rest follow."""
        for name in self.rows:
            if not self.is_changed(name) and not self.rows[name].has_error:
                self.set_value(name, values.get(name))

    def set_choices(self, name: str, choices: Sequence[Choice]) -> None:
        combo = self.rows[name].widget
        assert isinstance(combo, QComboBox)
        fill_choices(combo, choices, self.rows[name].spec.none_text)
        self._loaded[name] = combo.currentData()

    def is_changed(self, name: str) -> bool:
        try:
            return bool(self.value(name) != self._loaded.get(name))
        except FieldInputError:
            return True

    def mark_saved(self, name: str, value: Any) -> None:
        """`value` is what was saved: whatever was typed since still counts as changed."""
        self._loaded[name] = value
        self.rows[name].clear_error()

    def show_error(self, name: str, problem: str) -> None:
        self.rows[name].show_error(problem)

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()

    def has_field(self, name: str) -> bool:
        return name in self.rows

    def set_enabled(self, enabled: bool) -> None:
        for row in self.rows.values():
            row.widget.setEnabled(enabled)

    def focus(self, name: str) -> None:
        widget = self.rows[name].widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def form(self, names: Sequence[str]) -> QFormLayout:
        """A label-and-field layout of the named rows; check boxes stand without a label."""
        layout = QFormLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(8)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            row = self.rows[name]
            if row.spec.kind == CHECK:
                layout.addRow(row)
            else:
                label = QLabel(row.spec.label)  # our own words, with the & of an Alt key
                label.setBuddy(row.widget)
                layout.addRow(label, row)
        return layout

    def _on_finished(self, name: str) -> None:
        if self.is_changed(name):
            self.edited.emit(name)


def _line_value(spec: FieldSpec, text: str) -> Any:
    if spec.kind == DATE:
        if not text.strip():
            return None
        found = parse_date_text(text)
        if found is None:
            raise FieldInputError(
                f"{text.strip()!r} is not a date (for example {date_text(date.today())})"
            )
        return found
    if spec.kind == NUMBER:
        if not text.strip():
            return None
        try:
            return parse_value(text)
        except ValidationError as error:
            raise FieldInputError(error.problem) from error
    return text


def _line_text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.kind == DATE:
        return date_text(value)
    if spec.kind == NUMBER:
        return number_text(float(value)).replace(",", "")
    return str(value)
