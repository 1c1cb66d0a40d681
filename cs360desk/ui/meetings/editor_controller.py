"""Behaviour of the meeting editor: load a meeting, save each field as soon as it is edited."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import MeetingStatus
from cs360desk.domain.errors import (
    NotFoundError,
    UserFacingError,
    ValidationError,
    field_label,
)
from cs360desk.domain.meeting_views import MeetingSheet
from cs360desk.domain.records import MeetingRecord
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import MEETING
from cs360desk.services.meeting_planning import prefill_attendance, set_meeting_status
from cs360desk.services.meetings import meeting_sheet
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.meetings.agenda_controller import AgendaController
from cs360desk.ui.meetings.attendance_controller import AttendanceController
from cs360desk.ui.meetings.editor import MeetingEditorView


def load_sheet(session: WorkSession, meeting_id: int, *, fill: bool) -> tuple[MeetingSheet, Edit]:
    """The meeting, its attendance first filled from the team when it has none yet."""
    sheet = meeting_sheet(session, meeting_id)
    cancelled = sheet.detail.meeting.status is MeetingStatus.CANCELLED
    if not fill or sheet.detail.attendance or cancelled:
        return sheet, Edit("", ())
    edit = prefill_attendance(session, meeting_id)
    return (meeting_sheet(session, meeting_id) if edit else sheet), edit


def problem_text(error: UserFacingError) -> str:
    if isinstance(error, ValidationError):
        return _("Not saved: {field} {problem}").format(
            field=field_label(error.field), problem=error.problem
        )
    return _("Not saved: {problem}").format(problem=error)


class MeetingEditorController(QObject):
    """`changed` fires when something the meeting list shows may have changed."""

    changed = Signal()
    loaded = Signal()

    def __init__(
        self, view: MeetingEditorView, context: SectionContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._context = context
        self.writer = EditWriter(context)
        self.sheet: MeetingSheet | None = None
        self._request = 0
        self._filled: set[int] = set()  # never refill what the user emptied or undid
        self.agenda = AgendaController(self, view, self.writer, self)
        self.attendance = AttendanceController(self, view, self.writer, self)
        view.form.edited.connect(self._on_field_edited)

    @property
    def meeting_id(self) -> int | None:
        return self.sheet.detail.meeting.id if self.sheet else None

    @property
    def meeting(self) -> MeetingRecord | None:
        return self.sheet.detail.meeting if self.sheet else None

    def open(self, meeting_id: int, *, fill_attendance: bool = True) -> None:
        fill = fill_attendance and meeting_id not in self._filled
        if fill:
            self._filled.add(meeting_id)
        self._request += 1
        request = self._request
        self._context.runner.run(
            lambda s: load_sheet(s, meeting_id, fill=fill),
            on_success=lambda result: self._on_opened(request, result),
            on_failure=lambda error: self._on_open_failed(request, error),
        )

    def reload(self) -> None:
        """Everything again, the form too (after undo or redo)."""
        if self.meeting_id is not None:
            self.open(self.meeting_id, fill_attendance=False)

    def clear(self, text: str | None = None) -> None:
        """No meeting open; `text` says why (by default: choose one)."""
        self._request += 1
        self.sheet = None
        self._view.show_empty(text if text is not None else _("Choose a meeting in the list."))

    def _on_opened(self, request: int, result: tuple[MeetingSheet, Edit]) -> None:
        if request != self._request:
            return  # another meeting was chosen meanwhile
        sheet, edit = result
        same = self.meeting_id == sheet.detail.meeting.id
        self.sheet = sheet
        self._view.show_sheet(sheet)
        self.agenda.show(keep_selection=same)
        self.attendance.show()
        if edit:
            self.writer.record(edit)
            self._context.show_status(_("Attendance filled from the team"))
            self.changed.emit()
        self.loaded.emit()

    def _on_open_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(error, NotFoundError):  # deleted, or its creation undone
            self.clear(_("This meeting no longer exists."))
            return
        self.clear(_("This meeting could not be shown."))
        self._context.runner.report_failure(error)

    def reload_parts(self, then: Callable[[], None] | None = None) -> None:
        """Agenda, attendance and heading again; the form keeps what is being typed."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        request = self._request

        def loaded(sheet: MeetingSheet) -> None:
            if request != self._request:
                return
            self.sheet = sheet
            self._view.show_parts(sheet)
            self.agenda.show(keep_selection=True)
            self.attendance.show()
            if then is not None:
                then()
            self.changed.emit()
            self.loaded.emit()

        self.writer.read(lambda s: meeting_sheet(s, meeting_id), loaded)

    def show_status(self, text: str) -> None:
        self._context.show_status(text)

    def show_problem(self, error: UserFacingError) -> None:
        """Why an action on the whole meeting was refused, above its tabs."""
        text = error.problem if isinstance(error, ValidationError) else str(error)
        label = self._view.general_error
        label.setText(text[:1].upper() + text[1:])
        label.show()

    # The meeting's own fields

    def _on_field_edited(self, name: str) -> None:
        meeting = self.meeting
        if meeting is not None:
            self._save_field(meeting.id, name, self._view.form.value(name))

    def _save_field(self, meeting_id: int, name: str, value: Any) -> None:
        now: datetime = self._context.now()

        def job(session: WorkSession) -> tuple[MeetingRecord, Edit]:
            if name == "status":
                return set_meeting_status(session, meeting_id, value, now=now)
            return edits.update(session, MEETING, meeting_id, **{name: value})

        self.writer.write(
            job,
            done=_("Saved"),
            on_saved=lambda record: self._on_field_saved(name, value, record),
            on_refused=lambda error: self._on_field_refused(meeting_id, name, error),
        )

    def _on_field_saved(self, name: str, value: Any, record: MeetingRecord) -> None:
        if self.meeting_id != record.id:
            self.changed.emit()  # saved as the user moved on: the list still shows it
            return
        self.update_meeting(record)
        self._view.form.mark_saved(name, value)

    def update_meeting(self, record: MeetingRecord) -> None:
        """A newer copy of the open meeting, saved elsewhere in the section."""
        if self.sheet is None or self.meeting_id != record.id:
            return
        detail = dataclasses.replace(self.sheet.detail, meeting=record)
        self.sheet = dataclasses.replace(self.sheet, detail=detail)
        self._view.show_heading(record, detail.team_name)
        self._view.general_error.hide()
        self.changed.emit()

    def _on_field_refused(self, meeting_id: int, name: str, error: UserFacingError) -> None:
        if self.meeting_id == meeting_id:
            self._view.form.row(name).show_error(problem_text(error), warning_sign=False)

    def show_meeting_fields(self, record: MeetingRecord) -> None:
        """After an action changed the meeting (held, cancelled): its form shows it too."""
        self.update_meeting(record)
        self._view.form.set_value("status", record.status)
        self._view.form.row("status").clear_error()
