"""Restoring from the History view: what came back with the record, in one status line."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ChangeAction
from cs360desk.services import catalog, edits
from cs360desk.services.history_restore import RestoredRecord
from cs360desk.ui.history.controller import (
    HistoryController,
    RestoreConfirmation,
    RestoreReport,
    restored_message,
)
from tests.conftest import Builders
from tests.ui.section_support import write

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def deleted_meeting(session: Any) -> dict[str, int]:
    """A meeting with an agenda item, a guest and a follow-up, then deleted."""
    build = Builders(session)
    basics = build.basics()
    meeting = build.meeting(basics.team.id, datetime(2026, 3, 10, tzinfo=UTC), title="Junta")
    catalog.AGENDA_ITEM.create(session, meeting_id=meeting.id, title="Lighting audit")
    catalog.ATTENDANCE.create(session, meeting_id=meeting.id, guest_name="Trần Văn Minh")
    item = build.action_item(basics.initiative.id, source_meeting_id=meeting.id)
    edits.delete(session, catalog.MEETING, meeting.id)
    return {"meeting": meeting.id, "item": item.id, "member": basics.member.id}


@pytest.fixture
def section(qtbot: QtBot, harness: Any, monkeypatch: pytest.MonkeyPatch) -> HistoryController:
    monkeypatch.setattr(RestoreConfirmation, "ask", classmethod(lambda cls, parent, entry: True))
    controller = HistoryController(harness.context)
    qtbot.addWidget(controller.view)
    return controller


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(
        RestoreReport, "tell", classmethod(lambda cls, parent, message: told.append(message))
    )
    return told


def restore_meeting(qtbot: QtBot, section: HistoryController) -> None:
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.refresh()
    model = section.view.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.row_at(r).action is ChangeAction.DELETE and model.row_at(r).entity == "meeting"
    )
    section.view.table.selectRow(row)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.restore_button.click()


def test_a_meeting_restored_from_the_view_brings_its_rows_and_undo_takes_them_back(
    qtbot: QtBot,
    section: HistoryController,
    harness: Any,
    workspace: Workspace,
    reports: list[str],
) -> None:
    ids = write(workspace, deleted_meeting)
    restore_meeting(qtbot, section)
    assert harness.statuses[-1] == (
        f"Restored meeting {ids['meeting']} with 1 agenda item, 1 attendance; "
        "linked to it again: 1 action item"
    )
    counts = write(workspace, lambda s: (catalog.AGENDA_ITEM.count(s), catalog.ATTENDANCE.count(s)))
    assert counts == (1, 1)
    with qtbot.waitSignal(harness.history.applied, timeout=TIMEOUT_MS):
        harness.history.undo()
    counts = write(workspace, lambda s: (catalog.MEETING.count(s), catalog.AGENDA_ITEM.count(s)))
    assert counts == (0, 0)
    item = write(workspace, lambda s: catalog.ACTION_ITEM.get(s, ids["item"]))
    assert item.source_meeting_id is None
    assert harness.failures == [] and reports == [], "nothing was left out: no box"


def test_what_could_not_come_back_is_shown_in_a_box(
    qtbot: QtBot,
    section: HistoryController,
    harness: Any,
    workspace: Workspace,
    reports: list[str],
) -> None:
    ids = write(workspace, deleted_meeting)
    write(workspace, lambda s: catalog.ACTION_ITEM.delete(s, ids["item"]))
    restore_meeting(qtbot, section)
    assert reports == [harness.statuses[-1]]
    assert reports[0].startswith(f"Restored meeting {ids['meeting']} with 1 agenda item")
    assert reports[0].endswith(
        f"not restored: action item {ids['item']}: it was deleted since, so it is not linked again"
    )


def test_the_message_names_what_could_not_come_back() -> None:
    restored = RestoredRecord(
        "action_item",
        12,
        same_id=False,
        dropped_links=("owner (person 4)",),
        companions=(("action item update", 2),),
        left_out=("the link action item 7 ↔ recommendation 3: its recommendation "
                  "(recommendation 3) no longer exists",),
    )  # fmt: skip
    assert restored_message(restored) == (
        "Restored action item 12 under a new number (its old one is taken) with 2 action item "
        "updates; left empty: owner (person 4); not restored: the link action item 7 ↔ "
        "recommendation 3: its recommendation (recommendation 3) no longer exists"
    )


def test_a_link_row_is_named_without_a_number() -> None:
    restored = RestoredRecord("recommendation_action_item", None, True, ())
    assert restored_message(restored) == "Restored recommendation action item"
