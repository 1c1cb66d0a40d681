"""The action items section over the large sample (100,000 items): it pages, it never loads all."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services.action_items import count_action_items, find_action_items
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.action_items.model import PAGE_SIZE, TITLE
from cs360desk.ui.common.edit_history import EditHistory
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import TaskRunner
from tests.ui.conftest import generated_sample, opened_copy

pytestmark = pytest.mark.gui
ANY_STATUS = 0


@pytest.fixture(scope="module")
def large_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated once for the module (about ten seconds); each test copies the file."""
    return generated_sample(tmp_path_factory.mktemp("large") / "large.cs360", "large")


@pytest.fixture
def large_workspace(tmp_path: Path, large_template: Path) -> Iterator[Workspace]:
    yield from opened_copy(large_template, tmp_path / "large.cs360")


@pytest.fixture
def controller(
    qtbot: QtBot, large_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[ActionItemsController]:
    failures: list[BaseException] = []
    runner = TaskRunner(large_workspace.session_factory, failures.append)
    history = EditHistory(runner, lambda _text: None)
    context = SectionContext(runner, settings, lambda _text: None, lambda: now, history,
                             lambda _kind, _id: None)  # fmt: skip
    made = ActionItemsController(context)
    qtbot.addWidget(made.view)
    made.view.resize(1280, 800)
    made.view.show()
    qtbot.waitExposed(made.view)
    yield made
    assert runner.shutdown()
    assert failures == []


def _first_initiative(workspace: Workspace) -> int:
    with workspace.session_factory.begin() as session:
        return initiatives(session)[0].id


def test_the_first_page_comes_quickly_and_scrolling_loads_only_what_is_seen(
    qtbot: QtBot, controller: ActionItemsController, large_workspace: Workspace, now: datetime
) -> None:
    model = controller.view.model
    initiative_id = _first_initiative(large_workspace)
    started = time.monotonic()
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(initiative_id)
    assert time.monotonic() - started < 3.0
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.view.status_box.setCurrentIndex(ANY_STATUS)
    with large_workspace.session_factory.begin() as session:
        total = count_action_items(
            session, ActionItemFilter(initiative_id=initiative_id), today=now.date()
        )
        everywhere = count_action_items(session, ActionItemFilter(), today=now.date())
    assert everywhere >= 100_000
    assert model.rowCount() == total > 10 * PAGE_SIZE
    assert model.loaded_row_count == PAGE_SIZE
    assert model.row_at(0) is not None and model.row_at(PAGE_SIZE) is None

    table = controller.view.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_at(total - 1) is not None, timeout=10_000)
    assert model.data(model.index(total - 1, TITLE)) != "Loading…"
    table.scrollTo(model.index(total // 2, 0))
    qtbot.waitUntil(lambda: model.row_at(total // 2) is not None, timeout=10_000)
    assert model.loaded_row_count <= 6 * PAGE_SIZE
    assert model.loaded_row_count < total


def test_sorting_a_large_list_is_done_by_the_database(
    qtbot: QtBot, controller: ActionItemsController, large_workspace: Workspace, now: datetime
) -> None:
    initiative_id = _first_initiative(large_workspace)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(initiative_id)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.view.table.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    where = controller.current_filter()
    with large_workspace.session_factory.begin() as session:
        first = find_action_items(
            session, where, today=now.date(), sort="title", descending=True, limit=3
        )
    model = controller.view.model
    assert [model.row_at(n).item.id for n in range(3)] == [row.item.id for row in first]
    assert model.loaded_row_count <= PAGE_SIZE
