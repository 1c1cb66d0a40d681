"""Small modal questions of the Meetings section; tests replace their `ask` classmethods."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.meeting_views import PersonChoice
from cs360desk.i18n import _
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.style import apply_style

DEFAULT_DUE_DAYS = 14


def not_on_team(name: str) -> str:
    """A person offered as owner or presenter who is not a member of the meeting's team."""
    return _("{name}  (not on the team)").format(name=name)


@dataclass(frozen=True)
class NewActionItem:
    title: str
    owner_id: int | None
    due_on: date | None


class Confirmation:
    """A yes/no question before something the user may not have meant."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(title)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes


class ActionItemDialog(QDialog):
    """Title, owner and due date of an action item agreed at a meeting."""

    def __init__(
        self,
        people: Sequence[PersonChoice],
        meeting_title: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New action item"))
        self.setAccessibleName(_("New action item"))
        apply_style(self)
        self.setMinimumWidth(480)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Title"))
        self.title_edit.setPlaceholderText(
            _("What will be done, e.g. Ask the school district for…")
        )
        self.owner_box = QComboBox()
        self.owner_box.setAccessibleName(_("Owner"))
        self.owner_box.addItem(_("(no owner yet)"), None)
        for person in people:
            shown = person.name if person.is_member else not_on_team(person.name)
            self.owner_box.addItem(shown, person.person_id)
        self._build_due(today)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Add action item"))
        self.ok_button.setAccessibleName(_("Add action item"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._on_title_changed)
        self._build(meeting_title)
        self._on_title_changed(self.title_edit.text())

    def _build_due(self, today: date) -> None:
        self.due_check = QCheckBox(_("&Due on"))
        self.due_check.setAccessibleName(_("Has a due date"))
        self.due_check.setChecked(True)
        self.due_edit = QDateEdit()
        self.due_edit.setAccessibleName(_("Due date"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(date_format())
        self.due_edit.setDate(QDate(today.year, today.month, today.day).addDays(DEFAULT_DUE_DAYS))
        self.due_check.toggled.connect(self.due_edit.setEnabled)

    def _build(self, meeting_title: str) -> None:
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title_edit)
        form.addRow(_("&Owner:"), self.owner_box)
        due = QHBoxLayout()
        due.addWidget(self.due_check)
        due.addWidget(self.due_edit, 1)
        form.addRow("", due)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(_("Agreed at: {title}").format(title=meeting_title), wrap=True)
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _on_title_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def result_item(self) -> NewActionItem:
        due: date | None = None
        if self.due_check.isChecked():
            picked = self.due_edit.date()
            due = date(picked.year(), picked.month(), picked.day())
        owner = self.owner_box.currentData()
        return NewActionItem(self.title_edit.text().strip(), owner, due)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        people: Sequence[PersonChoice],
        *,
        meeting_title: str,
        today: date,
    ) -> NewActionItem | None:
        """Modal; None when the user cancels. Tests replace this classmethod."""
        dialog = cls(people, meeting_title, today, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_item() if accepted else None
