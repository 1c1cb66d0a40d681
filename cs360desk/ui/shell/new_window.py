"""A new main window for a workspace: styled, its sections listed, at its last size.

Both starting the app (`ui.shell.application`) and opening a workspace into a window
(`ui.shell.opening`) make one; this module stays as light as the window's layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.ui.common.settings import remember_window_geometry, window_geometry
from cs360desk.ui.common.style import apply_style
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow


def new_main_window(location: WorkspaceLocation | Path, settings: QSettings) -> MainWindow:
    """The main window for this workspace, its sections listed, at its last size."""
    window = MainWindow(location)
    apply_style(window)
    window.add_sections([spec.title for spec in SECTIONS])
    window.resize(1180, 760)
    geometry = window_geometry(settings)
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.closing.connect(lambda: remember_window_geometry(settings, window.saveGeometry()))
    return window
