"""Renders resources/icon.svg to the PNG sizes and the Windows ICO the app and installers use.

Run after changing the SVG: `python installer/make_icons.py`; the generated files are committed,
so building the app needs neither this script nor an SVG renderer.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"icon-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """One size drawn from the vector source, so small sizes are sharp, not scaled down."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG file Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """A Windows icon holding every rendered size as it was drawn (Pillow writes ICO)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[size])) for size in sorted(pngs, reverse=True)]
    images[0].save(
        target,
        format="ICO",
        sizes=[(size, size) for size in sorted(pngs)],
        append_images=images[1:],
    )


def make_icons(svg: Path, folder: Path) -> list[Path]:
    # Rendering needs a QGuiApplication; offscreen keeps the script usable without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(svg, size) for size in SIZES}
    written = []
    for size, data in pngs.items():
        path = folder / png_name(size)
        path.write_bytes(data)
        written.append(path)
    ico = folder / "icon.ico"
    write_ico(pngs, ico)
    del app
    return [*written, ico]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=RESOURCES / "icon.svg")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="folder for the files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in make_icons(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
