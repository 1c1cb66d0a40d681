"""The rows SQLite deletes or empties by itself are known before a delete and logged with it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from cs360desk.db import cascades
from cs360desk.db import models as m
from cs360desk.db.base import Base
from cs360desk.domain.enums import ChangeAction
from tests.conftest import Builders

MARCH = datetime(2026, 3, 10, tzinfo=UTC)


def test_dependents_lists_nested_rows_links_and_emptied_references(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    goal = build.goal(basics.initiative.id)
    measure = build.measure(goal.id)
    value = build.measurement(measure.id, date(2026, 1, 31))
    meeting = build.meeting(basics.team.id, MARCH)
    item = build.action_item(basics.initiative.id, source_meeting_id=meeting.id)
    recommendation = build.recommendation(basics.initiative.id)
    session.execute(
        insert(m.recommendation_action_item).values(
            recommendation_id=recommendation.id, action_item_id=item.id
        )
    )
    connection = session.connection()
    goal_rows = cascades.dependents(connection, Base.metadata.tables["goal"], goal.id)
    assert [(c.table, c.record_id) for c in goal_rows] == [
        ("measurement", value.id),
        ("measure", measure.id),
    ]
    meeting_rows = cascades.dependents(connection, Base.metadata.tables["meeting"], meeting.id)
    assert [(c.table, c.before, c.after) for c in meeting_rows] == [
        ("action_item", {"source_meeting_id": meeting.id}, {"source_meeting_id": None})
    ]
    item_rows = cascades.dependents(connection, Base.metadata.tables["action_item"], item.id)
    assert [(c.table, c.record_id, c.before) for c in item_rows] == [
        (
            "recommendation_action_item",
            None,
            {"recommendation_id": recommendation.id, "action_item_id": item.id},
        )
    ]


def test_restrict_references_are_not_dependents(session: Session, build: Builders) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, owner_id=basics.member.id)
    table = Base.metadata.tables["person"]
    rows = cascades.dependents(session.connection(), table, basics.member.id)
    assert "action_item" not in {change.table for change in rows}


def test_an_orm_delete_logs_its_cascade_in_one_group(session: Session, build: Builders) -> None:
    basics = build.basics()
    meeting = build.meeting(basics.team.id, MARCH)
    session.add(m.AgendaItem(meeting_id=meeting.id, position=1, title="Uno"))
    session.add(m.AgendaItem(meeting_id=meeting.id, position=2, title="Dos"))
    session.flush()
    first = session.scalars(select(m.AgendaItem).order_by(m.AgendaItem.id)).first()
    parent = session.get(m.Meeting, meeting.id)
    session.delete(first)
    session.delete(parent)
    session.flush()  # one flush: "Uno" is deleted by it, "Dos" by the database
    query = select(m.ChangeRecord).where(m.ChangeRecord.action == ChangeAction.DELETE)
    deletes = session.scalars(query).all()
    logged = sorted((r.entity, json.loads(r.changes).get("title")) for r in deletes)
    assert logged == [("agenda_item", "Dos"), ("agenda_item", "Uno"), ("meeting", meeting.title)]
    assert len({record.edit_group for record in deletes}) == 1
    assert None not in {record.edit_group for record in deletes}


def test_each_save_has_its_own_group(session: Session, build: Builders) -> None:
    build.person("A")
    build.person("B")
    groups = session.scalars(select(m.ChangeRecord.edit_group)).all()
    assert len(groups) == 2 and len(set(groups)) == 2
