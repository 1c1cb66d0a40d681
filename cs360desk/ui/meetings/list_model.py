"""The meetings table: when, team, title, mode, place, status and attendance of each meeting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from cs360desk.domain.enums import MeetingStatus
from cs360desk.domain.meeting_views import MeetingRow
from cs360desk.ui.common.formatting import format_meeting_time
from cs360desk.ui.common.table_models import Column, DtoTableModel


def place_text(row: MeetingRow) -> str:
    """The room, or the video link when there is no room; hybrid meetings say both."""
    meeting = row.meeting
    if meeting.location and meeting.video_link:
        return f"{meeting.location} + video link"
    return meeting.location or meeting.video_link


def attendance_text(row: MeetingRow) -> str:
    if not row.has_attendance:
        return ""
    parts = [f"{row.present} present", f"{row.absent} absent"]
    if row.excused:
        parts.append(f"{row.excused} excused")
    return " / ".join(parts)


class MeetingTableModel(DtoTableModel[MeetingRow]):
    """Cancelled meetings stay listed, in italics and the disabled text colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    "When",
                    lambda r: format_meeting_time(r.meeting.starts_at),
                    lambda r: r.meeting.starts_at,
                ),
                Column("Team", lambda r: r.team_name),
                Column("Title", lambda r: r.meeting.title),
                Column("Mode", lambda r: r.meeting.mode.label),
                Column("Place or link", place_text),
                Column("Status", lambda r: r.meeting.status.label),
                Column("Attendance", attendance_text, lambda r: (r.present, -r.absent)),
            ),
            parent,
        )

    def row_of(self, meeting_id: int) -> int:
        """The row showing this meeting, or -1."""
        for row in range(self.rowCount()):
            if self.row_at(row).meeting.id == meeting_id:
                return row
        return -1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        styled = role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole)
        if styled and index.isValid() and self._is_cancelled(index.row()):
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return super().data(index, role)

    def _is_cancelled(self, row: int) -> bool:
        return self.row_at(row).meeting.status is MeetingStatus.CANCELLED
