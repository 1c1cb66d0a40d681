"""Qt's own debug output, warnings and errors go to the app's log rather than a console that a
desktop user never sees."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("cs360desk.qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_messages() -> Callable[[], None]:
    """Send Qt's messages to the log from now on; returns what puts the earlier handler back.

    Only the real app start calls this: pytest-qt installs its own handler for each test, and
    GUI tests fail on Qt warnings through it.
    """
    previous = qInstallMessageHandler(_log_qt_message)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category
    where = f"{category}: " if category and category != "default" else ""
    log.log(LEVELS.get(kind, logging.WARNING), "%s%s", where, message)
