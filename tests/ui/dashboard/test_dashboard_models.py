"""The dashboard's table models, checked with qtmodeltester and without any window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from cs360desk.domain.enums import MeetingMode, MeetingStatus
from cs360desk.domain.records import MeetingRecord
from cs360desk.domain.views import ActionItemRow, UpcomingMeeting
from cs360desk.ui.common.table_models import SORT_ROLE
from cs360desk.ui.dashboard.models import OverdueItemTableModel, UpcomingMeetingTableModel
from tests.ui.record_support import open_action_item

pytestmark = pytest.mark.gui
TODAY = date(2025, 6, 30)
STAMP = datetime(2025, 6, 1, tzinfo=UTC)


def _row(item_id: int, title: str, due: date | None, owner: str = "Ana Ruiz") -> ActionItemRow:
    item = open_action_item(item_id, title=title, due_on=due, updated_at=STAMP)
    return ActionItemRow(item, owner, "Eastside PST", "", "", overdue=True)


def _meeting(meeting_id: int, title: str, days_ahead: int, location: str) -> UpcomingMeeting:
    meeting = MeetingRecord(
        id=meeting_id,
        team_id=1,
        title=title,
        starts_at=STAMP + timedelta(days=days_ahead, hours=18),
        duration_minutes=90,
        mode=MeetingMode.IN_PERSON if location else MeetingMode.VIRTUAL,
        location=location,
        video_link="" if location else "https://meet.example/pst",
        status=MeetingStatus.SCHEDULED,
        minutes_summary="",
        decisions="",
        updated_at=STAMP,
        version=1,
    )
    return UpcomingMeeting(meeting, "Eastside PST")


ROWS = [
    _row(1, "Call the housing authority", TODAY - timedelta(days=3)),
    _row(2, "<b>Map</b> the hot spots", TODAY - timedelta(days=40), owner="Nguyễn Thị Lan"),
    _row(3, "Draft the survey", TODAY - timedelta(days=12), owner=""),
]


def _column(model: OverdueItemTableModel, header: str) -> int:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(header)


def _texts(model: OverdueItemTableModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_overdue_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = OverdueItemTableModel(TODAY)
    qtmodeltester.check(model)
    model.show_items(ROWS, TODAY)
    qtmodeltester.check(model)
    model.sort(_column(model, "Days overdue"), Qt.SortOrder.DescendingOrder)
    model.show_items([], TODAY)


def test_overdue_model_shows_the_rows_as_typed(qtbot: object) -> None:
    model = OverdueItemTableModel(TODAY)
    model.show_items(ROWS, TODAY)
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    assert _texts(model, _column(model, "Title"))[1] == "<b>Map</b> the hot spots"
    assert _texts(model, _column(model, "Owner")) == ["Ana Ruiz", "Nguyễn Thị Lan", "(no owner)"]
    assert _texts(model, _column(model, "Days overdue")) == ["3", "40", "12"]
    assert model.index(0, _column(model, "Due")).data(SORT_ROLE) == TODAY - timedelta(days=3)


def test_overdue_model_sorts_by_days_as_numbers(qtbot: object) -> None:
    model = OverdueItemTableModel(TODAY)
    model.show_items(ROWS, TODAY)
    days = _column(model, "Days overdue")
    model.sort(days, Qt.SortOrder.DescendingOrder)
    assert _texts(model, days) == ["40", "12", "3"]
    model.sort(days, Qt.SortOrder.AscendingOrder)
    assert _texts(model, days) == ["3", "12", "40"]
    model.sort(_column(model, "Title"), Qt.SortOrder.AscendingOrder)
    assert _texts(model, 0)[0] == "<b>Map</b> the hot spots"


def test_sort_keeps_persistent_indexes_on_their_rows(qtbot: object) -> None:
    model = OverdueItemTableModel(TODAY)
    model.show_items(ROWS, TODAY)
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(1, 0))
    model.sort(_column(model, "Days overdue"), Qt.SortOrder.AscendingOrder)
    assert kept.data() == "<b>Map</b> the hot spots"
    assert kept.row() == 2


def test_items_without_a_due_date_sort_last_both_ways(qtbot: object) -> None:
    model = OverdueItemTableModel(TODAY)
    model.show_items([*ROWS, _row(4, "No date", None)], TODAY)
    due = _column(model, "Due")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(due, order)
        assert model.index(3, 0).data() == "No date"


def test_upcoming_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = UpcomingMeetingTableModel()
    model.set_rows(
        [_meeting(1, "June PST meeting", 3, "Library, room 2"), _meeting(2, "Check-in", 1, "")]
    )
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 2).data() == "Check-in"
    assert model.index(0, 4).data() == "Video link"
    assert model.index(0, 3).data() == "Virtual"
