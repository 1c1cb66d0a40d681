"""Python's cycle collector, run on the main thread only.

The collector runs in whichever thread happens to allocate. When it runs on the task worker
and frees a cycle holding Qt objects that belong to the main thread, Qt deletes them from
the wrong thread and the app crashes (seen as a segfault "Garbage-collecting" inside a
worker's query). Automatic collection is therefore switched off and done here instead, by a
timer on the main thread, one generation at a time as the thresholds say.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 1000


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_main_thread() -> None:
    """Install the collector once per application; call from the main thread."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    if app.findChild(MainThreadGarbageCollector) is None:
        MainThreadGarbageCollector(app)
