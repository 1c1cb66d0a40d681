"""Small inputs of the action items section: a date that may be empty, a combo of choices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from cs360desk.domain.action_item_views import Choice
from cs360desk.i18n import N_, _
from cs360desk.ui.common.choice_delegate import ValueCombo
from cs360desk.ui.common.formatting import date_format, from_qdate, to_qdate

NO_DATE = QDate(1900, 1, 1)
NO_DATE_TEXT = N_("No due date")


class OptionalDateEdit(QDateEdit):
    """A date in the user's locale, or none: Delete clears it, arrows start from today."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(_(NO_DATE_TEXT))
        self.setDisplayFormat(date_format())
        self.setCalendarPopup(True)
        self.setAccessibleDescription(_("Press Delete to remove the due date."))
        self.setToolTip(_("Pick a date; Delete removes it"))
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


class ChoiceCombo(ValueCombo):
    """Pick one of a list of choices, or the "none" entry first; `value()` is an id or None.

    `none_text` and `name` are English, marked with N_(): they are translated here, and the
    object name stays English whatever the language.
    """

    def __init__(self, none_text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__((), parent)
        self.none_text = _(none_text)
        self.setAccessibleName(_(name))
        self.setObjectName(name.replace(" ", ""))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._fill(())

    def _fill(self, choices: Iterable[Choice]) -> None:
        self.clear()
        self.values = [None]
        self.addItem(self.none_text)
        for choice in choices:
            self.values.append(choice.id)
            self.addItem(choice.name)

    def set_choices(self, choices: Iterable[Choice], keep: Any = None) -> None:
        """Refill without emitting signals; the current id stays chosen if it is still there."""
        wanted = self.value() if keep is None else keep
        self.blockSignals(True)
        self._fill(choices)
        self.blockSignals(False)
        self.set_value(wanted)

    def ids(self) -> list[int | None]:
        return list(self.values)

    def set_value(self, value: Any, fallback_name: str = "") -> None:
        """Choose `value`; an id not in the list is added under `fallback_name` so it shows."""
        self.blockSignals(True)
        if value not in self.values:
            self.values.append(value)
            self.addItem(fallback_name or f"#{value}")
        self.setCurrentIndex(self.values.index(value))
        self.blockSignals(False)
