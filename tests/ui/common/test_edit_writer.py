"""The one edit path: only EditWriter records edits, and edits from any section reach undo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

import cs360desk.ui
from cs360desk.db.workspace import Workspace
from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.records import PersonRecord
from cs360desk.services import catalog, edits
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.action_items.model import STATUS
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.people.people import PeopleController
from tests.ui.section_support import Controller, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
UI_PACKAGE = Path(cs360desk.ui.__file__).parent
# The writer records; the history is what it records into.
RECORDERS = {UI_PACKAGE / "common" / "edit_writer.py", UI_PACKAGE / "common" / "edit_history.py"}


def open_on_the_first_initiative(
    qtbot: QtBot, controller: Controller, workspace: Workspace
) -> Controller:
    """`controller` (not shown) once it has loaded the workspace's first initiative."""
    initiative_id = read(workspace, lambda s: initiatives(s)[0].id)
    return open_section(qtbot, controller, initiative_id, resize=False, show=False)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Edit]]:
    """Every Edit that goes through EditWriter.record, in order."""
    seen: list[Edit] = []
    original = EditWriter.record

    def spy(writer: EditWriter, edit: Edit) -> None:
        seen.append(edit)
        original(writer, edit)

    monkeypatch.setattr(EditWriter, "record", spy)
    yield seen


def test_only_the_writer_records_edits_into_the_history() -> None:
    calls = re.compile(r"history\.record\(")
    found = [
        f"{path.relative_to(UI_PACKAGE)}:{number}"
        for path in sorted(UI_PACKAGE.rglob("*.py"))
        if path not in RECORDERS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if calls.search(line)
    ]
    assert found == [], "record edits with EditWriter, not the history directly"


def undo_puts_the_title_back(
    qtbot: QtBot, harness: Any, workspace: Workspace, person: PersonRecord
) -> None:
    """Undo, once it has run, leaves the person's title as it was before the edit."""
    harness.history.undo()
    harness.wait_idle(qtbot)
    assert read(workspace, lambda s: catalog.PERSON.get(s, person.id).title) == person.title


def test_a_write_is_recorded_then_said_then_handed_back(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace, recorded: list[Edit]
) -> None:
    person = read(sample_workspace, lambda s: catalog.PERSON.list(s)[0])
    saved: list[Any] = []
    EditWriter(sample_harness.context).write(
        lambda s: edits.update(s, catalog.PERSON, person.id, title="Block captain"),
        done=lambda record, edit: f"{edit.label}: {record.title}",
        on_saved=saved.append,
    )
    sample_harness.wait_idle(qtbot)
    assert [record.title for record in saved] == ["Block captain"]
    assert len(recorded) == 1 and sample_harness.history.can_undo()
    assert sample_harness.statuses[-1] == f"{recorded[0].label}: Block captain"
    undo_puts_the_title_back(qtbot, sample_harness, sample_workspace, person)


def test_a_refused_write_records_nothing_and_says_why(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace, recorded: list[Edit]
) -> None:
    person = read(sample_workspace, lambda s: catalog.PERSON.list(s)[0])
    refused: list[UserFacingError] = []
    EditWriter(sample_harness.context).write(
        lambda s: edits.update(s, catalog.PERSON, person.id, full_name="  "),
        done="Saved",
        on_refused=refused.append,
    )
    sample_harness.wait_idle(qtbot)
    assert len(refused) == 1 and recorded == [] and not sample_harness.history.can_undo()
    assert sample_harness.statuses[-1] == f"Not saved: {refused[0]}"
    assert sample_harness.failures == []


def test_a_people_field_save_lands_in_undo_through_the_writer(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace, recorded: list[Edit]
) -> None:
    people = open_on_the_first_initiative(
        qtbot, PeopleController(sample_harness.context), sample_workspace
    )
    person = read(sample_workspace, lambda s: catalog.PERSON.list(s)[0])
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        people.open_record("person", person.id)
    edit = people.view.editor.form.widget("title")
    assert isinstance(edit, QLineEdit)
    edit.setText("Pastora, Iglesia San José")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    sample_harness.wait_idle(qtbot)
    stored = read(sample_workspace, lambda s: catalog.PERSON.get(s, person.id).title)
    assert stored == "Pastora, Iglesia San José"
    assert len(recorded) == 1 and sample_harness.history.can_undo()
    undo_puts_the_title_back(qtbot, sample_harness, sample_workspace, person)


def test_an_action_item_status_edited_in_the_table_lands_in_undo_through_the_writer(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace, recorded: list[Edit]
) -> None:
    section = open_on_the_first_initiative(
        qtbot, ActionItemsController(sample_harness.context), sample_workspace
    )
    model = section.view.model
    row = model.row_at(0)
    wanted = (
        ActionStatus.BLOCKED if row.item.status is not ActionStatus.BLOCKED else ActionStatus.OPEN
    )
    assert model.setData(model.index(0, STATUS), wanted, Qt.ItemDataRole.EditRole)
    sample_harness.wait_idle(qtbot)
    status_of = lambda s: catalog.ACTION_ITEM.get(s, row.item.id).status  # noqa: E731
    assert read(sample_workspace, status_of) is wanted
    assert len(recorded) == 1 and sample_harness.history.can_undo()
    sample_harness.history.undo()
    sample_harness.wait_idle(qtbot)
    assert read(sample_workspace, status_of) is row.item.status
