"""Small inputs of the action items section: a date that may be empty, a combo of choices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from cs360desk.domain.action_item_views import Choice

NO_DATE = QDate(1900, 1, 1)
NO_DATE_TEXT = "No due date"


def four_digit_year_format(locale: QLocale | None = None) -> str:
    """The locale's short date format, with the year written out so it is never ambiguous."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDateEdit(QDateEdit):
    """A date in the user's locale, or none: Delete clears it, arrows start from today."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(NO_DATE_TEXT)
        self.setDisplayFormat(four_digit_year_format())
        self.setCalendarPopup(True)
        self.setAccessibleDescription("Press Delete to remove the due date.")
        self.setToolTip("Pick a date; Delete removes it")
        self.set_value(None)

    def value(self) -> date | None:
        return None if self.date() == NO_DATE else from_qdate(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else to_qdate(value))

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self.set_value(self.today)  # stepping from "no date" starts at today, not 1900
            return
        super().stepBy(steps)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        everything = self.lineEdit().selectedText() == self.lineEdit().text()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            everything or self.value() is None
        ):
            self.set_value(None)
            self.selectAll()
            return
        if self.value() is None and event.text().isdigit():
            self.set_value(self.today)
            self.selectAll()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.value() is None:
            self.set_value(self.today)  # the calendar then opens on this month
        super().mousePressEvent(event)


class ChoiceCombo(QComboBox):
    """Pick one of a list of choices, or the "none" entry first; `value()` is an id or None.

    The ids live in a Python list, not in Qt item data: reading an empty QVariant back as
    None costs a reference to None in this PySide build, which eventually crashes Python.
    """

    def __init__(self, none_text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_text = none_text
        self.setAccessibleName(name)
        self.setObjectName(name.replace(" ", ""))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._ids: list[int | None] = []
        self._fill(())

    def _fill(self, choices: Iterable[Choice]) -> None:
        self.clear()
        self._ids = [None]
        self.addItem(self.none_text)
        for choice in choices:
            self._ids.append(choice.id)
            self.addItem(choice.name)

    def set_choices(self, choices: Iterable[Choice], keep: Any = None) -> None:
        """Refill without emitting signals; the current id stays chosen if it is still there."""
        wanted = self.value() if keep is None else keep
        self.blockSignals(True)
        self._fill(choices)
        self.blockSignals(False)
        self.set_value(wanted)

    def ids(self) -> list[int | None]:
        return list(self._ids)

    def value(self) -> int | None:
        index = self.currentIndex()
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def set_value(self, value: int | None, fallback_name: str = "") -> None:
        """Choose `value`; an id not in the list is added under `fallback_name` so it shows."""
        self.blockSignals(True)
        if value not in self._ids:
            self._ids.append(value)
            self.addItem(fallback_name or f"#{value}")
        self.setCurrentIndex(self._ids.index(value))
        self.blockSignals(False)
