"""The first-run dialog: the agency form with its errors, and the sample agency with progress."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.services.workspace_info import initiatives, is_empty, the_agency
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.shell.first_run import FirstRunChoice, FirstRunDialog

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
FORM = {
    "agency_name": "Departamento de Policía de San Isidro",
    "jurisdiction": "Town of San Isidro",
    "population": "12,400",
    "chief_name": "Chief Trần Văn Minh",
    "initiative_name": "CS360 — <Eastside> gun violence",
    "champion_name": "Sgt. Ana Ruiz",
    "champion_title": "Sergeant",
}


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner) -> FirstRunDialog:
    first_run = FirstRunDialog(runner, None, today=date(2025, 3, 1))
    qtbot.addWidget(first_run)
    first_run.show()
    return first_run


def _fill(qtbot: QtBot, dialog: FirstRunDialog, values: dict[str, str]) -> None:
    qtbot.mouseClick(dialog.create_choice_button, Qt.MouseButton.LeftButton)
    assert dialog.page_index == 1
    for field, text in values.items():
        dialog.rows[field].edit.setText(text)


def _read(workspace: Workspace, query: Any) -> Any:
    with workspace.session_factory.begin() as session:
        return query(session)


def test_create_your_agency(qtbot: QtBot, dialog: FirstRunDialog, workspace: Workspace) -> None:
    _fill(qtbot, dialog, FORM)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is FirstRunChoice.CREATED
    agency = _read(workspace, the_agency)
    assert agency.name == FORM["agency_name"]
    assert agency.chief_name == "Chief Trần Văn Minh"
    assert agency.population == 12400
    assert [i.name for i in _read(workspace, initiatives)] == ["CS360 — <Eastside> gun violence"]


def test_empty_agency_name_is_shown_next_to_the_field(
    qtbot: QtBot, dialog: FirstRunDialog, workspace: Workspace, unhandled: list[BaseException]
) -> None:
    _fill(qtbot, dialog, {**FORM, "agency_name": "  "})
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    row = dialog.rows["agency_name"]
    qtbot.waitUntil(row.error.isVisible, timeout=TIMEOUT_MS)
    assert row.error.text()
    assert row.error.textFormat() == Qt.TextFormat.PlainText
    assert row.edit.accessibleDescription() == f"Error: {row.error.text()}"
    assert row.edit.property("invalid") is True
    assert dialog.create_button.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted
    # What the user typed is all still there, and nothing was half-saved.
    assert {field: dialog.text_of(field) for field in FORM} == {**FORM, "agency_name": "  "}
    assert _read(workspace, is_empty)
    assert unhandled == []
    assert all(not r.error.isVisible() for f, r in dialog.rows.items() if f != "agency_name")


def test_fixing_the_error_then_saving_clears_it(
    qtbot: QtBot, dialog: FirstRunDialog, workspace: Workspace
) -> None:
    _fill(qtbot, dialog, {**FORM, "agency_name": ""})
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.rows["agency_name"].error.isVisible, timeout=TIMEOUT_MS)
    dialog.rows["agency_name"].edit.setText("Lakeview PD")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.rows["agency_name"].error.isVisible()
    assert _read(workspace, the_agency).name == "Lakeview PD"


@pytest.mark.parametrize("field", ["initiative_name", "champion_name"])
def test_other_required_fields_are_named(
    qtbot: QtBot, dialog: FirstRunDialog, workspace: Workspace, field: str
) -> None:
    _fill(qtbot, dialog, {**FORM, field: ""})
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.rows[field].error.isVisible, timeout=TIMEOUT_MS)
    assert _read(workspace, is_empty)


def test_population_must_be_a_number(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    _fill(qtbot, dialog, {**FORM, "population": "about 12k"})
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    row = dialog.rows["population"]
    assert row.error.isVisible()
    assert "whole number" in row.error.text()
    assert not dialog.busy


def test_start_with_the_sample_agency(
    qtbot: QtBot, dialog: FirstRunDialog, workspace: Workspace
) -> None:
    seen: list[int] = []
    dialog.progress_bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
        assert dialog.page_index == 2
    assert dialog.choice is FirstRunChoice.SAMPLE
    assert seen and seen == sorted(seen)
    assert not _read(workspace, is_empty)


def test_stopping_the_sample_leaves_the_workspace_empty(
    qtbot: QtBot, dialog: FirstRunDialog, runner: TaskRunner, workspace: Workspace
) -> None:
    # Hold the single worker so the sample job is still queued when Stop is clicked.
    release = threading.Event()
    runner.run(lambda _s: release.wait(TIMEOUT_MS / 1000), on_success=lambda _r: None)
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_sample_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog.page_index == 0, timeout=TIMEOUT_MS)
    assert dialog.choice is FirstRunChoice.CANCELLED
    assert "nothing was added" in dialog.general_error.text()
    assert _read(workspace, is_empty)


def test_escape_while_building_stops_instead_of_closing(
    qtbot: QtBot, dialog: FirstRunDialog, runner: TaskRunner
) -> None:
    release = threading.Event()
    runner.run(lambda _s: release.wait(TIMEOUT_MS / 1000), on_success=lambda _r: None)
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)
    dialog.reject()
    assert not dialog.isVisible()
    assert dialog.choice is FirstRunChoice.CANCELLED
