"""Failed work is told to the user: their errors plainly, bugs as "Something went wrong"."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import UserFacingError, ValidationError
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


def test_user_error_shows_its_message(reporter: FailureReporter, statuses: list[str]) -> None:
    reporter.report(UserFacingError("the file <x> is read-only"))
    box = reporter.last_box
    assert box is not None
    assert box.text() == "the file <x> is read-only"
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.detailedText() == ""
    assert statuses == ["the file <x> is read-only"]


def test_bug_shows_something_went_wrong_and_logs(
    reporter: FailureReporter, statuses: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    try:
        {}["missing"]
    except KeyError as error:
        with caplog.at_level(logging.ERROR):
            reporter.report(error)
    box = reporter.last_box
    assert box is not None
    assert box.windowTitle() == BUG_TITLE
    assert box.text().startswith(BUG_TITLE)
    assert "Traceback" in box.detailedText()
    assert "KeyError" in caplog.text
    assert statuses == [BUG_TITLE]


def test_cancelled_work_is_no_error(reporter: FailureReporter, statuses: list[str]) -> None:
    reporter.report(TaskCancelled("cancelled"))
    assert reporter.last_box is None
    assert statuses == ["Cancelled; nothing was changed."]


def test_a_failing_task_reaches_the_reporter(
    qtbot: QtBot, workspace: Workspace, reporter: FailureReporter
) -> None:
    runner = TaskRunner(workspace.session_factory, reporter.report)

    def work(_session: Any) -> None:
        raise ValidationError("due_on", "must not be before the start")

    with qtbot.waitSignal(runner.task_finished, timeout=10_000):
        runner.run(work, on_success=pytest.fail)
    assert runner.shutdown()
    assert reporter.last_box is not None
    assert reporter.last_box.text() == "due on: must not be before the start"
