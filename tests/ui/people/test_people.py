"""The People section: adding, editing field by field, searching, deleting with a hand-over."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Affiliation
from cs360desk.domain.people_views import PersonChoice
from cs360desk.services import catalog
from cs360desk.services.people import open_items_owned
from cs360desk.ui.common.record_widgets import DeleteConfirmation
from cs360desk.ui.people.people import PeopleController
from cs360desk.ui.people.people_dialogs import HandOverDialog
from tests.ui.section_support import (
    choose,
    first_initiative,
    focusable_controls,
    open_section,
    read,
    type_into,
)

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
HOA = "Nguyễn Thị Hoa"


@pytest.fixture
def people(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> PeopleController:
    controller = PeopleController(sample_harness.context)
    return open_section(qtbot, controller, first_initiative(sample_workspace))


@pytest.fixture
def empty_people(qtbot: QtBot, harness: Any) -> Iterator[PeopleController]:
    yield open_section(qtbot, PeopleController(harness.context), None, resize=False, show=False)


def open_person(qtbot: QtBot, controller: PeopleController, person_id: int) -> None:
    with qtbot.waitSignal(controller.detail_loaded, timeout=TIMEOUT_MS):
        controller.open_record("person", person_id)


def shown_names(controller: PeopleController) -> list[str]:
    model = controller.view.model
    return [model.row_at(row).person.full_name for row in range(model.rowCount())]


def test_add_a_community_member_through_the_editor(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    form = people.view.editor.form
    people.view.new_action.trigger()
    assert people.view.editor.title_label.text() == "New person"
    name_edit = form.widget("full_name")
    assert isinstance(name_edit, QLineEdit) and name_edit.hasFocus()
    type_into(qtbot, name_edit, HOA)
    qtbot.waitUntil(lambda: people.person_id is not None, timeout=TIMEOUT_MS)
    church = read(
        sample_workspace,
        lambda s: s.scalar(select(m.Organization.id).where(m.Organization.name.like("%La Vang%"))),
    )
    type_into(qtbot, form.widget("title"), "Parish council secretary")  # type: ignore[arg-type]
    choose(form.widget("organization_id"), church)  # type: ignore[arg-type]
    type_into(qtbot, form.widget("phone"), "(361) 555-0142")  # type: ignore[arg-type]
    type_into(qtbot, form.widget("email"), "hoa.nguyen@example.org")  # type: ignore[arg-type]
    private = form.widget("contact_private")
    assert isinstance(private, QCheckBox)
    qtbot.mouseClick(private, Qt.MouseButton.LeftButton)
    sample_harness.wait_idle(qtbot)
    person = read(sample_workspace, lambda s: catalog.PERSON.get(s, people.person_id))
    assert (person.full_name, person.title, person.organization_id) == (
        HOA, "Parish council secretary", church,
    )  # fmt: skip
    assert person.affiliation is Affiliation.COMMUNITY and person.active
    assert (person.phone, person.email, person.contact_private) == (
        "(361) 555-0142", "hoa.nguyen@example.org", True,
    )  # fmt: skip
    assert sample_harness.statuses[-1] == "Saved"
    assert sample_harness.failures == []
    qtbot.waitUntil(lambda: HOA in shown_names(people), timeout=TIMEOUT_MS)
    row = people.view.model.row_at(people.view.model.row_of(people.person_id))
    assert (row.shown_phone, row.shown_email) == ("(private)", "(private)")
    assert row.organization_name.endswith("La Vang Catholic Church")
    assert people.view.table.selectionModel().selectedRows()[0].row() == people.view.model.row_of(
        people.person_id
    )


def test_new_person_needs_a_name_before_anything_is_saved(
    qtbot: QtBot, empty_people: PeopleController, harness: Any, workspace: Workspace
) -> None:
    form = empty_people.view.editor.form
    empty_people.view.new_action.trigger()
    type_into(qtbot, form.widget("title"), "Block captain")  # type: ignore[arg-type]
    assert form.rows["full_name"].error.isVisibleTo(empty_people.view)
    assert "full name" in form.rows["full_name"].error.text()
    type_into(qtbot, form.widget("full_name"), "Ana Ruiz")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: empty_people.person_id is not None, timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    saved = read(workspace, lambda s: catalog.PERSON.list(s))
    assert [(p.full_name, p.title) for p in saved] == [("Ana Ruiz", "Block captain")]
    assert not form.rows["full_name"].error.isVisibleTo(empty_people.view)
    harness.history.undo()
    harness.wait_idle(qtbot)
    assert read(workspace, lambda s: catalog.PERSON.list(s)) == []


def test_bad_email_is_shown_next_to_the_field_and_the_text_is_kept(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    person = read(sample_workspace, lambda s: catalog.PERSON.list(s)[0])
    open_person(qtbot, people, person.id)
    row = people.view.editor.form.rows["email"]
    assert isinstance(row.widget, QLineEdit)
    type_into(qtbot, row.widget, "hoa at example dot org")
    qtbot.waitUntil(lambda: row.error.isVisibleTo(people.view), timeout=TIMEOUT_MS)
    assert "is not an e-mail address" in row.error.text()
    assert row.widget.text() == "hoa at example dot org"
    assert "Error" in row.widget.accessibleDescription()
    assert read(sample_workspace, lambda s: catalog.PERSON.get(s, person.id).email) == person.email
    assert sample_harness.failures == []
    type_into(qtbot, row.widget, "hoa@example.org")
    qtbot.waitUntil(lambda: not row.error.isVisibleTo(people.view), timeout=TIMEOUT_MS)
    assert read(sample_workspace, lambda s: catalog.PERSON.get(s, person.id).email) == (
        "hoa@example.org"
    )


def reload_after(qtbot: QtBot, controller: PeopleController, change: Callable[[], Any]) -> list:  # type: ignore[type-arg]
    with qtbot.waitSignal(controller.loaded, timeout=TIMEOUT_MS):
        change()
    model = controller.view.model
    return [model.row_at(row) for row in range(model.rowCount())]


def test_search_and_filters_narrow_the_list(qtbot: QtBot, people: PeopleController) -> None:
    view = people.view
    everyone = view.model.rowCount()
    assert everyone > 10
    assert view.count_label.text() == f"{everyone} people"
    someone = view.model.row_at(3).person.full_name
    rows = reload_after(qtbot, people, lambda: view.search_edit.setText(someone.split()[-1]))
    assert someone in [r.person.full_name for r in rows] and len(rows) < everyone
    assert len(reload_after(qtbot, people, view.search_edit.clear)) == everyone

    rows = reload_after(
        qtbot, people, lambda: choose(view.affiliation_filter, Affiliation.DEPARTMENT)
    )
    assert 0 < len(rows) < everyone
    assert all(r.person.affiliation is Affiliation.DEPARTMENT for r in rows)
    reload_after(qtbot, people, lambda: view.affiliation_filter.setCurrentIndex(0))

    assert view.team_filter.count() > 1
    team_name = view.team_filter.itemText(1)
    rows = reload_after(qtbot, people, lambda: view.team_filter.setCurrentIndex(1))
    assert 0 < len(rows) < everyone
    assert all(team_name in r.team_names for r in rows)
    reload_after(qtbot, people, lambda: view.team_filter.setCurrentIndex(0))

    inactive = view.active_filter.findData(False)
    rows = reload_after(qtbot, people, lambda: view.active_filter.setCurrentIndex(inactive))
    assert 0 < len(rows) < everyone and all(not r.person.active for r in rows)
    assert all(view.model.index(i, 0).data().endswith("(inactive)") for i in range(len(rows)))
    active = view.active_filter.findData(True)
    rows = reload_after(qtbot, people, lambda: view.active_filter.setCurrentIndex(active))
    assert all(r.person.active for r in rows)


def test_search_with_wildcards_is_literal(
    qtbot: QtBot, people: PeopleController, sample_harness: Any
) -> None:
    qtbot.keyClicks(people.view.search_edit, "%")
    qtbot.waitUntil(lambda: people.view.model.rowCount() == 0, timeout=TIMEOUT_MS)
    assert people.view.count_label.text() == "0 people"
    assert sample_harness.failures == []


def find_owner(workspace: Workspace) -> tuple[int, int, int]:
    """A person with open action items, how many, and someone else to hand them to."""

    def work(session: Any) -> tuple[int, int, int]:
        owners = session.scalars(
            select(m.ActionItem.owner_id).where(m.ActionItem.owner_id.is_not(None))
        )
        owner = next(o for o in owners if open_items_owned(session, o) > 0)
        heir = next(p.id for p in catalog.PERSON.list(session) if p.id != owner)
        return owner, open_items_owned(session, owner), heir

    return read(workspace, work)


def test_deleting_an_owner_hands_the_work_over_and_undo_brings_them_back(
    qtbot: QtBot,
    people: PeopleController,
    sample_harness: Any,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    owner, count, heir = find_owner(sample_workspace)
    heir_count = read(sample_workspace, lambda s: open_items_owned(s, heir))
    open_person(qtbot, people, owner)
    name = people.view.editor.title_label.text()
    assert "open action item" in people.view.editor.holdings_label.text()
    asked: list[tuple[Any, ...]] = []

    def fake_ask(_cls: type, parent: QWidget, choices: Any, who: str, n: int) -> int:
        asked.append((parent, [c.id for c in choices], who, n))
        return heir

    monkeypatch.setattr(HandOverDialog, "ask", classmethod(fake_ask))
    people.view.delete_action.trigger()
    qtbot.waitUntil(lambda: people.person_id is None, timeout=TIMEOUT_MS)
    sample_harness.wait_idle(qtbot)
    assert asked and asked[0][2:] == (name, count)
    assert owner not in asked[0][1] and heir in asked[0][1]
    assert sample_harness.statuses[-1].startswith(f"Deleted {name}")
    assert read(sample_workspace, lambda s: s.get(m.Person, owner)) is None
    assert read(sample_workspace, lambda s: open_items_owned(s, heir)) == heir_count + count
    assert name not in shown_names(people)

    sample_harness.history.undo()
    sample_harness.wait_idle(qtbot)
    with qtbot.waitSignal(people.loaded, timeout=TIMEOUT_MS):
        people.refresh()
    assert read(sample_workspace, lambda s: open_items_owned(s, owner)) == count
    assert read(sample_workspace, lambda s: open_items_owned(s, heir)) == heir_count
    assert name in shown_names(people)


def test_cancelling_the_hand_over_deletes_nothing(
    qtbot: QtBot,
    people: PeopleController,
    sample_harness: Any,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    owner, count, _heir = find_owner(sample_workspace)
    open_person(qtbot, people, owner)
    monkeypatch.setattr(HandOverDialog, "ask", classmethod(lambda *_args: None))
    people.view.delete_action.trigger()
    qtbot.waitUntil(
        lambda: "not deleted" in (sample_harness.statuses or [""])[-1], timeout=TIMEOUT_MS
    )
    assert people.person_id == owner
    assert read(sample_workspace, lambda s: open_items_owned(s, owner)) == count


def test_deleting_someone_who_owns_nothing_only_asks_to_confirm(
    qtbot: QtBot,
    empty_people: PeopleController,
    harness: Any,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    person = read(workspace, lambda s: catalog.PERSON.create(s, full_name="Zoe Park"))
    open_person(qtbot, empty_people, person.id)
    questions: list[str] = []
    answers = iter([False, True])

    def fake_confirm(_cls: type, _parent: QWidget, _title: str, question: str) -> bool:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(DeleteConfirmation, "ask", classmethod(fake_confirm))
    monkeypatch.setattr(HandOverDialog, "ask", classmethod(lambda *_a: pytest.fail("asked")))
    empty_people.view.delete_action.trigger()
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert read(workspace, lambda s: s.get(m.Person, person.id)) is not None
    empty_people.view.delete_key_action.trigger()  # the Delete key in the list
    qtbot.waitUntil(lambda: empty_people.person_id is None, timeout=TIMEOUT_MS)
    assert questions == ["Delete Zoe Park?", "Delete Zoe Park?"]
    assert read(workspace, lambda s: s.get(m.Person, person.id)) is None
    assert not empty_people.view.delete_action.isEnabled()


def test_the_editor_shows_teams_and_opens_one(
    qtbot: QtBot, people: PeopleController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    member = read(sample_workspace, lambda s: s.scalar(select(m.Membership).limit(1)))
    open_person(qtbot, people, member.person_id)
    seats = people.view.editor.seats_model
    assert seats.rowCount() >= 1 and people.view.editor.seats_table.isVisibleTo(people.view)
    position = seats.row_of(member.team_id)
    people.view.editor.seats_table.doubleClicked.emit(seats.index(position, 0))
    assert sample_harness.opened == [("team", member.team_id)]


def test_models_pass_the_model_tester(
    qtbot: QtBot, people: PeopleController, sample_workspace: Workspace, qtmodeltester: Any
) -> None:
    member = read(sample_workspace, lambda s: s.scalar(select(m.Membership).limit(1)))
    open_person(qtbot, people, member.person_id)
    assert people.view.model.rowCount() > 0
    qtmodeltester.check(people.view.model)
    qtmodeltester.check(people.view.editor.seats_model)


def test_every_control_has_an_accessible_name(people: PeopleController) -> None:
    view = people.view
    view.new_action.trigger()
    controls = focusable_controls(view)
    assert len(controls) > 12
    unnamed = [w for w in controls if not w.accessibleName()]
    assert unnamed == []


def tab_chain(start: QWidget, view: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits from `start`, as Qt's focus chain orders them."""
    chain, widget = [start], start
    while len(chain) < count:
        widget = widget.nextInFocusChain()
        tabbable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tabbable and widget.isVisibleTo(view) and widget.isEnabled():
            chain.append(widget)
    return chain


def test_tab_runs_from_search_through_the_editor(people: PeopleController) -> None:
    view = people.view
    people.view.new_action.trigger()
    form = view.editor.form
    assert tab_chain(view.search_edit, view, 8) == [
        view.search_edit,
        view.affiliation_filter,
        view.team_filter,
        view.active_filter,
        view.table,
        form.widget("full_name"),
        form.widget("title"),
        form.widget("organization_id"),
    ]


def test_hand_over_dialog_offers_everyone_else_by_name(qtbot: QtBot) -> None:
    people = [PersonChoice(3, "Zoe Park", True), PersonChoice(4, "Óscar Peña", False)]
    dialog = HandOverDialog(people, "Ana Ruiz", 2)
    qtbot.addWidget(dialog)
    box = dialog.person_box
    assert [box.itemText(i) for i in range(box.count())] == ["Óscar Peña (inactive)", "Zoe Park"]
    assert dialog.chosen == 4 and dialog.ok_button.isEnabled()
    assert dialog.windowTitle() == "Delete Ana Ruiz"
    alone = HandOverDialog([], "Ana Ruiz", 0)
    qtbot.addWidget(alone)
    assert alone.chosen is None and not alone.ok_button.isEnabled()
