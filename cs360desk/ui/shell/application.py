"""Starting the desktop app: the main window painted first, then the workspace opened into it.

This module stays light (Qt and the window's layout only) so the window shows before the
database layer, the workspace check and the dashboard load behind it (`ui.opening`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from cs360desk.ui.common.settings import APPLICATION_NAME, ORGANIZATION_NAME, app_settings
from cs360desk.ui.common.style import STYLE_SHEET
from cs360desk.ui.shell.app_icon import set_app_icon
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow

GEOMETRY_KEY = "ui/main_window_geometry"


def run_gui(db_path: Path, argv: list[str]) -> int:
    """Open the workspace and run the app until its window closes; 1 when it cannot open."""
    app = application(argv)
    settings, path = app_settings(), Path(db_path).expanduser()
    window = show_main_window(path, settings)
    from cs360desk.ui.shell.opening import open_into  # the database layer loads under the window

    opened = open_into(window, settings)
    if opened is None:
        window.close()
        window.deleteLater()
        return 1
    try:
        return app.exec()
    finally:
        opened.close()


def application(argv: list[str]) -> QApplication:
    """The one QApplication, named so QSettings finds the app's own preferences."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    set_app_icon(app)
    return app


def new_main_window(path: Path, settings: QSettings) -> MainWindow:
    """The main window for this workspace file, its sections listed, at its last size."""
    window = MainWindow(path)
    window.setStyleSheet(STYLE_SHEET)
    window.add_sections([spec.title for spec in SECTIONS])
    window.resize(1180, 760)
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.closing.connect(lambda: settings.setValue(GEOMETRY_KEY, window.saveGeometry()))
    return window


def show_main_window(path: Path, settings: QSettings) -> MainWindow:
    """The main window, painted at once; the workspace is opened into it next."""
    window = new_main_window(path, settings)
    window.statusBar().showMessage("Opening the workspace…")
    window.show()
    QApplication.processEvents()  # mapped and painted before the slower work starts
    return window
