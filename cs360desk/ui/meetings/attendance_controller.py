"""Behaviour of the attendance tab: fill from the team, statuses, guests, removal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from cs360desk.domain.enums import AttendanceStatus
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.views import AttendanceLine
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import ATTENDANCE
from cs360desk.services.meeting_planning import prefill_attendance
from cs360desk.ui.common.choice_delegate import ChoiceDelegate
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.meetings.attendance_model import NAME, STATUS
from cs360desk.ui.meetings.editor import MeetingEditorView
from cs360desk.ui.meetings.open_meeting import OpenMeeting
from cs360desk.ui.meetings.tables import TextDelegate


def _status_choices() -> list[tuple[str, Any]]:
    return [(status.label, status.value) for status in AttendanceStatus]


class AttendanceController(QObject):
    def __init__(
        self,
        editor: OpenMeeting,
        view: MeetingEditorView,
        writer: EditWriter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._view = view
        self._writer = writer
        table = view.attendance_table
        table.setItemDelegateForColumn(STATUS, ChoiceDelegate(_status_choices, _("Status"), table))
        table.setItemDelegateForColumn(NAME, TextDelegate(_("Guest name"), table))
        view.attendance_model.edit_requested.connect(self._on_edit_requested)
        table.remove_requested.connect(self._on_remove)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        view.fill_button.clicked.connect(self._on_fill)
        view.add_guest_button.clicked.connect(self._on_add_guest)
        view.guest_edit.returnPressed.connect(self._on_add_guest)
        view.remove_attendee_button.clicked.connect(self._on_remove)

    def show(self) -> None:
        self._view.guest_box.clear_error()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self._view.remove_attendee_button.setEnabled(self.current_line() is not None)

    def current_line(self) -> AttendanceLine | None:
        row = self._view.attendance_table.currentIndex().row()
        model = self._view.attendance_model
        return model.line_at(row) if 0 <= row < model.rowCount() else None

    def _on_fill(self) -> None:
        meeting_id = self._editor.meeting_id
        if meeting_id is None:
            return
        self._writer.write(
            lambda s: edit_only(prefill_attendance(s, meeting_id)),
            done="",
            on_saved=self._on_filled,
            on_refused=self._editor.show_problem,
        )

    def _on_filled(self, added: bool) -> None:
        self._editor.show_status(
            _("Attendance filled from the team") if added else _("Every current member is listed.")
        )
        self._editor.reload_parts()

    def _on_add_guest(self) -> None:
        meeting_id = self._editor.meeting_id
        if meeting_id is None:
            return
        name = self._view.guest_edit.text().strip()
        box = self._view.guest_box
        self._writer.write(
            lambda s: edits.create(s, ATTENDANCE, meeting_id=meeting_id, guest_name=name),
            done=_("Guest added: {name}").format(name=name),
            on_saved=lambda _record: self._on_guest_added(),
            on_refused=lambda error: box.show_error(self._guest_problem(error), warning_sign=False),
        )

    def _guest_problem(self, error: UserFacingError) -> str:
        if not self._view.guest_edit.text().strip():
            return _("Type the guest's name first.")
        return _("Not saved: {problem}").format(problem=error)

    def _on_guest_added(self) -> None:
        self._view.guest_edit.clear()
        self._view.guest_box.clear_error()
        self._editor.reload_parts()

    def _on_remove(self) -> None:
        line = self.current_line()
        if line is None:
            return
        record_id = line.record.id
        self._writer.write(
            lambda s: edit_only(edits.delete(s, ATTENDANCE, record_id)),
            done=_("Removed from the attendance list: {name}").format(name=line.name),
            on_saved=lambda _removed: self._editor.reload_parts(),
            on_refused=self._editor.show_problem,
        )

    def _on_edit_requested(self, record_id: int, field: str, value: Any) -> None:
        model = self._view.attendance_model

        def refused(error: UserFacingError) -> None:
            model.refuse(record_id, field, value, str(error))
            self._editor.show_problem(error)

        self._writer.write(
            lambda s: edits.update(s, ATTENDANCE, record_id, **{field: value}),
            done=_("Saved"),
            on_saved=lambda _record: self._editor.reload_parts(),
            on_refused=refused,
        )
