"""The real app start (`run_app`) sends Qt's messages to the log and uncaught exceptions to the
crash dialog while the app runs, and puts the earlier handlers back after."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.ui.common.crash_dialog import open_crash_dialog
from cs360desk.ui.shell import application
from cs360desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_run_app_installs_the_hooks_for_the_run_only(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hook, thread_hook = sys.excepthook, threading.excepthook
    window = QWidget()
    qtbot.addWidget(window)
    window.show()

    def fake_run_gui(db_path: Path, argv: list[str]) -> int:
        assert sys.excepthook is not hook and threading.excepthook is not thread_hook
        qWarning("a warning from Qt while the app runs")

        def on_timer() -> None:
            raise ValueError("a slot that raised")

        QTimer.singleShot(0, on_timer)
        qtbot.waitUntil(lambda: open_crash_dialog() is not None, timeout=5_000)
        dialog = open_crash_dialog()
        assert dialog is not None
        assert dialog.summary.text() == "What failed: ValueError: a slot that raised"
        dialog.close()
        return 7

    monkeypatch.setattr(application, "run_gui", fake_run_gui)
    with caplog.at_level(logging.WARNING, logger="cs360desk"):
        assert application.run_app(tmp_path / "w.cs360", ["cs360desk"]) == 7
    assert sys.excepthook is hook and threading.excepthook is thread_hook
    messages = [(r.name, r.getMessage()) for r in caplog.records]
    assert ("cs360desk.qt", "a warning from Qt while the app runs") in messages
    assert any(m.startswith("Uncaught exception in the window") for _n, m in messages)


def test_the_crash_dialog_goes_over_the_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "w.cs360")
    qtbot.addWidget(window)
    window.show()
    active = QApplication.activeWindow()
    assert application.crash_parent() in {window, active}
    window.hide()
    assert application.crash_parent() in {window, active}
