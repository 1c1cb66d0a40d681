"""Exceptions nothing caught (a slot that raised, a stray thread) go to the log and the crash
dialog instead of ending the app without a word."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from cs360desk.ui.common.crash_dialog import show_crash

log = logging.getLogger(__name__)

ParentFinder = Callable[[], "QWidget | None"]


class UncaughtErrors(QObject):
    """While installed, `sys.excepthook` and `threading.excepthook` report to the crash dialog.

    Create it on the UI thread: errors from other threads reach the dialog through a queued
    signal, because widgets may only be touched there.
    """

    _caught = Signal(object, str)

    def __init__(self, parent_for: ParentFinder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._parent_for = parent_for
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._caught.connect(self._on_caught)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        """Put back the hooks that were there before `install`."""
        if sys.excepthook == self._on_exception:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self._on_thread_exception:
            threading.excepthook = self._previous_thread_hook

    def _on_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        # Ctrl+C in the terminal, or no app left to show a dialog in: Python's usual way.
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            self._previous_hook(kind, error, trace)
            return
        self._caught.emit(error.with_traceback(trace), "the window (main thread)")

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        error = args.exc_value
        # A thread ending by SystemExit is no error, as Python's own hook has it.
        if error is None or args.exc_type is SystemExit or QApplication.instance() is None:
            self._previous_thread_hook(args)
            return
        name = args.thread.name if args.thread is not None else "unknown"
        self._caught.emit(error.with_traceback(args.exc_traceback), f"thread {name}")

    @Slot(object, str)
    def _on_caught(self, error: BaseException, origin: str) -> None:
        log.critical("Uncaught exception in %s", origin, exc_info=error)
        show_crash(error, origin, self._parent_for())
