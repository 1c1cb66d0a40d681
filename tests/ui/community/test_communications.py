"""The Communications section: the log, editing an update in place, filters, new and delete."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Channel, CommunicationStatus
from cs360desk.services import catalog
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.community.communications import CommunicationsController
from tests.ui.section_support import first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def section(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace
) -> CommunicationsController:
    controller = CommunicationsController(sample_harness.context)
    initiative_id = first_initiative(sample_workspace)
    return open_section(qtbot, controller, initiative_id, refresh_after_undo=sample_harness)


def test_the_log_lists_updates_latest_first(
    section: CommunicationsController, qtmodeltester: Any
) -> None:
    model = section.view.model
    assert model.rowCount() > 5
    assert section.view.summary.text().startswith("Last public update posted ")
    qtmodeltester.check(model)
    assert section.editor.current_row == model.row_at(0)


def test_editing_the_text_saves_it_and_says_if_it_fits_a_post(
    qtbot: QtBot,
    section: CommunicationsController,
    sample_harness: Any,
    sample_workspace: Workspace,
) -> None:
    fields = section.view.fields
    channel = fields.widget("channel")
    assert isinstance(channel, QComboBox)
    channel.setCurrentIndex(channel.findData(Channel.SOCIAL_MEDIA.value))
    channel.activated.emit(channel.currentIndex())
    text = fields.widget("text")
    assert isinstance(text, QPlainTextEdit)
    text.setFocus()
    text.setPlainText("¡Gracias, Eastside! 300 candados entregados.")
    assert section.view.length_label.text() == "44 characters: fits a 280-character post"
    text.setPlainText("x" * 300)
    assert section.view.length_label.text() == "300 characters: 20 over a 280-character post"
    text.setPlainText("¡Gracias, Eastside! 300 candados entregados.")
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.table.setFocus()  # leaving the field saves it
    record_id = section.editor.current_id
    stored = read(sample_workspace, lambda s: catalog.COMMUNICATION.get(s, record_id))
    assert stored.text == "¡Gracias, Eastside! 300 candados entregados."
    assert "Saved" in sample_harness.statuses


def test_the_status_filter_narrows_the_log(qtbot: QtBot, section: CommunicationsController) -> None:
    combo = section.view.status_filter
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        combo.setCurrentIndex(combo.findData(CommunicationStatus.DRAFT.value))
    model = section.view.model
    assert model.rowCount() > 0
    assert {model.row_at(i).status for i in range(model.rowCount())} == {CommunicationStatus.DRAFT}


def test_a_new_draft_is_added_then_deleted_and_undo_brings_it_back(
    qtbot: QtBot,
    section: CommunicationsController,
    sample_harness: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = section.view.model
    count = model.rowCount()
    monkeypatch.setattr(TextPrompt, "ask", lambda *_args, **_kw: "Café con la policía el sábado")
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.new_button.click()
    assert model.rowCount() == count + 1
    current = section.editor.current_row
    assert current is not None and current.text == "Café con la policía el sábado"
    assert current.status is CommunicationStatus.DRAFT
    monkeypatch.setattr(Confirmation, "ask", lambda *_args: True)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.delete_button.click()
    assert model.rowCount() == count
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert model.rowCount() == count + 1
