"""Undoable edits: create, update and delete replay backwards and forwards exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import combine
from cs360desk.domain.enums import ActionStatus, ChangeAction
from cs360desk.domain.errors import ConflictError, NotFoundError, ValidationError
from cs360desk.services import catalog, edits
from tests.conftest import Builders
from tests.services.conftest import meeting_with_everything
from tests.workspace_support import transaction_in


def test_create_then_undo_removes_and_redo_restores_with_the_same_id(session, build) -> None:
    basics = build.basics()
    item, edit = edits.create(
        session,
        catalog.ACTION_ITEM,
        initiative_id=basics.initiative.id,
        title="Ask the school district for the bell schedule",
    )
    assert edit.label == "Add action item"
    edits.undo(session, edit)
    with pytest.raises(NotFoundError):
        catalog.ACTION_ITEM.get(session, item.id)
    edits.redo(session, edit)
    again = catalog.ACTION_ITEM.get(session, item.id)
    assert again.title == "Ask the school district for the bell schedule"


def test_update_undo_restores_only_the_changed_fields(session, build) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, title="Walk Alameda St with the council")
    updated, edit = edits.update(session, catalog.ACTION_ITEM, item.id, status="done")
    assert updated.completed_on is not None
    assert set(edit.changes[0].before) == {"status", "completed_on"}
    assert "status" in edit.label and "completed on" in edit.label
    edits.undo(session, edit)
    restored = catalog.ACTION_ITEM.get(session, item.id)
    assert (restored.status, restored.completed_on, restored.title) == (
        ActionStatus.OPEN,
        None,
        "Walk Alameda St with the council",
    )
    assert restored.version > updated.version  # undo is itself a change others can detect
    edits.redo(session, edit)
    assert catalog.ACTION_ITEM.get(session, item.id).status is ActionStatus.DONE


def test_update_that_changes_nothing_is_an_empty_edit(session, build) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, title="Same")
    _record, edit = edits.update(session, catalog.ACTION_ITEM, item.id, title="Same")
    assert not edit


def test_update_with_bad_input_raises_and_changes_nothing(session, build) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, title="Keep me")
    with pytest.raises(ValidationError) as error:
        edits.update(session, catalog.ACTION_ITEM, item.id, title="   ")
    assert error.value.field == "title"
    assert catalog.ACTION_ITEM.get(session, item.id).title == "Keep me"
    with pytest.raises(ConflictError):
        edits.update(session, catalog.ACTION_ITEM, item.id, expected_version=99, title="x")


def test_undo_of_a_meeting_delete_restores_agenda_attendance_and_links(session, build) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics, title="PST monthly meeting — March")
    edit = edits.delete(session, catalog.MEETING, ids["meeting"])
    assert catalog.ATTENDANCE.count(session) == 0
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id is None
    edits.undo(session, edit)
    assert catalog.MEETING.get(session, ids["meeting"]).title == "PST monthly meeting — March"
    assert catalog.AGENDA_ITEM.get(session, ids["agenda"]).presenter_id == basics.member.id
    guests = [a.guest_name for a in catalog.ATTENDANCE.list(session) if a.person_id is None]
    assert guests == ["Trần Văn Minh"]
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id == ids["meeting"]
    edits.redo(session, edit)
    assert catalog.MEETING.count(session) == 0 and catalog.AGENDA_ITEM.count(session) == 0


def test_refused_delete_is_not_an_edit(session, build) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, title="Owned", owner_id=basics.member.id)
    with pytest.raises(ValidationError):
        edits.delete(session, catalog.PERSON, basics.member.id)
    assert catalog.PERSON.get(session, basics.member.id).full_name == basics.member.full_name


def test_combined_edits_undo_together_in_reverse_order(session, build) -> None:
    basics = build.basics()
    first = build.action_item(basics.initiative.id, title="One")
    second = build.action_item(basics.initiative.id, title="Two")
    _a, edit_a = edits.update(session, catalog.ACTION_ITEM, first.id, owner_id=basics.member.id)
    _b, edit_b = edits.update(session, catalog.ACTION_ITEM, second.id, owner_id=basics.member.id)
    both = combine("Change owner of 2 action items", edit_a, edit_b)
    edits.undo(session, both)
    owners = {catalog.ACTION_ITEM.get(session, i).owner_id for i in (first.id, second.id)}
    assert owners == {None}


def test_redo_refuses_to_recreate_a_row_that_exists_again(session, build) -> None:
    basics = build.basics()
    item, edit = edits.create(
        session, catalog.ACTION_ITEM, initiative_id=basics.initiative.id, title="Twice"
    )
    with pytest.raises(ConflictError):
        edits.redo(session, edit)
    assert catalog.ACTION_ITEM.get(session, item.id).title == "Twice"


def test_undo_and_redo_are_in_the_change_log(session: Session, build) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, title="Logged")
    _record, edit = edits.update(session, catalog.ACTION_ITEM, item.id, title="Logged again")
    edits.undo(session, edit)
    last = session.scalars(select(m.ChangeRecord).order_by(m.ChangeRecord.id.desc()).limit(1)).one()
    assert (last.entity, last.entity_id, last.action) == (
        "action_item",
        item.id,
        ChangeAction.UPDATE,
    )
    assert json.loads(last.changes) == {"title": ["Logged again", "Logged"]}


def test_undo_and_redo_are_logged_as_the_workspace_acting_user(tmp_path: Path) -> None:
    with transaction_in(tmp_path / "w.cs360", acting_user="Sgt. Nguyễn") as session:
        basics = Builders(session).basics()
        _item, edit = edits.create(
            session, catalog.ACTION_ITEM, initiative_id=basics.initiative.id, title="Undo me"
        )
        before = session.scalar(select(func.max(m.ChangeRecord.id)))
        edits.undo(session, edit)
        edits.redo(session, edit)
        replayed = session.scalars(select(m.ChangeRecord).where(m.ChangeRecord.id > before))
        assert [(r.action, r.who) for r in replayed] == [
            (ChangeAction.DELETE, "Sgt. Nguyễn"),
            (ChangeAction.CREATE, "Sgt. Nguyễn"),
        ]
