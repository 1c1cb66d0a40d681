"""The Goals & measures section: the chart and trend, keyboard entry and pasted values."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Frequency
from cs360desk.domain.records import MeasurementRecord
from cs360desk.services import catalog
from cs360desk.ui.common.page_widgets import TextPrompt, date_text
from cs360desk.ui.goals.controller import GoalsController
from cs360desk.ui.goals.values import pasted_rows
from tests.ui.section_support import first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def stored_values(workspace: Workspace, measure_id: int) -> dict[date, float]:
    rows = read(
        workspace,
        lambda s: catalog.MEASUREMENT.list(s, m.Measurement.measure_id == measure_id),
    )
    return {row.period_end: row.value for row in rows}


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> GoalsController:
    controller = GoalsController(sample_harness.context)
    initiative_id = first_initiative(sample_workspace)
    return open_section(qtbot, controller, initiative_id, refresh_after_undo=sample_harness)


def current_measure_id(section: GoalsController) -> int:
    measure_id = section.measures.current_id
    assert measure_id is not None
    return measure_id


def test_goals_measures_and_values_are_shown(section: GoalsController, qtmodeltester: Any) -> None:
    view = section.view
    dimensions = [view.goal_model.row_at(i).goal.dimension for i in range(3)]
    assert [d.value for d in dimensions] == ["crime", "partners", "organization"]
    assert view.measure_model.rowCount() == 3
    assert view.value_model.rowCount() == len(view.value_model.values) + 1  # the next period
    for model in (view.goal_model, view.measure_model, view.value_model):
        qtmodeltester.check(model)


def test_the_chart_draws_values_baseline_and_target_and_says_the_trend(
    section: GoalsController,
) -> None:
    view = section.view
    standing = section.measures.current_row
    assert standing is not None
    chart = view.chart.chart()
    names = [series.name() for series in chart.series()]
    assert names == [
        standing.measure.name,
        f"Baseline {standing.measure.baseline_value:g}",
        f"Target {standing.measure.target_value:g}",
    ]
    assert chart.series()[0].count() == len(standing.values)
    assert set(view.chart.series) == {"values", "baseline", "target"}
    assert view.trend.words.text() == standing.trend.words
    assert view.trend.words.text().split(":")[0] in ("Improving", "Worsening", "Target met")
    assert view.trend.badge.isVisible()
    assert "Baseline:" in view.trend.figures.text()


def test_a_value_typed_in_the_last_row_is_saved_for_the_next_period(
    qtbot: QtBot, section: GoalsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    model = section.view.value_model
    measure_id = current_measure_id(section)
    next_period = model.next_period
    assert next_period is not None
    row = model.rowCount() - 1
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        assert model.setData(model.index(row, 1), "6", Qt.ItemDataRole.EditRole)
    assert stored_values(sample_workspace, measure_id)[next_period] == 6.0
    assert model.rowCount() == row + 2
    assert sample_harness.statuses[-1] == "Saved"


def test_a_pasted_column_of_dated_values_is_entered_and_undone_as_one(
    qtbot: QtBot, section: GoalsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    measure_id = current_measure_id(section)
    before = stored_values(sample_workspace, measure_id)
    first = max(before)
    pasted = [date(first.year + 1, 1, 31), date(first.year + 1, 2, 28)]
    QGuiApplication.clipboard().setText(
        f"{date_text(pasted[0])}\t4\r\n{pasted[1].isoformat()}\t3.5\r\n"
    )
    table = section.view.values
    table.setFocus()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = stored_values(sample_workspace, measure_id)
    assert (after[pasted[0]], after[pasted[1]]) == (4.0, 3.5)
    assert sample_harness.history.undo_action.text().startswith("&Undo Enter 2 values")
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert stored_values(sample_workspace, measure_id) == before


def test_values_alone_fill_the_selected_rows(
    qtbot: QtBot, section: GoalsController, sample_workspace: Workspace
) -> None:
    measure_id = current_measure_id(section)
    model = section.view.value_model
    last = len(model.values) - 1
    dates = [model.values[last - 1].period_end, model.values[last].period_end]
    table = section.view.values
    table.selectRow(last - 1)
    QGuiApplication.clipboard().setText("9\n8.5\n")
    table.setFocus()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = stored_values(sample_workspace, measure_id)
    assert (after[dates[0]], after[dates[1]]) == (9.0, 8.5)


def test_a_bad_row_in_a_paste_is_named_and_nothing_is_saved(
    qtbot: QtBot, section: GoalsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    measure_id = current_measure_id(section)
    before = stored_values(sample_workspace, measure_id)
    QGuiApplication.clipboard().setText("2031-01-31\t4\n2031-02-28\tabout five\n")
    table = section.view.values
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    error = section.view.values_error
    qtbot.waitUntil(error.isVisible, timeout=TIMEOUT_MS)
    assert error.text() == "⚠ Not saved: value: row 2: 'about five' is not a number"
    assert stored_values(sample_workspace, measure_id) == before
    assert not sample_harness.failures


def test_deleting_values_with_the_delete_key_is_undoable(
    qtbot: QtBot, section: GoalsController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    measure_id = current_measure_id(section)
    before = stored_values(sample_workspace, measure_id)
    table = section.view.values
    table.selectRow(0)
    table.setFocus()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(stored_values(sample_workspace, measure_id)) == len(before) - 1
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert stored_values(sample_workspace, measure_id) == before


def _value(period: date, value: float) -> MeasurementRecord:
    return MeasurementRecord(1, 1, period, value, "", None, 1)  # type: ignore[arg-type]


def test_pasted_text_becomes_rows() -> None:
    values = [_value(date(2026, 1, 31), 1), _value(date(2026, 2, 28), 2)]
    assert pasted_rows("5\n6\n7\n", values, 1, Frequency.MONTHLY, date(2026, 3, 31)) == [
        (date(2026, 2, 28), "5"),
        (date(2026, 3, 31), "6"),
        (date(2026, 4, 30), "7"),
    ]
    assert pasted_rows("2026-05-31\t9\r\n", values, 0, Frequency.MONTHLY, date(2026, 3, 31)) == [
        (date(2026, 5, 31), "9")
    ]
    assert pasted_rows("Feb 2026\t9", values, 0, Frequency.MONTHLY, date(2026, 3, 31)) == [
        ("Feb 2026", "9")  # left for the service to refuse, naming the row
    ]


def test_a_new_measure_starts_empty_and_takes_its_first_value(
    qtbot: QtBot,
    section: GoalsController,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(TextPrompt, "ask", lambda *_args, **_kw: "Llamadas al 911 en español")
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.new_measure.click()
    standing = section.measures.current_row
    assert standing is not None and standing.measure.name == "Llamadas al 911 en español"
    view = section.view
    assert view.chart.chart().series() == []
    assert view.chart.chart().title() == "No values yet"
    assert view.trend.words.text() == "No values yet."
    assert view.tabs.currentIndex() == 1  # its details come first: baseline and target
    model = view.value_model
    assert model.rowCount() == 1
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        model.setData(model.index(0, 1), "12", Qt.ItemDataRole.EditRole)
    assert [s.name() for s in view.chart.chart().series()] == ["Llamadas al 911 en español"]
    assert view.trend.words.text() == "No baseline set; one value so far."
    assert list(stored_values(sample_workspace, standing.measure.id).values()) == [12.0]
