"""Editor forms whose fields save as soon as editing finishes, each with its error beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.problem_views import Choice
from cs360desk.i18n import pgettext
from cs360desk.ui.common.field_widgets import (
    CHECK,
    CHOICE,
    DATE,
    DATE_TIME,
    ENUM,
    LINE,
    MINUTES,
    NUMBER,
    OPTIONAL_ENUM,
    SCORE,
    SPIN_KINDS,
    TEXT,
    CommitTextEdit,
    FieldInputError,
    FieldRow,
    FieldSpec,
    date_time_format,
    enum_combo,
    fill_choices,
    from_qdatetime,
    line_text,
    line_value,
    select_data,
    to_qdatetime,
)

SPIN_SAVE_DELAY_MS = 600
MINUTES_STEP = 15
COMBO_CHARS = 10


class Fields(QObject):
    """The widgets of one record's fields; `edited(name)` fires when one was changed and left.

    Every record editor uses it (People, Teams, Community map, Meetings and the problem-solving
    pages). Views place the rows where they like, or take `form()` and `columns()`; an AutoSave,
    a FieldSaver or the section's controller saves what `edited` names.

    `changing(name)` fires at every step of a spin box, before the delayed save, so a view can
    show derived figures (a total) at once. `combo_chars` is the narrowest a combo may get;
    0 leaves each combo as wide as its longest entry. The specs' texts are marked with N_();
    the widgets show them translated into the language current when the form is built.
    """

    edited = Signal(str)
    changing = Signal(str)

    def __init__(
        self,
        specs: Sequence[FieldSpec],
        parent: QObject | None = None,
        *,
        combo_chars: int = COMBO_CHARS,
    ) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self._loaded: dict[str, Any] = {}
        self._timers: dict[str, QTimer] = {}
        self._combo_chars = combo_chars
        for spec in specs:
            widget = self._widget_for(spec)
            widget.setObjectName(f"field_{spec.name}")
            self.rows[spec.name] = FieldRow(spec, widget)

    def _widget_for(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.kind in (LINE, DATE, NUMBER):
            line = QLineEdit()
            line.setPlaceholderText(spec.shown_placeholder)
            line.editingFinished.connect(lambda: self._on_finished(name))
            return line
        if spec.kind == TEXT:
            return self._text_edit(spec)
        if spec.kind in (ENUM, OPTIONAL_ENUM, CHOICE):
            return self._combo(spec)
        if spec.kind == DATE_TIME:
            when = QDateTimeEdit()
            when.setCalendarPopup(True)
            when.setDisplayFormat(date_time_format())
            when.editingFinished.connect(lambda: self._on_finished(name))
            return when
        if spec.kind in SPIN_KINDS:
            return self._spin_box(spec)
        if spec.kind == CHECK:
            check = QCheckBox(spec.shown_label)
            check.clicked.connect(lambda _checked: self._on_finished(name))
            return check
        raise ValueError(f"unknown field kind {spec.kind!r}")

    def _text_edit(self, spec: FieldSpec) -> CommitTextEdit:
        name = spec.name
        text = CommitTextEdit()
        text.setPlaceholderText(spec.shown_placeholder)
        if not spec.grows:
            height = text.fontMetrics().lineSpacing() * spec.lines
            text.setFixedHeight(height + 2 * text.frameWidth() + 12)
        text.editing_finished.connect(lambda: self._on_finished(name))
        return text

    def _combo(self, spec: FieldSpec) -> QComboBox:
        name = spec.name
        if spec.kind == CHOICE or spec.enum is None:
            combo = QComboBox()
        else:
            none = spec.shown_none_text if spec.kind == OPTIONAL_ENUM else None
            combo = enum_combo(spec.enum, spec.plain_label, none)
        if self._combo_chars:  # long names (organizations) must not widen the whole form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(self._combo_chars)
        combo.activated.connect(lambda _index: self._on_finished(name))
        return combo

    def _spin_box(self, spec: FieldSpec) -> QSpinBox:
        name = spec.name
        spin = QSpinBox()
        if spec.kind == MINUTES:
            spin.setRange(1, spec.maximum)
            spin.setSingleStep(MINUTES_STEP)
            spin.setSuffix(" " + pgettext("unit: minutes", "min"))
        else:
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
            return line_value(spec, widget.text())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return spec.enum(data) if spec.enum is not None and data is not None else data
        if isinstance(widget, QDateTimeEdit):
            return from_qdatetime(widget.dateTime())
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(name)

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.rows}

    def set_value(self, name: str, value: Any) -> None:
        spec, widget = self.rows[name].spec, self.rows[name].widget
        widget.blockSignals(True)
        if isinstance(widget, QLineEdit):
            widget.setText(line_text(spec, value))
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, QDateTimeEdit):
            if value is not None:
                widget.setDateTime(to_qdatetime(value))
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
        fill_choices(combo, choices, self.rows[name].spec.shown_none_text)
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
        """A label-and-field layout of the named rows; check boxes need no label of their own."""
        layout = QFormLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(8)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            row = self.rows[name]
            if row.spec.kind == CHECK:
                layout.addRow("", row)
            else:
                label = QLabel(row.spec.shown_label)  # our own words, with an Alt key's &
                label.setBuddy(row.widget)
                layout.addRow(label, row)
        return layout

    def columns(self) -> QWidget:
        """Every field in a form of its own column (its spec's `column`), side by side."""
        holder = QWidget()
        columns = QHBoxLayout(holder)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        placed: dict[int, list[str]] = {}
        for name, row in self.rows.items():
            placed.setdefault(row.spec.column, []).append(name)
        for names in placed.values():
            column = QVBoxLayout()
            column.addLayout(self.form(names))
            column.addStretch(1)
            columns.addLayout(column, 1)
        return holder

    def _on_finished(self, name: str) -> None:
        # A field still showing why its value was refused is tried again, changed or not.
        if self.is_changed(name) or self.rows[name].has_error:
            self.edited.emit(name)
