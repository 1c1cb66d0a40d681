"""The person editor's "May be named in public updates": off for new people, saved, undone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog
from cs360desk.ui.common.read_only_mode import ReadOnlyGuard
from cs360desk.ui.people.people import NEW_PERSON, PeopleController
from cs360desk.ui.people.people_view import PERSON_FIELDS
from tests.ui.section_support import first_initiative, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
NAMED = "named_in_public"


def named(workspace: Workspace, person_id: int | None) -> bool:
    assert person_id is not None
    return bool(read(workspace, lambda s: catalog.PERSON.get(s, person_id).named_in_public))


@pytest.fixture
def people(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> PeopleController:
    controller = PeopleController(sample_harness.context)
    return open_section(qtbot, controller, first_initiative(sample_workspace))


def check_box(people: PeopleController) -> QCheckBox:
    box = people.view.editor.form.widget(NAMED)
    assert isinstance(box, QCheckBox)
    return box


def open_person(qtbot: QtBot, people: PeopleController, person_id: int) -> None:
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        people.open_record("person", person_id)


def someone_not_named(workspace: Workspace) -> int:
    everyone = read(workspace, lambda s: catalog.PERSON.list(s))
    return int(next(p.id for p in everyone if not p.named_in_public and not p.contact_private))


def test_the_box_sits_under_the_private_contact_one_and_says_what_it_does(
    people: PeopleController,
) -> None:
    names = [spec.name for spec in PERSON_FIELDS]
    assert names.index(NAMED) == names.index("contact_private") + 1
    spec = next(spec for spec in PERSON_FIELDS if spec.name == NAMED)
    assert spec.column == next(s.column for s in PERSON_FIELDS if s.name == "contact_private")
    box = check_box(people)
    assert box.text() == "May be named in p&ublic updates"
    assert box.accessibleName() == "May be named in public updates"
    assert "organization" in box.toolTip() and box.accessibleDescription() == box.toolTip()
    assert NEW_PERSON[NAMED] is False


def test_ticking_it_saves_at_once_and_undo_clears_it(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    person_id = someone_not_named(sample_workspace)
    open_person(qtbot, people, person_id)
    box = check_box(people)
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    sample_harness.wait_idle(qtbot)
    assert named(sample_workspace, person_id)
    assert sample_harness.statuses[-1] == "Saved"
    assert sample_harness.failures == []
    sample_harness.history.undo()
    sample_harness.wait_idle(qtbot)
    assert not named(sample_workspace, person_id)
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        people.refresh()  # as the main window does after an undo
    assert not check_box(people).isChecked()
    sample_harness.history.redo()
    sample_harness.wait_idle(qtbot)
    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        people.refresh()
    assert check_box(people).isChecked() and named(sample_workspace, person_id)


def test_alt_u_toggles_it_from_the_keyboard(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    person_id = someone_not_named(sample_workspace)
    open_person(qtbot, people, person_id)
    view = people.view
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT_MS)
    qtbot.keyClick(view, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: check_box(people).isChecked(), timeout=TIMEOUT_MS)
    sample_harness.wait_idle(qtbot)
    assert named(sample_workspace, person_id)
    labels = [label.text() for label in view.findChildren(QLabel) if "&" in label.text()]
    boxes = [box.text() for box in view.findChildren(QCheckBox)]
    keys = [text.split("&")[1][0].lower() for text in (*labels, *boxes) if "&" in text]
    assert keys.count("u") == 1, keys


def test_a_new_person_is_not_named_unless_ticked(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    form = people.view.editor.form
    for tick in (False, True):
        people.view.new_action.trigger()
        assert not check_box(people).isChecked()  # the draft starts from NEW_PERSON
        if tick:  # ticked before the name is typed: it waits for the record to be created
            qtbot.mouseClick(check_box(people), Qt.MouseButton.LeftButton)
        name_edit = form.widget("full_name")
        assert isinstance(name_edit, QLineEdit)
        name_edit.insert(f"Trần Thị Mai {int(tick)}")
        qtbot.keyClick(name_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: people.person_id is not None, timeout=TIMEOUT_MS)
        sample_harness.wait_idle(qtbot)
        assert named(sample_workspace, people.person_id) is tick
    assert sample_harness.failures == []


def test_read_only_leaves_the_box_disabled(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    person_id = someone_not_named(sample_workspace)
    open_person(qtbot, people, person_id)
    ReadOnlyGuard(people.view)
    box = check_box(people)
    assert not box.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    sample_harness.wait_idle(qtbot)
    assert not box.isChecked() and not named(sample_workspace, person_id)
    assert not sample_harness.history.can_undo()
