"""Starting the desktop app: the main window painted first, then the workspace opened into it.

This module stays light (Qt and the window's layout only) so the window shows before the
database layer, the workspace check and the dashboard load behind it (`ui.shell.opening`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _
from cs360desk.ui.common.qt_messages import log_qt_messages
from cs360desk.ui.common.settings import (
    APPLICATION_NAME,
    ORGANIZATION_NAME,
    app_settings,
    last_workspace,
)
from cs360desk.ui.common.uncaught_errors import UncaughtErrors
from cs360desk.ui.shell.app_icon import set_app_icon
from cs360desk.ui.shell.language import apply_language
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.new_window import new_main_window

if TYPE_CHECKING:
    from cs360desk.ui.shell.opening import AppSession


def run_app(
    location: WorkspaceLocation | Path, argv: list[str], *, use_last_choice: bool = False
) -> int:
    """`run_gui` as the real app starts: Qt's messages go to the log and an exception nothing
    caught opens the crash dialog. Tests call `run_gui`, keeping pytest-qt's own handlers."""
    restore_qt_messages = log_qt_messages()  # before QApplication: its start can warn too
    app = application(argv)
    uncaught = UncaughtErrors(crash_parent, parent=app)
    uncaught.install()
    try:
        if use_last_choice:
            return run_gui(location, argv, use_last_choice=True)
        return run_gui(location, argv)
    finally:
        uncaught.uninstall()
        restore_qt_messages()


def run_gui(
    location: WorkspaceLocation | Path, argv: list[str], *, use_last_choice: bool = False
) -> int:
    """Open the workspace and run the app until its window closes; 1 when it cannot open.

    With `use_last_choice` (nothing named a workspace) the one last chosen in File → Open…
    opens instead; when it cannot, `location` does."""
    app = application(argv)
    settings, given = app_settings(), WorkspaceLocation.parse(location)
    last = last_workspace(settings) if use_last_choice else None
    session = _show_and_open(last or given, settings)
    if session is None and last is not None and last != given:
        session = _show_and_open(given, settings)
    if session is None:
        return 1
    try:
        return app.exec()
    finally:
        session.close()


def _show_and_open(location: WorkspaceLocation, settings: QSettings) -> AppSession | None:
    window = show_main_window(location, settings)
    from cs360desk.ui.shell.opening import open_into  # the database layer loads under the window

    session = open_into(window, settings)
    if session is None:
        window.close()
        window.deleteLater()
    return session


def application(argv: list[str]) -> QApplication:
    """The one QApplication, named so QSettings finds the app's own preferences."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    set_app_icon(app)
    apply_language(app, app_settings())
    return app


def show_main_window(location: WorkspaceLocation | Path, settings: QSettings) -> MainWindow:
    """The main window, painted at once; the workspace is opened into it next."""
    window = new_main_window(location, settings)
    window.statusBar().showMessage(_("Opening the workspace…"))
    window.show()
    QApplication.processEvents()  # mapped and painted before the slower work starts
    return window


def crash_parent() -> QWidget | None:
    """Where a crash dialog belongs: the active window (a dialog, maybe), else the main one."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    visible = [w for w in windows if w.isVisible()]
    return (visible or windows)[0] if windows else None
