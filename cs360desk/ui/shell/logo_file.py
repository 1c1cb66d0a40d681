"""Choosing the agency's logo: a PNG or JPEG kept as it is, an SVG drawn to PNG for printing."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QImageWriter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cs360desk.services.catalog import MAX_LOGO_BYTES

LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg)"
MAX_SIDE_PX = 4000
# The PDF library prints PNG and JPEG only; an SVG is drawn at this size on its long side.
SVG_LONG_SIDE_PX = 1200
_KEPT_AS_IS = (b"png", b"jpeg")
_DRAWN = (b"svg", b"svgz")


def logo_from_file(path: Path) -> bytes | str:
    """The bytes to store as the logo, or why the file will not do (a sentence to show)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"The file cannot be read: {error.strerror or error}."
    if size > MAX_LOGO_BYTES:
        megabytes = math.ceil(size / 1024 / 102.4) / 10  # 5.01 MB is said as 5.1, not 5.0
        return f"The file is {megabytes:.1f} MB; a logo may be at most 5 MB."
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # what the file is, not what its name says
    kind = bytes(reader.format().data())
    if kind in _DRAWN:
        return _drawn_svg(reader)
    if kind not in _KEPT_AS_IS:
        return "The file is not a PNG, JPEG or SVG image."
    width, height = reader.size().width(), reader.size().height()
    if max(width, height) > MAX_SIDE_PX:
        return (
            f"The image is {width} × {height} pixels; a logo may be at most "
            f"{MAX_SIDE_PX} pixels on each side."
        )
    if reader.read().isNull():
        return f"The image cannot be read: {reader.errorString()}."
    try:
        return path.read_bytes()  # unchanged: no quality lost to re-encoding
    except OSError as error:
        return f"The file cannot be read: {error.strerror or error}."


def _drawn_svg(reader: QImageReader) -> bytes | str:
    natural = reader.size()
    if natural.isEmpty():
        return "The SVG image gives no size to draw it at."
    reader.setScaledSize(fitted(natural, QSize(SVG_LONG_SIDE_PX, SVG_LONG_SIDE_PX)))
    image = reader.read()
    if image.isNull():
        return f"The SVG image cannot be drawn: {reader.errorString()}."
    return _png_bytes(image)


def _png_bytes(image: QImage) -> bytes | str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        return f"The SVG image cannot be turned into a PNG: {writer.errorString()}."
    return bytes(buffer.data().data())


def fitted(size: QSize, box: QSize) -> QSize:
    """`size` scaled up or down to fit `box`, keeping its shape: how the report prints it."""
    return size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


class LogoFiles:
    """The file chooser and the refusal message; tests replace both."""

    @classmethod
    def choose(cls, parent: QWidget, folder: str = "") -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, "Choose the agency's logo", folder, LOGO_FILTER
        )
        return Path(chosen) if chosen else None

    @classmethod
    def refuse(cls, parent: QWidget, path: Path, reason: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Logo not used", reason, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the user's text
        box.setInformativeText(
            f"File: {path.name}\n\nChoose a PNG, JPEG or SVG image of at most 5 MB and "
            f"{MAX_SIDE_PX} pixels on each side."
        )
        box.exec()
