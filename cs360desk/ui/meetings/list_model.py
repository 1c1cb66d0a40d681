"""The meetings table: when, team, title, mode, place, status and attendance of each meeting."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from cs360desk.domain.enums import AttendanceStatus, MeetingStatus
from cs360desk.domain.meeting_views import MeetingRow
from cs360desk.i18n import N_, _, formats
from cs360desk.ui.common.table_models import Column, DtoTableModel
from cs360desk.ui.meetings.attendance_model import status_count


def meeting_time(value: datetime) -> str:
    """Local date and clock time, short: "Dec 9, 2025, 6:00 PM" · "9 dic 2025, 6:00 p.m."."""
    local = value.astimezone()
    return _("{date}, {time}").format(
        date=formats.medium_date(local.date()), time=formats.clock_time(local.time())
    )


def long_meeting_time(value: datetime) -> str:
    """With the weekday: "Tuesday, December 9, 2025, 6:00 PM"."""
    local = value.astimezone()
    return _("{date}, {time}").format(
        date=formats.weekday_date(local.date()), time=formats.clock_time(local.time())
    )


def place_text(row: MeetingRow) -> str:
    """The room, or the video link when there is no room; hybrid meetings say both."""
    meeting = row.meeting
    if meeting.location and meeting.video_link:
        return _("{place} + video link").format(place=meeting.location)
    return meeting.location or meeting.video_link


def attendance_text(row: MeetingRow) -> str:
    if not row.has_attendance:
        return ""
    parts = [
        status_count(AttendanceStatus.PRESENT, row.present),
        status_count(AttendanceStatus.ABSENT, row.absent),
    ]
    if row.excused:
        parts.append(status_count(AttendanceStatus.EXCUSED, row.excused))
    return " / ".join(parts)


class MeetingTableModel(DtoTableModel[MeetingRow]):
    """Cancelled meetings stay listed, in italics and the disabled text colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    N_("When"),
                    lambda r: meeting_time(r.meeting.starts_at),
                    lambda r: r.meeting.starts_at,
                ),
                Column(N_("Team"), lambda r: r.team_name),
                Column(N_("Title"), lambda r: r.meeting.title),
                Column(N_("Mode"), lambda r: r.meeting.mode.label),
                Column(N_("Place or link"), place_text),
                Column(N_("Status"), lambda r: r.meeting.status.label),
                Column(N_("Attendance"), attendance_text, lambda r: (r.present, -r.absent)),
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
