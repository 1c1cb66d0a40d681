"""History: change records as old → new, filters (restoring: test_history_restore)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ChangeAction
from cs360desk.services import catalog
from cs360desk.services.action_item_changes import delete_action_items
from cs360desk.services.community_input import link_action_item
from cs360desk.services.history import (
    HistoryFilter,
    list_changes,
    recorded_kinds,
    recorded_people,
)
from tests.conftest import Builders


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


def test_timestamps_are_utc(session: Session, build: Builders) -> None:
    build.person("A")
    at = list_changes(session)[0].at
    assert at.tzinfo is not None and abs(datetime.now(UTC) - at) < timedelta(minutes=5)


def test_rows_deleted_with_a_record_are_listed_too(session: Session, build: Builders) -> None:
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id)
    item = build.action_item(basics.initiative.id, title="Paint over the tags")
    link_action_item(session, recommendation.id, item.id)
    delete_action_items(session, [item.id])
    link, deleted = list_changes(session)[:2]
    assert (deleted.kind, deleted.record_id, deleted.title) == (
        "action item",
        item.id,
        "Paint over the tags",
    )
    assert link.kind == "recommendation action item" and link.restorable
    assert link.record_id is None, "a link row has no number of its own"
    assert link.title == f"recommendation {recommendation.id} ↔ action item {item.id}"


def test_a_damaged_change_record_still_lists(session: Session, build: Builders) -> None:
    build.person("A")
    session.execute(update(m.ChangeRecord).values(changes="not json"))
    session.execute(update(m.ChangeRecord).where(m.ChangeRecord.id == 1).values(changes="[1]"))
    entries = list_changes(session)
    assert entries and all(entry.fields == () for entry in entries)
