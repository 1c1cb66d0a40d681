"""Sharp on a 200 % screen: the crash dialog's icon, the report preview's pages, the Settings
logo preview and the app icon are drawn with twice the pixels at a device pixel ratio of 2.

Qt fixes the scale factor when the application starts, so each ratio runs in its own process
(QT_SCALE_FACTOR=1 and 2) and reports what the widgets show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cs360desk.ui.reports.jobs import MAX_PIXEL_RATIO, PREVIEW_DPI, preview_dpi

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]

PROBE = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

app = QApplication([])
from cs360desk.ui.common.crash_dialog import CrashDialog
from cs360desk.ui.reports.jobs import preview_dpi, render_pages
from cs360desk.ui.reports.preview import ReportPreview
from cs360desk.ui.shell.app_icon import app_icon
from cs360desk.ui.shell.settings_dialog_view import SettingsView

def shown(pixmap):
    size = pixmap.deviceIndependentSize()
    return {"ratio": pixmap.devicePixelRatio(), "pixels": [pixmap.width(), pixmap.height()],
            "logical": [round(size.width()), round(size.height())]}

out = {"screen": app.primaryScreen().devicePixelRatio()}
crash = CrashDialog()
icons = [l for l in crash.findChildren(QLabel) if not l.pixmap().isNull()]
out["crash"] = shown(icons[0].pixmap())

pdf = Path(sys.argv[1])
canvas = Canvas(str(pdf), pagesize=letter)
canvas.drawString(72, 720, "Page one")
canvas.save()
preview = ReportPreview()
preview.resize(1400, 1200)
preview.show()
app.processEvents()
preview.show_pages(render_pages(pdf, preview_dpi(preview.devicePixelRatioF())))
app.processEvents()
out["page"] = shown(preview.page_labels[0].pixmap())

settings = SettingsView()
image = QImage(400, 200, QImage.Format.Format_RGB32)
image.fill(QColor("navy"))
data = QByteArray()
buffer = QBuffer(data)
buffer.open(QBuffer.OpenModeFlag.WriteOnly)
image.save(buffer, "PNG")
settings.show_logo(bytes(data.data()))
out["logo"] = shown(settings.logo_preview.pixmap())

out["icon"] = shown(app_icon().pixmap(QSize(32, 32), crash.devicePixelRatioF()))
out["large_icon"] = shown(app_icon().pixmap(QSize(256, 256), crash.devicePixelRatioF()))
print(json.dumps(out))
"""


def _shown_at(scale: int, tmp_path: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": str(scale),
        "CS360DESK_LANG": "en",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / f"page-{scale}.pdf")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_at_twice_the_pixel_ratio_every_image_has_twice_the_pixels(tmp_path: Path) -> None:
    normal, double = _shown_at(1, tmp_path), _shown_at(2, tmp_path)
    assert (normal["screen"], double["screen"]) == (1.0, 2.0)
    for name in ("crash", "page", "logo", "icon", "large_icon"):
        one, two = normal[name], double[name]
        assert one["ratio"] == 1.0 and two["ratio"] == 2.0, name
        assert two["logical"] == one["logical"], name  # as large on screen
        assert two["pixels"] == [2 * side for side in one["pixels"]], name  # and twice as fine
    assert normal["crash"]["logical"] == [48, 48]
    assert double["icon"]["pixels"] == [64, 64] and double["large_icon"]["pixels"] == [512, 512]


def test_the_preview_resolution_follows_the_pixel_ratio() -> None:
    assert preview_dpi(1.0) == PREVIEW_DPI
    assert preview_dpi(2.0) == 2 * PREVIEW_DPI
    assert preview_dpi(1.5) == round(1.5 * PREVIEW_DPI)
    assert preview_dpi(0.5) == PREVIEW_DPI  # never coarser than at 100 %
    assert preview_dpi(8.0) == round(MAX_PIXEL_RATIO * PREVIEW_DPI)
