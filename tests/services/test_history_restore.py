"""Restoring a deleted record from the History brings back what its delete took along."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, ChangeAction
from cs360desk.domain.errors import ConflictError, NotFoundError
from cs360desk.services import catalog, edits
from cs360desk.services.action_item_changes import delete_action_items
from cs360desk.services.community_input import link_action_item
from cs360desk.services.history import HistoryFilter, list_changes
from cs360desk.services.history_restore import restore_deleted, restore_deleted_as_edit
from cs360desk.services.progress_log import add_progress_note, progress_notes
from tests.conftest import Builders
from tests.services.conftest import MARCH, meeting_with_everything
from tests.workspace_support import transaction_in

LINK = m.recommendation_action_item


def delete_record(session: Session, entity: str) -> int:
    deletes = list_changes(session, HistoryFilter(entity=entity))
    return next(entry.id for entry in deletes if entry.action is ChangeAction.DELETE)


def links(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(LINK.c.recommendation_id, LINK.c.action_item_id))
    return {(recommendation, item) for recommendation, item in rows}


def notes(session: Session, item_id: int) -> list[str]:
    return [note.text for note in progress_notes(session, item_id)]


def attendees(session: Session) -> set[str | int]:
    rows = catalog.ATTENDANCE.list(session)
    return {row.guest_name if row.person_id is None else row.person_id for row in rows}


# The record itself ---------------------------------------------------------------------


def test_restore_brings_back_the_same_id_and_links(session: Session, build: Builders) -> None:
    basics = build.basics()
    item = build.action_item(
        basics.initiative.id,
        title="Fix the streetlights",
        owner_id=basics.member.id,
        due_on=date(2026, 5, 1),
        status=ActionStatus.IN_PROGRESS,
    )
    catalog.ACTION_ITEM.delete(session, item.id)
    restored = restore_deleted(session, delete_record(session, "action_item"))
    assert restored.same_id and restored.record_id == item.id and restored.dropped_links == ()
    assert (restored.companions, restored.relinked, restored.left_out) == ((), (), ())
    back = catalog.ACTION_ITEM.get(session, item.id)
    assert (back.title, back.owner_id, back.due_on, back.status) == (
        "Fix the streetlights",
        basics.member.id,
        date(2026, 5, 1),
        ActionStatus.IN_PROGRESS,
    )
    newest = list_changes(session, HistoryFilter(entity="action_item"))[0]
    assert newest.action is ChangeAction.CREATE and newest.record_id == item.id


def test_restore_leaves_links_to_deleted_records_empty(session: Session, build: Builders) -> None:
    basics = build.basics()
    owner = build.person("Temporary Owner")
    item = build.action_item(basics.initiative.id, owner_id=owner.id)
    catalog.ACTION_ITEM.delete(session, item.id)
    change_id = delete_record(session, "action_item")
    catalog.PERSON.delete(session, owner.id)
    restored = restore_deleted(session, change_id)
    assert restored.dropped_links == (f"owner (person {owner.id})",)
    assert catalog.ACTION_ITEM.get(session, item.id).owner_id is None


def test_restore_refuses_when_a_required_link_is_gone(session: Session, build: Builders) -> None:
    basics = build.basics()
    goal = build.goal(basics.initiative.id)
    catalog.GOAL.delete(session, goal.id)
    change_id = delete_record(session, "goal")
    catalog.TEAM.delete(session, basics.team.id)
    catalog.INITIATIVE.delete(session, basics.initiative.id)
    before = len(list_changes(session))
    with pytest.raises(ConflictError, match="restore that first"):
        restore_deleted(session, change_id)
    assert len(list_changes(session)) == before


def test_restore_takes_a_new_id_when_the_old_one_is_taken(
    session: Session, build: Builders
) -> None:
    person = build.person("Đức Trần")
    catalog.PERSON.delete(session, person.id)
    change_id = delete_record(session, "person")
    session.add(m.Person(id=person.id, full_name="Someone Else"))
    session.flush()
    restored = restore_deleted(session, change_id)
    assert not restored.same_id and restored.record_id != person.id
    assert restored.record_id is not None
    assert catalog.PERSON.get(session, restored.record_id).full_name == "Đức Trần"


def test_restore_of_an_undone_create(session: Session, build: Builders) -> None:
    basics = build.basics()
    _, edit = edits.create(
        session,
        catalog.GOAL,
        initiative_id=basics.initiative.id,
        dimension=build.goal(basics.initiative.id).dimension,
        statement="G",
    )
    edits.undo(session, edit)
    change = list_changes(session, HistoryFilter(entity="goal"))[0]
    assert change.action is ChangeAction.DELETE
    restored = restore_deleted(session, change.id)
    assert restored.record_id is not None
    assert catalog.GOAL.get(session, restored.record_id).statement == "G"


def test_only_deletes_can_be_restored(session: Session, build: Builders) -> None:
    build.person("A")
    created = list_changes(session)[0]
    with pytest.raises(ConflictError, match="only a deleted record"):
        restore_deleted(session, created.id)
    with pytest.raises(NotFoundError):
        restore_deleted(session, 999_999)


def test_restoring_twice_is_refused(session: Session, build: Builders) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, title="Once")
    catalog.ACTION_ITEM.delete(session, item.id)
    change_id = delete_record(session, "action_item")
    restore_deleted(session, change_id)
    with pytest.raises(ConflictError, match="back already"):
        restore_deleted(session, change_id)
    assert catalog.ACTION_ITEM.count(session) == 1


# What the delete took along ------------------------------------------------------------


def test_a_meeting_comes_back_with_agenda_attendance_and_source_links(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    assert catalog.AGENDA_ITEM.count(session) == 0 and catalog.ATTENDANCE.count(session) == 0
    restored = restore_deleted(session, delete_record(session, "meeting"))
    assert restored.record_id == ids["meeting"] and restored.left_out == ()
    assert restored.companions == (("agenda item", 1), ("attendance", 2))
    assert restored.relinked == (("action item", 1),)
    agenda = catalog.AGENDA_ITEM.get(session, ids["agenda"])
    assert (agenda.title, agenda.presenter_id) == ("Lighting audit", basics.member.id)
    assert attendees(session) == {basics.member.id, "Trần Văn Minh"}
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id == ids["meeting"]


def test_an_action_item_comes_back_with_notes_and_recommendation_links(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    first = build.recommendation(basics.initiative.id, text="Más luz")
    second = build.recommendation(basics.initiative.id, text="Cut the hedges")
    item = build.action_item(basics.initiative.id, title="Ask Public Works")
    link_action_item(session, first.id, item.id)
    link_action_item(session, second.id, item.id)
    add_progress_note(session, item.id, noted_on=date(2026, 4, 2), text="Called them")
    delete_action_items(session, [item.id])
    catalog.RECOMMENDATION.delete(session, second.id)
    restored = restore_deleted(session, delete_record(session, "action_item"))
    assert links(session) == {(first.id, item.id)}
    assert notes(session, item.id) == ["Called them"]
    assert restored.companions == (("action item update", 1), ("recommendation action item", 1))
    assert restored.left_out == (
        f"the link action item {item.id} ↔ recommendation {second.id}: its recommendation "
        f"(recommendation {second.id}) no longer exists",
    )


def test_a_recommendation_comes_back_with_its_links(session: Session, build: Builders) -> None:
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id)
    kept = build.action_item(basics.initiative.id)
    gone = build.action_item(basics.initiative.id)
    link_action_item(session, recommendation.id, kept.id)
    link_action_item(session, recommendation.id, gone.id)
    catalog.RECOMMENDATION.delete(session, recommendation.id)
    catalog.ACTION_ITEM.delete(session, gone.id)
    restored = restore_deleted(session, delete_record(session, "recommendation"))
    assert links(session) == {(recommendation.id, kept.id)}
    assert len(restored.left_out) == 1 and f"action item {gone.id}" in restored.left_out[0]


def test_children_follow_their_parent_to_a_new_id(session: Session, build: Builders) -> None:
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id)
    item = build.action_item(basics.initiative.id, title="Newest")
    link_action_item(session, recommendation.id, item.id)
    add_progress_note(session, item.id, noted_on=date(2026, 4, 2), text="First call")
    delete_action_items(session, [item.id])
    change_id = delete_record(session, "action_item")
    # SQLite hands the highest free id out again; a server never does, so take it by hand.
    session.execute(
        insert(m.ActionItem).values(
            id=item.id, initiative_id=basics.initiative.id, title="Took the free number"
        )
    )
    taken = catalog.ACTION_ITEM.get(session, item.id)
    restored = restore_deleted(session, change_id)
    assert not restored.same_id and restored.record_id not in (None, item.id)
    assert restored.record_id is not None
    assert catalog.ACTION_ITEM.get(session, restored.record_id).title == "Newest"
    assert notes(session, restored.record_id) == ["First call"]
    assert notes(session, taken.id) == []
    assert links(session) == {(recommendation.id, restored.record_id)}


def test_nested_cascades_come_back(session: Session, build: Builders) -> None:
    basics = build.basics()
    goal = build.goal(basics.initiative.id, statement="Fewer shots fired")
    measure = build.measure(goal.id, name="Shots fired calls")
    for month in (1, 2, 3):
        build.measurement(measure.id, date(2026, month, 28), value=float(month))
    edits.delete(session, catalog.GOAL, goal.id)
    assert catalog.MEASUREMENT.count(session) == 0
    restored = restore_deleted(session, delete_record(session, "goal"))
    assert restored.companions == (("measure", 1), ("measurement", 3))
    values = sorted(row.value for row in catalog.MEASUREMENT.list(session))
    assert values == [1.0, 2.0, 3.0]
    assert catalog.MEASURE.get(session, measure.id).name == "Shots fired calls"


def test_rows_that_cannot_come_back_are_named(session: Session, build: Builders) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    other = build.meeting(basics.team.id, MARCH, title="Another meeting")
    guest = build.person("Visiting Officer")
    catalog.ATTENDANCE.create(session, meeting_id=ids["meeting"], person_id=guest.id)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    change_id = delete_record(session, "meeting")
    catalog.PERSON.delete(session, guest.id)  # their attendance cannot come back
    catalog.ACTION_ITEM.update(session, ids["item"], source_meeting_id=other.id)
    restored = restore_deleted(session, change_id)
    assert attendees(session) == {basics.member.id, "Trần Văn Minh"}
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id == other.id
    assert len(restored.left_out) == 2
    gone, kept = restored.left_out
    assert gone.startswith("attendance ") and f"(person {guest.id}) no longer exists" in gone
    assert kept == f"action item {ids['item']}: its source meeting was changed since; kept"


def test_links_of_a_child_to_records_deleted_since_stay_empty(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    presenter = build.person("Guest Presenter")
    catalog.AGENDA_ITEM.update(session, ids["agenda"], presenter_id=presenter.id)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    change_id = delete_record(session, "meeting")
    catalog.PERSON.delete(session, presenter.id)
    restored = restore_deleted(session, change_id)
    assert restored.dropped_links == (
        f"presenter of agenda item {ids['agenda']} (person {presenter.id})",
    )
    assert catalog.AGENDA_ITEM.get(session, ids["agenda"]).presenter_id is None


def test_a_child_restored_first_is_not_doubled(session: Session, build: Builders) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    agenda_change = delete_record(session, "agenda_item")
    with pytest.raises(ConflictError, match="its meeting .* was deleted too; restore that first"):
        restore_deleted(session, agenda_change)
    restore_deleted(session, delete_record(session, "meeting"))
    with pytest.raises(ConflictError, match="back already"):
        restore_deleted(session, agenda_change)
    assert catalog.AGENDA_ITEM.count(session) == 1


def test_a_link_row_can_be_restored_on_its_own(session: Session, build: Builders) -> None:
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id)
    item = build.action_item(basics.initiative.id)
    link_action_item(session, recommendation.id, item.id)
    delete_action_items(session, [item.id])
    link_change = delete_record(session, "recommendation_action_item")
    with pytest.raises(ConflictError, match="its action item .* restore that first"):
        restore_deleted(session, link_change)
    restore_deleted(session, delete_record(session, "action_item"))
    with pytest.raises(ConflictError, match="back already"):
        restore_deleted(session, link_change)
    assert links(session) == {(recommendation.id, item.id)}


def test_a_delete_redone_by_undo_history_is_restorable_whole(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    edit = edits.delete(session, catalog.MEETING, ids["meeting"])
    edits.undo(session, edit)
    edits.redo(session, edit)  # Core deletes, logged as one group too
    restored = restore_deleted(session, delete_record(session, "meeting"))
    assert restored.companions == (("agenda item", 1), ("attendance", 2))
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id == ids["meeting"]


def test_records_from_before_edit_groups_restore_the_record_alone(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    session.execute(update(m.ChangeRecord).values(edit_group=None))
    restored = restore_deleted(session, delete_record(session, "meeting"))
    assert restored.companions == () and catalog.AGENDA_ITEM.count(session) == 0
    assert catalog.MEETING.get(session, ids["meeting"]).title == "PST monthly meeting — marzo"


def test_undo_takes_the_whole_restore_back_and_redo_repeats_it(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    ids = meeting_with_everything(session, build, basics)
    edits.delete(session, catalog.MEETING, ids["meeting"])
    restored, edit = restore_deleted_as_edit(session, delete_record(session, "meeting"))
    assert edit.label == "Restore deleted meeting"
    edits.undo(session, edit)
    assert catalog.MEETING.count(session) == 0 and catalog.ATTENDANCE.count(session) == 0
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id is None
    edits.redo(session, edit)
    assert attendees(session) == {basics.member.id, "Trần Văn Minh"}
    assert catalog.ACTION_ITEM.get(session, ids["item"]).source_meeting_id == restored.record_id


def test_a_restore_is_logged_as_the_workspace_acting_user(tmp_path: Path) -> None:
    with transaction_in(tmp_path / "w.cs360", acting_user="Det. García") as session:
        basics = Builders(session).basics()
        meeting = meeting_with_everything(session, Builders(session), basics)["meeting"]
        catalog.MEETING.delete(session, meeting)
        before = session.scalar(select(func.max(m.ChangeRecord.id)))
        restored = restore_deleted(session, delete_record(session, "meeting"))
        assert restored.companions  # the agenda and the attendance came back too
        logged = session.scalars(select(m.ChangeRecord).where(m.ChangeRecord.id > before))
        assert {record.who for record in logged} == {"Det. García"}
