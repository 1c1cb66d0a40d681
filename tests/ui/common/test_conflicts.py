"""A save over someone else's newer change: the user is told who changed what and when, and
chooses; nobody's change is lost without a word. On a workspace file and on a server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.audit import ACTING_USER
from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog
from cs360desk.services.history import HistoryFilter, list_changes
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.common.conflicts import ConflictChoice, ConflictDialog, conflict_text
from cs360desk.ui.common.formatting import format_when
from cs360desk.ui.people.people import PeopleController
from tests import backends
from tests.ui.conftest import SectionHarness
from tests.ui.section_support import open_section, read, type_into

pytestmark = pytest.mark.gui
# Both kinds of workspace, as fixtures of this module.
backend = backends.backend
workspace, workspace_location = backends.workspace, backends.workspace_location
sample, sample_location = backends.sample, backends.sample_location
TIMEOUT_MS = 15_000
MARIA = "Maria Ortiz"


class Asked:
    """Stands in for the dialog: notes each question and answers with `choice`."""

    def __init__(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.texts: list[str] = []

    def __call__(self, _parent: object, text: str) -> ConflictChoice:
        self.texts.append(text)
        return self.choice


def as_maria(workspace: Workspace, service: Any, record_id: int, **changes: Any) -> None:
    """Another person's save, in a session of its own, between the open and the save."""
    with workspace.session_factory.begin() as session:
        session.info[ACTING_USER] = MARIA
        service.update(session, record_id, **changes)


def asked(monkeypatch: pytest.MonkeyPatch, choice: ConflictChoice) -> Asked:
    answer = Asked(choice)
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda _cls, p, t: answer(p, t)))
    return answer


# -- a record section (People): the same for Teams and Organizations ----------------------------


@pytest.fixture
def person_id(workspace: Workspace) -> int:
    with workspace.session_factory.begin() as session:
        return int(catalog.PERSON.create(session, full_name="Ana Ruiz", title="Officer").id)


@pytest.fixture
def people(qtbot: QtBot, harness: SectionHarness, person_id: int) -> PeopleController:
    controller = open_section(qtbot, PeopleController(harness.context), None)
    with qtbot.waitSignal(controller.detail_loaded, timeout=TIMEOUT_MS):
        controller.open_record("person", person_id)
    return controller


def title_edit(people: PeopleController) -> QLineEdit:
    edit = people.view.editor.form.widget("title")
    assert isinstance(edit, QLineEdit)
    return edit


def stored(workspace: Workspace, person_id: int) -> Any:
    return read(workspace, lambda s: catalog.PERSON.get(s, person_id))


