"""Touring the main window over the sample agency: every section and tab, the main dialogs and
the questions asked in a modal dialog, each handed to a `look(top, where)` to be checked.

Used by test_accessibility_walk.py, test_pseudo_locale.py and test_spanish_fits.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QDialog,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ReportKind
from cs360desk.i18n import set_ui_language
from cs360desk.services import catalog
from cs360desk.ui.community.communications import CommunicationsController
from cs360desk.ui.meetings.controller import MeetingsController
from cs360desk.ui.reports.controller import ReportsController
from cs360desk.ui.reports.dialog import MeetingReportDialog
from cs360desk.ui.shell.first_run import FirstRunDialog
from cs360desk.ui.shell.main_controller import MainWindowController
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.search_dialog import SearchDialog
from tests.ui.conftest import ready_main_window

TIMEOUT_MS = 20_000
Look = Callable[[QWidget, str], None]
Opener = tuple[str, tuple[str, ...]]
# Buttons that open a modal dialog (section, attribute path from its controller).
MODAL_OPENERS: tuple[Opener, ...] = (
    ("Meetings", ("view", "editor", "new_action_button")),
    ("Initiative", ("view", "move_button")),
    ("Problems", ("view", "new_button")),
    ("Goals & measures", ("view", "new_goal")),
    ("Goals & measures", ("view", "new_measure")),
    ("Communications", ("view", "new_button")),
)
# The button that asks before it deletes (toured by the language tests as well).
DELETE_OPENERS: tuple[Opener, ...] = (("Communications", ("view", "delete_button")),)


# --- the window ------------------------------------------------------------------------------


def use_language(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    """The UI language for the window to come; call before any widget exists: the start-up
    path reads the variable, the catalog the setting."""
    monkeypatch.setenv("CS360DESK_LANG", language)
    set_ui_language(language)


@contextmanager
def main_window(
    qtbot: QtBot, workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[MainWindow]:
    """A window fixture's body: the main window, ready, over `workspace`; closed after."""
    main = ready_main_window(qtbot, workspace, settings, now)
    try:
        yield main
    finally:
        main.close()  # stops its task runner before the workspace closes


def main_controller(window: MainWindow) -> MainWindowController:
    controller = window.controller
    assert isinstance(controller, MainWindowController)
    return controller


