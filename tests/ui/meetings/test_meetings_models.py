"""The Meetings section's table models, checked with qtmodeltester and without any window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs360desk.domain.enums import AttendanceStatus, MeetingMode, MeetingStatus
from cs360desk.domain.meeting_views import MeetingRow, PersonChoice
from cs360desk.domain.records import AgendaItemRecord, AttendanceRecord, MeetingRecord
from cs360desk.domain.views import AgendaLine, AttendanceLine
from cs360desk.ui.meetings.agenda_model import MIME_TYPE, AgendaTableModel
from cs360desk.ui.meetings.attendance_model import AttendanceTableModel, attendance_summary
from cs360desk.ui.meetings.list_model import MeetingTableModel, attendance_text, place_text

pytestmark = pytest.mark.gui
STAMP = datetime(2026, 6, 1, tzinfo=UTC)
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


def _meeting(meeting_id: int, **values: object) -> MeetingRecord:
    fields: dict[str, object] = {
        "id": meeting_id,
        "team_id": 1,
        "title": f"PST monthly meeting {meeting_id}",
        "starts_at": STAMP + timedelta(days=meeting_id),
        "duration_minutes": 90,
        "mode": MeetingMode.IN_PERSON,
        "location": "City Hall",
        "video_link": "",
        "status": MeetingStatus.SCHEDULED,
        "minutes_summary": "",
        "decisions": "",
        "updated_at": STAMP,
        "version": 1,
    }
    fields.update(values)
    return MeetingRecord(**fields)  # type: ignore[arg-type]


def _rows() -> list[MeetingRow]:
    return [
        MeetingRow(_meeting(1, status=MeetingStatus.HELD), "Eastside PST", 9, 2, 1),
        MeetingRow(
            _meeting(2, mode=MeetingMode.VIRTUAL, location="", video_link="https://x.example"),
            "Steering Committee",
            0,
            0,
            0,
        ),
        MeetingRow(_meeting(3, status=MeetingStatus.CANCELLED), "Eastside PST", 0, 0, 0),
    ]


def _agenda() -> list[AgendaLine]:
    def line(item_id: int, position: int, title: str, presenter: int | None) -> AgendaLine:
        item = AgendaItemRecord(item_id, 7, position, title, presenter, "", STAMP, 1)
        return AgendaLine(item, {None: "", 10: "Ana Ruiz", 11: "Bảo Trần"}[presenter])

    return [
        line(21, 0, "Welcome", 10),
        line(22, 4, "Hot spots", 11),
        line(23, 9, "Next meeting", None),
    ]


def _people() -> list[PersonChoice]:
    return [PersonChoice(10, "Ana Ruiz", True), PersonChoice(11, "Bảo Trần", True)]


def _attendance() -> list[AttendanceLine]:
    def line(record_id: int, person: int | None, name: str, status: str) -> AttendanceLine:
        record = AttendanceRecord(
            record_id, 7, person, "" if person else name, AttendanceStatus(status), STAMP, 1
        )
        return AttendanceLine(record, name, person is None)

    return [
        line(31, 10, "Ana Ruiz", "present"),
        line(32, 11, "Bảo Trần", "absent"),
        line(33, None, "María López", "present"),
    ]


def test_meeting_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = MeetingTableModel()
    model.set_rows(_rows())
    qtmodeltester.check(model)
    assert model.index(0, 6).data() == "9 present / 2 absent / 1 excused"
    assert model.index(1, 4).data() == "https://x.example"
    assert model.index(2, 5).data() == "Cancelled"
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.row_of(3) == 2 and model.row_of(99) == -1


def test_attendance_and_place_texts() -> None:
    rows = _rows()
    assert attendance_text(rows[0]) == "9 present / 2 absent / 1 excused"
    assert attendance_text(rows[1]) == ""
    assert attendance_text(MeetingRow(rows[0].meeting, "", 3, 1, 0)) == "3 present / 1 absent"
    hybrid = MeetingRow(_meeting(4, video_link="https://v.example"), "", 0, 0, 0)
    assert place_text(hybrid) == "City Hall + video link"
    assert place_text(rows[0]) == "City Hall"


def test_agenda_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AgendaTableModel()
    model.set_agenda(_agenda(), _people())
    qtmodeltester.check(model)
    # The order as shown, not the stored positions with their gaps.
    assert [model.index(row, 0).data() for row in range(3)] == ["1", "2", "3"]
    assert model.index(1, 2).data() == "Bảo Trần"
    assert model.index(1, 2).data(EDIT) == 11
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable


def test_agenda_edits_are_requested_not_made(qtbot: QtBot) -> None:
    model = AgendaTableModel()
    model.set_agenda(_agenda(), _people())
    with qtbot.waitSignal(model.edit_requested) as asked:
        assert model.setData(model.index(2, 2), 10, EDIT)
    assert asked.args == [23, "presenter_id", 10]
    assert model.index(2, 2).data() == ""  # unchanged until the saved agenda comes back
    with qtbot.assertNotEmitted(model.edit_requested):
        assert not model.setData(model.index(0, 1), "Welcome", EDIT)


def test_a_refused_agenda_edit_stays_shown_and_marked(qtmodeltester: ModelTester) -> None:
    model = AgendaTableModel()
    model.set_agenda(_agenda(), _people())
    model.refuse(22, "title", "  ", "title: must not be empty")
    qtmodeltester.check(model)
    index = model.index(1, 1)
    assert index.data(EDIT) == "  " and index.data() == "  "
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Not saved: title: must not be empty"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "(not saved)" in index.data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.parametrize(
    ("dragged", "row", "onto", "expected"),
    [
        (0, 2, None, (21, 1)),  # between rows 1 and 2: after "Hot spots"
        (2, 0, None, (23, 0)),  # before the first row
        (0, -1, 2, (21, 2)),  # onto the last item: take its place
        (2, -1, None, None),  # onto the empty space below: already last
        (1, 1, None, None),  # dropped where it was
    ],
)
def test_agenda_drop_asks_for_a_move(
    qtbot: QtBot, dragged: int, row: int, onto: int | None, expected: tuple[int, int] | None
) -> None:
    model = AgendaTableModel()
    model.set_agenda(_agenda(), _people())
    data = model.mimeData([model.index(dragged, 1)])
    assert data.hasFormat(MIME_TYPE)
    parent = model.index(onto, 0) if onto is not None else QModelIndex()
    moves: list[tuple[int, int]] = []
    model.move_requested.connect(lambda item, position: moves.append((item, position)))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
    assert moves == ([expected] if expected else [])


def test_agenda_refuses_foreign_drops() -> None:
    model = AgendaTableModel()
    model.set_agenda(_agenda(), _people())
    foreign = QMimeData()
    foreign.setText("21")
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.supportedDropActions() == Qt.DropAction.MoveAction


def test_attendance_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AttendanceTableModel()
    model.set_lines(_attendance())
    qtmodeltester.check(model)
    assert [model.index(row, 1).data() for row in range(3)] == ["Member", "Member", "Guest"]
    assert model.index(1, 2).data() == "Absent" and model.index(1, 2).data(EDIT) == "absent"
    # Only a guest's name is typed here; members' names come from People.
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsEditable


def test_attendance_edits_are_requested_and_refusals_shown(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = AttendanceTableModel()
    model.set_lines(_attendance())
    with qtbot.waitSignal(model.edit_requested) as asked:
        assert model.setData(model.index(0, 2), "excused", EDIT)
    assert asked.args == [31, "status", "excused"]
    model.refuse(33, "guest_name", "", "person: choose a person or type a guest's name")
    qtmodeltester.check(model)
    assert model.index(2, 0).data(DISPLAY) == ""
    assert "Not saved" in model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_attendance_summary() -> None:
    assert attendance_summary(_attendance()) == "2 present · 1 absent"
    assert attendance_summary([]) == "Nobody listed yet."
