"""The progress log: dated notes per action item, newest first, undoable, refused when bad."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.orm import Session

from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.services import edits
from cs360desk.services.catalog import ACTION_ITEM
from cs360desk.services.progress_log import (
    ACTION_ITEM_UPDATE,
    add_progress_note,
    progress_notes,
)

if TYPE_CHECKING:
    from conftest import Builders


def _item(build: Builders) -> int:
    return build.action_item(build.basics().initiative.id, title="Ask for the bell schedule").id


def test_notes_come_back_newest_first_and_verbatim(build: Builders) -> None:
    item = _item(build)
    add_progress_note(build.session, item, noted_on=date(2026, 3, 2), text="called the district")
    add_progress_note(build.session, item, noted_on="2026-03-09", text="  Gặp ông Đức — 50%  ")
    add_progress_note(build.session, item, noted_on=date(2026, 3, 9), text="<b>sent</b> the memo")
    notes = progress_notes(build.session, item)
    assert [(n.noted_on, n.text) for n in notes] == [
        (date(2026, 3, 9), "<b>sent</b> the memo"),
        (date(2026, 3, 9), "  Gặp ông Đức — 50%  "),
        (date(2026, 3, 2), "called the district"),
    ]
    assert all(n.action_item_id == item and n.version == 1 for n in notes)


def test_notes_belong_to_their_own_item(build: Builders) -> None:
    first, second = _item(build), _item(build)
    add_progress_note(build.session, first, noted_on=date(2026, 3, 2), text="first")
    assert progress_notes(build.session, second) == []


def test_adding_a_note_is_undoable(build: Builders) -> None:
    item = _item(build)
    note, edit = add_progress_note(build.session, item, noted_on=date(2026, 3, 2), text="x")
    assert edit.label == "Add progress note"
    edits.undo(build.session, edit)
    assert progress_notes(build.session, item) == []
    edits.redo(build.session, edit)
    assert [n.id for n in progress_notes(build.session, item)] == [note.id]


@pytest.mark.parametrize(
    ("noted_on", "text", "field", "problem"),
    [
        (date(2026, 3, 2), "", "text", "must not be empty"),
        (date(2026, 3, 2), "   \n\t", "text", "must not be empty"),
        ("2026-02-30", "called", "noted_on", "is not a date"),
        ("yesterday", "called", "noted_on", "is not a date"),
        (None, "called", "noted_on", "is required"),
        (20260302, "called", "noted_on", "is not a date"),
    ],
    ids=["empty text", "blank text", "impossible date", "words", "no date", "number"],
)
def test_bad_input_is_refused_naming_the_field(
    workspace, builders_for, noted_on: object, text: str, field: str, problem: str
) -> None:
    with workspace.session_factory.begin() as session:
        build = builders_for(session)
        item = _item(build)
    with pytest.raises(ValidationError) as caught, workspace.session_factory.begin() as session:
        add_progress_note(session, item, noted_on=noted_on, text=text)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert problem in caught.value.problem
    with workspace.session_factory.begin() as session:
        assert progress_notes(session, item) == []


@pytest.mark.parametrize("item_id", [987_654, -1, 0])
def test_a_note_for_an_unknown_item_is_refused(build: Builders, item_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        add_progress_note(build.session, item_id, noted_on=date(2026, 3, 2), text="x")
    assert caught.value.field == "action_item_id"
    assert "no action item" in caught.value.problem


def test_a_note_for_a_non_number_item_is_refused(build: Builders) -> None:
    with pytest.raises(ValidationError, match="whole number"):
        add_progress_note(build.session, "7", noted_on=date(2026, 3, 2), text="x")  # type: ignore[arg-type]


def test_update_and_delete_through_the_entity_service(build: Builders) -> None:
    item = _item(build)
    note, _ = add_progress_note(build.session, item, noted_on=date(2026, 3, 2), text="draft")
    changed = ACTION_ITEM_UPDATE.update(
        build.session, note.id, expected_version=note.version, text="final"
    )
    assert (changed.text, changed.version) == ("final", 2)
    with pytest.raises(ValidationError):
        ACTION_ITEM_UPDATE.update(build.session, note.id, text="")
    ACTION_ITEM_UPDATE.delete(build.session, note.id)
    with pytest.raises(NotFoundError):
        ACTION_ITEM_UPDATE.get(build.session, note.id)


def test_deleting_the_item_deletes_its_notes_and_undo_brings_them_back(
    build: Builders, session: Session
) -> None:
    item = _item(build)
    add_progress_note(session, item, noted_on=date(2026, 3, 2), text="one")
    add_progress_note(session, item, noted_on=date(2026, 3, 3), text="two")
    edit = edits.delete(session, ACTION_ITEM, item)
    assert ACTION_ITEM_UPDATE.count(session) == 0
    edits.undo(session, edit)
    assert [n.text for n in progress_notes(session, item)] == ["two", "one"]
