"""Cycles are collected on the main thread only, never on the task worker."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QCoreApplication

from cs360desk.ui.common.garbage import MainThreadGarbageCollector, collect_on_main_thread
from cs360desk.ui.common.tasks import TaskRunner

pytestmark = pytest.mark.gui


def test_a_task_runner_moves_collection_to_the_main_thread(qtbot, workspace) -> None:
    runner = TaskRunner(workspace.session_factory, lambda error: None)
    assert not gc.isenabled()
    app = QCoreApplication.instance()
    assert len(app.findChildren(MainThreadGarbageCollector)) == 1
    collect_on_main_thread()  # installing twice changes nothing
    assert len(app.findChildren(MainThreadGarbageCollector)) == 1
    threads: list[str] = []
    gc.callbacks.append(lambda phase, _info: threads.append(threading.current_thread().name))
    try:
        with qtbot.waitSignal(runner.task_finished, timeout=10_000):
            # Plenty of allocations on the worker: none may start a collection there. The
            # task keeps none of them, so no late frees on the worker skew the counts below.
            runner.run(
                lambda _s: len([[object()] for _ in range(50_000)]), on_success=lambda _r: None
            )
        worker_collections = [name for name in threads if name != "MainThread"]
        assert worker_collections == []
        cycle: list[object] = []
        cycle.append(cycle)
        before = gc.get_count()[0]
        # Far past the threshold: the worker may still be freeing its session's objects on
        # its thread, and each free lowers the count this loop raises.
        for _ in range(20 * gc.get_threshold()[0]):
            cycle = [cycle]
        app.findChild(MainThreadGarbageCollector).collect()
        assert gc.get_count()[0] < before + gc.get_threshold()[0]
        assert threads and all(name == "MainThread" for name in threads)
    finally:
        gc.callbacks.pop()
        assert runner.shutdown()
