"""Other people's saves appear in the open section without a restart, and a dropped server
connection is said in the status bar until a look at the workspace succeeds again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import N_, _
from cs360desk.services import history
from cs360desk.ui.common.edit_history import EditHistory
from cs360desk.ui.common.failures import NOT_CONNECTED, is_connection_lost
from cs360desk.ui.common.sections import Section
from cs360desk.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

POLL_MS = 2000
CONNECTED_AGAIN = N_("Connected again; you can save now.")


class LiveRefresh(QObject):
    """Every `POLL_MS`, one indexed MAX(id) of the change records; when it has grown by
    someone else's save, the section in view (`current`) reloads, keeping its selection and
    any typing, and `mark_stale` has the others reload when next shown.

    `refreshed` fires after each such refresh; `connection_changed(bool)` when a look at the
    workspace fails or, after failing, succeeds again.
    """

    refreshed = Signal()
    connection_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        history: EditHistory,
        show_status: Callable[[str], None],
        *,
        current: Callable[[], Section],
        mark_stale: Callable[[], None],
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._show_status = show_status
        self._current = current
        self._mark_stale = mark_stale
        self._seen: int | None = None
        self._polling = False
        self._own_saves = False
        self.connected = True
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        # This window's own saves, undos and redos show already: they are no news.
        history.recorded.connect(self._on_own_save)
        history.applied.connect(self._on_own_save)

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """One look, unless the last is still waiting behind other work on the worker."""
        if self._polling:
            return
        self._polling = True
        self._runner.run(
            history.latest_change_id, on_success=self._on_polled, on_failure=self._on_poll_failed
        )

    def _on_own_save(self, _edit: object) -> None:
        self._own_saves = True

    def _on_polled(self, latest: int) -> None:
        self._polling = False
        if not self.connected:
            self.connected = True
            self._show_status(_(CONNECTED_AGAIN))
            self.connection_changed.emit(True)
        seen, self._seen = self._seen, latest
        own, self._own_saves = self._own_saves, False
        if seen is None or latest <= seen:
            return
        if own:
            # Growth that came with a save of ours is taken for ours; someone else's save in
            # the same two seconds then shows with the next change or when F5 is pressed.
            return
        self._mark_stale()
        section = self._current()
        # A section with a form reloads it only while it holds no typing (RecordSection).
        refresh = getattr(section, "refresh_live", section.refresh)
        refresh()
        self.refreshed.emit()

    def _on_poll_failed(self, error: BaseException) -> None:
        self._polling = False
        if not isinstance(error, UserFacingError):
            log.error("Looking for other people's changes failed", exc_info=error)
            self._timer.stop()  # a bug: said once, not every two seconds
            self._runner.report_failure(error)
            return
        if not is_connection_lost(error):
            return  # busy, say with another program writing the file: the next look retries
        self._show_status(_(NOT_CONNECTED))
        if self.connected:
            self.connected = False
            self.connection_changed.emit(False)
