"""The parts of an editor form: what a field is, the row with its error, combos and dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from PySide6.QtCore import QDateTime, QLocale, QSize, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import LabeledEnum
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.problem_views import Choice
from cs360desk.domain.trend import number_text
from cs360desk.i18n import N_, _
from cs360desk.services.evidence import parse_value
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.marked import shown
from cs360desk.ui.common.page_widgets import date_text, parse_date_text

E = TypeVar("E", bound=LabeledEnum)
LINE, TEXT, ENUM, OPTIONAL_ENUM, CHOICE, CHECK = (
    "line", "text", "enum", "optional_enum", "choice", "check",
)  # fmt: skip
DATE, DATE_TIME, NUMBER, SCORE, COUNT, MINUTES = (
    "date", "date_time", "number", "score", "count", "minutes",
)  # fmt: skip
SPIN_KINDS = (SCORE, COUNT, MINUTES)
NO_CHOICE = N_("(none)")
WARNING_SIGN = "⚠ "


@dataclass(frozen=True)
class FieldSpec:
    """One field: the service's name for it, its label (with an Alt key) and its kind.

    `label`, `placeholder`, `none_text` and `spoken` are English marked with N_(): the form
    translates them as it builds the field (`context` tells a label's meaning apart, as
    pgettext does: "job title"). `lines` is the height of a text field; 0 lets it grow with
    the layout. `maximum` bounds a score or a number of minutes. `column` places it in
    `Fields.columns()`. `spoken` is the name screen readers say when the label's own words
    will not do ("Date && &time").
    """

    name: str
    label: str
    kind: str = LINE
    enum: type[LabeledEnum] | None = None
    placeholder: str = ""
    lines: int = 3
    maximum: int = 5
    none_text: str = NO_CHOICE
    column: int = 0
    spoken: str = ""
    context: str = ""

    @property
    def shown_label(self) -> str:
        """The label in the current language, with its & for the Alt key."""
        return shown(self.label, self.context)

    @property
    def plain_label(self) -> str:
        """What screen readers call the field, in the current language."""
        return shown(self.spoken) if self.spoken else self.shown_label.replace("&", "")

    @property
    def shown_placeholder(self) -> str:
        return shown(self.placeholder)

    @property
    def shown_none_text(self) -> str:
        return shown(self.none_text)

    @property
    def grows(self) -> bool:
        return self.kind == TEXT and self.lines == 0


class FieldInputError(ValueError):
    """Typed text that cannot become a value (a date, a number); it stays in the field."""


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports `editing_finished` when the focus leaves it.

    Tab moves the focus on (Ctrl+Tab types a tab), so keyboard users are not trapped.
    """

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class FieldRow(QWidget):
    """The editing widget with its error message just below it, in words."""

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        super().__init__()
        self.spec = spec
        self.widget = widget
        widget.setAccessibleName(spec.plain_label)
        self.error = plain_label(name="FieldError", wrap=True)
        self.error.setAccessibleName(_("{field} error").format(field=spec.plain_label))
        self.error.hide()
        self.help_text = ""  # read out by screen readers whenever no error is shown
        vertical = QSizePolicy.Policy.Preferred if spec.grows else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def set_help(self, text: str) -> None:
        self.help_text = text
        self.widget.setAccessibleDescription(text)
        self.widget.setToolTip(text)

    def show_error(self, problem: str, *, warning_sign: bool = True) -> None:
        """`warning_sign` off for messages that are whole sentences ("Not saved: …")."""
        self.error.setText(f"{WARNING_SIGN if warning_sign else ''}{problem}")
        self.error.show()
        self.widget.setAccessibleDescription(_("Error: {problem}").format(problem=problem))
        self._mark(True)

    def clear_error(self) -> None:
        if not self.has_error:
            return
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
    """Members by label; the data is the stored value, as Qt hands enums back as strings.

    `name` and `none_text` are already in the current language."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    if none_text is not None:
        combo.addItem(none_text, None)
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


def fit_combo_text(combo: QComboBox, text: str) -> None:
    """At least wide enough to show `text` whole (with its arrow and frame): an entry of our
    own words, a third longer in Spanish; entries of user data may still elide."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    room = QSize(metrics.horizontalAdvance(text), metrics.height())
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, room, combo)
    combo.setMinimumWidth(max(combo.minimumWidth(), size.width()))


def enum_data(combo: QComboBox, enum: type[E]) -> E | None:
    """The chosen member: Qt hands string enums back as plain strings."""
    data = combo.currentData()
    return None if data is None else enum(data)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value.value if isinstance(value, LabeledEnum) else value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_choices(combo: QComboBox, choices: Sequence[Choice], none_text: str | None = None) -> None:
    """(id, text) choices after a "none" entry (translated text; "(none)" if not given);
    the current id stays chosen if offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(_(NO_CHOICE) if none_text is None else none_text, None)
    for choice in choices:
        combo.addItem(choice.text, choice.id)
    select_data(combo, current)
    combo.blockSignals(False)


def date_time_format() -> str:
    """The weekday, the date as the app shows it and the locale's short time."""
    return f"ddd {date_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}"


def to_qdatetime(value: datetime) -> QDateTime:
    """A stored UTC instant as a QDateTime in the computer's local time."""
    return QDateTime.fromSecsSinceEpoch(round(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def line_value(spec: FieldSpec, text: str) -> Any:
    """What a one-line field's text stands for; FieldInputError for an unreadable one."""
    if spec.kind == DATE:
        if not text.strip():
            return None
        found = parse_date_text(text)
        if found is None:
            raise FieldInputError(
                _("{text} is not a date (for example {example})").format(
                    text=repr(text.strip()), example=date_text(date.today())
                )
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


def line_text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.kind == DATE:
        return date_text(value)
    if spec.kind == NUMBER:
        return number_text(float(value)).replace(",", "")
    return str(value)
