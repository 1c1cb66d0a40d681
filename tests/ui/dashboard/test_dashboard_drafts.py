"""The dashboard's update cards open the drafted updates; posting one resets the public signal,
and the Communications log shows it when the user goes there."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import CommunicationStatus
from cs360desk.domain.momentum import Signal
from cs360desk.domain.update_drafts import DraftKind
from cs360desk.operations.drafts import DraftRequest, draft_updates
from cs360desk.ui.community.communications import CommunicationsController
from cs360desk.ui.community.drafts import DraftsDialog
from cs360desk.ui.dashboard.controller import DashboardController
from tests.ui.conftest import ready_main_window
from tests.ui.section_support import first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20_000


def signal_value(dashboard: DashboardController, key: str) -> str:
    assert dashboard.data is not None
    found: Signal = next(signal for signal in dashboard.data.signals if signal.key == key)
    return found.value


def click_card_button(qtbot: QtBot, dashboard: DashboardController, key: str) -> DraftsDialog:
    card = dashboard.view.cards.card(key)
    assert card is not None and card.action_button is not None
    assert card.action_button.isVisible() and "&" in card.action_button.text()
    qtbot.mouseClick(card.action_button, Qt.MouseButton.LeftButton)
    assert dashboard.drafts is not None and dashboard.drafts.dialog is not None
    dialog = dashboard.drafts.dialog
    qtbot.waitUntil(lambda: dialog.drafts is not None and not dialog.busy, timeout=TIMEOUT_MS)
    return dialog


@pytest.fixture
def dashboard(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace
) -> DashboardController:
    controller = DashboardController(sample_harness.context)
    initiative_id = first_initiative(sample_workspace)
    return open_section(qtbot, controller, initiative_id, timeout=TIMEOUT_MS)


def test_only_the_update_cards_offer_a_draft(dashboard: DashboardController) -> None:
    with_button = {
        card.signal.key for card in dashboard.view.cards.cards if card.action_button is not None
    }
    assert with_button == {"public_update", "staff_update"}
    public = dashboard.view.cards.card("public_update")
    assert public is not None and public.action_button is not None
    assert public.action_button.text() == "&Draft update…"


def test_the_public_card_opens_the_drafts_of_its_initiative(
    qtbot: QtBot, dashboard: DashboardController, sample_workspace: Workspace, now: datetime
) -> None:
    dialog = click_card_button(qtbot, dashboard, "public_update")
    assert dialog.isVisible()
    assert dialog.parent() is dashboard.view
    assert dialog.initiative_box.currentData() == dashboard.data.initiative_id  # type: ignore[union-attr]
    request = DraftRequest(dashboard.data.initiative_id)  # type: ignore[union-attr]
    expected = read(sample_workspace, lambda s: draft_updates(s, request, now=now))
    for kind in DraftKind:
        assert dialog.panels[kind].text == expected.draft(kind).text
    assert dialog.focusWidget() is dialog.panels[DraftKind.SHORT].editor


def test_the_staff_card_opens_them_on_the_staff_briefing(
    qtbot: QtBot, dashboard: DashboardController
) -> None:
    dialog = click_card_button(qtbot, dashboard, "staff_update")
    dialog.resize(900, 700)
    qtbot.waitUntil(lambda: not dialog.wide, timeout=TIMEOUT_MS)
    dialog.reject()
    dialog = click_card_button(qtbot, dashboard, "staff_update")  # the same one, reopened
    assert dialog.tabs.currentWidget() is dialog.panels[DraftKind.STAFF]
    assert dialog.focusWidget() is dialog.panels[DraftKind.STAFF].editor


def test_posting_a_public_draft_resets_the_public_update_signal(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> None:
    window = ready_main_window(qtbot, sample_workspace, settings, now)
    sections = window.controller.sections
    dashboard = sections["Dashboard"]
    assert isinstance(dashboard, DashboardController)
    before = signal_value(dashboard, "public_update")
    dialog = click_card_button(qtbot, dashboard, "public_update")
    text = dialog.panels[DraftKind.SHORT].text
    assert text
    qtbot.mouseClick(dialog.panels[DraftKind.SHORT].save_button, Qt.MouseButton.LeftButton)
    saving = dialog.save_dialog
    assert saving is not None
    saving.status_box.setCurrentIndex(saving.status_box.findData(CommunicationStatus.POSTED.value))
    with qtbot.waitSignal(dashboard.loaded, timeout=TIMEOUT_MS):
        qtbot.mouseClick(saving.save_button, Qt.MouseButton.LeftButton)
    after = signal_value(dashboard, "public_update")
    assert re.fullmatch(r"due in \d+ days?", after), after
    assert after != before
    card = dashboard.view.cards.card("public_update")
    assert card is not None and card.value_label.text() == after
    assert window.failures is not None and window.failures.last_box is None
    dialog.reject()
    window.sidebar.setCurrentRow(sections.index("Communications"))
    log = sections["Communications"]
    assert isinstance(log, CommunicationsController)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)
    model = log.view.model
    shown = [model.row_at(row) for row in range(model.rowCount())]
    assert [row.text for row in shown if row.status is CommunicationStatus.POSTED].count(text) == 1
    window.close()
