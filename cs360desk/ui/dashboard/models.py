"""The dashboard's two tables: overdue action items and upcoming meetings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject

from cs360desk.domain.views import ActionItemRow, UpcomingMeeting
from cs360desk.i18n import N_, _
from cs360desk.ui.common.formatting import format_date, format_meeting_time
from cs360desk.ui.common.table_models import Column, DtoTableModel


def days_overdue(row: ActionItemRow, today: date) -> int | None:
    due = row.item.due_on
    return None if due is None else max(0, (today - due).days)


class OverdueItemTableModel(DtoTableModel[ActionItemRow]):
    """Title, owner, due date, days overdue and team of each overdue action item."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        super().__init__(
            (
                Column(N_("Title"), lambda r: r.item.title),
                Column(N_("Owner"), lambda r: r.owner_name or _("(no owner)")),
                Column(N_("Due"), lambda r: format_date(r.item.due_on), lambda r: r.item.due_on),
                Column(
                    N_("Days overdue"),
                    lambda r: _text(days_overdue(r, self.today)),
                    lambda r: days_overdue(r, self.today),
                    numeric=True,
                ),
                Column(N_("Team"), lambda r: r.team_name),
            ),
            parent,
        )

    def show_items(self, rows: Sequence[ActionItemRow], today: date) -> None:
        self.today = today
        self.set_rows(rows)


class UpcomingMeetingTableModel(DtoTableModel[UpcomingMeeting]):
    """When, team, title, mode and place of each meeting still to come."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    N_("When"),
                    lambda u: format_meeting_time(u.meeting.starts_at),
                    lambda u: u.meeting.starts_at,
                ),
                Column(N_("Team"), lambda u: u.team_name),
                Column(N_("Title"), lambda u: u.meeting.title),
                Column(N_("Mode"), lambda u: u.meeting.mode.label),
                Column(N_("Location"), _where),
            ),
            parent,
        )


def _where(upcoming: UpcomingMeeting) -> str:
    meeting = upcoming.meeting
    if meeting.location:
        return meeting.location
    return _("Video link") if meeting.video_link else ""


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
