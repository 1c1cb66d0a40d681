"""The Communications section: the log of public and staff updates, each edited in place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.records import CommunicationRecord
from cs360desk.i18n import _, count_of, pgettext
from cs360desk.services.communications import (
    communication_log,
    create_communication,
    delete_communication,
    last_posted,
    save_communication_field,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.common.record_lists import ListEditor
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.community.communications_view import CommunicationsView, length_text
from cs360desk.ui.community.drafts import DraftsOpener


@dataclass(frozen=True)
class CommunicationsPage:
    log: tuple[CommunicationRecord, ...]
    last_posted: dict[Audience, date]


def load_page(
    session: WorkSession, initiative_id: int, status: CommunicationStatus | None
) -> CommunicationsPage:
    return CommunicationsPage(
        tuple(communication_log(session, initiative_id, status=status)),
        last_posted(session, initiative_id),
    )


def _since(day: date | None, today: date) -> str:
    if day is None:
        return _("never")
    days = max(0, (today - day).days)
    return _("today") if days == 0 else count_of(days, "{n} day ago", "{n} days ago")


class CommunicationsController(QObject):
    """Behaviour of the Communications page; `loaded` fires each time the log is shown."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = CommunicationsView()
        self._initiative_id: int | None = None
        self._request = 0
        view = self._view
        self.editor = ListEditor(
            context,
            view.model,
            view.table,
            view.fields,
            save_communication_field,
            id_of=lambda c: c.id,
            values_of=dataclasses.asdict,
            parent=self,
        )
        self.editor.selected.connect(self._on_selected)
        self.editor.saved.connect(lambda _record: self.refresh())
        view.status_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        cast(QPlainTextEdit, view.fields.widget("text")).textChanged.connect(self._on_text_changed)
        channel = cast(QComboBox, view.fields.widget("channel"))
        channel.currentIndexChanged.connect(self._on_text_changed)
        view.new_button.clicked.connect(self._on_new)
        view.new_action.triggered.connect(self._on_new)
        view.delete_button.clicked.connect(self._on_delete)
        view.delete_action.triggered.connect(self._on_delete)
        self.drafts = DraftsOpener(context, view, self._on_created)
        view.draft_button.clicked.connect(self._on_draft)
        self._on_selected(None)

    @property
    def view(self) -> CommunicationsView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self.editor.set_rows(())
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self._request += 1
        request, initiative_id = self._request, self._initiative_id
        enabled = initiative_id is not None
        self._view.new_button.setEnabled(enabled)
        self._view.new_action.setEnabled(enabled)
        self._view.draft_button.setEnabled(enabled)
        if initiative_id is None:
            self.editor.set_rows(())
            self._view.summary.setText(_("This workspace has no initiative yet."))
            self.loaded.emit()
            return
        status = self._view.status_filter.currentData()
        self._context.runner.run(
            lambda s: load_page(s, initiative_id, status),
            on_success=lambda page: self._on_loaded(request, page, select),
        )

    def _on_loaded(self, request: int, page: CommunicationsPage, select: int | None) -> None:
        if request != self._request:
            return
        today = self._context.now().astimezone().date()
        public = _since(page.last_posted.get(Audience.PUBLIC), today)
        staff = _since(page.last_posted.get(Audience.STAFF), today)
        view = self._view
        view.summary.setText(
            _("Last public update posted {public}; last staff update {staff}.").format(
                public=public, staff=staff
            )
        )
        view.count_label.setText(count_of(len(page.log), "{n} update", "{n} updates"))
        self.editor.set_rows(page.log, select=select)
        self.loaded.emit()

    def _on_selected(self, record: CommunicationRecord | None) -> None:
        view = self._view
        view.empty_label.setVisible(record is None)
        view.delete_button.setEnabled(record is not None)
        view.delete_action.setEnabled(record is not None)
        view.editor_title.setText(
            _("Update: {channel}").format(channel=record.channel.label)
            if record
            else pgettext("communication", "Update")
        )
        self._on_text_changed()

    def _on_text_changed(self) -> None:
        fields = self._view.fields
        record = self.editor.current_id
        text = fields.value("text") if record is not None else ""
        self._view.length_label.setText(length_text(text, fields.value("channel")) if text else "")

    def _on_new(self) -> None:
        initiative_id = self._initiative_id
        if initiative_id is None:
            return
        text = TextPrompt.ask(self._view, _("New update"), _("&Text of the update:"))
        if text is None:
            return
        today = self._context.now().astimezone().date()
        self._writer.write(
            lambda s: create_communication(
                s, initiative_id, Channel.SOCIAL_MEDIA, text, planned_on=today
            ),
            done=_("Saved: a new draft update"),
            on_saved=self._on_created,
        )

    def _on_draft(self) -> None:
        if self._initiative_id is not None:
            self.drafts.open(self._initiative_id)

    def _on_created(self, record: CommunicationRecord) -> None:
        if self._view.status_filter.currentData() not in (None, record.status.value):
            self._view.status_filter.setCurrentIndex(0)
        self.refresh(select=record.id)

    def _on_delete(self) -> None:
        record = self.editor.current_row
        if record is None:
            return
        if not Confirmation.ask(
            self._view, _("Delete update"), _("Delete this update from the log?")
        ):
            return
        self._writer.write(
            lambda s: edit_only(delete_communication(s, record.id)),
            done=_("Deleted the update"),
            on_saved=lambda _deleted: self.refresh(),
        )
