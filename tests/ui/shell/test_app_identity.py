"""The app's icon and where its settings live: the system's place, or a portable data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cs360desk.ui.common.settings import app_settings, remember_initiative
from cs360desk.ui.shell import app_icon as app_icon_module
from cs360desk.ui.shell.app_icon import (
    DESKTOP_FILE_NAME,
    RESOURCES,
    app_icon,
    scalable_svg,
    set_app_icon,
)
from tests.portable_support import portable_program

pytestmark = pytest.mark.gui


DRAWN_SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("svg", [True, False], ids=["with-svg", "png-only"])
def test_the_icon_has_every_drawn_size(
    svg: bool, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not svg:  # as in a build without QtSvg's icon engine
        monkeypatch.setattr(app_icon_module, "scalable_svg", lambda _path: False)
    icon = app_icon()
    if not svg:
        assert set(DRAWN_SIZES) <= {size.width() for size in icon.availableSizes()}
    for side in DRAWN_SIZES:
        # Each size is its own drawing: the 16 px one is not the 256 px one scaled down.
        shown = icon.pixmap(QSize(side, side)).toImage()
        drawn = QImage(str(RESOURCES / f"icon-{side}.png")).convertToFormat(shown.format())
        assert shown == drawn
        # On a 200 % screen: twice the pixels (up to the largest PNG when there is no SVG).
        sharp = icon.pixmap(QSize(side, side), 2.0)
        assert sharp.width() == (2 * side if svg else min(2 * side, max(DRAWN_SIZES)))


def test_the_svg_icon_is_drawn_at_any_size(qapp: QApplication) -> None:
    assert scalable_svg(RESOURCES / "icon.svg")
    assert app_icon().pixmap(QSize(512, 512)).width() == 512
    assert not scalable_svg(RESOURCES / "missing.svg")


def test_a_missing_resources_folder_gives_an_empty_icon(tmp_path: Path, qapp: QApplication) -> None:
    assert app_icon(tmp_path / "nowhere").isNull()


def test_the_application_gets_the_icon_and_menu_entry_name(qapp: QApplication) -> None:
    set_app_icon(qapp, RESOURCES)
    assert not qapp.windowIcon().isNull()
    assert qapp.desktopFileName() == DESKTOP_FILE_NAME


def test_from_source_settings_use_the_system_place(qapp: QApplication) -> None:
    assert not getattr(sys, "frozen", False)
    assert app_settings().format() == QSettings().format()
    assert app_settings().fileName() == QSettings().fileName()


def test_a_portable_copy_keeps_settings_in_its_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    program = portable_program(tmp_path, monkeypatch)
    settings = app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == program.resolve() / "data" / "settings.ini"
    remember_initiative(settings, 3)
    settings.sync()
    assert (program / "data" / "settings.ini").read_text().startswith("[ui]")
