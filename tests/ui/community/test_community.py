"""The Community input section: activities and findings, the theme summary, recommendations."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Decision
from cs360desk.services import catalog
from cs360desk.services.community_input import theme_summary
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.community.controller import CommunityController
from tests.ui.section_support import choose, first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def initiative_id(sample_workspace: Workspace) -> int:
    return first_initiative(sample_workspace)


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, initiative_id: int) -> CommunityController:
    controller = CommunityController(sample_harness.context)
    return open_section(
        qtbot,
        controller,
        initiative_id,
        loaded=controller.findings_loaded,
        refresh_after_undo=sample_harness,
    )


def test_the_theme_summary_counts_findings_per_theme_with_a_bar_chart(
    section: CommunityController,
    sample_workspace: Workspace,
    initiative_id: int,
    qtmodeltester: Any,
) -> None:
    expected = read(sample_workspace, lambda s: theme_summary(s, initiative_id))
    tab = section.view.themes_tab
    shown = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    assert [(t.theme, t.findings) for t in shown] == [(t.theme, t.findings) for t in expected]
    assert tab.model.data(tab.model.index(0, 1)) == str(expected[0].findings)
    series = tab.chart.series
    assert series is not None
    [bars] = series.barSets()
    assert [bars.at(i) for i in range(bars.count())] == [
        float(t.findings) for t in reversed(expected)
    ]
    assert tab.chart.accessibleDescription().startswith(
        f"{expected[0].theme}: {expected[0].findings}"
    )
    assert f"{sum(t.findings for t in expected)} findings in {len(expected)} themes" in (
        section.view.summary.text()
    )
    for model in (
        tab.model,
        section.view.input_tab.activity_model,
        section.view.input_tab.finding_model,
        section.view.recommendations_tab.model,
        section.view.recommendations_tab.items_model,
    ):
        qtmodeltester.check(model)


def test_a_new_finding_counts_in_its_theme(
    qtbot: QtBot, section: CommunityController, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = section.view.themes_tab
    before = {tab.model.row_at(i).theme: tab.model.row_at(i).findings for i in range(3)}
    theme = next(iter(before))
    monkeypatch.setattr(
        TextPrompt, "ask_several", lambda *_args: (theme.upper(), "Nadie contesta de noche")
    )
    with qtbot.waitSignal(section.findings_loaded, timeout=TIMEOUT_MS):
        section.view.input_tab.new_finding.click()
    after = {tab.model.row_at(i).theme: tab.model.row_at(i).findings for i in range(3)}
    assert after[theme] == before[theme] + 1
    findings = section.view.input_tab.finding_model
    texts = [findings.row_at(i).text for i in range(findings.rowCount())]
    assert "Nadie contesta de noche" in texts


def test_a_recommendation_decision_change_is_saved_and_undone(
    qtbot: QtBot, section: CommunityController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    section.view.tabs.setCurrentWidget(section.view.recommendations_tab)
    editor = section.recommendations.editor
    model = section.view.recommendations_tab.model
    proposed = next(
        model.row_at(i)
        for i in range(model.rowCount())
        if model.row_at(i).recommendation.decision is Decision.PROPOSED
    )
    editor.select(proposed.recommendation.id)
    combo = section.view.recommendations_tab.fields.widget("decision")
    assert isinstance(combo, QComboBox)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        choose(combo, Decision.ACCEPTED.value)
    recommendation_id = proposed.recommendation.id
    stored = read(sample_workspace, lambda s: catalog.RECOMMENDATION.get(s, recommendation_id))
    assert stored.decision is Decision.ACCEPTED
    assert sample_harness.statuses[-1] == "Saved"
    shown = editor.current_row
    assert shown is not None and shown.recommendation.decision is Decision.ACCEPTED
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    stored = read(sample_workspace, lambda s: catalog.RECOMMENDATION.get(s, recommendation_id))
    assert stored.decision is Decision.PROPOSED
    assert combo.currentData() == Decision.PROPOSED.value


def test_an_action_item_is_linked_to_a_recommendation_and_unlinked(
    qtbot: QtBot, section: CommunityController
) -> None:
    tab = section.view.recommendations_tab
    before = tab.items_model.rowCount()
    item_id = tab.item_choice.itemData(1)
    tab.item_choice.setCurrentIndex(1)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        tab.link_button.click()
    assert tab.items_model.rowCount() == before + 1
    position = [tab.items_model.row_at(i).id for i in range(before + 1)].index(item_id)
    tab.items.selectRow(position)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        tab.unlink_button.click()
    assert tab.items_model.rowCount() == before


def test_a_link_is_undone_with_ctrl_z_like_any_edit(
    qtbot: QtBot, section: CommunityController, sample_harness: Any
) -> None:
    tab = section.view.recommendations_tab
    before = tab.items_model.rowCount()
    tab.item_choice.setCurrentIndex(1)
    title = tab.item_choice.currentText()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        tab.link_button.click()
    assert tab.items_model.rowCount() == before + 1
    assert sample_harness.statuses[-1] == f"Saved: linked “{title}”"
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert tab.items_model.rowCount() == before


def test_a_new_activity_is_dated_today_and_deleted_after_asking(
    qtbot: QtBot,
    section: CommunityController,
    sample_harness: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = section.view.input_tab.activity_model
    count = model.rowCount()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.input_tab.new_activity.click()
    assert model.rowCount() == count + 1
    current = section.activities.current_row
    assert current is not None and current.findings == 0
    monkeypatch.setattr(Confirmation, "ask", lambda *_args: True)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.input_tab.delete_activity.click()
    assert model.rowCount() == count
    assert sample_harness.history.can_undo()
