"""Save as communication…: where a draft goes in the Communications log (channel, audience,
status, day); the dialog stays open until the save is done, showing why when it is refused."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.errors import UserFacingError, ValidationError
from cs360desk.domain.update_drafts import DraftKind
from cs360desk.i18n import N_, _, count_of
from cs360desk.operations.drafts import DraftToSave
from cs360desk.services.update_drafts import DRAFT_CHANNELS
from cs360desk.ui.common.field_widgets import WARNING_SIGN, enum_combo, enum_data, select_data
from cs360desk.ui.common.formatting import date_format, from_qdate, to_qdate
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import note_label
from cs360desk.ui.common.style import apply_style

POSTED_ON = N_("Posted o&n")
PLANNED_FOR = N_("Planned fo&r")


class SaveDraftDialog(QDialog):
    """`save_requested` carries the DraftToSave; the owner writes it, then calls `accept()`
    or `show_error()`."""

    save_requested = Signal(object)

    def __init__(
        self, kind: DraftKind, text: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.text = text
        self.setWindowTitle(_("Save as communication: {draft}").format(draft=kind.label))
        self.setAccessibleName(_("Save as communication"))
        apply_style(self)
        self.setMinimumWidth(460)
        channel, audience = DRAFT_CHANNELS[kind]
        self.channel_box = enum_combo(Channel, _("Channel"))
        select_data(self.channel_box, channel)
        self.audience_box = enum_combo(Audience, _("Audience"))
        select_data(self.audience_box, audience)
        self.status_box = enum_combo(CommunicationStatus, _("Status"))
        select_data(self.status_box, CommunicationStatus.DRAFT)
        self.date_check = QCheckBox(_(PLANNED_FOR))
        self.date_check.setChecked(True)
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.error_label = plain_label(name="FieldError", wrap=True)
        self.error_label.setAccessibleName(_("Why it was not saved"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(_("&Cancel"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.status_box.currentIndexChanged.connect(self._on_status_changed)
        self._saving = False
        self._build(text)
        self._on_status_changed()

    def _build(self, text: str) -> None:
        form = QFormLayout()
        for caption, widget in (
            (_("C&hannel:"), self.channel_box),
            (_("&Audience:"), self.audience_box),
            (_("S&tatus:"), self.status_box),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        day = QHBoxLayout()
        day.addWidget(self.date_check)
        day.addWidget(self.date_edit, 1)
        form.addRow("", day)
        lines = text.count("\n") + 1
        summary = _("{draft}: {characters}, {lines}").format(
            draft=self.kind.label,
            characters=count_of(len(text), "{n} character", "{n} characters"),
            lines=count_of(lines, "{n} line", "{n} lines"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(summary, name="SaveDraftSummary", wrap=True))
        layout.addWidget(
            note_label(
                _("It is saved as it stands now, with your edits, in the Communications log.")
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    @property
    def status(self) -> CommunicationStatus:
        return enum_data(self.status_box, CommunicationStatus) or CommunicationStatus.DRAFT

    def draft_to_save(self) -> DraftToSave:
        day = from_qdate(self.date_edit.date()) if self.date_check.isChecked() else None
        return DraftToSave(
            kind=self.kind,
            text=self.text,
            channel=enum_data(self.channel_box, Channel),
            audience=enum_data(self.audience_box, Audience),
            status=self.status,
            day=day,
        )

    def _on_status_changed(self) -> None:
        posted = self.status is CommunicationStatus.POSTED
        self.date_check.setText(_(POSTED_ON if posted else PLANNED_FOR))
        self.date_check.setAccessibleName(_("Posted on") if posted else _("Planned for"))
        self.date_edit.setAccessibleName(_("Day posted") if posted else _("Day planned"))

    def _on_save(self) -> None:
        if self._saving:
            return
        self.error_label.hide()
        self.set_saving(True)
        self.save_requested.emit(self.draft_to_save())

    def set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(_("Saving…") if saving else _("&Save"))

    def show_error(self, error: UserFacingError) -> None:
        """The save was refused: say why and stay open, what was chosen kept."""
        self.set_saving(False)
        self.error_label.setText(WARNING_SIGN + _("Not saved: {error}").format(error=error))
        self.error_label.show()
        day = isinstance(error, ValidationError) and error.field in ("posted_on", "planned_on")
        focus = self.date_check if day else self.status_box
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self._saving:  # the save finishes either way; its outcome is shown here
            return
        super().reject()
