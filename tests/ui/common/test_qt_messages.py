"""Qt's own warnings reach the app's log, at the matching level."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QtMsgType, qCritical, qDebug, qWarning

from cs360desk.ui.common.qt_messages import LEVELS, log_qt_messages

pytestmark = pytest.mark.gui


def test_qt_messages_go_to_the_log_and_the_earlier_handler_comes_back(
    caplog: pytest.LogCaptureFixture,
) -> None:
    restore = log_qt_messages()
    try:
        with caplog.at_level(logging.DEBUG, logger="cs360desk.qt"):
            qWarning("QWidget::setLayout: a test warning")
            qCritical("a test critical message")
            qDebug("a test debug message")
    finally:
        restore()  # pytest-qt's handler again, so later warnings fail their tests
    found = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert ("cs360desk.qt", logging.WARNING, "QWidget::setLayout: a test warning") in found
    assert ("cs360desk.qt", logging.ERROR, "a test critical message") in found
    assert ("cs360desk.qt", logging.DEBUG, "a test debug message") in found


def test_every_qt_level_has_a_logging_level() -> None:
    assert set(LEVELS) == {
        QtMsgType.QtDebugMsg,
        QtMsgType.QtInfoMsg,
        QtMsgType.QtWarningMsg,
        QtMsgType.QtCriticalMsg,
        QtMsgType.QtFatalMsg,
    }
