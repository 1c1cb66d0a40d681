"""How failed work is told to the user: their mistakes plainly, our bugs in the crash dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import N_, _
from cs360desk.ui.common.crash_dialog import BUG_TITLE, CrashDialog, show_crash
from cs360desk.ui.common.tasks import TaskCancelled

log = logging.getLogger(__name__)

__all__ = ["BUG_TITLE", "NOT_CONNECTED", "FailureReporter"]

# The status bar while the server cannot be reached; the window keeps trying on its own.
NOT_CONNECTED = N_("Not connected — retrying")


def is_connection_lost(error: BaseException) -> bool:
    """The server stopped answering mid-work: the window retries, nothing is broken."""
    # Only a shared workspace can lose its server; the window opens before that code loads.
    from cs360desk.operations.changes import ConnectionLostError

    return isinstance(error, ConnectionLostError)


class FailureReporter(QObject):
    """Shows each failure in a dialog that does not block the event loop."""

    def __init__(self, window: QWidget, show_status: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._show_status = show_status or (lambda _text: None)
        self.last_box: QMessageBox | None = None
        self.crash_dialog: CrashDialog | None = None

    def report(self, error: BaseException) -> None:
        if isinstance(error, TaskCancelled):
            self._show_status(_("Cancelled; nothing was changed."))
        elif is_connection_lost(error):  # the edit stays, to be saved again
            self._show_status(_(NOT_CONNECTED))
            self._open_box(str(error))
        elif isinstance(error, UserFacingError):
            self._show_status(str(error))
            self._open_box(str(error))
        else:
            log.error("Unexpected error in work for the window", exc_info=error)
            self._show_status(_(BUG_TITLE))
            self.crash_dialog = show_crash(error, "background work or its result", self._window)
            self.crash_dialog.destroyed.connect(self._forget_crash_dialog)

    def _open_box(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "CS360 Desk",
            text,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName("CS360 Desk")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.destroyed.connect(self._forget_box)
        # open(), not exec(): a window-modal box that leaves the event loop running.
        box.open()

    def _forget_box(self) -> None:
        self.last_box = None

    def _forget_crash_dialog(self) -> None:
        self.crash_dialog = None