def test_the_dialog_names_who_changed_which_fields_and_when(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    people: PeopleController,
    harness: SectionHarness,
    workspace: Workspace,
    person_id: int,
) -> None:
    answer = asked(monkeypatch, ConflictChoice.UNDECIDED)
    as_maria(workspace, catalog.PERSON, person_id, title="Sergeant", phone="555-0100")
    type_into(qtbot, title_edit(people), "Lieutenant")
    qtbot.waitUntil(lambda: bool(answer.texts), timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    change = read(
        workspace,
        lambda s: list_changes(s, HistoryFilter(entity="person", record_id=person_id))[0],
    )
    text = answer.texts[0]
    assert MARIA in text and "title" in text and "phone" in text
    assert format_when(change.at) in text  # local time, as the History shows it
    assert text == conflict_text("person", change)
    # Closed without a choice: nothing saved, the typing stays for the next try.
    assert stored(workspace, person_id).title == "Sergeant"
    assert title_edit(people).text() == "Lieutenant"
    assert harness.failures == []
    assert "changed by someone else" in harness.statuses[-1]


def test_reload_theirs_shows_the_stored_values_and_saves_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    people: PeopleController,
    harness: SectionHarness,
    workspace: Workspace,
    person_id: int,
) -> None:
    answer = asked(monkeypatch, ConflictChoice.RELOAD_THEIRS)
    as_maria(workspace, catalog.PERSON, person_id, title="Sergeant")
    type_into(qtbot, title_edit(people), "Lieutenant")
    qtbot.waitUntil(lambda: title_edit(people).text() == "Sergeant", timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert len(answer.texts) == 1
    assert stored(workspace, person_id).title == "Sergeant"
    assert not people.view.editor.form.is_changed("title")
    assert harness.failures == []


def test_keep_mine_saves_over_the_newer_version_and_keeps_their_other_fields(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    people: PeopleController,
    harness: SectionHarness,
    workspace: Workspace,
    person_id: int,
) -> None:
    answer = asked(monkeypatch, ConflictChoice.KEEP_MINE)
    as_maria(workspace, catalog.PERSON, person_id, title="Sergeant", phone="555-0100")
    type_into(qtbot, title_edit(people), "Lieutenant")
    qtbot.waitUntil(lambda: stored(workspace, person_id).title == "Lieutenant", timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert len(answer.texts) == 1
    assert stored(workspace, person_id).phone == "555-0100"  # theirs, untouched
    history = read(
        workspace, lambda s: list_changes(s, HistoryFilter(entity="person", record_id=person_id))
    )
    assert [entry.who for entry in history[:2]] == [workspace.acting_user, MARIA]
    # The next save needs no question: the form now knows the newest change.
    type_into(qtbot, title_edit(people), "Captain")
    qtbot.waitUntil(lambda: stored(workspace, person_id).title == "Captain", timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert len(answer.texts) == 1
    assert harness.failures == []


def test_a_save_with_no_change_elsewhere_asks_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    people: PeopleController,
    harness: SectionHarness,
    workspace: Workspace,
    person_id: int,
) -> None:
    answer = asked(monkeypatch, ConflictChoice.RELOAD_THEIRS)
    type_into(qtbot, title_edit(people), "Lieutenant")
    type_into(qtbot, title_edit(people), "Captain")
    qtbot.waitUntil(lambda: stored(workspace, person_id).title == "Captain", timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert answer.texts == [] and harness.failures == []


# -- the action item editor --------------------------------------------------------------------


@pytest.fixture
def sample_section(
    qtbot: QtBot, sample: Workspace, settings: QSettings, now: datetime
) -> Iterator[tuple[ActionItemsController, SectionHarness]]:
    harness = SectionHarness(sample, settings, now)
    controller = ActionItemsController(harness.context)
    qtbot.addWidget(controller.view)
    initiative_id = read(sample, lambda s: catalog.INITIATIVE.list(s)[0].id)
    with qtbot.waitSignal(controller.loaded, timeout=TIMEOUT_MS):
        controller.show_initiative(initiative_id)
    yield controller, harness
    harness.wait_idle(qtbot)
    assert harness.runner.shutdown()


def open_first_item(
    qtbot: QtBot, controller: ActionItemsController, harness: SectionHarness
) -> int:
    view = controller.view
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    view.open_button.click()
    harness.wait_idle(qtbot)
    item_id = view.editor.item_id
    assert item_id is not None
    return item_id


@pytest.mark.parametrize("choice", [ConflictChoice.RELOAD_THEIRS, ConflictChoice.KEEP_MINE])
def test_the_action_item_editor_asks_and_does_what_was_chosen(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sample_section: tuple[ActionItemsController, SectionHarness],
    sample: Workspace,
    choice: ConflictChoice,
) -> None:
    controller, harness = sample_section
    item_id = open_first_item(qtbot, controller, harness)
    answer = asked(monkeypatch, choice)
    as_maria(sample, catalog.ACTION_ITEM, item_id, title="Theirs", details="their details")
    editor = controller.view.editor
    editor.title_edit.setText("Mine")
    editor.title_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: bool(answer.texts), timeout=TIMEOUT_MS)
    wanted = "Theirs" if choice is ConflictChoice.RELOAD_THEIRS else "Mine"
    item = lambda: read(sample, lambda s: catalog.ACTION_ITEM.get(s, item_id))  # noqa: E731
    qtbot.waitUntil(lambda: item().title == wanted, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: editor.title_edit.text() == wanted, timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert MARIA in answer.texts[0] and "title" in answer.texts[0]
    assert item().details == "their details"  # their other change stays either way
    assert harness.failures == []


def test_the_dialog_as_it_looks(qtbot: QtBot) -> None:
    dialog = ConflictDialog(
        "Maria Ortiz changed this person on Dec 9, 2025, 6:00 PM, after you opened it: title, "
        "phone. Your change is not saved yet."
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/conflict.png")
    assert dialog.keep_button.text() == "&Keep mine (overwrite)"
    dialog.keep_button.click()
    assert dialog.choice is ConflictChoice.KEEP_MINE
