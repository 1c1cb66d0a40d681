"""People, Community map and Teams inside a main window: shortcuts, opening records, undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.ui.common.failures import FailureReporter
from cs360desk.ui.common.sections import SectionSpec
from cs360desk.ui.common.style import STYLE_SHEET
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.people.organizations import OrganizationsController
from cs360desk.ui.people.people import PeopleController
from cs360desk.ui.people.teams import TeamsController
from cs360desk.ui.shell.main_controller import MainWindowController
from cs360desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
SECTIONS = (
    SectionSpec("People", PeopleController, ("person",)),
    SectionSpec("Community map", OrganizationsController, ("organization",)),
    SectionSpec("Teams", TeamsController, ("team",)),
)


@pytest.fixture
def window(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[MainWindow]:
    main = MainWindow(sample_workspace.path)
    main.setStyleSheet(STYLE_SHEET)
    failures = FailureReporter(main, main.show_status)
    runner = TaskRunner(sample_workspace.session_factory, failures.report, parent=main)
    main.controller = MainWindowController(
        main, runner, settings, now=lambda: now, sections=SECTIONS, offer_first_run=False
    )
    main.failures = failures
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.controller.start()
    qtbot.waitUntil(
        lambda: (
            main.controller is not None and main.controller.overview is not None and not runner.busy
        ),
        timeout=TIMEOUT_MS,
    )
    yield main
    main.close()
    assert runner.shutdown()


def section(window: MainWindow, title: str) -> Any:
    assert window.controller is not None
    return window.controller.sections[title]


def test_ctrl_n_starts_a_new_record_on_the_page_shown_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    people, organizations = section(window, "People"), section(window, "Community map")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT_MS)
    window.section_actions[0].trigger()
    qtbot.keyClick(window.pages.currentWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert people.view.editor.title_label.text() == "New person"
    assert organizations.view.editor_stack.currentIndex() == 0
    window.section_actions[1].trigger()
    qtbot.keyClick(window.pages.currentWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert organizations.view.editor.title_label.text() == "New organization"
    assert window.failures is not None and window.failures.last_box is None


def test_open_record_switches_section_and_shows_the_record(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    with sample_workspace.session_factory.begin() as session:
        seat = session.scalar(select(m.Membership).limit(1))
        name = session.get(m.Person, seat.person_id).full_name
    people = section(window, "People")
    assert window.controller is not None
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        window.controller.open_record("person", seat.person_id)
    assert window.pages.currentWidget() is people.view
    assert people.view.editor.title_label.text() == name
    teams = section(window, "Teams")
    seats = people.view.editor.seats_model
    with qtbot.waitSignal(teams.detail_loaded, timeout=TIMEOUT_MS):
        people.view.editor.seats_table.doubleClicked.emit(
            seats.index(seats.row_of(seat.team_id), 0)
        )
    assert window.pages.currentWidget() is teams.view
    assert teams.team_id == seat.team_id


def test_undo_reloads_the_person_shown(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    with sample_workspace.session_factory.begin() as session:
        person = session.scalars(select(m.Person).order_by(m.Person.id)).first()
        person_id, title = person.id, person.title
    people = section(window, "People")
    assert window.controller is not None
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        window.controller.open_record("person", person_id)
    edit = people.view.editor.form.widget("title")
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    edit.insert("Chair of the block club")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    history = window.controller.history
    qtbot.waitUntil(history.can_undo, timeout=TIMEOUT_MS)
    assert window.statusBar().currentMessage() == "Saved"
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        history.undo_action.trigger()
    assert edit.text() == title
    row = people.view.model.row_of(person_id)
    qtbot.waitUntil(lambda: people.view.model.index(row, 1).data() == title, timeout=TIMEOUT_MS)
