"""Sections are built when first needed: start-up builds the dashboard only, and nothing else
the user asks for (a sidebar click, Ctrl+number, a search result) notices the difference."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow
from cs360desk.ui.shell.section_pages import Deferred

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def test_every_section_names_a_controller_that_exists() -> None:
    for spec in SECTIONS:
        assert isinstance(spec.build, Deferred), spec.title
        module = importlib.import_module(spec.build.module)
        assert callable(getattr(module, spec.build.name)), spec.title


def test_a_misspelt_section_fails_loudly_when_built(qtbot: QtBot, harness) -> None:
    context: SectionContext = harness.context
    with pytest.raises(AttributeError, match="NoSuchController"):
        Deferred("cs360desk.ui.dashboard.controller", "NoSuchController")(context)


def test_only_the_dashboard_is_built_at_start(window: MainWindow) -> None:
    pages = window.controller.sections
    assert [pages.is_built(i) for i in range(len(pages))] == [True] + [False] * (len(pages) - 1)
    assert list(pages) == [spec.title for spec in SECTIONS]  # listing builds nothing
    assert not any(pages.is_built(i) for i in range(1, len(pages)))
    assert window.sidebar.count() == window.pages.count() == len(SECTIONS)


def test_going_to_a_section_builds_it_in_its_place_and_loads_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    controller = window.controller
    people = controller.sections.index("People")
    window.sidebar.setCurrentRow(people)
    assert controller.sections.is_built(people)
    section = controller.sections["People"]
    assert window.pages.widget(people) is section.view
    assert window.pages.currentWidget() is section.view
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
    assert section.view.findChildren(QWidget)  # a real page, not the empty holder
    assert section.view.model.rowCount() > 0  # it heard of the initiative and loaded its people
    window.sidebar.setCurrentRow(0)
    window.sidebar.setCurrentRow(people)
    assert controller.sections["People"] is section  # built once


def test_ctrl_number_builds_the_section_it_goes_to(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT_MS)
    meetings = window.controller.sections.index("Meetings")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.sections.is_built(meetings)
    assert window.pages.currentIndex() == meetings
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)


def test_opening_a_record_builds_the_section_that_shows_it(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    with sample_workspace.session_factory.begin() as session:
        person = catalog.PERSON.list(session)[0]
    controller = window.controller
    index = controller.sections.index("People")
    controller.open_record("person", person.id)
    assert controller.sections.is_built(index)
    assert window.pages.currentIndex() == index
    section = controller.sections["People"]
    qtbot.waitUntil(lambda: section.record_id == person.id, timeout=TIMEOUT_MS)


def test_an_initiative_change_reaches_a_section_built_later(
    qtbot: QtBot, window: MainWindow
) -> None:
    controller = window.controller
    box = window.initiative_box
    assert box.count() > 1
    box.setCurrentIndex(1)
    box.activated.emit(1)
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
    initiative = controller.sections["Initiative"]
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
    assert initiative._initiative_id == box.currentData()


def test_the_window_paints_before_the_database_layer_loads_and_the_rest_waits(
    sample_workspace: Workspace, tmp_path: Path
) -> None:
    """Start-up as run_gui does it: the window is painted with Qt alone; then the workspace
    opens under it, paying only for what the dashboard needs; the rest loads with its section."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from cs360desk.ui.shell.application import application, show_main_window\n"
        "from cs360desk.ui.common.settings import ini_settings\n"
        "application([])\n"
        "settings = ini_settings(Path(sys.argv[2]))\n"
        "window = show_main_window(Path(sys.argv[1]), settings)\n"
        "painted = sorted(sys.modules)\n"
        "shown = window.isVisible() and window.sidebar.count()\n"
        "from cs360desk.ui.shell.opening import open_into\n"
        "opened = open_into(window, settings)\n"
        "while not window.controller.first_page_ready():\n"
        "    QApplication.processEvents()\n"
        "print(json.dumps([painted, sorted(sys.modules), shown]))\n"
        "window.close()\n"
        "opened.close()\n"
    )
    sample_workspace.close()  # the child opens it; one writer at a time
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(sample_workspace.path), str(tmp_path / "s.ini")],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    painted, ready, shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == len(SECTIONS)  # the sidebar is there from the first paint
    assert not {"sqlalchemy", "cs360desk.db.workspace", "sqlite3"} & set(painted)
    assert "cs360desk.ui.dashboard.controller" in ready
    heavy = {"reportlab", "openpyxl", "alembic", "pypdfium2", "icalendar", "PySide6.QtCharts"}
    assert heavy & set(ready) == set()
    assert not {name for name in ready if name.startswith("cs360desk.services.sample_agency")}
