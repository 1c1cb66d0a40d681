"""History: change records as old → new, filters, and restoring deleted records."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, ChangeAction
from cs360desk.domain.errors import ConflictError, NotFoundError
from cs360desk.services import catalog, edits
from cs360desk.services.history import (
    HistoryFilter,
    list_changes,
    recorded_kinds,
    recorded_people,
    restore_deleted,
)
from tests.conftest import Builders


def delete_record(session: Session, entity: str) -> int:
    return list_changes(session, HistoryFilter(entity=entity))[0].id


def test_update_shows_field_old_and_new(session: Session, build: Builders) -> None:
    person = build.person("Nguyễn Thị Hoa", title="Officer")
    catalog.PERSON.update(session, person.id, title="Sergeant")
    newest = list_changes(session, HistoryFilter(entity="person"))[0]
    assert newest.action is ChangeAction.UPDATE and newest.kind == "person"
    assert newest.title == "Nguyễn Thị Hoa"
    assert [(f.label, f.old, f.new) for f in newest.fields] == [("title", "Officer", "Sergeant")]


def test_create_and_delete_show_values_on_the_right_side(session: Session, build: Builders) -> None:
    org = build.organization("Iglesia San José")
    catalog.ORGANIZATION.delete(session, org.id)
    deleted, created = list_changes(session, HistoryFilter(entity="organization"))
    assert deleted.action is ChangeAction.DELETE and deleted.restorable
    assert not created.restorable
    name_deleted = next(f for f in deleted.fields if f.field == "name")
    name_created = next(f for f in created.fields if f.field == "name")
    assert (name_deleted.old, name_deleted.new) == ("Iglesia San José", "")
    assert (name_created.old, name_created.new) == ("", "Iglesia San José")


def test_filters_by_kind_record_person_and_dates(session: Session, build: Builders) -> None:
    first = build.person("A")
    build.person("B")
    build.organization("O")
    assert {c.entity for c in list_changes(session)} >= {"person", "organization"}
    only = list_changes(session, HistoryFilter(entity="person", record_id=first.id))
    assert [c.record_id for c in only] == [first.id]
    session.execute(
        update(m.ChangeRecord)
        .where(m.ChangeRecord.entity == "organization")
        .values(who="hoa", at=datetime(2025, 1, 2, tzinfo=UTC))
    )
    assert {c.entity for c in list_changes(session, HistoryFilter(who="hoa"))} == {"organization"}
    window = HistoryFilter(
        since=datetime(2025, 1, 1, tzinfo=UTC), until=datetime(2025, 1, 3, tzinfo=UTC)
    )
    assert [c.entity for c in list_changes(session, window)] == ["organization"]
    assert "organization" in recorded_kinds(session) and "hoa" in recorded_people(session)
    assert list_changes(session, HistoryFilter(limit=1)) == list_changes(session)[:1]


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
    assert catalog.GOAL.get(session, restored.record_id).statement == "G"


def test_only_deletes_can_be_restored(session: Session, build: Builders) -> None:
    build.person("A")
    created = list_changes(session)[0]
    with pytest.raises(ConflictError, match="only a deleted record"):
        restore_deleted(session, created.id)
    with pytest.raises(NotFoundError):
        restore_deleted(session, 999_999)


def test_timestamps_are_utc(session: Session, build: Builders) -> None:
    build.person("A")
    at = list_changes(session)[0].at
    assert at.tzinfo is not None and abs(datetime.now(UTC) - at) < timedelta(minutes=5)
