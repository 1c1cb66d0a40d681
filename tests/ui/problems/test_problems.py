"""The Problems section: the ranked list, scoring a candidate, SARA phases, responses, undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import AssessmentDecision, SaraPhase
from cs360desk.services import catalog
from cs360desk.ui.common.page_widgets import TextPrompt
from cs360desk.ui.common.sections import RecordOpener, Section
from cs360desk.ui.problems.controller import ProblemsController
from tests.ui.section_support import choose, first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
DOMESTIC = "Family disputes escalating to weapons calls"


def problem_named(workspace: Workspace, title: str) -> Any:
    return read(workspace, lambda s: catalog.PROBLEM.list(s, m.Problem.title == title)[0])


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> ProblemsController:
    controller = ProblemsController(sample_harness.context)
    return open_section(
        qtbot,
        controller,
        first_initiative(sample_workspace),
        loaded=controller.detail_loaded,
        refresh_after_undo=sample_harness,
    )


def open_problem(qtbot: QtBot, section: ProblemsController, problem_id: int) -> None:
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        section.open_record("problem", problem_id)


def test_it_is_a_section_that_opens_problems(section: ProblemsController) -> None:
    opener: RecordOpener = section
    page: Section = section
    assert page.view is section.view and callable(opener.open_record)


def test_problems_are_listed_by_rank_with_their_phase(
    section: ProblemsController, qtmodeltester: Any
) -> None:
    model = section.view.model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)
    assert rows[0].problem.title.startswith("Gun violence")
    assert model.data(model.index(0, 2)) == rows[0].problem.phase.label
    assert section.problem_id == rows[0].problem.id  # the top priority is opened first
    for tested in (
        model,
        section.view.scanning.ranking_model,
        section.view.response.model,
        section.view.response.items_model,
        section.view.assessment.model,
    ):
        qtmodeltester.check(tested)


def test_scoring_a_candidate_updates_the_total_and_the_ranking(
    qtbot: QtBot, section: ProblemsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    domestic = problem_named(sample_workspace, DOMESTIC)
    open_problem(qtbot, section, domestic.id)
    tab = section.view.scanning
    assert tab.total_label.text() == "Total: 12 of 20  ·  ranked 2 of 4"
    fields = section.view.fields
    for name in ("score_impact", "score_community_interest", "score_threat_to_rights"):
        spin = fields.widget(name)
        assert isinstance(spin, QSpinBox)
        spin.setValue(5)
    # The total and the ranking follow at once, before anything is saved.
    assert tab.total_label.text() == "Total: 19 of 20  ·  ranked 1 of 4"
    top = tab.ranking_model.row_at(0)
    assert (top.problem.id, top.total, top.rank) == (domestic.id, 19, 1)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        fields.flush()
    sample_harness.wait_idle(qtbot)
    assert "Saved" in sample_harness.statuses
    saved = problem_named(sample_workspace, DOMESTIC)
    assert (saved.score_impact, saved.score_community_interest, saved.score_threat_to_rights) == (
        5,
        5,
        5,
    )
    qtbot.waitUntil(lambda: section.view.model.row_at(0).problem.id == domestic.id)
    assert section.view.model.row_at(0).rank == 1


def test_a_score_saves_by_itself_after_a_pause(
    qtbot: QtBot, section: ProblemsController, sample_workspace: Workspace
) -> None:
    spin = section.view.fields.widget("score_threat_to_rights")
    assert isinstance(spin, QSpinBox)
    problem_id = section.problem_id
    spin.stepDown()
    qtbot.waitUntil(
        lambda: (
            read(
                sample_workspace,
                lambda s: catalog.PROBLEM.get(s, problem_id).score_threat_to_rights,
            )
            == 2
        ),
        timeout=TIMEOUT_MS,
    )


def test_the_cheers_test_is_saved_and_counted(
    qtbot: QtBot, section: ProblemsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    box = section.view.fields.widget("cheers_harm")
    assert isinstance(box, QCheckBox)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert section.view.scanning.cheers_count.text() == "1 of 6 CHEERS elements met"
    sample_harness.wait_idle(qtbot)
    problem_id = section.problem_id
    assert read(sample_workspace, lambda s: catalog.PROBLEM.get(s, problem_id).cheers_harm)


def test_a_problem_moves_through_the_phases(
    qtbot: QtBot, section: ProblemsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    domestic = problem_named(sample_workspace, DOMESTIC)
    open_problem(qtbot, section, domestic.id)
    view = section.view
    assert view.tabs.currentIndex() == 0
    assert view.tabs.tabText(0) == "&1 Scanning (current)"
    phase = view.fields.widget("phase")
    assert isinstance(phase, QComboBox)
    for position, wanted in enumerate(
        (SaraPhase.ANALYSIS, SaraPhase.RESPONSE, SaraPhase.ASSESSMENT), start=1
    ):
        with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
            choose(phase, wanted.value)
        assert view.tabs.currentIndex() == position
        assert view.tabs.tabText(position).endswith("(current)")
        assert problem_named(sample_workspace, DOMESTIC).phase is wanted
    decision = view.fields.widget("assessment_decision")
    assert isinstance(decision, QComboBox)
    choose(decision, AssessmentDecision.CONTINUE.value)
    sample_harness.wait_idle(qtbot)
    assert problem_named(sample_workspace, DOMESTIC).assessment_decision is (
        AssessmentDecision.CONTINUE
    )
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert problem_named(sample_workspace, DOMESTIC).assessment_decision is None


def test_an_emptied_title_is_refused_beside_the_field(
    qtbot: QtBot, section: ProblemsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    title = section.view.fields.widget("title")
    assert isinstance(title, QLineEdit)
    before = title.text()
    title.setText("   ")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.view.fields.row("title").has_error, timeout=TIMEOUT_MS)
    assert section.view.fields.row("title").error.text() == "⚠ must not be empty"
    assert title.text() == "   "  # what was typed stays, to be corrected
    assert sample_harness.statuses[-1] == "Not saved: title: must not be empty"
    problem_id = section.problem_id
    assert read(sample_workspace, lambda s: catalog.PROBLEM.get(s, problem_id).title) == before
    assert not sample_harness.failures


def test_responses_show_their_action_items_and_link_more(
    qtbot: QtBot, section: ProblemsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    tab = section.view.response
    line = tab.model.row_at(0)
    assert section.responses.editor.current_id == line.response.id
    assert tab.items_model.rowCount() == len(line.action_items) > 0
    assert tab.item_choice.count() > 1
    item_id = tab.item_choice.itemData(1)
    tab.item_choice.setCurrentIndex(1)
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        tab.link_button.click()
    linked = read(sample_workspace, lambda s: catalog.ACTION_ITEM.get(s, item_id))
    assert linked.response_id == line.response.id
    assert item_id in [tab.items_model.row_at(i).id for i in range(tab.items_model.rowCount())]
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert read(sample_workspace, lambda s: catalog.ACTION_ITEM.get(s, item_id)).response_id is None


def test_a_new_response_and_a_new_problem_come_from_one_prompt_each(
    qtbot: QtBot,
    section: ProblemsController,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(TextPrompt, "ask", lambda *_args, **_kw: "Alumbrado en el parque")
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        section.view.response.new_button.click()
    current = section.responses.editor.current_row
    assert current is not None and current.response.title == "Alumbrado en el parque"
    monkeypatch.setattr(TextPrompt, "ask", lambda *_args, **_kw: "Robos de catalizadores")
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        section.view.new_button.click()
    assert section.detail is not None
    assert section.detail.problem.title == "Robos de catalizadores"
    assert section.view.tabs.currentIndex() == 0
    assert problem_named(sample_workspace, "Robos de catalizadores").score_impact == 0
