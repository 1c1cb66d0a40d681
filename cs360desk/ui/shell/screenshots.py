"""Renders the app's main views to PNG files offscreen, for review and for the README."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations.workspaces import open_workspace
from cs360desk.ui.common.settings import ini_settings
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.shell.application import application
from cs360desk.ui.shell.first_run import FirstRunDialog
from cs360desk.ui.shell.main_controller import MainWindowController
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.opening import build_main_window

log = logging.getLogger(__name__)
WINDOW_SIZE = (1280, 800)
TIMEOUT_S = 60.0


def render_screenshots(db_path: Path, out_dir: Path) -> list[Path]:
    """Every section over ``db_path`` (one PNG each), the Settings and first-run dialogs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read only when Qt starts
    application(["cs360desk"])
    if QLocale().name() == "C":
        # A bare build machine has no locale; show dates the way most users will see them.
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    db_path, out_dir = Path(db_path).expanduser(), Path(out_dir).expanduser()
    if not db_path.is_file():
        raise WorkspaceError(f"no workspace at {db_path}")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cs360-shots-") as scratch:
        settings = ini_settings(Path(scratch) / "settings.ini")
        paths = _section_shots(db_path, settings, out_dir)
        paths += _first_run_shots(Path(scratch) / "empty.cs360", out_dir)
    return paths


def wait_until(condition: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> None:
    """Run the event loop until ``condition()`` holds; raise TimeoutError when it never does."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def dashboard_ready(window: MainWindow) -> bool:
    return window.controller is not None and window.controller.first_page_ready()


def _save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def section_file_name(title: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in title.lower()) + ".png"


def _section_shots(db_path: Path, settings: QSettings, out_dir: Path) -> list[Path]:
    workspace = open_workspace(db_path)
    window = build_main_window(workspace, settings, offer_first_run=False)
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_until(lambda: dashboard_ready(window))
        assert window.controller is not None
        runner = window.controller.runner
        paths = []
        for index, title in enumerate(window.controller.sections):
            window.sidebar.setCurrentRow(index)
            # Sections load on the worker; a page that asks for more settles within a few turns.
            for _turn in range(3):
                QApplication.processEvents()
                wait_until(lambda: not runner.busy)
            paths.append(_save(window, out_dir / section_file_name(title)))
        paths.append(_settings_shot(window, out_dir))
        return paths
    finally:
        window.close()
        window.deleteLater()
        workspace.close()


def _settings_shot(window: MainWindow, out_dir: Path) -> Path:
    """Edit → Settings… as the user opens it, filled from the workspace."""
    controller = window.controller
    assert isinstance(controller, MainWindowController)
    controller.settings_action.trigger()
    dialog = controller.settings_dialog
    assert dialog is not None
    try:
        wait_until(lambda: not dialog.busy)
        return _save(dialog, out_dir / "settings.png")
    finally:
        dialog.reject()


def _first_run_shots(scratch_db: Path, out_dir: Path) -> list[Path]:
    workspace = open_workspace(scratch_db)
    runner = TaskRunner(
        workspace.session_factory, lambda error: log.error("%r", error), workspace=workspace
    )
    dialog = FirstRunDialog(runner, None, today=date.today())
    try:
        dialog.show()
        paths = [_save(dialog, out_dir / "first_run.png")]
        dialog.show_form()
        paths.append(_save(dialog, out_dir / "first_run_form.png"))
        return paths
    finally:
        dialog.close()
        dialog.deleteLater()
        runner.shutdown()
        workspace.close()
