"""A save that finds the record changed by someone else: say who changed what and when, and
let the user reload theirs or keep (overwrite with) their own."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.edits import kind_label
from cs360desk.domain.errors import ConflictError, kind_name
from cs360desk.i18n import N_, _
from cs360desk.services.history import ChangeEntry, last_change, last_change_id
from cs360desk.ui.common.formatting import format_when
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession

CHANGED_ELSEWHERE = N_("this {kind} was changed elsewhere since you opened it")
NOT_SAVED_YET = N_("Not saved: the {kind} was changed by someone else. Your change is kept.")


class ConflictChoice(enum.Enum):
    RELOAD_THEIRS = "reload"
    KEEP_MINE = "keep"
    UNDECIDED = "undecided"  # the dialog was closed: nothing is saved, the edit stays


class ChangedElsewhereError(ConflictError):
    """The record has a change newer than the one the form was filled from."""

    def __init__(self, entity: str, record_id: int) -> None:
        super().__init__(_(CHANGED_ELSEWHERE).format(kind=kind_name(kind_label(entity))))
        self.entity = entity
        self.record_id = record_id


def seen_change(session: WorkSession, entity: str, record_id: int) -> int:
    """What the form is filled from: the id of the record's newest change (0 for none)."""
    return last_change_id(session, entity, record_id)


def check_unchanged(session: WorkSession, entity: str, record_id: int, seen: int | None) -> None:
    """Refuse (ChangedElsewhereError) when the record changed since the change `seen`."""
    if seen is not None and last_change_id(session, entity, record_id) > seen:
        raise ChangedElsewhereError(entity, record_id)


def conflict_text(entity: str, change: ChangeEntry | None) -> str:
    """Who changed the record, when (local time) and which fields, as whole sentences."""
    kind = kind_name(kind_label(entity))
    if change is None:
        return _(
            "Someone else changed this {kind} after you opened it. Your change is not saved yet."
        ).format(kind=kind)
    fields = ", ".join(field.label for field in change.fields)
    if not fields:
        return _(
            "{who} changed this {kind} on {when}, after you opened it. "
            "Your change is not saved yet."
        ).format(who=change.who, kind=kind, when=format_when(change.at))
    return _(
        "{who} changed this {kind} on {when}, after you opened it: {fields}. "
        "Your change is not saved yet."
    ).format(who=change.who, kind=kind, when=format_when(change.at), fields=fields)


class ConflictDialog(QDialog):
    """The question; tests replace `ask`."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ConflictChoice.UNDECIDED
        self.setWindowTitle(_("Changed by someone else"))
        self.text_label = QLabel(text)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setWordWrap(True)
        self.text_label.setMinimumWidth(420)
        hint = QLabel(
            _(
                "Reload theirs shows the stored values and drops your change. Keep mine saves "
                "your value over theirs; their other changes stay."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("Hint")
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(_("&Reload theirs"))
        self.keep_button = QPushButton(_("&Keep mine (overwrite)"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._on_chosen(ConflictChoice.RELOAD_THEIRS))
        self.keep_button.clicked.connect(lambda: self._on_chosen(ConflictChoice.KEEP_MINE))
        column = QVBoxLayout(self)
        column.addWidget(self.text_label)
        column.addWidget(hint)
        column.addWidget(buttons)

    def _on_chosen(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> ConflictChoice:
        dialog = cls(text, parent)
        dialog.exec()
        return dialog.choice


def resolve_conflict(
    context: SectionContext,
    entity: str,
    record_id: int,
    *,
    keep_mine: Callable[[int], None],
    reload_theirs: Callable[[], None],
) -> None:
    """Read the record's newest change, ask, then call what the user chose: `keep_mine`
    takes the id of the change the user was told of (0 for none), to save on top of it.
    Closing the dialog saves nothing and keeps the edit in the form, for the next try."""

    def ask(change: ChangeEntry | None) -> None:
        # From a fresh turn of the event loop: the dialog's own loop starts clean.
        QTimer.singleShot(0, lambda: chosen(change))

    def chosen(change: ChangeEntry | None) -> None:
        choice = ConflictDialog.ask(QApplication.activeWindow(), conflict_text(entity, change))
        if choice is ConflictChoice.KEEP_MINE:
            keep_mine(change.id if change is not None else 0)
        elif choice is ConflictChoice.RELOAD_THEIRS:
            reload_theirs()
        else:
            context.show_status(_(NOT_SAVED_YET).format(kind=kind_name(kind_label(entity))))

    context.runner.run(lambda s: last_change(s, entity, record_id), on_success=ask)
