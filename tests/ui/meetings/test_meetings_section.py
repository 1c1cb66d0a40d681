"""The Meetings section driven as a user would: list, open, edit, plan, cancel, undo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AttendanceStatus,
    Cadence,
    MeetingMode,
    MeetingStatus,
    MemberRole,
    ReportKind,
    TeamKind,
)
from cs360desk.domain.errors import NotFoundError
from cs360desk.i18n.formats import month_year
from cs360desk.services import catalog
from cs360desk.services.meeting_planning import CLOSING, OPENING, REVIEW
from cs360desk.ui.meetings.controller import MeetingsController
from cs360desk.ui.meetings.dialogs import ActionItemDialog, Confirmation, NewActionItem

pytestmark = pytest.mark.gui
DAY = timedelta(days=1)


@dataclass(frozen=True)
class World:
    initiative: int
    team: int
    steering: int
    members: tuple[int, ...]  # Ana, Bảo, Carmen (chair)
    past: int
    upcoming: int
    steering_meeting: int


def _month_title(when: datetime) -> str:
    return f"PST monthly meeting — {month_year(when)}"


def _build_world(workspace: Workspace, now: datetime) -> World:
    with workspace.session_factory.begin() as s:
        catalog.AGENCY.create(s, name="Riverside Police Department")
        sergeant = catalog.PERSON.create(
            s, full_name="Sgt. Dana Whitfield", affiliation=Affiliation.DEPARTMENT
        )
        initiative = catalog.INITIATIVE.create(
            s, name="Eastside", started_on=date(2025, 1, 6), champion_id=sergeant.id
        )
        add_team = catalog.TEAM.create
        team = add_team(
            s,
            initiative_id=initiative.id,
            name="Eastside PST",
            kind=TeamKind.PROBLEM_SOLVING_TEAM,
            cadence=Cadence.MONTHLY,
        )
        steering = add_team(
            s, initiative_id=initiative.id, name="Steering", kind=TeamKind.STEERING_COMMITTEE
        )
        members = []
        for name, role in (
            ("Ana Ruiz", MemberRole.MEMBER),
            ("Bảo Trần", MemberRole.MEMBER),
            ("Carmen Díaz", MemberRole.CHAIR),
        ):
            person = catalog.PERSON.create(s, full_name=name)
            catalog.MEMBERSHIP.create(s, team_id=team.id, person_id=person.id, role=role)
            members.append(person.id)
        gone = catalog.PERSON.create(s, full_name="Left Long Ago")
        catalog.MEMBERSHIP.create(s, team_id=team.id, person_id=gone.id, left_on=date(2025, 3, 1))
        meeting = catalog.MEETING.create
        past = meeting(
            s,
            team_id=team.id,
            title=_month_title(now - 10 * DAY),
            starts_at=now - 10 * DAY,
            mode=MeetingMode.HYBRID,
            location="City Hall",
            video_link="https://meet.example.org/pst",
            status=MeetingStatus.HELD,
        )
        for position, title in enumerate(("Welcome", "Hot spots", "Next steps")):
            catalog.AGENDA_ITEM.create(s, meeting_id=past.id, title=title, position=position)
        for person, status in zip(members, ("present", "present", "absent"), strict=True):
            catalog.ATTENDANCE.create(s, meeting_id=past.id, person_id=person, status=status)
        upcoming = meeting(
            s, team_id=team.id, title="PST monthly meeting — Next", starts_at=now + 5 * DAY
        )
        steering_meeting = meeting(
            s, team_id=steering.id, title="Steering — Next", starts_at=now + 12 * DAY
        )
        action = catalog.ACTION_ITEM.create
        action(
            s,
            initiative_id=initiative.id,
            title="Map the shots-fired calls",
            team_id=team.id,
            owner_id=members[0],
        )
        action(
            s,
            initiative_id=initiative.id,
            title="Already done",
            team_id=team.id,
            status=ActionStatus.DONE,
        )
    return World(
        initiative.id,
        team.id,
        steering.id,
        tuple(members),
        past.id,
        upcoming.id,
        steering_meeting.id,
    )


@pytest.fixture
def world(workspace: Workspace, now: datetime) -> World:
    return _build_world(workspace, now)


@pytest.fixture
def section(qtbot: QtBot, harness, world: World) -> Iterator[MeetingsController]:
    controller = MeetingsController(harness.context)
    qtbot.addWidget(controller.view)
    controller.view.resize(1280, 800)
    controller.view.show()
    qtbot.waitExposed(controller.view)
    controller.show_initiative(world.initiative)
    _settle(qtbot, harness, controller)
    yield controller
    harness.runner.shutdown()


def _settle(qtbot: QtBot, harness, controller: MeetingsController) -> None:
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: controller.data is not None and not harness.runner.busy)


def _open(qtbot: QtBot, harness, section: MeetingsController, meeting_id: int) -> None:
    """Choose the meeting in the list, as a click would, switching to past ones if needed."""
    model = section.view.list_model
    if model.row_of(meeting_id) < 0:
        other = section.view.past_button if section.view.upcoming else section.view.upcoming_button
        other.click()
        _settle(qtbot, harness, section)
    qtbot.waitUntil(lambda: model.row_of(meeting_id) >= 0)
    section.view.table.setCurrentIndex(model.index(model.row_of(meeting_id), 0))
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: section.editor.meeting_id == meeting_id)
    harness.wait_idle(qtbot)


def _finish(qtbot: QtBot, harness, editor_widget) -> None:
    """Leave a field the way a user does, which is when it saves."""
    editor_widget.setFocus()
    editor_widget.clearFocus()
    harness.wait_idle(qtbot)


def _stored(workspace: Workspace, service, record_id: int):
    with workspace.session_factory.begin() as s:
        return service.get(s, record_id)


# --- the list ----------------------------------------------------------------------------


def test_upcoming_list_opens_the_next_meeting(section, world: World) -> None:
    view = section.view
    assert view.upcoming
    titles = [view.list_model.row_at(r).meeting.title for r in range(view.list_model.rowCount())]
    assert titles == ["PST monthly meeting — Next", "Steering — Next"]
    assert [view.team_box.itemText(i) for i in range(view.team_box.count())] == [
        "All teams",
        "Eastside PST",
        "Steering",
    ]
    # Shown without the user asking: nothing is written, attendance stays empty.
    assert section.editor.meeting_id == world.upcoming
    assert view.editor.attendance_model.rowCount() == 0


def test_past_toggle_and_team_filter(qtbot, harness, section, world: World) -> None:
    view = section.view
    view.past_button.click()
    _settle(qtbot, harness, section)
    assert view.list_model.rowCount() == 1
    assert view.list_model.index(0, 6).data() == "2 present / 1 absent"
    assert view.list_model.index(0, 4).data() == "City Hall + video link"
    view.upcoming_button.click()
    view.team_box.setCurrentIndex(view.team_box.findData(world.steering))
    view.team_box.activated.emit(view.team_box.currentIndex())
    _settle(qtbot, harness, section)
    assert [view.list_model.row_at(r).meeting.id for r in range(view.list_model.rowCount())] == [
        world.steering_meeting
    ]


def test_open_record_switches_toggle_and_team(qtbot, harness, section, world: World) -> None:
    view = section.view
    view.team_box.setCurrentIndex(view.team_box.findData(world.steering))
    view.team_box.activated.emit(view.team_box.currentIndex())
    _settle(qtbot, harness, section)
    section.open_record("meeting", world.past)
    qtbot.waitUntil(lambda: section.editor.meeting_id == world.past)
    harness.wait_idle(qtbot)
    assert not view.upcoming and view.past_button.isChecked()
    assert view.team_id == world.team
    assert view.table.currentIndex().row() == view.list_model.row_of(world.past)
    assert view.editor.heading.text() == _month_title(harness.context.now() - 10 * DAY)


# --- attendance --------------------------------------------------------------------------


def test_opening_fills_attendance_then_mark_absent_and_add_guest(
    qtbot, harness, section, world: World, workspace
) -> None:
    view = section.view
    _open(qtbot, harness, section, world.steering_meeting)  # a team without members
    _open(qtbot, harness, section, world.upcoming)
    model = view.editor.attendance_model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [model.line_at(r).name for r in range(3)] == ["Ana Ruiz", "Bảo Trần", "Carmen Díaz"]
    assert all(model.line_at(r).record.status is AttendanceStatus.PRESENT for r in range(3))
    assert "Attendance filled from the team" in harness.statuses
    assert harness.history.can_undo()

    assert model.setData(model.index(1, 2), "absent", Qt.ItemDataRole.EditRole)
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.line_at(1).record.status is AttendanceStatus.ABSENT)
    assert view.editor.attendance_summary.text() == "2 present · 1 absent"
    assert harness.statuses[-1] == "Saved"

    view.editor.guest_edit.setText("María López (Eastside Neighbors)")
    view.editor.add_guest_button.click()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    guest = model.line_at(3)
    assert (guest.name, guest.is_guest) == ("María López (Eastside Neighbors)", True)
    assert view.editor.guest_edit.text() == ""
    assert view.list_model.index(view.list_model.row_of(world.upcoming), 6).data() == (
        "3 present / 1 absent"
    )


def test_a_guest_needs_a_name(qtbot, harness, section) -> None:
    editor = section.view.editor
    editor.tabs.setCurrentIndex(2)
    editor.add_guest_button.click()
    harness.wait_idle(qtbot)
    assert editor.guest_box.has_error
    assert editor.guest_box.error.text() == "Type the guest's name first."


def test_fill_from_team_after_removing_someone(qtbot, harness, section, world) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    model = editor.attendance_model
    editor.attendance_table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(editor.attendance_table, Qt.Key.Key_Delete)
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    editor.fill_button.click()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert model.line_at(0).name == "Ana Ruiz"


# --- the meeting's fields ----------------------------------------------------------------


def test_minutes_and_decisions_save_when_left(qtbot, harness, section, world, workspace) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    editor.tabs.setCurrentIndex(3)
    editor.minutes_edit.setPlainText("Ten residents came.\nThe chief asked for a map.")
    editor.minutes_edit.editing_finished.emit()
    editor.decisions_edit.setPlainText("Walk Alameda St on Fridays — all agreed.")
    editor.decisions_edit.editing_finished.emit()
    harness.wait_idle(qtbot)
    stored = _stored(workspace, catalog.MEETING, world.past)
    assert stored.minutes_summary == "Ten residents came.\nThe chief asked for a map."
    assert stored.decisions == "Walk Alameda St on Fridays — all agreed."
    assert harness.statuses[-2:] == ["Saved", "Saved"]
    harness.history.undo()
    harness.wait_idle(qtbot)
    section.refresh()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: editor.decisions_edit.toPlainText() == "")
    assert editor.minutes_edit.toPlainText().startswith("Ten residents")


def test_a_refused_title_keeps_what_was_typed(qtbot, harness, section, world, workspace) -> None:
    editor = section.view.editor
    editor.title_edit.setText("   ")
    editor.title_edit.editingFinished.emit()
    harness.wait_idle(qtbot)
    box = editor.fields["title"]
    assert box.has_error and "must not be empty" in box.error.text()
    assert editor.title_edit.text() == "   "
    assert editor.title_edit.property("invalid") is True
    assert _stored(workspace, catalog.MEETING, world.upcoming).title == "PST monthly meeting — Next"
    editor.title_edit.setText("PST — budget special")
    editor.title_edit.editingFinished.emit()
    harness.wait_idle(qtbot)
    assert not box.has_error
    assert _stored(workspace, catalog.MEETING, world.upcoming).title == "PST — budget special"
    assert editor.heading.text() == "PST — budget special"


def test_date_and_time_are_edited_in_local_time(qtbot, harness, section, world, workspace):
    editor = section.view.editor
    local = QDateTime.currentDateTime().addDays(20)
    local.setTime(local.time().fromString("19:30", "HH:mm"))
    editor.starts_edit.setDateTime(local)
    editor.starts_edit.editingFinished.emit()
    harness.wait_idle(qtbot)
    stored = _stored(workspace, catalog.MEETING, world.upcoming).starts_at
    assert stored.timestamp() == local.toSecsSinceEpoch()
    assert stored.astimezone().strftime("%H:%M") == "19:30"


def test_cancelling_a_held_meeting_through_the_status_is_refused(
    qtbot, harness, section, world, workspace
) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    assert not editor.cancel_button.isEnabled()  # held: the button is off
    editor.status_box.setCurrentIndex(editor.status_box.findData("cancelled"))
    editor.status_box.activated.emit(editor.status_box.currentIndex())
    harness.wait_idle(qtbot)
    assert "held" in editor.fields["status"].error.text()
    assert _stored(workspace, catalog.MEETING, world.past).status is MeetingStatus.HELD


# --- the agenda --------------------------------------------------------------------------


def _agenda_titles(workspace: Workspace, meeting_id: int) -> list[str]:
    with workspace.session_factory.begin() as s:
        items = catalog.AGENDA_ITEM.list(s, meeting_id=meeting_id)
    return [item.title for item in items]


def test_add_an_agenda_item_and_move_it_by_keyboard(
    qtbot, harness, section, world, workspace
) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    editor.tabs.setCurrentIndex(1)
    table, model = editor.agenda_table, editor.agenda_model
    editor.add_item_button.click()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert table.currentIndex().row() == 3
    assert table.state() == table.State.EditingState  # ready for the title
    QApplication.focusWidget().clearFocus()
    assert model.setData(model.index(3, 1), "Budget request", Qt.ItemDataRole.EditRole)
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: model.line_at(3).item.title == "Budget request")

    table.setFocus()
    table.setCurrentIndex(model.index(3, 1))
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    harness.wait_idle(qtbot)
    expected = ["Welcome", "Budget request", "Hot spots", "Next steps"]
    qtbot.waitUntil(lambda: _agenda_titles(workspace, world.past) == expected)
    qtbot.waitUntil(lambda: model.line_at(1).item.title == "Budget request")
    assert table.currentIndex().row() == 1  # the moved item stays selected
    assert "Agenda item moved to position 2" in harness.statuses

    harness.history.undo()
    harness.wait_idle(qtbot)
    assert _agenda_titles(workspace, world.past) == [
        "Welcome",
        "Hot spots",
        "Budget request",
        "Next steps",
    ]


def test_drag_and_drop_reorders_and_is_saved(qtbot, harness, section, world, workspace) -> None:
    _open(qtbot, harness, section, world.past)
    model = section.view.editor.agenda_model
    data = model.mimeData([model.index(0, 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(2, 0))
    harness.wait_idle(qtbot)
    assert _agenda_titles(workspace, world.past) == ["Hot spots", "Next steps", "Welcome"]
    qtbot.waitUntil(lambda: model.line_at(2).item.title == "Welcome")


def test_agenda_notes_presenter_and_removal(qtbot, harness, section, world, workspace) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    table, model = editor.agenda_table, editor.agenda_model
    table.setCurrentIndex(model.index(1, 1))
    item_id = model.line_at(1).item.id
    editor.notes_edit.setPlainText("Three blocks on Alameda St.\nBring the map.")
    editor.notes_edit.editing_finished.emit()
    assert model.setData(model.index(1, 2), world.members[1], Qt.ItemDataRole.EditRole)
    harness.wait_idle(qtbot)
    stored = _stored(workspace, catalog.AGENDA_ITEM, item_id)
    assert stored.notes == "Three blocks on Alameda St.\nBring the map."
    assert stored.presenter_id == world.members[1]
    qtbot.waitUntil(lambda: model.index(1, 2).data() == "Bảo Trần")
    assert model.index(1, 3).data() == "Three blocks on Alameda St. …"

    table.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    harness.wait_idle(qtbot)
    assert _agenda_titles(workspace, world.past) == ["Welcome", "Next steps"]
    qtbot.waitUntil(lambda: model.rowCount() == 2)


def test_a_refused_agenda_title_is_shown_with_the_reason(qtbot, harness, section, world) -> None:
    _open(qtbot, harness, section, world.past)
    editor = section.view.editor
    editor.tabs.setCurrentIndex(1)
    model = editor.agenda_model
    model.setData(model.index(0, 1), "", Qt.ItemDataRole.EditRole)
    harness.wait_idle(qtbot)
    assert editor.agenda_error.isVisible()
    assert "must not be empty" in editor.agenda_error.text()
    assert "Not saved" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


# --- meeting actions ---------------------------------------------------------------------


def test_ctrl_n_schedules_a_meeting_for_the_chosen_team(qtbot, harness, section, world) -> None:
    view = section.view
    view.team_box.setCurrentIndex(view.team_box.findData(world.team))
    view.team_box.activated.emit(view.team_box.currentIndex())
    _settle(qtbot, harness, section)
    view.activateWindow()
    qtbot.waitActive(view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.list_model.rowCount() == 2)
    new_id = section.editor.meeting_id
    assert new_id not in (world.upcoming, world.past)
    meeting = section.editor.meeting
    assert meeting.team_id == world.team and meeting.status is MeetingStatus.SCHEDULED
    assert meeting.title.startswith("PST monthly meeting — ")
    assert view.editor.title_edit.hasFocus()
    assert harness.history.can_undo()


def test_new_action_item_from_the_meeting(
    qtbot, harness, section, world, workspace, monkeypatch
) -> None:
    _open(qtbot, harness, section, world.past)
    asked: list[tuple[str, int]] = []

    def ask(cls, parent, people, *, meeting_title, today):
        asked.append((meeting_title, len(people)))
        return NewActionItem("Ask the school for the bell schedule", world.members[1], today)

    monkeypatch.setattr(ActionItemDialog, "ask", classmethod(ask))
    section.view.editor.new_action_button.click()
    harness.wait_idle(qtbot)
    assert asked[0][0] == section.editor.meeting.title
    with workspace.session_factory.begin() as s:
        (item,) = catalog.ACTION_ITEM.list(s, source_meeting_id=world.past)
    assert (item.title, item.team_id, item.owner_id, item.initiative_id) == (
        "Ask the school for the bell schedule",
        world.team,
        world.members[1],
        world.initiative,
    )
    assert harness.statuses[-1] == "Action item added: Ask the school for the bell schedule"


def test_schedule_next_carries_open_items_forward(qtbot, harness, section, world) -> None:
    view = section.view
    _open(qtbot, harness, section, world.past)
    view.editor.schedule_next_button.click()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: section.editor.meeting_id not in (None, world.past))
    harness.wait_idle(qtbot)
    meeting = section.editor.meeting
    assert meeting.status is MeetingStatus.SCHEDULED and meeting.location == "City Hall"
    assert view.upcoming  # the new meeting is still to come, so the list switched
    assert view.table.currentIndex().row() == view.list_model.row_of(meeting.id)
    assert view.editor.tabs.currentIndex() == 1  # the agenda, to see what carried over
    model = view.editor.agenda_model
    titles = [model.line_at(r).item.title for r in range(model.rowCount())]
    assert titles == [OPENING, REVIEW, "Map the shots-fired calls", CLOSING]
    assert model.index(2, 2).data() == "Ana Ruiz"
    assert model.index(0, 2).data() == "Carmen Díaz"  # the chair opens


def test_cancel_meeting_keeps_it_listed(
    qtbot, harness, section, world, workspace, monkeypatch
) -> None:
    answers = iter([False, True])
    monkeypatch.setattr(Confirmation, "ask", classmethod(lambda cls, *a: next(answers)))
    editor = section.view.editor
    editor.cancel_button.click()  # "Keep it"
    harness.wait_idle(qtbot)
    assert _stored(workspace, catalog.MEETING, world.upcoming).status is MeetingStatus.SCHEDULED
    editor.cancel_button.click()
    harness.wait_idle(qtbot)
    assert _stored(workspace, catalog.MEETING, world.upcoming).status is MeetingStatus.CANCELLED
    model = section.view.list_model
    qtbot.waitUntil(lambda: model.index(model.row_of(world.upcoming), 5).data() == "Cancelled")
    assert editor.status_box.currentData() == "cancelled"
    assert not editor.cancel_button.isEnabled()


def test_mark_held_is_refused_before_the_meeting(qtbot, harness, section, world, workspace):
    editor = section.view.editor
    editor.mark_held_button.click()
    harness.wait_idle(qtbot)
    assert editor.general_error.isVisible()
    assert "not started yet" in editor.general_error.text()
    _open(qtbot, harness, section, world.past)
    assert not editor.mark_held_button.isEnabled()


def test_delete_meeting_then_undo(qtbot, harness, section, world, workspace, monkeypatch):
    monkeypatch.setattr(Confirmation, "ask", classmethod(lambda cls, *a: True))
    _open(qtbot, harness, section, world.past)
    view = section.view
    view.editor.delete_button.click()
    harness.wait_idle(qtbot)
    with pytest.raises(NotFoundError), workspace.session_factory.begin() as s:
        catalog.MEETING.get(s, world.past)
    qtbot.waitUntil(lambda: view.list_model.row_of(world.past) < 0)

    harness.history.undo()
    harness.wait_idle(qtbot)
    section.refresh()  # the main window refreshes every section after undo
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: view.list_model.row_of(world.past) >= 0)
    assert _agenda_titles(workspace, world.past) == ["Welcome", "Hot spots", "Next steps"]
    assert view.list_model.index(view.list_model.row_of(world.past), 6).data() == (
        "2 present / 1 absent"
    )


# --- keyboard and screen readers ---------------------------------------------------------


def test_every_control_has_an_accessible_name(section) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
    )

    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QPlainTextEdit)
    found = [w for kind in (*kinds, QLineEdit) for w in section.view.findChildren(kind)]
    controls = [
        w
        for w in found
        # Parts of other controls: a spin box's line edit, a table's header, a combo's popup.
        if not (isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox))
        and not isinstance(w, QHeaderView)
        and w.window() is section.view
        and not w.objectName().startswith("qt_")
    ]
    unnamed = [
        (type(w).__name__, w.objectName(), type(w.parent()).__name__)
        for w in controls
        if not w.accessibleName()
    ]
    assert len(controls) > 25
    assert unnamed == [], unnamed


def _next_tab_stop(widget):
    following = widget.nextInFocusChain()
    while not following.focusPolicy() & Qt.FocusPolicy.TabFocus or not following.isVisible():
        following = following.nextInFocusChain()
    return following


def test_tab_order_goes_filters_list_actions_tabs_fields(section) -> None:
    view, editor = section.view, section.view.editor
    order = [view.team_box]
    for _ in range(14):
        order.append(_next_tab_stop(order[-1]))
    assert order[:14] == [
        view.team_box,
        view.upcoming_button,
        view.past_button,
        view.new_button,
        view.table,
        editor.mark_held_button,
        editor.schedule_next_button,
        editor.new_action_button,
        editor.agenda_pdf_button,
        editor.minutes_pdf_button,
        editor.cancel_button,
        editor.delete_button,
        editor.tabs.tabBar(),
        editor.title_edit,
    ]


def test_undoing_a_scheduled_meeting_closes_it_quietly(qtbot, harness, section, world) -> None:
    _open(qtbot, harness, section, world.past)
    section.view.editor.schedule_next_button.click()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: section.editor.meeting_id not in (None, world.past))
    created = section.editor.meeting_id
    harness.history.undo()
    harness.wait_idle(qtbot)
    section.refresh()
    harness.wait_idle(qtbot)
    model = section.view.list_model
    assert model.row_of(created) < 0
    assert section.editor.meeting_id in (world.upcoming, world.steering_meeting)
    assert harness.failures == []


def test_new_meeting_for_all_teams_goes_to_the_problem_solving_team(
    qtbot, harness, section, world
) -> None:
    section.editor.clear()
    section.view.new_action.trigger()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: section.editor.meeting is not None)
    assert section.editor.meeting.team_id == world.team
    assert section.view.team_id is None  # the filter stays on all teams


# --- agenda and minutes are one click away -------------------------------------------------


@pytest.mark.parametrize(
    ("button", "kind", "heading"),
    [
        ("agenda_pdf_button", ReportKind.AGENDA, "Meeting agenda"),
        ("minutes_pdf_button", ReportKind.MINUTES, "Meeting minutes"),
    ],
)
def test_agenda_and_minutes_open_from_the_editor(
    qtbot, harness, section, world: World, button: str, kind: ReportKind, heading: str
) -> None:
    _open(qtbot, harness, section, world.past)
    getattr(section.view.editor, button).click()
    dialog = section.report_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.output.generated, timeout=30_000):
        pass
    assert dialog.windowTitle() == heading
    assert len(dialog.preview.page_labels) >= 1
    dialog.close()
    assert harness.failures == []
