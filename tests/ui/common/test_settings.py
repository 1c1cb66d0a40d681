"""Remembered choices read from an isolated settings file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

import cs360desk.ui
from cs360desk.ui.common import settings as settings_module
from cs360desk.ui.common.settings import (
    last_initiative,
    remember_initiative,
    remember_tracker_folder,
    remember_window_geometry,
    tracker_folder,
    window_geometry,
)

pytestmark = pytest.mark.gui


def test_nothing_set_remembers_nothing(settings: QSettings) -> None:
    assert last_initiative(settings) is None


def test_the_last_initiative_survives_a_reread(settings: QSettings) -> None:
    remember_initiative(settings, 4)
    settings.sync()
    assert last_initiative(QSettings(settings.fileName(), QSettings.Format.IniFormat)) == 4


def test_no_agency_setting_is_kept_in_the_computers_preferences() -> None:
    """Thresholds, cadences, hashtag, time zone travel with the workspace, not with QSettings."""
    keys = [
        value
        for name, value in vars(settings_module).items()
        if name.endswith("_KEY") and isinstance(value, str)
    ]
    assert keys
    assert not [key for key in keys if key.startswith(("momentum", "agency", "drafts"))]


def test_a_large_initiative_id_is_remembered(settings: QSettings) -> None:
    remember_initiative(settings, 123_456)
    assert last_initiative(settings) == 123_456


def test_window_geometry_round_trips_and_ignores_junk(settings: QSettings) -> None:
    assert window_geometry(settings) is None
    settings.setValue("ui/main_window_geometry", "not a geometry")
    assert window_geometry(settings) is None
    remember_window_geometry(settings, QByteArray(b"\x01\xd9\xd0\xcb"))
    assert window_geometry(settings) == QByteArray(b"\x01\xd9\xd0\xcb")


def test_the_tracker_folder_is_remembered_while_it_exists(
    settings: QSettings, tmp_path: Path
) -> None:
    assert tracker_folder(settings) == Path.home()
    folder = tmp_path / "Trackers ñ"
    folder.mkdir()
    remember_tracker_folder(settings, folder)
    assert tracker_folder(settings) == folder
    folder.rmdir()
    assert tracker_folder(settings) == Path.home()


def test_only_the_settings_module_reads_or_writes_qsettings() -> None:
    """Each key is named once: elsewhere in ui/ no call reads or writes a QSettings value."""
    package = Path(cs360desk.ui.__file__).parent
    own = Path(settings_module.__file__)
    found = []
    for path in package.rglob("*.py"):
        if path == own:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"value", "setValue", "remove", "beginGroup"}
                and ast.unparse(node.func.value).endswith("settings")
            ):
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []
