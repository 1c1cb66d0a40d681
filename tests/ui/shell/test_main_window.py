"""The main window over the sample agency: dashboard figures, initiative choice, keyboard."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.momentum import MomentumThresholds
from cs360desk.services.agency_setup import NewAgency, create_agency
from cs360desk.services.momentum import Dashboard, dashboard
from cs360desk.services.workspace_info import initiatives, the_agency
from cs360desk.ui.dashboard.controller import DashboardController
from cs360desk.ui.dashboard.view import DashboardView
from cs360desk.ui.shell.first_run import FirstRunChoice, FirstRunDialog
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow
from cs360desk.ui.shell.opening import build_main_window

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
WindowFactory = Callable[..., MainWindow]
WORDS = {"ok": "OK", "watch": "Watch", "alert": "Needs attention"}


@pytest.fixture
def open_window(qtbot: QtBot, settings: QSettings, now: datetime) -> Iterator[WindowFactory]:
    opened: list[MainWindow] = []

    def factory(workspace: Workspace, **options: object) -> MainWindow:
        window = build_main_window(workspace, settings, now=lambda: now, **options)
        qtbot.addWidget(window)
        opened.append(window)
        return window

    yield factory
    for window in opened:
        window.close()  # stops its task runner before the workspace closes


def _dashboard(window: MainWindow) -> DashboardController:
    assert window.controller is not None
    section = window.controller.sections["Dashboard"]
    assert isinstance(section, DashboardController)
    return section


def _wait_loaded(qtbot: QtBot, window: MainWindow) -> DashboardController:
    board = _dashboard(window)
    runner = window.controller.runner
    qtbot.waitUntil(lambda: board.data is not None and not runner.busy, timeout=TIMEOUT_MS)
    return board


def _service(workspace: Workspace, initiative_id: int, now: datetime) -> Dashboard:
    with workspace.session_factory.begin() as session:
        return dashboard(session, initiative_id, now=now, limits=MomentumThresholds())


def _card_values(view: DashboardView) -> dict[str, tuple[str, str, str]]:
    return {
        card.title_label.text(): (
            card.value_label.text(),
            card.detail_label.text(),
            card.level_label.text(),
        )
        for card in view.cards.cards
    }


@pytest.fixture
def window(sample_workspace: Workspace, open_window: WindowFactory) -> MainWindow:
    return open_window(sample_workspace, offer_first_run=False)


def test_window_shows_the_agency_and_the_workspace(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    _wait_loaded(qtbot, window)
    with sample_workspace.session_factory.begin() as session:
        agency = the_agency(session)
    assert agency is not None
    assert window.windowTitle() == f"CS360 Desk — {agency.name}"
    assert window.path_label.text() == str(sample_workspace.path)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [spec.title for spec in SECTIONS] and titles[0] == "Dashboard"


def test_dashboard_shows_what_the_service_says(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace, now: datetime
) -> None:
    board = _wait_loaded(qtbot, window)
    expected = _service(sample_workspace, board.data.initiative_id, now)
    view = board.view
    assert view.title_label.text() == expected.initiative.name
    assert expected.initiative.stage.label in view.subtitle_label.text()
    cards = _card_values(view)
    assert len(cards) == len(expected.signals)
    for signal in expected.signals:
        value, detail, level = cards[signal.title]
        assert (value, detail) == (signal.value, signal.detail)
        assert level.endswith(WORDS[signal.level])
    assert view.overdue_model.rowCount() == len(expected.overdue)
    assert view.meetings_model.rowCount() == len(expected.upcoming)
    shown = {view.overdue_model.row_at(r).item.id for r in range(view.overdue_model.rowCount())}
    assert shown == {row.item.id for row in expected.overdue}
    assert view.overdue.is_empty == (not expected.overdue)


def test_every_card_tells_its_level_in_words(qtbot: QtBot, window: MainWindow) -> None:
    view = _wait_loaded(qtbot, window).view
    for card in view.cards.cards:
        assert card.level_label.text().split(" ", 1)[1] in {"OK", "Watch", "Needs attention"}
        assert card.accessibleName() == card.signal.title
        assert card.property("level") == card.signal.level.value
    for label in view.findChildren(QLabel):
        if label.objectName():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_switching_the_initiative_reloads(
    qtbot: QtBot,
    window: MainWindow,
    sample_workspace: Workspace,
    settings: QSettings,
    now: datetime,
) -> None:
    board = _wait_loaded(qtbot, window)
    box = window.initiative_box
    assert box.count() >= 2
    first = board.data.initiative_id
    other = 1 - box.currentIndex() if box.count() == 2 else box.count() - 1
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT_MS):
        box.setCurrentIndex(other)
        box.activated.emit(other)
    assert board.data.initiative_id == box.itemData(other) != first
    expected = _service(sample_workspace, board.data.initiative_id, now)
    assert board.view.title_label.text() == expected.initiative.name
    assert board.view.overdue_model.rowCount() == len(expected.overdue)
    assert {v for v, _, _ in _card_values(board.view).values()} == {
        s.value for s in expected.signals
    }
    assert int(settings.value("ui/last_initiative_id")) == board.data.initiative_id


def test_the_last_initiative_is_remembered(
    qtbot: QtBot, sample_workspace: Workspace, open_window: WindowFactory, settings: QSettings
) -> None:
    with sample_workspace.session_factory.begin() as session:
        last = initiatives(session)[-1]
    settings.setValue("ui/last_initiative_id", last.id)
    window = open_window(sample_workspace, offer_first_run=False)
    board = _wait_loaded(qtbot, window)
    assert board.data.initiative_id == last.id
    assert window.initiative_box.currentText() == last.name


def test_refresh_loads_again(qtbot: QtBot, window: MainWindow) -> None:
    board = _wait_loaded(qtbot, window)
    assert window.refresh_action.shortcut() == QKeySequence(Qt.Key.Key_F5)
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT_MS):
        window.refresh_action.trigger()


def test_keyboard_access(qtbot: QtBot, window: MainWindow) -> None:
    _wait_loaded(qtbot, window)
    box = window.initiative_box
    assert box.accessibleName() == "Initiative"
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    buddies = [label for label in window.findChildren(QLabel) if label.buddy() is box]
    assert [label.text() for label in buddies] == ["&Initiative:"]
    assert window.section_actions[0].shortcut() == QKeySequence("Ctrl+1")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    window.section_actions[0].trigger()
    assert window.pages.currentIndex() == 0
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(window):
            assert widget.accessibleName(), type(widget).__name__


def test_a_user_error_shows_its_message(qtbot: QtBot, window: MainWindow) -> None:
    _wait_loaded(qtbot, window)

    def work(_session: object) -> None:
        raise UserFacingError("the workspace is read-only")

    runner = window.controller.runner
    with qtbot.waitSignal(runner.task_finished, timeout=TIMEOUT_MS):
        runner.run(work, on_success=pytest.fail)
    assert window.failures is not None and window.failures.last_box is not None
    assert window.failures.last_box.text() == "the workspace is read-only"
    assert window.statusBar().currentMessage() == "the workspace is read-only"
    window.failures.last_box.close()


def test_an_empty_workspace_offers_the_first_run(
    qtbot: QtBot,
    workspace: Workspace,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[object] = []

    def fake_ask(cls: type, parent: object, runner: object, *, today: date) -> FirstRunChoice:
        asked.append(parent)
        with workspace.session_factory.begin() as session:
            new = NewAgency("Lakeview PD", "Lakeview", "Chief Ortiz", "CS360", "Sgt. Lee")
            create_agency(session, new, today=today)
        return FirstRunChoice.CREATED

    monkeypatch.setattr(FirstRunDialog, "ask", classmethod(fake_ask))
    window = open_window(workspace)
    qtbot.waitUntil(lambda: window.windowTitle() == "CS360 Desk — Lakeview PD", timeout=TIMEOUT_MS)
    assert asked == [window]
    board = _wait_loaded(qtbot, window)
    assert board.view.title_label.text() == "CS360"
    assert board.view.overdue.is_empty
    assert board.view.overdue.empty_label.text() == "No overdue action items."
    assert board.view.meetings.is_empty
    assert board.view.meetings.empty_label.text() == "No meetings scheduled."


def test_declining_the_first_run_leaves_a_way_back(
    qtbot: QtBot,
    workspace: Workspace,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda *_a, **_k: FirstRunChoice.CANCELLED)
    )
    window = open_window(workspace)
    qtbot.waitUntil(lambda: window.controller.overview is not None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.setup_action.isVisible(), timeout=TIMEOUT_MS)
    view = _dashboard(window).view
    assert view.status_label.text() == "This workspace has no initiative yet."
    assert window.windowTitle() == "CS360 Desk"
    assert not window.initiative_box.isEnabled()


def test_window_size_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    window.resize(1000, 700)
    window.close()
    assert settings.value("ui/main_window_geometry") is not None


def test_loading_is_shown_while_the_worker_is_busy(qtbot: QtBot, window: MainWindow) -> None:
    view = _dashboard(window).view
    assert view.status_label.text() == "Loading…"  # before the first figures arrive
    board = _wait_loaded(qtbot, window)
    assert view.loading_label.isHidden()
    release = threading.Event()
    runner = window.controller.runner
    runner.run(lambda _s: release.wait(10), on_success=lambda _r: None)
    board.refresh()
    assert not view.loading_label.isHidden()
    assert view.loading_label.text() == "Loading…"
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT_MS):
        release.set()
    assert view.loading_label.isHidden()
