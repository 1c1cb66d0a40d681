"""Fixtures for the shell's tests: the main window over the sample agency, and its settings
dialog opened as a person would, from Edit → Settings…."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.settings_dialog import SettingsDialog

TIMEOUT_MS = 15_000


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    """`sample_window` (tests/ui/conftest.py): closed after the test, before its workspace."""
    return sample_window


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """Edit → Settings… triggered, and the dialog once it has loaded and is shown."""
    controller = window.controller
    controller.settings_action.trigger()
    dialog = controller.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)
    assert dialog.isVisible()
    return dialog
