"""Starting the desktop app: the QApplication, the workspace, the main window."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.ui.failures import BUG_TITLE, FailureReporter
from cs360desk.ui.main_controller import MainWindowController, utc_now
from cs360desk.ui.main_window import MainWindow
from cs360desk.ui.settings import APPLICATION_NAME, ORGANIZATION_NAME
from cs360desk.ui.style import STYLE_SHEET
from cs360desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
GEOMETRY_KEY = "ui/main_window_geometry"


def run_gui(db_path: Path, argv: list[str]) -> int:
    """Open the workspace and run the app until its window closes; 1 when it cannot open."""
    app = application(argv)
    workspace = _open_or_explain(Path(db_path))
    if workspace is None:
        return 1
    try:
        window = build_main_window(workspace, QSettings())
        window.show()
        return app.exec()
    finally:
        workspace.close()


def application(argv: list[str]) -> QApplication:
    """The one QApplication, named so QSettings finds the app's own preferences."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    return app


def build_main_window(
    workspace: Workspace,
    settings: QSettings,
    *,
    now: Callable[[], datetime] | None = None,
    offer_first_run: bool = True,
) -> MainWindow:
    """The main window over an open workspace, already loading its overview.

    With ``offer_first_run`` an empty workspace opens the first-run dialog once loaded.
    """
    window = MainWindow(workspace.path)
    window.setStyleSheet(STYLE_SHEET)
    failures = FailureReporter(window, window.show_status)
    runner = TaskRunner(workspace.session_factory, failures.report, parent=window)
    controller = MainWindowController(
        window, runner, settings, now=now or utc_now, offer_first_run=offer_first_run
    )
    window.controller = controller
    window.failures = failures
    window.resize(1180, 760)
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.closing.connect(lambda: settings.setValue(GEOMETRY_KEY, window.saveGeometry()))
    controller.start()
    return window


def _open_or_explain(path: Path) -> Workspace | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open_workspace(path)
    except (WorkspaceError, OSError) as error:
        _explain(f"The workspace cannot be opened.\n\n{error}", "")
    except Exception as error:  # a bug, not the user's doing: say so, keep the details
        details = "".join(traceback.format_exception(error))
        log.error("Opening %s failed:\n%s", path, details)
        _explain(f"{BUG_TITLE} while opening the workspace.\n\n{error!r}", details)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def _explain(text: str, details: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
