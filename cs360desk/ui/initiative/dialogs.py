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
from cs360desk.i18n import _
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
        move_to = _("Move to {stage}").format(stage=target.label)
        self.setWindowTitle(move_to)
        self.setAccessibleName(move_to)
        intro = plain_label(
            _(
                "The initiative moves from {current} to {target}. The note is kept "
                "in the stage history and shows in progress updates."
            ).format(current=current.label, target=target.label),
            wrap=True,
        )
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName(_("Reached on"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(_("Note"))
        self.note_edit.setPlaceholderText(
            _("What was done to get here, and what the chief agreed to")
        )
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        form = QFormLayout()
        date_label = QLabel(_("&Reached on"))
        date_label.setBuddy(self.date_edit)
        note_label = QLabel(_("&Note"))
        note_label.setBuddy(self.note_edit)
        form.addRow(date_label, self.date_edit)
        form.addRow(note_label, self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(move_to)
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
