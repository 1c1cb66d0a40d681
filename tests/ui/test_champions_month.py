"""The champion's month, end to end through the main window over the small sample agency.

A new community member joins the PST; the PST meets (attendance, minutes, decisions, a new
action item), another item gets done, the next meeting carries what is still open, and a
deletion is undone with Ctrl+Z. After each step the services must hold what the widgets show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AttendanceStatus,
    MeetingStatus,
    MemberRole,
    TeamKind,
)
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services import catalog
from cs360desk.services.action_items import count_action_items
from cs360desk.services.meeting_planning import CLOSING, OPENING, REVIEW
from cs360desk.services.meetings import meeting_detail
from cs360desk.services.people import person_detail
from cs360desk.services.progress_log import progress_notes
from cs360desk.services.teams import people_of_team, teams_of_initiative
from cs360desk.ui.action_items import changes as item_changes
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.action_items.model import OWNER
from cs360desk.ui.meetings.attendance_model import STATUS
from cs360desk.ui.meetings.controller import AGENDA_TAB, MeetingsController
from cs360desk.ui.meetings.dialogs import ActionItemDialog, NewActionItem
from cs360desk.ui.people.people import PeopleController
from cs360desk.ui.people.people_dialogs import HandOverDialog
from cs360desk.ui.people.teams import TeamsController
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.opening import build_main_window

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20_000  # CI machines are slow; nothing here waits that long when all is well
HOA = "Nguyễn Thị Hoa"
HOA_TITLE = "Block captain, Magnolia Street"
MINUTES = (
    "Sgt. Fernández showed the November shots-fired map.\n"
    "Nguyễn Thị Hoa spoke for the Magnolia Street neighbors: the alley lights are out."
)
DECISIONS = "Ask Public Works to fix the Magnolia alley lights.\nWalk the block on Friday nights."
NEW_ITEM = "Walk Magnolia Street with Nguyễn Thị Hoa and list the dark spots"
NOTE = "Called Public Works: the new bulbs are on order"
ATTENDANCE_TAB, MINUTES_TAB = 2, 3


class Clock:
    """The window's "now", which the test moves on to the evening of the meeting."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    @property
    def today(self) -> date:
        return self.now.astimezone().date()


@dataclass
class Month:
    """The window over the sample agency and what the steps learn and hand on."""

    qtbot: QtBot
    window: MainWindow
    workspace: Workspace
    clock: Clock
    initiative_id: int
    pst_id: int
    ids: dict[str, int] = field(default_factory=dict)

    def read(self, work: Callable[[Any], Any]) -> Any:
        with self.workspace.session_factory.begin() as session:
            return work(session)

    def settle(self) -> None:
        """Until the worker has run every job asked of it, and their callbacks too."""
        runner = self.window.controller.runner
        self.qtbot.waitUntil(lambda: not runner.busy, timeout=TIMEOUT_MS)
        self.no_failure_shown()

    def wait_until(self, condition: Callable[[], bool]) -> None:
        self.qtbot.waitUntil(condition, timeout=TIMEOUT_MS)

    def no_failure_shown(self) -> None:
        box = self.window.failures.last_box
        assert box is None, f"the app reported a failure: {box.text()}"

    def activate(self) -> None:
        """Make the window the active one, so that focus changes and shortcuts work.

        Needed again and again: on the offscreen platform no window gets the activation back
        once another top-level window has come and gone (a dialog; today also the stage notes
        of the Initiative page, which flash up as windows of their own at each reload).
        """
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow, timeout=TIMEOUT_MS)

    def status(self) -> str:
        return self.window.statusBar().currentMessage()

    @property
    def people(self) -> PeopleController:
        return self._section("People", PeopleController)

    @property
    def teams(self) -> TeamsController:
        return self._section("Teams", TeamsController)

    @property
    def meetings(self) -> MeetingsController:
        return self._section("Meetings", MeetingsController)

    @property
    def action_items(self) -> ActionItemsController:
        return self._section("Action items", ActionItemsController)

    def _section(self, title: str, kind: type) -> Any:
        section = self.window.controller.sections[title]
        assert isinstance(section, kind)
        return section

    def go_to(self, title: str) -> None:
        """Click the section in the sidebar (which, as any click would, activates the window)."""
        self.activate()
        sidebar = self.window.sidebar
        (item,) = sidebar.findItems(title, Qt.MatchFlag.MatchExactly)
        rect = sidebar.visualItemRect(item)
        self.qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        section = self.window.controller.sections[title]
        assert self.window.pages.currentWidget() is section.view
        self.settle()


