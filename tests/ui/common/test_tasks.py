"""The background task helper: results, failures, progress, cancelling, one job at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import ValidationError
from cs360desk.services.agency_setup import NewAgency, create_agency
from cs360desk.services.workspace_info import is_empty
from cs360desk.ui.common.tasks import TaskCancelled, TaskJob, TaskRunner

pytestmark = pytest.mark.gui
TIMEOUT_MS = 10_000


def _agency(name: str = "Riverside Police Department") -> NewAgency:
    return NewAgency(name, "City of Riverside", "Chief Delgado", "CS360", "Sgt. Ana Ruiz")


def test_result_arrives_on_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: dict[str, Any] = {}

    def work(session: Any) -> bool:
        seen["worker"] = threading.current_thread()
        return is_empty(session)

    def done(result: bool) -> None:
        seen["result"], seen["callback"] = result, threading.current_thread()

    with qtbot.waitSignal(runner.task_finished, timeout=TIMEOUT_MS):
        runner.run(work, on_success=done)
    assert seen["result"] is True
    assert seen["callback"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()
    assert not runner.busy


def test_work_is_committed(qtbot: QtBot, runner: TaskRunner, workspace: Workspace) -> None:
    with qtbot.waitSignal(runner.task_finished, timeout=TIMEOUT_MS):
        runner.run(lambda s: create_agency(s, _agency(), today=date.today()), on_success=print)
    with workspace.session_factory.begin() as session:
        assert not is_empty(session)


def test_failure_goes_to_on_failure_and_rolls_back(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace, unhandled: list[BaseException]
) -> None:
    errors: list[BaseException] = []

    def work(session: Any) -> None:
        create_agency(session, _agency(), today=date.today())
        raise RuntimeError("boom")

    with qtbot.waitSignal(runner.task_finished, timeout=TIMEOUT_MS):
        runner.run(work, on_success=pytest.fail, on_failure=errors.append)
    assert [type(e) for e in errors] == [RuntimeError]
    assert unhandled == []
    with workspace.session_factory.begin() as session:
        assert is_empty(session)


def test_failure_without_handler_goes_to_the_default(
    qtbot: QtBot, runner: TaskRunner, unhandled: list[BaseException]
) -> None:
    with qtbot.waitSignal(runner.task_finished, timeout=TIMEOUT_MS):
        runner.run(lambda s: create_agency(s, _agency(""), today=date.today()), on_success=print)
    assert len(unhandled) == 1
    assert isinstance(unhandled[0], ValidationError)
    assert unhandled[0].field == "agency_name"


def test_progress_is_reported_in_order_on_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    reports: list[tuple[int, str, threading.Thread]] = []

    def work(_session: Any, job: TaskJob) -> str:
        for percent in (10, 50, 100):
            job.progress(percent, f"step {percent}")
        return "done"

    results: list[str] = []
    task = runner.run_long(
        work,
        on_success=results.append,
        on_progress=lambda p, m: reports.append((p, m, threading.current_thread())),
    )
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass
    assert results == ["done"]
    assert [(p, m) for p, m, _ in reports] == [(10, "step 10"), (50, "step 50"), (100, "step 100")]
    assert {thread for _, _, thread in reports} == {threading.main_thread()}


def cancel_when_started(
    qtbot: QtBot, task: Any, started: threading.Event, release: threading.Event
) -> None:
    """Cancels `task` once its work has `started`, then `release`s the work and waits for the
    task to finish."""
    assert started.wait(TIMEOUT_MS / 1000)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass


def test_cancel_stops_the_job_and_rolls_back(
    qtbot: QtBot, runner: TaskRunner, workspace: Workspace
) -> None:
    started, release = threading.Event(), threading.Event()

    def work(session: Any, job: TaskJob) -> None:
        create_agency(session, _agency(), today=date.today())
        started.set()
        release.wait(TIMEOUT_MS / 1000)
        job.progress(50, "half way")  # raises TaskCancelled: the agency is rolled back

    errors: list[BaseException] = []
    task = runner.run_long(
        work, on_success=pytest.fail, on_progress=lambda *_: None, on_failure=errors.append
    )
    cancel_when_started(qtbot, task, started, release)
    assert [type(e) for e in errors] == [TaskCancelled]
    with workspace.session_factory.begin() as session:
        assert is_empty(session)


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    active, peak, order = [0], [0], []
    lock = threading.Lock()

    def work(number: int) -> int:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threading.Event().wait(0.01)
        with lock:
            active[0] -= 1
        return number

    tasks = [runner.run(lambda _s, n=n: work(n), on_success=order.append) for n in range(5)]
    qtbot.waitUntil(lambda: len(order) == len(tasks), timeout=TIMEOUT_MS)
    assert order == [0, 1, 2, 3, 4]
    assert peak[0] == 1


@pytest.fixture
def workspace_runner(workspace: Workspace, unhandled: list[BaseException]) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(workspace.session_factory, unhandled.append, workspace=workspace)
    yield task_runner
    assert task_runner.shutdown()


def test_a_workspace_job_gets_the_workspace_and_opens_its_own_transactions(
    qtbot: QtBot, workspace_runner: TaskRunner, workspace: Workspace
) -> None:
    seen: dict[str, Any] = {}

    def work(opened: Any, job: TaskJob) -> str:
        seen["workspace"], seen["worker"] = opened, threading.current_thread()
        job.progress(40, "first its own transaction")
        with opened.session_factory.begin() as session:
            create_agency(session, _agency(), today=date.today())
        return "done"

    results: list[str] = []
    reports: list[tuple[int, str]] = []
    task = workspace_runner.run_in_workspace(
        work, on_success=results.append, on_progress=lambda p, m: reports.append((p, m))
    )
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT_MS):
        pass
    assert results == ["done"] and reports == [(40, "first its own transaction")]
    assert seen["workspace"] is workspace and seen["worker"] is not threading.main_thread()
    with workspace.session_factory.begin() as session:
        assert not is_empty(session)


def test_a_cancelled_workspace_job_stops_at_its_next_progress_report(
    qtbot: QtBot, workspace_runner: TaskRunner, workspace: Workspace
) -> None:
    started, release = threading.Event(), threading.Event()

    def work(opened: Any, job: TaskJob) -> None:
        started.set()
        release.wait(TIMEOUT_MS / 1000)
        job.progress(20, "about to write")  # raises TaskCancelled: nothing below runs
        with opened.session_factory.begin() as session:
            create_agency(session, _agency(), today=date.today())

    errors: list[BaseException] = []
    task = workspace_runner.run_in_workspace(work, on_success=pytest.fail, on_failure=errors.append)
    cancel_when_started(qtbot, task, started, release)
    assert [type(e) for e in errors] == [TaskCancelled]
    with workspace.session_factory.begin() as session:
        assert is_empty(session)


def test_workspace_jobs_wait_their_turn_on_the_one_worker(
    qtbot: QtBot, workspace_runner: TaskRunner
) -> None:
    order: list[str] = []
    workspace_runner.run(lambda _s: "session job", on_success=order.append)
    workspace_runner.run_in_workspace(lambda _w, _job: "workspace job", on_success=order.append)
    workspace_runner.run(lambda _s: "next session job", on_success=order.append)
    qtbot.waitUntil(lambda: len(order) == 3, timeout=TIMEOUT_MS)
    assert order == ["session job", "workspace job", "next session job"]


def test_a_runner_without_its_workspace_refuses_workspace_jobs(runner: TaskRunner) -> None:
    with pytest.raises(RuntimeError, match="without its workspace"):
        runner.run_in_workspace(lambda _w, _job: None, on_success=pytest.fail)
    assert not runner.busy
