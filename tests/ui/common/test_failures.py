"""Failed work is told to the user: their errors plainly, bugs in the crash dialog."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from cs360desk import __version__
from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import UserFacingError, ValidationError
from cs360desk.operations.log_files import logging_to
from cs360desk.ui.common.crash_dialog import HEADING, CrashDialog, open_crash_dialog
from cs360desk.ui.common.failures import BUG_TITLE, FailureReporter
from cs360desk.ui.common.tasks import TaskCancelled, TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def statuses() -> list[str]:
    return []


@pytest.fixture
def reporter(window: QWidget, statuses: list[str]) -> Iterator[FailureReporter]:
    failures = FailureReporter(window, statuses.append)
    yield failures
    if failures.last_box is not None:
        failures.last_box.close()
    if failures.crash_dialog is not None:
        failures.crash_dialog.close()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's logging set up as `app.main` does, into this test's folder."""
    with logging_to(tmp_path / "logs") as path:
        assert path is not None
        yield path


def never(_result: None) -> None:
    pytest.fail("the job should have failed")


def a_bug() -> KeyError:
    empty: dict[str, int] = {}
    try:
        empty["missing"]
    except KeyError as error:
        return error
    raise AssertionError("unreachable")


def test_user_error_shows_its_message(reporter: FailureReporter, statuses: list[str]) -> None:
    reporter.report(UserFacingError("the file <x> is read-only"))
    box = reporter.last_box
    assert box is not None
    assert box.text() == "the file <x> is read-only"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.detailedText() == ""
    assert reporter.crash_dialog is None
    assert statuses == ["the file <x> is read-only"]


def test_bug_shows_the_crash_dialog_and_logs(
    reporter: FailureReporter, statuses: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        reporter.report(a_bug())
    dialog = reporter.crash_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.accessibleName() == BUG_TITLE
    assert dialog.windowTitle().startswith(BUG_TITLE)
    assert dialog.summary.text() == "What failed: KeyError: 'missing'"
    assert "Traceback" in dialog.details
    assert "KeyError" in caplog.text
    assert reporter.last_box is None
    assert statuses == [BUG_TITLE]


def test_cancelled_work_is_no_error(reporter: FailureReporter, statuses: list[str]) -> None:
    reporter.report(TaskCancelled("cancelled"))
    assert reporter.last_box is None
    assert reporter.crash_dialog is None
    assert statuses == ["Cancelled; nothing was changed."]


def test_a_failing_task_reaches_the_reporter(
    qtbot: QtBot, workspace: Workspace, reporter: FailureReporter
) -> None:
    runner = TaskRunner(workspace.session_factory, reporter.report)

    def work(_session: Any) -> None:
        raise ValidationError("due_on", "must not be before the start")

    with qtbot.waitSignal(runner.task_finished, timeout=10_000):
        runner.run(work, on_success=never)
    assert runner.shutdown()
    assert reporter.last_box is not None
    assert reporter.last_box.text() == "due on: must not be before the start"


def test_a_bug_in_a_worker_opens_the_crash_dialog_with_the_log(
    qtbot: QtBot, workspace: Workspace, reporter: FailureReporter, log_file: Path
) -> None:
    runner = TaskRunner(workspace.session_factory, reporter.report)

    def work(_session: Any) -> None:
        raise RuntimeError("the worker tripped over Nguyễn")

    with qtbot.waitSignal(runner.task_finished, timeout=10_000):
        runner.run(work, on_success=never)
    assert runner.shutdown()
    dialog = reporter.crash_dialog
    assert dialog is not None and dialog.isVisible()
    assert HEADING == "Something went wrong — nothing you saved is lost."
    heading = dialog.findChild(QLabel, "CrashHeading")
    assert heading is not None and heading.text() == HEADING
    assert dialog.summary.text() == "What failed: RuntimeError: the worker tripped over Nguyễn"
    assert dialog.log_path.text() == str(log_file)
    assert dialog.log_path.isReadOnly() and not dialog.log_path.isHidden()
    assert dialog.no_log.isHidden()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "RuntimeError: the worker tripped over Nguyễn" in copied
    assert f"CS360 Desk {__version__}" in copied
    assert "Python 3." in copied and "Qt 6." in copied and "PySide6 6." in copied
    assert dialog.copy_button.text() == "Copied ✓"
    logged = log_file.read_text(encoding="utf-8")
    assert "Unexpected error in work for the window" in logged
    assert "RuntimeError: the worker tripped over Nguyễn" in logged
    assert 'in work\n    raise RuntimeError("the worker tripped over Nguyễn")' in logged


def test_a_second_bug_is_counted_in_the_open_dialog(
    qtbot: QtBot, window: QWidget, reporter: FailureReporter
) -> None:
    for _ in range(30):
        reporter.report(a_bug())
    reporter.report(ValueError("the last one"))
    dialogs = [d for d in window.findChildren(CrashDialog) if d.isVisible()]
    assert dialogs == [reporter.crash_dialog] == [open_crash_dialog()]
    dialog = dialogs[0]
    assert dialog.count == 31
    assert not dialog.repeats.isHidden()
    assert "31 times" in dialog.repeats.text()
    assert dialog.summary.text() == "What failed: ValueError: the last one"
    assert len(dialog.reports) == 10  # the newest ten, not a clipboard without end
    assert dialog.details.rstrip().endswith("ValueError: the last one")


def test_once_closed_the_next_bug_opens_a_fresh_dialog(
    qtbot: QtBot, reporter: FailureReporter
) -> None:
    reporter.report(a_bug())
    first = reporter.crash_dialog
    assert first is not None
    first.close()
    qtbot.waitUntil(lambda: reporter.crash_dialog is None)
    reporter.report(a_bug())
    assert reporter.crash_dialog is not None and reporter.crash_dialog.count == 1


def test_without_a_log_file_the_dialog_says_so(reporter: FailureReporter) -> None:
    reporter.report(a_bug())
    dialog = reporter.crash_dialog
    assert dialog is not None
    assert dialog.log_path.isHidden()
    assert not dialog.no_log.isHidden()
    assert "Log file: none" in dialog.details


def test_every_control_has_an_accessible_name(reporter: FailureReporter) -> None:
    reporter.report(a_bug())
    dialog = reporter.crash_dialog
    assert dialog is not None
    for widget in (dialog, dialog.summary, dialog.log_path, dialog.copy_button):
        assert widget.accessibleName()
