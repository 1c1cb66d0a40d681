"""Fixtures for the GUI tests: offscreen Qt, a fresh workspace and settings file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.ui.common.settings import ini_settings
from tests.workspace_support import transaction_in

UI_TESTS = Path(__file__).parent
# One instant for the whole run, so the window and the service agree on "today".
NOW = datetime.now(UTC)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt warnings fail the GUI tests, as a sign of misuse nobody would otherwise notice."""
    for item in items:
        if UI_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform cannot size native windows; harmless for these tests.
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


def generated_sample(path: Path, size: str) -> Path:
    """A new workspace at `path` holding the sample agency of `size`, as of today."""
    from cs360desk.services.sample_agency import generate_sample_agency

    with transaction_in(path) as session:
        generate_sample_agency(session, size=size, seed=1, today=date.today())
    return path


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small sample agency, generated once; each test works on its own copy."""
    return generated_sample(tmp_path_factory.mktemp("template") / "sample.cs360", "small")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = open_workspace(tmp_path / "workspace.cs360")
    yield opened
    opened.close()


def opened_copy(template: Path, path: Path) -> Iterator[Workspace]:
    """A fixture's body: `template` copied to `path` and open for the test, closed after."""
    shutil.copyfile(template, path)
    opened = open_workspace(path)
    yield opened
    opened.close()


@pytest.fixture
def sample_workspace(tmp_path: Path, sample_template: Path) -> Iterator[Workspace]:
    yield from opened_copy(sample_template, tmp_path / "sample.cs360")


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return ini_settings(tmp_path / "settings.ini")


@pytest.fixture
def unhandled() -> list[BaseException]:
    """What `runner` was left to handle: failures no task's own handler took."""
    return []


@pytest.fixture
def runner(workspace: Workspace, unhandled: list[BaseException]) -> Iterator[Any]:
    """A task runner on the test's workspace, shut down cleanly after the test."""
    from cs360desk.ui.common.tasks import TaskRunner

    task_runner = TaskRunner(workspace.session_factory, unhandled.append)
    yield task_runner
    assert task_runner.shutdown()


class SectionHarness:
    """A SectionContext as the main window would lend it, with what tests want to read."""

    def __init__(self, workspace: Workspace, settings: QSettings, now: datetime) -> None:
        from cs360desk.ui.common.edit_history import EditHistory
        from cs360desk.ui.common.sections import SectionContext
        from cs360desk.ui.common.tasks import TaskRunner

        self.failures: list[BaseException] = []
        self.statuses: list[str] = []
        self.opened: list[tuple[str, int]] = []
        self.runner = TaskRunner(
            workspace.session_factory, self.failures.append, workspace=workspace
        )
        self.history = EditHistory(self.runner, self.statuses.append)
        self.context = SectionContext(
            runner=self.runner,
            settings=settings,
            show_status=self.statuses.append,
            now=lambda: now,
            history=self.history,
            open_record=lambda kind, record_id: self.opened.append((kind, record_id)),
        )

    def wait_idle(self, qtbot: object, timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not self.runner.busy, timeout=timeout)  # type: ignore[attr-defined]


@pytest.fixture
def harness(workspace: Workspace, settings: QSettings, now: datetime) -> Iterator[SectionHarness]:
    made = SectionHarness(workspace, settings, now)
    yield made
    assert made.runner.shutdown()


@pytest.fixture
def sample_harness(
    sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[SectionHarness]:
    made = SectionHarness(sample_workspace, settings, now)
    yield made
    assert made.runner.shutdown()


def ready_main_window(qtbot: Any, workspace: Workspace, settings: QSettings, now: datetime) -> Any:
    """The app's main window over `workspace`, shown at 1280×800 with its dashboard loaded."""
    from cs360desk.ui.shell.opening import build_main_window

    window = build_main_window(workspace, settings, now=lambda: now, offer_first_run=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.controller is not None
    qtbot.waitUntil(window.controller.first_page_ready, timeout=15_000)
    return window


@pytest.fixture
def sample_window(
    qtbot: Any, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[Any]:
    """`ready_main_window` over the sample agency, closed after the test: that stops its task
    runner before the workspace closes."""
    window = ready_main_window(qtbot, sample_workspace, settings, now)
    yield window
    window.close()
