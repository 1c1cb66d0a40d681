"""The app's icon on its windows and taskbar entry, from the PNG sizes in resources/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

# resources/ sits beside the cs360desk package both in the source tree and in the built app.
RESOURCES = Path(__file__).resolve().parents[3] / "resources"
# The Linux menu entry's file name: Wayland matches windows to it for their icon and name.
DESKTOP_FILE_NAME = "cs360desk"


def app_icon(folder: Path = RESOURCES) -> QIcon:
    """Every size drawn for the icon, so each place picks a sharp one; empty when missing."""
    icon = QIcon()
    for path in sorted(folder.glob("icon-*.png")):
        icon.addFile(str(path))
    return icon


def set_app_icon(app: QGuiApplication, folder: Path = RESOURCES) -> None:
    app.setWindowIcon(app_icon(folder))
    app.setDesktopFileName(DESKTOP_FILE_NAME)
