"""The people, teams and problems the action items section offers: read on showing and on
refresh, not again on every filter change, and never lost when typing overtakes a load."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.services.action_items import count_action_items
from cs360desk.services.catalog import PERSON
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.action_items import jobs as item_jobs
from cs360desk.ui.action_items.controller import ActionItemsController

pytestmark = pytest.mark.gui


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The initiatives whose choices the section read, in order."""
    read: list[int | None] = []
    real = item_jobs.action_item_choices

    def counted(session: Any, initiative_id: int | None) -> Any:
        read.append(initiative_id)
        return real(session, initiative_id)

    monkeypatch.setattr(item_jobs, "action_item_choices", counted)
    return read


@pytest.fixture
def controller(
    qtbot: QtBot, sample_harness: Any, reads: list[int | None]
) -> Iterator[ActionItemsController]:
    made = ActionItemsController(sample_harness.context)
    qtbot.addWidget(made.view)
    yield made
    sample_harness.wait_idle(qtbot)
    assert sample_harness.failures == []


def _initiative(workspace: Workspace) -> int:
    with workspace.session_factory.begin() as session:
        return initiatives(session)[0].id


def _type(qtbot: QtBot, controller: ActionItemsController, text: str) -> None:
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.view.search_box.setText(text)
        controller.view.search_box.returnPressed.emit()


def test_filters_reuse_the_choices_and_refresh_reads_them_again(
    qtbot: QtBot,
    controller: ActionItemsController,
    sample_workspace: Workspace,
    reads: list[int | None],
) -> None:
    initiative_id = _initiative(sample_workspace)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(initiative_id)
    people = controller.view.owner_box.count()
    assert reads == [initiative_id] and people > 1
    for text in ("s", "sc", "sch", ""):
        _type(qtbot, controller, text)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.view.overdue_box.setChecked(True)
    assert reads == [initiative_id]
    with sample_workspace.session_factory.begin() as session:
        PERSON.create(session, full_name="Nguyễn Thị Hoa", affiliation="community")
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.refresh()
    assert reads == [initiative_id, initiative_id]
    assert controller.view.owner_box.count() == people + 1
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(initiative_id)
    assert len(reads) == 3


def test_typing_that_overtakes_the_first_load_still_fills_the_choices(
    qtbot: QtBot,
    controller: ActionItemsController,
    sample_workspace: Workspace,
    sample_harness: Any,
    reads: list[int | None],
) -> None:
    initiative_id = _initiative(sample_workspace)
    controller.show_initiative(initiative_id)
    _type(qtbot, controller, "survey")  # asked before the first load came back
    sample_harness.wait_idle(qtbot)
    assert controller.view.owner_box.count() > 1
    with sample_workspace.session_factory.begin() as session:
        where, today = controller.current_filter(), controller.shown_query.today
        assert controller.view.model.rowCount() == count_action_items(session, where, today=today)
    assert where.text == "survey"
    assert reads == [initiative_id, initiative_id]
