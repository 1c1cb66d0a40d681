"""Asking for the day and the note when the initiative moves on to its next stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Stage
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label


@dataclass(frozen=True)
class StageMove:
    reached_on: date
    note: str


class MoveStageDialog(QDialog):
    """The day the stage was reached (today unless said otherwise) and why, in a sentence."""

    def __init__(self, parent: QWidget | None, current: Stage, target: Stage, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Move to {target.label}")
        self.setAccessibleName(f"Move to {target.label}")
        intro = plain_label(
            f"The initiative moves from {current.label} to {target.label}. The note is kept "
            "in the stage history and shows in progress updates.",
            wrap=True,
        )
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName("Reached on")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("What was done to get here, and what the chief agreed to")
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        form = QFormLayout()
        date_label = QLabel("&Reached on")
        date_label.setBuddy(self.date_edit)
        note_label = QLabel("&Note")
        note_label.setBuddy(self.note_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(note_label, self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"Move to {target.label}")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
        self.note_edit.setFocus()

    def chosen_move(self) -> StageMove:
        chosen = self.date_edit.date()
        return StageMove(
            date(chosen.year(), chosen.month(), chosen.day()), self.note_edit.toPlainText()
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: Stage, target: Stage, today: date
    ) -> StageMove | None:
        dialog = cls(parent, current, target, today)
        return dialog.chosen_move() if dialog.exec() == QDialog.DialogCode.Accepted else None