def inside_calendar(widget: QWidget) -> bool:
    """Inside a calendar (a date edit's pop-up): Qt builds and lays out its parts itself."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QCalendarWidget):
            return True
        ancestor = ancestor.parentWidget()
    return False


# --- moving about ----------------------------------------------------------------------------


class ModalCatcher:
    """Stands in for `exec()`: shows the dialog, has it looked at, and cancels it."""

    def __init__(self, look: Look) -> None:
        self._look = look
        self.seen: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        catcher = self

        def fake_exec(dialog: QDialog) -> int:
            dialog.show()
            QCoreApplication.processEvents()
            where = f"modal {type(dialog).__name__} {dialog.windowTitle()!r}"
            catcher.seen.append(where)
            catcher._look(dialog, where)
            dialog.hide()
            return 0  # as if cancelled: nothing is written

        monkeypatch.setattr(QDialog, "exec", fake_exec)
        monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def settle(qtbot: QtBot, busy: Callable[[], bool]) -> None:
    """Until nothing runs: a page that asks for more once loaded settles within a few turns."""
    for _turn in range(3):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        qtbot.waitUntil(lambda: not busy(), timeout=TIMEOUT_MS)


def tour_tabs(
    qtbot: QtBot, top: QWidget, busy: Callable[[], bool], look: Callable[[str], None], where: str
) -> None:
    """Every page of every visible tab widget (nested ones too), each looked at once shown."""
    toured: set[int] = set()
    while True:
        waiting = [
            tabs
            for tabs in top.findChildren(QTabWidget)
            if tabs.isVisible() and id(tabs) not in toured
        ]
        if not waiting:
            return
        tabs = waiting[0]
        toured.add(id(tabs))
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != first and tabs.isTabEnabled(index) and tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                settle(qtbot, busy)
                look(f"{where}, tab {tabs.tabText(index)}")
        tabs.setCurrentIndex(first)
        settle(qtbot, busy)


def go(qtbot: QtBot, window: MainWindow, section: str) -> object:
    """The section shown and settled; its controller."""
    controller = main_controller(window)
    window.sidebar.setCurrentRow(controller.sections.index(section))
    settle(qtbot, lambda: controller.runner.busy)
    return controller.sections[section]


# --- the sections ----------------------------------------------------------------------------


def look_at_sections(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """The main window, then every section and every tab in it."""
    controller = main_controller(window)

    def idle() -> bool:
        return controller.runner.busy

    look(window, "main window")
    for index, title in enumerate(controller.sections):
        window.sidebar.setCurrentRow(index)
        settle(qtbot, idle)
        look(window, title)
        tour_tabs(qtbot, window, idle, lambda where: look(window, where), title)


def look_at_generated_report(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """Reports: one generated, so the preview says what it made."""
    runner = main_controller(window).runner
    reports = go(qtbot, window, "Reports")
    assert isinstance(reports, ReportsController)
    reports.view.generate_button.click()
    settle(qtbot, lambda: runner.busy or reports.output.busy)
    look(window, "Reports, generated")


def open_modals(
    qtbot: QtBot, window: MainWindow, seen: list[str], openers: tuple[Opener, ...]
) -> None:
    """Clicks each button that asks something in a modal dialog (ModalCatcher looks at it)."""
    controller = main_controller(window)
    for section, path in openers:
        target: object = go(qtbot, window, section)
        for name in path:
            target = getattr(target, name)
        assert isinstance(target, QAbstractButton), (section, path)
        if target.isEnabled():
            before = len(seen)
            target.click()
            assert len(seen) == before + 1, f"{section}: {'.'.join(path)} asked nothing"
            settle(qtbot, lambda: controller.runner.busy)


# --- the dialogs -----------------------------------------------------------------------------


def look_at_settings(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """Edit → Settings…, every tab."""
    controller = main_controller(window)
    runner = controller.runner
    controller.settings_action.trigger()
    dialog = controller.settings_dialog
    assert dialog is not None
    settle(qtbot, lambda: runner.busy or dialog.busy)
    look(dialog, "settings dialog")
    tour_tabs(qtbot, dialog, lambda: runner.busy, lambda w: look(dialog, w), "settings dialog")
    dialog.reject()


def look_at_agenda(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """The agenda of the open meeting (the first one is), in a window of its own."""
    runner = main_controller(window).runner
    meetings = go(qtbot, window, "Meetings")
    assert isinstance(meetings, MeetingsController)
    assert meetings.editor.meeting_id is not None
    meetings._on_report(ReportKind.AGENDA)
    report = meetings.report_dialog
    assert isinstance(report, MeetingReportDialog)
    settle(qtbot, lambda: runner.busy or report.output.busy)
    look(report, "agenda dialog")
    report.reject()


def look_at_drafts(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """Communications → Draft update…, every tab."""
    controller = main_controller(window)
    runner = controller.runner
    communications = go(qtbot, window, "Communications")
    assert isinstance(communications, CommunicationsController)
    drafts = communications.drafts.open(controller.initiative_id)
    drafts.resize(1280, 800)
    settle(qtbot, lambda: runner.busy or drafts.busy)
    look(drafts, "drafts dialog")
    tour_tabs(
        qtbot, drafts, lambda: runner.busy or drafts.busy, lambda w: look(drafts, w), "drafts"
    )
    drafts.done(0)


def look_at_backups(qtbot: QtBot, window: MainWindow, look: Look) -> None:
    """File → Back up now…"""
    runner = main_controller(window).runner
    window.backup_action.trigger()
    backups = window.backups_dialog
    assert backups is not None
    settle(qtbot, lambda: runner.busy)
    look(backups, "backups dialog")
    backups.close()


def look_at_search(
    qtbot: QtBot, window: MainWindow, look: Look, hits_from: Workspace | None = None
) -> None:
    """Ctrl+K; with `hits_from`, also with a name from it typed, so that hits are listed."""
    controller = main_controller(window)
    controller.search_action.trigger()
    search = controller.search_dialog
    assert isinstance(search, SearchDialog)
    if hits_from is None:
        look(search, "search dialog")
    else:
        look(search, "search dialog, empty")
        with hits_from.session_factory.begin() as session:
            name = catalog.PERSON.list(session)[0].full_name
        search.query.setText(name.split()[-1])
        qtbot.waitUntil(lambda: search.model.rowCount() > 0, timeout=TIMEOUT_MS)
        settle(qtbot, lambda: controller.runner.busy)
        look(search, "search dialog, hits")
    search.reject()


def look_at_about(window: MainWindow, look: Look) -> None:
    """Help → About."""
    window.about_action.trigger()
    about = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(about) == 1
    look(about[0], "about box")
    about[0].close()


def look_at_first_run(
    qtbot: QtBot, window: MainWindow, look: Look, *, progress: bool = False
) -> None:
    """The first-run dialog, its choices and its form (and, with `progress`, its progress)."""
    first_run = FirstRunDialog(main_controller(window).runner, window, today=date.today())
    qtbot.addWidget(first_run)
    first_run.show()
    QCoreApplication.processEvents()
    look(first_run, "first run, choices")
    first_run.show_form()
    QCoreApplication.processEvents()
    look(first_run, "first run, form")
    if progress:
        first_run.show_progress()
        QCoreApplication.processEvents()
        look(first_run, "first run, progress")
    first_run.done(0)


# --- the whole tour --------------------------------------------------------------------------


def tour(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    look: Look,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every section and tab, a generated report, the main dialogs and the questions asked in
    a modal dialog (each cancelled), each looked at."""
    modal = ModalCatcher(look)
    modal.install(monkeypatch)
    look_at_sections(qtbot, window, look)
    look_at_generated_report(qtbot, window, look)
    look_at_agenda(qtbot, window, look)
    look_at_drafts(qtbot, window, look)
    look_at_settings(qtbot, window, look)
    look_at_backups(qtbot, window, look)
    look_at_search(qtbot, window, look, hits_from=workspace)
    open_modals(qtbot, window, modal.seen, (*MODAL_OPENERS, *DELETE_OPENERS))
    look_at_about(window, look)
    look_at_first_run(qtbot, window, look, progress=True)
