"""How failed work is told to the user: their mistakes plainly, our bugs with details."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from cs360desk.domain.errors import UserFacingError
from cs360desk.ui.common.tasks import TaskCancelled

log = logging.getLogger(__name__)

BUG_TITLE = "Something went wrong"


class FailureReporter(QObject):
    """Shows each failure in a message box that does not block the event loop."""

    def __init__(self, window: QWidget, show_status: Callable[[str], None] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._show_status = show_status or (lambda _text: None)
        self.last_box: QMessageBox | None = None

    def report(self, error: BaseException) -> None:
        if isinstance(error, TaskCancelled):
            self._show_status("Cancelled; nothing was changed.")
        elif isinstance(error, UserFacingError):
            self._show_status(str(error))
            self._open_box(QMessageBox.Icon.Warning, "CS360 Desk", str(error), "")
        else:
            details = "".join(traceback.format_exception(error))
            log.error("Unexpected error in background work:\n%s", details)
            self._show_status(BUG_TITLE)
            self._open_box(
                QMessageBox.Icon.Critical,
                BUG_TITLE,
                f"{BUG_TITLE}. Nothing was changed by the step that failed.\n\n{error!r}",
                details,
            )

    def _open_box(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(title)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_box = box
        box.destroyed.connect(self._forget_box)
        # open(), not exec(): a window-modal box that leaves the event loop running.
        box.open()

    def _forget_box(self) -> None:
        self.last_box = None
