"""Linking an action item to a recommendation is an edit like any other: logged in History,
undone and redone as one step, refused with the reason when it cannot be."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.records import ActionItemRecord, RecommendationRecord
from cs360desk.services import edits
from cs360desk.services.community_input import link_action_item, unlink_action_item
from tests.conftest import Basics, Builders

LINK = m.recommendation_action_item


def _links(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(LINK.c.recommendation_id, LINK.c.action_item_id))
    return {(recommendation, item) for recommendation, item in rows}


def _logged(session: Session) -> list[tuple[str, ChangeAction]]:
    rows = session.scalars(select(m.ChangeRecord).where(m.ChangeRecord.entity == LINK.name))
    return [(row.entity, row.action) for row in rows]


def _linked(
    session: Session, build: Builders, title: str
) -> tuple[Basics, RecommendationRecord, ActionItemRecord]:
    """A recommendation of the basics' initiative, linked to a new action item `title`."""
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id)
    item = build.action_item(basics.initiative.id, title=title)
    link_action_item(session, recommendation.id, item.id)
    return basics, recommendation, item


def test_a_link_is_one_undoable_edit_and_logged(session: Session, build: Builders) -> None:
    basics = build.basics()
    recommendation = build.recommendation(basics.initiative.id, text="Más luz en el parque")
    item = build.action_item(basics.initiative.id, title="Ask «Public Works» for lights")
    _none, edit = link_action_item(session, recommendation.id, item.id)
    assert _links(session) == {(recommendation.id, item.id)}
    assert edit.label == "Link “Ask «Public Works» for lights” to the recommendation"
    assert _logged(session) == [(LINK.name, ChangeAction.CREATE)]
    edits.undo(session, edit)
    assert _links(session) == set()
    edits.redo(session, edit)
    assert _links(session) == {(recommendation.id, item.id)}


def test_an_unlink_is_undone_back_into_the_link(session: Session, build: Builders) -> None:
    _basics, recommendation, item = _linked(session, build, "Walk the park at night")
    _none, edit = unlink_action_item(session, recommendation.id, item.id)
    assert _links(session) == set()
    assert (LINK.name, ChangeAction.DELETE) in _logged(session)
    edits.undo(session, edit)
    assert _links(session) == {(recommendation.id, item.id)}


def test_a_second_link_and_an_unknown_unlink_are_refused(session: Session, build: Builders) -> None:
    basics, recommendation, item = _linked(session, build, "Paint over the tags")
    with pytest.raises(ValidationError, match="linked already"):
        link_action_item(session, recommendation.id, item.id)
    other = build.action_item(basics.initiative.id, title="Not linked")
    with pytest.raises(ValidationError, match="not linked"):
        unlink_action_item(session, recommendation.id, other.id)
    assert _links(session) == {(recommendation.id, item.id)}
