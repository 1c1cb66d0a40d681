"""The app's icon on its windows and taskbar entry: resources/icon.svg, sharp at every size
and pixel ratio, with the PNG sizes drawn from it (alone when Qt cannot draw SVG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

# resources/ sits beside the cs360desk package both in the source tree and in the built app.
RESOURCES = Path(__file__).resolve().parents[3] / "resources"
# The Linux menu entry's file name: Wayland matches windows to it for their icon and name.
DESKTOP_FILE_NAME = "cs360desk"


SCALED_PROBE = 512  # larger than any PNG: only an SVG engine draws the icon this big


def scalable_svg(path: Path) -> bool:
    """Whether Qt draws `path` as a vector icon (its SVG icon engine, part of QtSvg, is there):
    without it the file would only be read once at its nominal 256 px."""
    if not path.is_file():
        return False
    probe = QIcon(str(path)).pixmap(QSize(SCALED_PROBE, SCALED_PROBE), 1.0)
    return probe.width() == SCALED_PROBE


def app_icon(folder: Path = RESOURCES) -> QIcon:
    """The SVG when Qt can draw it (sharp at any size on a 200 % screen), and every PNG size:
    each exact size shows its own drawing; empty when the files are missing."""
    icon = QIcon()
    svg = folder / "icon.svg"
    if scalable_svg(svg):
        icon.addFile(str(svg))
    for path in sorted(folder.glob("icon-*.png")):
        # addPixmap, not addFile: a PNG-only icon from addFile answers 32 px at any size at a
        # pixel ratio of 2 (Qt 6.11), which blurs the large icons on 200 % screens.
        icon.addPixmap(QPixmap(str(path)))
    return icon


def set_app_icon(app: QGuiApplication, folder: Path = RESOURCES) -> None:
    app.setWindowIcon(app_icon(folder))
    app.setDesktopFileName(DESKTOP_FILE_NAME)
