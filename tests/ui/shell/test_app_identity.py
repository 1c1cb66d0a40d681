"""The app's icon and where its settings live: the system's place, or a portable data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cs360desk.ui.common.settings import app_settings, remember_initiative
from cs360desk.ui.shell.app_icon import DESKTOP_FILE_NAME, RESOURCES, app_icon, set_app_icon

pytestmark = pytest.mark.gui


def test_the_icon_has_every_drawn_size(qapp: QApplication) -> None:
    icon = app_icon()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 24, 32, 48, 64, 128, 256} <= sizes
    # Each size is its own drawing: the 16 px one is not the 256 px one scaled down.
    small = icon.pixmap(QSize(16, 16)).toImage()
    drawn = QImage(str(RESOURCES / "icon-16.png")).convertToFormat(small.format())
    assert small == drawn


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
    program = tmp_path / "CS360Desk"
    program.mkdir()
    (program / "portable").write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "cs360desk"))
    settings = app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == program.resolve() / "data" / "settings.ini"
    remember_initiative(settings, 3)
    settings.sync()
    assert (program / "data" / "settings.ini").read_text().startswith("[ui]")
