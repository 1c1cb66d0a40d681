"""Undo of a delete brings back the link rows (recommendation ↔ action item) it took along."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ChangeAction
from cs360desk.services import catalog, edits
from cs360desk.services.action_item_changes import delete_action_items
from cs360desk.services.community_input import delete_recommendation, link_action_item
from cs360desk.services.progress_log import add_progress_note, progress_notes
from tests.conftest import Builders

LINK = m.recommendation_action_item


def links(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(LINK.c.recommendation_id, LINK.c.action_item_id))
    return {(recommendation, item) for recommendation, item in rows}


def linked_pair(session: Session, build: Builders) -> tuple[int, int, int]:
    """A recommendation carried out by two action items; the first has a progress note."""
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id, text="Más luz en el parque")
    first = build.action_item(basics.initiative.id, title="Ask the city for streetlights")
    second = build.action_item(basics.initiative.id, title="Walk the park at night")
    link_action_item(session, recommendation.id, first.id)
    link_action_item(session, recommendation.id, second.id)
    add_progress_note(session, first.id, noted_on=date(2026, 4, 2), text="Called Public Works")
    return recommendation.id, first.id, second.id


def test_undo_of_an_action_item_delete_restores_its_links_and_notes(
    session: Session, build: Builders
) -> None:
    recommendation, first, second = linked_pair(session, build)
    edit = delete_action_items(session, [first])
    assert links(session) == {(recommendation, second)}
    assert session.scalars(select(m.ActionItemUpdate)).all() == []
    edits.undo(session, edit)
    assert links(session) == {(recommendation, first), (recommendation, second)}
    assert [note.text for note in progress_notes(session, first)] == ["Called Public Works"]
    edits.redo(session, edit)
    assert links(session) == {(recommendation, second)}
    edits.undo(session, edit)
    assert links(session) == {(recommendation, first), (recommendation, second)}


def test_undo_of_a_recommendation_delete_restores_every_link(
    session: Session, build: Builders
) -> None:
    recommendation, first, second = linked_pair(session, build)
    edit = delete_recommendation(session, recommendation)
    assert links(session) == set()
    assert catalog.ACTION_ITEM.count(session) == 2, "the action items themselves stay"
    edits.undo(session, edit)
    assert catalog.RECOMMENDATION.get(session, recommendation).text == "Más luz en el parque"
    assert links(session) == {(recommendation, first), (recommendation, second)}
    edits.redo(session, edit)
    assert links(session) == set() and catalog.RECOMMENDATION.count(session) == 0


def test_the_delete_logs_the_link_rows_in_its_edit_group(session: Session, build: Builders) -> None:
    recommendation, first, _second = linked_pair(session, build)
    delete_action_items(session, [first])
    query = select(m.ChangeRecord).order_by(m.ChangeRecord.id.desc()).limit(3)
    newest = session.scalars(query).all()
    by_entity = {record.entity: record for record in newest}
    assert set(by_entity) == {"action_item", "action_item_update", "recommendation_action_item"}
    assert {record.action for record in newest} == {ChangeAction.DELETE}
    assert len({record.edit_group for record in newest}) == 1
    assert newest[0].edit_group is not None
    link = by_entity["recommendation_action_item"]
    assert link.entity_id == 0, "a link row has no id of its own"
    assert f'"recommendation_id": {recommendation:d}' in link.changes
