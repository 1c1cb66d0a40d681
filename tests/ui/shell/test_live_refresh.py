"""Other people's saves show in the open section within seconds, on a workspace file and on a
server; the selected row stays selected and typing in the form is never thrown away."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.audit import ACTING_USER
from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog
from cs360desk.ui.people.people import PeopleController
from tests import backends
from tests.ui.conftest import ready_main_window

pytestmark = pytest.mark.gui
# Both kinds of workspace, as fixtures of this module.
backend = backends.backend
workspace, workspace_location = backends.workspace, backends.workspace_location
SEEN_WITHIN_MS = 5000


@pytest.fixture
def people_ids(workspace: Workspace) -> tuple[int, int]:
    with workspace.session_factory.begin() as session:
        ana = catalog.PERSON.create(session, full_name="Ana Ruiz", phone="555-0100")
        ben = catalog.PERSON.create(session, full_name="Ben Ortiz")
        return ana.id, ben.id


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, settings: QSettings, now: datetime) -> Iterator[Any]:
    shown = ready_main_window(qtbot, workspace, settings, now)
    yield shown
    shown.close()


def people_section(qtbot: QtBot, window: Any, person_id: int) -> PeopleController:
    controller = window.controller
    found = controller.sections.opener("person")
    assert found is not None
    index, section = found
    assert isinstance(section, PeopleController)
    with qtbot.waitSignal(section.detail_loaded, timeout=15_000):
        controller.open_record("person", person_id)
    assert window.pages.currentIndex() == index
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=15_000)
    return section


def someone_else_saves(workspace: Workspace, person_id: int, **changes: Any) -> None:
    with workspace.session_factory.begin() as session:
        session.info[ACTING_USER] = "Maria Ortiz"
        catalog.PERSON.update(session, person_id, **changes)


def names(section: PeopleController) -> list[str]:
    model = section.view.model
    return [model.row_at(row).person.full_name for row in range(model.rowCount())]


def selected_id(section: PeopleController) -> int | None:
    rows = section.view.table.selectionModel().selectedRows()
    return section.view.model.id_at(rows[0].row()) if rows else None


def field(section: PeopleController, name: str) -> QLineEdit:
    edit = section.view.editor.form.widget(name)
    assert isinstance(edit, QLineEdit)
    return edit


def test_a_change_elsewhere_shows_and_the_selection_stays(
    qtbot: QtBot, window: Any, workspace: Workspace, people_ids: tuple[int, int]
) -> None:
    ana, ben = people_ids
    section = people_section(qtbot, window, ana)
    assert selected_id(section) == ana
    someone_else_saves(workspace, ben, full_name="Benjamin Ortiz")
    someone_else_saves(workspace, ana, phone="555-0199")
    qtbot.waitUntil(lambda: "Benjamin Ortiz" in names(section), timeout=SEEN_WITHIN_MS)
    qtbot.waitUntil(lambda: field(section, "phone").text() == "555-0199", timeout=SEEN_WITHIN_MS)
    assert selected_id(section) == ana
    assert window.failures.last_box is None and window.failures.crash_dialog is None


def test_typing_in_progress_is_kept_while_the_list_follows(
    qtbot: QtBot, window: Any, workspace: Workspace, people_ids: tuple[int, int]
) -> None:
    ana, ben = people_ids
    section = people_section(qtbot, window, ana)
    field(section, "title").setText("Sergeant, typing")  # not yet left: not saved
    someone_else_saves(workspace, ben, full_name="Benjamin Ortiz")
    someone_else_saves(workspace, ana, phone="555-0199")
    qtbot.waitUntil(lambda: "Benjamin Ortiz" in names(section), timeout=SEEN_WITHIN_MS)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=5000)
    assert field(section, "title").text() == "Sergeant, typing"
    assert field(section, "phone").text() == "555-0100"  # the form waits for the typing
    assert selected_id(section) == ana


def test_this_windows_own_save_is_no_news(
    qtbot: QtBot, window: Any, workspace: Workspace, people_ids: tuple[int, int]
) -> None:
    ana, _ben = people_ids
    section = people_section(qtbot, window, ana)
    live = window.controller.live
    refreshed: list[object] = []
    live.refreshed.connect(lambda: refreshed.append(None))
    edit = field(section, "title")
    edit.setText("Sergeant")
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: section.view.editor.form.is_changed("title") is False, timeout=5000)
    qtbot.wait(2500)  # one poll at least
    assert refreshed == []
    someone_else_saves(workspace, ana, phone="555-0199")
    qtbot.waitUntil(lambda: bool(refreshed), timeout=SEEN_WITHIN_MS)