@pytest.fixture
def month(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[Month]:
    clock = Clock(now)
    window = build_main_window(sample_workspace, settings, now=clock, offer_first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = window.controller
    qtbot.waitUntil(
        lambda: controller.overview is not None and not controller.runner.busy, timeout=TIMEOUT_MS
    )
    initiative_id = controller.initiative_id
    assert initiative_id is not None
    with sample_workspace.session_factory.begin() as session:
        teams = teams_of_initiative(session, initiative_id)
    (pst,) = [row.team for row in teams if row.team.kind is TeamKind.PROBLEM_SOLVING_TEAM]
    yield Month(qtbot, window, sample_workspace, clock, initiative_id, pst.id)
    window.close()  # stops its task runner before the workspace closes


# Little user actions -----------------------------------------------------------------------


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled() and widget.isVisible(), widget.accessibleName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, table: QAbstractItemView, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_line(qtbot: QtBot, edit: QWidget, text: str) -> None:
    """Type into a line edit and press Enter; QTest's key clicks know only ASCII."""
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def pick(combo: QComboBox, data: object) -> None:
    """Choose an entry as the user would, which is what emits `activated`."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def press_f5(month: Month) -> None:
    month.activate()
    month.qtbot.keyClick(month.window, Qt.Key.Key_F5)
    month.settle()


def ctrl_z(month: Month, *, shift: bool = False) -> None:
    """Undo, or with Shift redo, from the keyboard; then every section has reloaded."""
    month.activate()
    history = month.window.controller.history
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    with month.qtbot.waitSignal(history.applied, timeout=TIMEOUT_MS):
        month.qtbot.keyClick(month.window, Qt.Key.Key_Z, modifiers)
    month.settle()


# The champion's month, step by step -----------------------------------------------------------


def add_the_community_member(month: Month) -> int:
    month.go_to("People")
    people, qtbot = month.people, month.qtbot
    click(qtbot, people.view.new_button)
    form = people.view.editor.form
    assert form.widget("full_name").hasFocus()
    type_line(qtbot, form.widget("full_name"), HOA)
    month.wait_until(lambda: people.person_id is not None)
    type_line(qtbot, form.widget("title"), HOA_TITLE)
    month.settle()
    hoa = people.person_id
    assert hoa is not None and month.status() == "Saved"
    stored = month.read(lambda s: person_detail(s, hoa)).person
    assert (stored.full_name, stored.title) == (HOA, HOA_TITLE)
    assert stored.affiliation is Affiliation.COMMUNITY and stored.active
    assert people.view.editor.title_label.text() == HOA
    model = people.view.model
    month.wait_until(lambda: model.row_of(hoa) >= 0)
    row = model.row_of(hoa)
    assert [model.index(row, column).data() for column in (0, 1, 3)] == [
        HOA, HOA_TITLE, Affiliation.COMMUNITY.label,
    ]  # fmt: skip
    return hoa


def seat_her_on_the_pst(month: Month) -> None:
    hoa, qtbot = month.ids["hoa"], month.qtbot
    month.go_to("Teams")
    teams = month.teams
    # The people offered for a seat are read only when the section (re)loads, so someone
    # added in People since then is missing until F5 (see the report with this test).
    press_f5(month)
    click_row(qtbot, teams.view.table, teams.view.model.row_of(month.pst_id))
    month.settle()
    assert teams.team_id == month.pst_id and teams.detail is not None
    roster = teams.view.editor.roster
    pick(roster.person_box, hoa)
    pick(roster.role_box, MemberRole.COMMUNITY_REPRESENTATIVE)
    click(qtbot, roster.add_button)
    month.settle()
    assert month.status() == f"Saved: Add {HOA} to {teams.detail.team.name}"
    members = month.read(lambda s: people_of_team(s, month.pst_id))
    seat = next(line.membership for line in members if line.person.id == hoa)
    assert seat.role is MemberRole.COMMUNITY_REPRESENTATIVE
    assert seat.joined_on == month.clock.today
    assert shown_roster(teams) == sorted(
        (line.person.full_name, line.membership.role.label) for line in members
    )
    assert (HOA, "Community representative") in shown_roster(teams)
    team_row = teams.view.model.row_of(month.pst_id)
    assert teams.view.model.index(team_row, 3).data() == str(len(members))


def shown_roster(teams: TeamsController) -> list[tuple[str, str]]:
    model = teams.view.editor.roster.model
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    return sorted(rows)


def schedule_the_meeting(month: Month) -> int:
    month.go_to("Meetings")
    meetings, qtbot = month.meetings, month.qtbot
    view = meetings.view
    pick(view.team_box, month.pst_id)
    month.settle()
    before = month.read(lambda s: {m.id for m in catalog.MEETING.list(s, team_id=month.pst_id)})
    click(qtbot, view.new_button)
    month.settle()
    meeting = meetings.editor.meeting
    assert meeting is not None and meeting.id not in before
    stored = month.read(lambda s: catalog.MEETING.get(s, meeting.id))
    assert stored == meeting
    assert (stored.team_id, stored.status) == (month.pst_id, MeetingStatus.SCHEDULED)
    assert stored.starts_at > month.clock.now
    assert stored.title.startswith("PST monthly meeting — ")
    assert view.editor.heading.text() == stored.title
    assert view.editor.title_edit.hasFocus()  # ready to be renamed
    assert view.upcoming
    assert view.table.currentIndex().row() == view.list_model.row_of(stored.id) >= 0
    return stored.id


def hold_the_meeting(month: Month) -> None:
    """The evening of the meeting: the clock moves on, and the meeting is marked held."""
    editor = month.meetings.view.editor
    meeting = month.meetings.editor.meeting
    assert meeting is not None
    month.clock.now = meeting.starts_at + timedelta(minutes=90)
    click(month.qtbot, editor.mark_held_button)
    month.settle()
    stored = month.read(lambda s: catalog.MEETING.get(s, meeting.id))
    assert stored.status is MeetingStatus.HELD
    assert editor.status_box.currentData() == MeetingStatus.HELD.value
    assert editor.subtitle.text().endswith(MeetingStatus.HELD.label)
    assert not editor.mark_held_button.isEnabled()


def take_attendance(month: Month) -> None:
    """Fill the list from the team, then mark one member (not Hoa) absent."""
    editor, qtbot = month.meetings.view.editor, month.qtbot
    editor.tabs.setCurrentIndex(ATTENDANCE_TAB)
    click(qtbot, editor.fill_button)
    month.settle()
    members = month.read(lambda s: people_of_team(s, month.pst_id))
    model, table = editor.attendance_model, editor.attendance_table
    assert model.rowCount() == len(members)
    shown = {model.line_at(r).name: model.line_at(r).record.status for r in range(len(members))}
    assert shown == {line.person.full_name: AttendanceStatus.PRESENT for line in members}
    assert HOA in shown
    row = next(r for r in range(model.rowCount()) if model.line_at(r).name != HOA)
    absent = model.line_at(row).record
    # F2 on the status cell opens the list of statuses; choosing one saves it.
    click_row(qtbot, table, row, STATUS)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    (choices,) = table.viewport().findChildren(QComboBox)
    pick(choices, AttendanceStatus.ABSENT.value)
    month.settle()
    lines = month.read(lambda s: meeting_detail(s, month.ids["meeting"])).attendance
    assert {line.record.person_id: line.record.status for line in lines} == {
        line.person.id: AttendanceStatus.PRESENT for line in members
    } | {absent.person_id: AttendanceStatus.ABSENT}
    assert model.line_at(model.row_of(absent.id)).record.status is AttendanceStatus.ABSENT
    assert editor.attendance_summary.text() == f"{len(members) - 1} present · 1 absent"


def record_minutes_and_decisions(month: Month) -> None:
    editor, qtbot = month.meetings.view.editor, month.qtbot
    editor.tabs.setCurrentIndex(MINUTES_TAB)
    # Each text is saved when the focus leaves it: here, as the user tabs on.
    editor.minutes_edit.setFocus()
    editor.minutes_edit.insertPlainText(MINUTES)
    qtbot.keyClick(editor.minutes_edit, Qt.Key.Key_Tab)
    assert editor.decisions_edit.hasFocus()
    editor.decisions_edit.insertPlainText(DECISIONS)
    qtbot.keyClick(editor.decisions_edit, Qt.Key.Key_Tab)
    month.settle()
    stored = month.read(lambda s: catalog.MEETING.get(s, month.ids["meeting"]))
    assert (stored.minutes_summary, stored.decisions) == (MINUTES, DECISIONS)
    assert month.status() == "Saved"
    assert not editor.fields["minutes_summary"].has_error
    assert not editor.fields["decisions"].has_error


def agree_an_action_item(month: Month, monkeypatch: pytest.MonkeyPatch) -> int:
    """At the meeting Hoa takes on a new item, due in the dialog's default two weeks."""
    hoa, meeting_id = month.ids["hoa"], month.ids["meeting"]
    asked: list[str] = []

    def fill_in(
        cls: type[ActionItemDialog], parent: QWidget, people: Any, *, meeting_title: str,
        today: date,
    ) -> NewActionItem:  # fmt: skip
        """The real dialog, filled in as the user would, without its modal loop."""
        asked.append(meeting_title)
        dialog = cls(people, meeting_title, today, parent)
        assert not dialog.ok_button.isEnabled()  # nothing to add without a title
        dialog.title_edit.setText(NEW_ITEM)
        pick(dialog.owner_box, hoa)
        assert dialog.owner_box.currentText() == HOA  # a member now: no "(not on the team)"
        assert dialog.due_check.isChecked() and dialog.ok_button.isEnabled()
        dialog.deleteLater()
        return dialog.result_item()

    monkeypatch.setattr(ActionItemDialog, "ask", classmethod(fill_in))
    click(month.qtbot, month.meetings.view.editor.new_action_button)
    month.settle()
    assert asked == [month.read(lambda s: catalog.MEETING.get(s, meeting_id)).title]
    assert month.status() == f"Action item added: {NEW_ITEM}"
    (item,) = month.read(lambda s: catalog.ACTION_ITEM.list(s, source_meeting_id=meeting_id))
    assert (item.title, item.owner_id, item.status) == (NEW_ITEM, hoa, ActionStatus.OPEN)
    assert item.due_on == month.clock.today + timedelta(days=14)
    assert (item.initiative_id, item.team_id) == (month.initiative_id, month.pst_id)
    return item.id


def still_to_do_of_the_pst(month: Month) -> ActionItemFilter:
    statuses = frozenset(status for status in ActionStatus if not status.is_closed)
    return ActionItemFilter(month.initiative_id, statuses=statuses, team_id=month.pst_id)


def mark_another_item_done(month: Month) -> int:
    month.go_to("Action items")
    section, qtbot = month.action_items, month.qtbot
    view, model = section.view, section.view.model
    # The list is the one read at start-up (see the report); choosing the team reads it again.
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.team_box.setCurrentIndex(view.team_box.ids().index(month.pst_id))
    month.settle()
    where = still_to_do_of_the_pst(month)
    assert section.current_filter() == where
    today = month.clock.today
    expected = month.read(lambda s: count_action_items(s, where, today=today))
    assert model.rowCount() == expected and view.count_label.text() == f"{expected} items"
    new_row = model.row_of_item(month.ids["new item"])
    assert new_row is not None and model.index(new_row, OWNER).data() == HOA
    row = 1 if new_row == 0 else 0
    done = model.row_at(row).item
    click_row(qtbot, view.table, row)
    assert view.selection_label.text() == "1 selected:"
    click(qtbot, view.done_button)
    month.settle()
    assert month.status() == "Saved: 1 action item marked done."
    stored = month.read(lambda s: catalog.ACTION_ITEM.get(s, done.id))
    assert stored.status is ActionStatus.DONE and stored.completed_on is not None
    assert model.row_of_item(done.id) is None  # done items leave "Still to do"
    assert model.rowCount() == expected - 1
    return done.id


def schedule_the_next_meeting(month: Month) -> int:
    """The PST's open items are carried onto the next agenda; the one just done is not."""
    month.go_to("Meetings")
    meetings, held_id = month.meetings, month.ids["meeting"]
    view = meetings.view
    assert meetings.editor.meeting_id == held_id
    click(month.qtbot, view.editor.schedule_next_button)
    month.settle()
    next_id = meetings.editor.meeting_id
    assert next_id is not None and next_id != held_id
    held, detail, pst_items = month.read(
        lambda s: (
            catalog.MEETING.get(s, held_id),
            meeting_detail(s, next_id),
            catalog.ACTION_ITEM.list(s, team_id=month.pst_id),
        )
    )
    meeting = detail.meeting
    assert (meeting.team_id, meeting.status) == (month.pst_id, MeetingStatus.SCHEDULED)
    assert meeting.starts_at > held.starts_at and meeting.location == held.location
    assert view.upcoming and view.table.currentIndex().row() == view.list_model.row_of(next_id)
    assert view.editor.tabs.currentIndex() == AGENDA_TAB  # to see what was carried over
    model = view.editor.agenda_model
    rows = range(model.rowCount())
    shown = [(model.line_at(r).item.title, model.index(r, 2).data()) for r in rows]
    assert shown == [(line.item.title, line.presenter_name) for line in detail.agenda]
    titles = [title for title, _presenter in shown]
    assert (titles[:2], titles[-1]) == ([OPENING, REVIEW], CLOSING)
    still_open = [item for item in pst_items if not item.status.is_closed]
    assert month.ids["done item"] not in {item.id for item in still_open}
    assert Counter(titles[2:-1]) == Counter(item.title for item in still_open)
    assert (NEW_ITEM, HOA) in shown
    return next_id


@dataclass(frozen=True)
class HoasPlace:
    """What in the workspace names Hoa, to compare before the delete and after its undo."""

    exists: bool
    seat: MemberRole | None
    attendance: AttendanceStatus | None
    owner_of_new_item: int | None
    presenter_of_new_item: int | None


def hoas_place(month: Month) -> HoasPlace:
    hoa, ids = month.ids["hoa"], month.ids

    def work(session: Any) -> HoasPlace:
        seats = people_of_team(session, month.pst_id)
        held = meeting_detail(session, ids["meeting"]).attendance
        agenda = meeting_detail(session, ids["next meeting"]).agenda
        (carried,) = [line.item for line in agenda if line.item.title == NEW_ITEM]
        return HoasPlace(
            exists=any(person.id == hoa for person in catalog.PERSON.list(session)),
            seat=next((s.membership.role for s in seats if s.person.id == hoa), None),
            attendance=next((a.record.status for a in held if a.record.person_id == hoa), None),
            owner_of_new_item=catalog.ACTION_ITEM.get(session, ids["new item"]).owner_id,
            presenter_of_new_item=carried.presenter_id,
        )

    return month.read(work)


def delete_her_handing_her_work_over(month: Month, monkeypatch: pytest.MonkeyPatch) -> int:
    """Hoa moves away: her open item goes to the champion, then she is deleted."""
    hoa, qtbot = month.ids["hoa"], month.qtbot
    month.go_to("People")
    people = month.people
    model, editor = people.view.model, people.view.editor
    # Ctrl+K finds her, and People reads her afresh. (Her row and the editor, open since
    # she was added, still say she sits on no team and owns nothing: see the report.)
    qtbot.keyClick(month.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = month.window.controller.search_dialog
    assert search is not None and search.isVisible()
    search.query.setText(HOA)
    month.wait_until(lambda: search.model.rowCount() > 0)
    assert (search.model.hit_at(0).kind, search.model.hit_at(0).title) == ("person", HOA)
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(search.query, Qt.Key.Key_Return)
    month.settle()
    assert not search.isVisible()
    assert editor.title_label.text() == HOA
    assert editor.holdings_label.text() == "Responsible for 1 open action item."
    seats = editor.seats_model
    assert [seats.row_at(r).membership.team_id for r in range(seats.rowCount())] == [month.pst_id]
    assert model.index(model.row_of(hoa), 4).data() == month.teams.detail.team.name
    initiative = month.read(lambda s: catalog.INITIATIVE.get(s, month.initiative_id))
    champion = initiative.champion_id
    assert champion is not None
    asked: list[tuple[str, int]] = []

    def choose_heir(
        cls: type[HandOverDialog], parent: QWidget, others: Any, name: str, count: int
    ) -> int | None:
        """The real dialog with the champion chosen in it, without its modal loop."""
        asked.append((name, count))
        dialog = cls(others, name, count, parent)
        assert dialog.person_box.findData(hoa) < 0  # not offered her own work
        dialog.person_box.setCurrentIndex(dialog.person_box.findData(champion))
        dialog.deleteLater()
        return dialog.chosen

    monkeypatch.setattr(HandOverDialog, "ask", classmethod(choose_heir))
    click(qtbot, people.view.delete_button)
    month.settle()
    assert asked == [(HOA, 1)]
    heir = month.read(lambda s: catalog.PERSON.get(s, champion)).full_name
    assert month.status() == f"Deleted {HOA}; 1 open action item went to {heir}."
    assert people.person_id is None and model.row_of(hoa) < 0
    assert hoas_place(month) == HoasPlace(False, None, None, champion, None)
    return champion


def undo_the_delete(month: Month, before: HoasPlace) -> None:
    """Ctrl+Z brings Hoa back with her seat, attendance and work; every section shows it."""
    hoa, history = month.ids["hoa"], month.window.controller.history
    assert history.undo_action.text() == f"&Undo Delete {HOA}"
    month.people.view.table.setFocus()  # in a text field, Ctrl+Z would undo the typing
    ctrl_z(month)
    assert month.status() == f"Undone: Delete {HOA}"
    assert hoas_place(month) == before
    listed = month.people.view.model
    assert listed.index(listed.row_of(hoa), 0).data() == HOA
    assert (HOA, "Community representative") in shown_roster(month.teams)
    agenda = month.meetings.view.editor.agenda_model
    assert month.meetings.editor.meeting_id == month.ids["next meeting"]
    carried = [r for r in range(agenda.rowCount()) if agenda.line_at(r).item.title == NEW_ITEM]
    assert [agenda.index(r, 2).data() for r in carried] == [HOA]
    items = month.action_items.view.model
    assert items.index(items.row_of_item(month.ids["new item"]), OWNER).data() == HOA


def test_the_champions_month(month: Month, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = month.ids
    ids["hoa"] = add_the_community_member(month)
    seat_her_on_the_pst(month)
    ids["meeting"] = schedule_the_meeting(month)
    hold_the_meeting(month)
    take_attendance(month)
    record_minutes_and_decisions(month)
    ids["new item"] = agree_an_action_item(month, monkeypatch)
    ids["done item"] = mark_another_item_done(month)
    ids["next meeting"] = schedule_the_next_meeting(month)
    before = hoas_place(month)
    hoa = ids["hoa"]
    assert before == HoasPlace(
        True, MemberRole.COMMUNITY_REPRESENTATIVE, AttendanceStatus.PRESENT, hoa, hoa
    )
    delete_her_handing_her_work_over(month, monkeypatch)
    undo_the_delete(month, before)


def test_an_action_item_deleted_with_the_delete_key_comes_back_with_ctrl_z(
    month: Month, monkeypatch: pytest.MonkeyPatch
) -> None:
    month.go_to("Action items")
    qtbot, view = month.qtbot, month.action_items.view
    model = view.model

    def stored(item_id: int) -> tuple[Any, list[Any]]:
        return month.read(
            lambda s: (catalog.ACTION_ITEM.get(s, item_id), progress_notes(s, item_id))
        )

    row = 0
    item_id = model.row_at(row).item.id
    # Enter opens the item; a progress note added there must go, and come back, with it.
    click_row(qtbot, view.table, row)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    month.settle()
    editor = view.editor
    assert editor.isVisible() and editor.item_id == item_id
    editor.note_text.setText(NOTE)
    click(qtbot, editor.note_button)
    month.settle()
    item, notes = stored(item_id)
    assert [note.text for note in notes][:1] == [NOTE]
    asked: list[int] = []
    monkeypatch.setattr(
        item_changes, "confirm_delete", lambda _parent, count: not asked.append(count)
    )
    total = model.rowCount()
    click_row(qtbot, view.table, row)
    assert view.table.hasFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    month.settle()
    assert asked == [1]
    assert month.status() == "Deleted 1 action item. Undo (Ctrl+Z) brings them back."
    with pytest.raises(NotFoundError):
        stored(item.id)
    assert model.rowCount() == total - 1 and model.row_of_item(item.id) is None

    ctrl_z(month)
    assert stored(item.id) == (item, notes)
    assert model.rowCount() == total and model.row_of_item(item.id) == row
    assert model.row_at(row).item == item

    ctrl_z(month, shift=True)  # Ctrl+Shift+Z: redo
    with pytest.raises(NotFoundError):
        stored(item.id)
    assert model.row_of_item(item.id) is None
