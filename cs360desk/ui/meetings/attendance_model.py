"""The attendance table: who was expected or came, and whether present, absent or excused.

The status (and a guest's name) is edited in place; the change is only requested here
(`edit_requested`) and the controller saves it. A refused edit stays shown, marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from cs360desk.domain.enums import AttendanceStatus
from cs360desk.domain.views import AttendanceLine
from cs360desk.i18n import N_, _, count_of, pgettext
from cs360desk.ui.meetings.lines_model import EditedLinesModel, Refused

HEADERS = (N_("Name"), N_("Member or guest"), N_("Status"))
NAME, KIND, STATUS = 0, 1, 2


def status_count(status: AttendanceStatus, count: int) -> str:
    """ "9 present", "1 excused": how many attendees have this status."""
    if status is AttendanceStatus.PRESENT:
        return count_of(count, "{n} present", "{n} present")
    if status is AttendanceStatus.ABSENT:
        return count_of(count, "{n} absent", "{n} absent")
    return count_of(count, "{n} excused", "{n} excused")


def attendance_summary(lines: Sequence[AttendanceLine]) -> str:
    """ "9 present · 2 absent · 1 excused", leaving out the statuses nobody has."""
    counts = {status: 0 for status in AttendanceStatus}
    for line in lines:
        counts[line.record.status] += 1
    parts = [status_count(status, n) for status, n in counts.items() if n]
    return " · ".join(parts) if parts else _("Nobody listed yet.")


class AttendanceTableModel(EditedLinesModel[AttendanceLine]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)

    def set_lines(self, lines: Sequence[AttendanceLine]) -> None:
        self._set_lines(lines)

    def _id_of(self, line: AttendanceLine) -> int:
        return line.record.id

    def _field(self, line: AttendanceLine, column: int) -> str:
        if column == STATUS:
            return "status"
        return "guest_name" if column == NAME and line.is_guest else ""

    def _column_of(self, field: str) -> int:
        return STATUS if field == "status" else NAME

    def _stored(self, line: AttendanceLine, field: str) -> Any:
        return str(getattr(line.record, field))

    def _typed(self, field: str, value: Any) -> Any:
        return str(value)

    def _text(self, line: AttendanceLine, column: int, refused: Refused | None) -> str:
        if column == NAME:
            return line.name if refused is None else str(refused[0])
        if column == KIND:
            return (
                pgettext("attendee", "Guest") if line.is_guest else pgettext("attendee", "Member")
            )
        if refused is not None:
            return AttendanceStatus(refused[0]).label
        return line.record.status.label
