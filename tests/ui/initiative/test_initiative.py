"""The Initiative section: the stepper, moving on with a note, leadership fields, undo."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Stage
from cs360desk.domain.initiative_views import StepState
from cs360desk.services import catalog
from cs360desk.services.initiative_page import stage_history
from cs360desk.ui.common.page_widgets import date_text
from cs360desk.ui.initiative.controller import InitiativeController
from cs360desk.ui.initiative.dialogs import MoveStageDialog, StageMove
from tests.ui.section_support import first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> InitiativeController:
    controller = InitiativeController(sample_harness.context)
    return open_section(qtbot, controller, first_initiative(sample_workspace), show=False)


def test_the_stepper_shows_every_stage_with_the_current_one_marked(
    section: InitiativeController,
) -> None:
    tiles = section.view.stepper.tiles
    assert [tile.step.stage for tile in tiles] == list(Stage)
    current = [tile for tile in tiles if tile.step.state is StepState.CURRENT]
    assert [tile.step.stage for tile in current] == [Stage.PROBLEM_SOLVING]
    assert tiles[0].accessibleName().startswith("Launch: Reached")
    assert tiles[-1].accessibleName() == "Closed: Not reached yet"
    assert section.view.move_button.text() == "&Move to Sustaining…"


def test_moving_on_asks_for_a_note_and_shows_it(
    qtbot: QtBot,
    section: InitiativeController,
    sample_harness: Any,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[Stage, Stage]] = []

    def ask(_parent: Any, current: Stage, target: Stage, today: date) -> StageMove:
        asked.append((current, target))
        return StageMove(today, "Chief approved the sustainment plan")

    monkeypatch.setattr(MoveStageDialog, "ask", ask)
    recorded = section.view.history_model.rowCount()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(section.view.move_button, Qt.MouseButton.LeftButton)
    assert asked == [(Stage.PROBLEM_SOLVING, Stage.SUSTAINING)]
    assert sample_harness.statuses[-1] == "Saved: moved to Sustaining"
    sustaining = section.view.stepper.tiles[4]
    assert sustaining.step.state is StepState.CURRENT
    assert sustaining.step.note == "Chief approved the sustainment plan"
    assert section.view.history_model.rowCount() == recorded + 1
    initiative_id = section.page.initiative.id if section.page else 0
    history = read(sample_workspace, lambda s: stage_history(s, initiative_id))
    newest = max(history, key=lambda change: (change.reached_on, change.id))
    assert (newest.stage, newest.note) == (Stage.SUSTAINING, "Chief approved the sustainment plan")
    # As the main window does: every section reloads after an undo.
    sample_harness.history.applied.connect(lambda _edit: section.refresh())
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert section.view.stepper.tiles[3].step.state is StepState.CURRENT
    stage = read(sample_workspace, lambda s: catalog.INITIATIVE.get(s, initiative_id).stage)
    assert stage is Stage.PROBLEM_SOLVING


def test_cancelling_the_dialog_moves_nothing(
    qtbot: QtBot,
    section: InitiativeController,
    sample_harness: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MoveStageDialog, "ask", lambda *_args: None)
    section.view.move_button.click()
    sample_harness.wait_idle(qtbot)
    assert not sample_harness.history.can_undo()


def test_the_sponsor_is_saved_at_once_and_a_bad_date_is_kept_with_its_error(
    qtbot: QtBot, section: InitiativeController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    fields = section.view.fields
    combo = fields.widget("sponsor_id")
    assert isinstance(combo, QComboBox)
    index = combo.count() - 1
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    sample_harness.wait_idle(qtbot)
    assert sample_harness.statuses[-1] == "Saved"
    initiative_id = section.page.initiative.id if section.page else 0
    sponsor = read(sample_workspace, lambda s: catalog.INITIATIVE.get(s, initiative_id).sponsor_id)
    assert sponsor == combo.itemData(index)
    started = fields.widget("started_on")
    assert isinstance(started, QLineEdit)
    started.setText("the thirty-first")
    qtbot.keyClick(started, Qt.Key.Key_Return)
    assert fields.row("started_on").has_error
    assert started.text() == "the thirty-first"
    assert sample_harness.statuses[-1].startswith("Not saved: Started on")
    started.setText(date_text(date(2023, 11, 1)))
    qtbot.keyClick(started, Qt.Key.Key_Return)
    sample_harness.wait_idle(qtbot)
    assert not fields.row("started_on").has_error
    assert read(
        sample_workspace, lambda s: catalog.INITIATIVE.get(s, initiative_id).started_on
    ) == date(2023, 11, 1)


def test_without_an_initiative_the_page_says_so(qtbot: QtBot, harness: Any) -> None:
    controller = InitiativeController(harness.context)
    qtbot.addWidget(controller.view)
    controller.show_initiative(None)
    assert controller.view.message.text() == "This workspace has no initiative yet."
