"""Choosing the agency's logo: a PNG or JPEG kept as it is, an SVG drawn to PNG for printing."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QImageWriter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cs360desk.i18n import N_, _
from cs360desk.services.catalog import MAX_LOGO_BYTES

LOGO_FILTER = N_("Images (*.png *.jpg *.jpeg *.svg)")
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
        return _("The file cannot be read: {reason}.").format(reason=error.strerror or error)
    if size > MAX_LOGO_BYTES:
        megabytes = math.ceil(size / 1024 / 102.4) / 10  # 5.01 MB is said as 5.1, not 5.0
        return _("The file is {size} MB; a logo may be at most 5 MB.").format(
            size=f"{megabytes:.1f}"
        )
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # what the file is, not what its name says
    kind = bytes(reader.format().data())
    if kind in _DRAWN:
        return _drawn_svg(reader)
    if kind not in _KEPT_AS_IS:
        return _("The file is not a PNG, JPEG or SVG image.")
    width, height = reader.size().width(), reader.size().height()
    if max(width, height) > MAX_SIDE_PX:
        return _(
            "The image is {width} × {height} pixels; a logo may be at most "
            "{most} pixels on each side."
        ).format(width=width, height=height, most=MAX_SIDE_PX)
    if reader.read().isNull():
        return _("The image cannot be read: {reason}.").format(reason=reader.errorString())
    try:
        return path.read_bytes()  # unchanged: no quality lost to re-encoding
    except OSError as error:
        return _("The file cannot be read: {reason}.").format(reason=error.strerror or error)


def _drawn_svg(reader: QImageReader) -> bytes | str:
    natural = reader.size()
    if natural.isEmpty():
        return _("The SVG image gives no size to draw it at.")
    reader.setScaledSize(fitted(natural, QSize(SVG_LONG_SIDE_PX, SVG_LONG_SIDE_PX)))
    image = reader.read()
    if image.isNull():
        return _("The SVG image cannot be drawn: {reason}.").format(reason=reader.errorString())
    return _png_bytes(image)


def _png_bytes(image: QImage) -> bytes | str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        return _("The SVG image cannot be turned into a PNG: {reason}.").format(
            reason=writer.errorString()
        )
    return bytes(buffer.data().data())


def fitted(size: QSize, box: QSize) -> QSize:
    """`size` scaled up or down to fit `box`, keeping its shape: how the report prints it."""
    return size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


class LogoFiles:
    """The file chooser and the refusal message; tests replace both."""

    @classmethod
    def choose(cls, parent: QWidget, folder: str = "") -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, _("Choose the agency's logo"), folder, _(LOGO_FILTER)
        )
        return Path(chosen) if chosen else None

    @classmethod
    def refuse(cls, parent: QWidget, path: Path, reason: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Logo not used"), reason, parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the user's text
        box.setInformativeText(
            _(
                "File: {name}\n\nChoose a PNG, JPEG or SVG image of at most 5 MB and "
                "{most} pixels on each side."
            ).format(name=path.name, most=MAX_SIDE_PX)
        )
        box.exec()
