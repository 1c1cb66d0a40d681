"""The one way the UI touches the workspace: a function run on the worker thread, with a session
or, for operations that open their own transactions, with the workspace itself."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from cs360desk.ui.common.garbage import collect_on_main_thread

if TYPE_CHECKING:  # the window's layout imports this module before the database layer loads
    from cs360desk.operations.workspaces import Workspace

T = TypeVar("T")
# The UI layer may not import SQLAlchemy, so a session is only ever passed through, untyped.
WorkSession = Any
SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, str], None]


class SessionFactory(Protocol):
    def begin(self) -> AbstractContextManager[WorkSession]: ...


class TaskCancelled(Exception):
    """Raised inside a job whose task was cancelled; its transaction is rolled back."""


class TaskJob:
    """What a long job sees of its task: report progress, notice a cancel request."""

    def __init__(self, task: Task[Any]) -> None:
        self._task = task

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested

    def progress(self, percent: int, message: str = "") -> None:
        """Thread-safe; raises TaskCancelled once the user has asked to stop."""
        if self._task.cancel_requested:
            raise TaskCancelled("cancelled")
        self._task._progressed.emit(int(percent), str(message))


class Task(QObject, Generic[T]):
    """One piece of background work; lives on the UI thread, its callbacks run there too."""

    # Emitted from the worker thread; queued to the slots below because this object lives
    # on the UI thread.
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progressed = Signal(int, str)
    progress_changed = Signal(int, str)
    finished = Signal()

    def __init__(
        self,
        on_success: SuccessCallback,
        on_failure: FailureCallback,
        on_progress: ProgressCallback | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._cancel = threading.Event()
        self.done = False
        self._succeeded.connect(self._on_succeeded)
        self._failed.connect(self._on_failed)
        self._progressed.connect(self._on_progressed)
        if on_progress is not None:
            self.progress_changed.connect(on_progress)

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report; the result is then discarded."""
        self._cancel.set()

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        try:
            self._on_success(result)
        finally:
            self._finish()

    @Slot(int, str)
    def _on_progressed(self, percent: int, message: str) -> None:
        if not self.done:
            self.progress_changed.emit(percent, message)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        try:
            self._on_failure(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any], work: Callable[[], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._task = task
        self._work = work

    def run(self) -> None:
        try:
            if self._task.cancel_requested:
                raise TaskCancelled("cancelled before it started")
            result = self._work()
        except BaseException as error:  # every failure is handed to the UI thread, bugs too
            self._task._failed.emit(error)
        else:
            self._task._succeeded.emit(result)


class TaskRunner(QObject):
    """Runs jobs one at a time on a single worker, each inside its own transaction; given the
    `workspace`, also operations that open their own (`run_in_workspace`)."""

    task_finished = Signal(object)

    def __init__(
        self,
        session_factory: SessionFactory,
        on_failure: FailureCallback,
        parent: QObject | None = None,
        *,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        collect_on_main_thread()  # never let the worker collect Qt objects
        self._factory = session_factory
        self._workspace = workspace
        self._default_failure = on_failure
        self._pool = QThreadPool(self)
        # One writer at a time: SQLite allows no more, and jobs then run in the order asked.
        self._pool.setMaxThreadCount(1)
        self._running: dict[Task[Any], _Runnable] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def report_failure(self, error: BaseException) -> None:
        """Hand an error to the app-wide handler: a message for the user, a log for a bug."""
        self._default_failure(error)

    def run(
        self,
        fn: Callable[[WorkSession], T],
        *,
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None = None,
    ) -> Task[T]:
        """Run ``fn(session)`` in a transaction; the result or error comes back by callback."""
        return self._start(
            self._in_transaction(lambda s, _job: fn(s)), on_success, on_failure, None
        )

    def run_long(
        self,
        fn: Callable[[WorkSession, TaskJob], T],
        *,
        on_success: Callable[[T], None],
        on_progress: ProgressCallback,
        on_failure: FailureCallback | None = None,
    ) -> Task[T]:
        """Like run(), for jobs that report progress and can be cancelled through their job."""
        return self._start(self._in_transaction(fn), on_success, on_failure, on_progress)

    def run_in_workspace(
        self,
        fn: Callable[[Workspace, TaskJob], T],
        *,
        on_success: Callable[[T], None],
        on_progress: ProgressCallback | None = None,
        on_failure: FailureCallback | None = None,
    ) -> Task[T]:
        """Run ``fn(workspace, job)`` with no transaction around it, on the same worker and in
        turn with every other job: for operations that must do something before or after
        their own transaction (back up, then apply; write a file, then record it)."""
        workspace = self._workspace
        if workspace is None:
            raise RuntimeError("this TaskRunner was made without its workspace")
        return self._start(lambda job: fn(workspace, job), on_success, on_failure, on_progress)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel what is queued and wait for the running job; True when all have stopped."""
        for task in list(self._running):
            task.cancel()
        return self._pool.waitForDone(timeout_ms)

    def _in_transaction(self, fn: Callable[[WorkSession, TaskJob], T]) -> Callable[[TaskJob], T]:
        def work(job: TaskJob) -> T:
            with self._factory.begin() as session:
                return fn(session, job)

        return work

    def _start(
        self,
        work: Callable[[TaskJob], T],
        on_success: Callable[[T], None],
        on_failure: FailureCallback | None,
        on_progress: ProgressCallback | None,
    ) -> Task[T]:
        task: Task[T] = Task(on_success, on_failure or self._default_failure, on_progress, self)
        job = TaskJob(task)
        runnable = _Runnable(task, lambda: work(job))
        # Both stay referenced until the UI thread has seen the outcome: no early collection.
        self._running[task] = runnable
        task.finished.connect(lambda: self._forget(task))
        self._pool.start(runnable)
        return task

    def _forget(self, task: Task[Any]) -> None:
        self._running.pop(task, None)
        self.task_finished.emit(task)
        task.deleteLater()
