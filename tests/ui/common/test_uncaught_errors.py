"""An exception nothing caught, on the UI thread or another, opens the crash dialog and is
logged; it never ends the app without a word."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.operations.log_files import logging_to
from cs360desk.ui.common.crash_dialog import CrashDialog, open_crash_dialog
from cs360desk.ui.common.uncaught_errors import UncaughtErrors

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    with logging_to(tmp_path / "logs") as path:
        assert path is not None
        yield path


@pytest.fixture
def uncaught(window: QWidget) -> Iterator[UncaughtErrors]:
    """Installed for the test only; pytest-qt's own hooks are back afterwards."""
    hook, thread_hook = sys.excepthook, threading.excepthook
    errors = UncaughtErrors(lambda: window, parent=window)
    errors.install()
    try:
        yield errors
    finally:
        errors.uninstall()
        sys.excepthook, threading.excepthook = hook, thread_hook
        dialog = open_crash_dialog()
        if dialog is not None:
            dialog.close()


def shown_dialog(qtbot: QtBot) -> CrashDialog:
    qtbot.waitUntil(lambda: open_crash_dialog() is not None, timeout=5_000)
    dialog = open_crash_dialog()
    assert dialog is not None
    return dialog


def test_a_callback_that_raises_opens_the_dialog(
    qtbot: QtBot, window: QWidget, uncaught: UncaughtErrors, log_file: Path
) -> None:
    def on_timer() -> None:
        raise LookupError("no meeting numbered 77")

    QTimer.singleShot(0, on_timer)
    dialog = shown_dialog(qtbot)
    assert dialog.parent() is window
    assert dialog.summary.text() == "What failed: LookupError: no meeting numbered 77"
    assert dialog.log_path.text() == str(log_file)
    assert "Where: the window (main thread)" in dialog.details
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "in on_timer" in copied and "LookupError: no meeting numbered 77" in copied
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL" in logged and "Uncaught exception in the window (main thread)" in logged
    assert 'raise LookupError("no meeting numbered 77")' in logged


def test_a_slot_that_raises_again_and_again_makes_one_dialog(
    qtbot: QtBot, window: QWidget, uncaught: UncaughtErrors
) -> None:
    button = QPushButton("Go", window)

    def on_click() -> None:
        raise ValueError("clicked into a bug")

    button.clicked.connect(on_click)
    for _ in range(5):
        button.click()
    dialog = shown_dialog(qtbot)
    qtbot.waitUntil(lambda: dialog.count == 5)
    assert [d for d in window.findChildren(CrashDialog) if d.isVisible()] == [dialog]
    assert "5 times" in dialog.repeats.text()


def test_another_thread_that_raises_opens_the_dialog(
    qtbot: QtBot, uncaught: UncaughtErrors, log_file: Path
) -> None:
    def work() -> None:
        raise OSError("the scanner thread lost its file")

    thread = threading.Thread(target=work, name="scanner")
    thread.start()
    thread.join()
    dialog = shown_dialog(qtbot)
    assert dialog.summary.text() == "What failed: OSError: the scanner thread lost its file"
    assert "Where: thread scanner" in dialog.details
    assert "the scanner thread lost its file" in log_file.read_text(encoding="utf-8")


def test_ctrl_c_goes_to_pythons_own_hook(
    qtbot: QtBot, window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []

    def previous(kind: type[BaseException], _e: BaseException, _t: TracebackType | None) -> None:
        seen.append(kind)

    monkeypatch.setattr(sys, "excepthook", previous)
    errors = UncaughtErrors(lambda: window, parent=window)
    errors.install()
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        errors.uninstall()
    assert seen == [KeyboardInterrupt]
    assert sys.excepthook is previous
    assert open_crash_dialog() is None


def test_uninstall_puts_back_the_earlier_hooks(window: QWidget) -> None:
    hook, thread_hook = sys.excepthook, threading.excepthook
    errors = UncaughtErrors(lambda: window, parent=window)
    errors.install()
    assert sys.excepthook is not hook and threading.excepthook is not thread_hook
    errors.uninstall()
    assert sys.excepthook is hook and threading.excepthook is thread_hook


def test_with_no_window_to_go_over_the_dialog_still_shows(qtbot: QtBot, window: QWidget) -> None:
    errors = UncaughtErrors(lambda: None, parent=window)
    hook = sys.excepthook
    errors.install()
    try:
        QTimer.singleShot(0, lambda: int("not a number"))
        dialog = shown_dialog(qtbot)
    finally:
        errors.uninstall()
        sys.excepthook = hook
    assert dialog.parent() is None
    dialog.close()
    qtbot.waitUntil(lambda: open_crash_dialog() is None)
