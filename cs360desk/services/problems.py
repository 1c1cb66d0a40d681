"""SARA problems: the list with its priority ranking, one problem in detail, its responses."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.problem_views import (
    LinkedActionItem,
    MeasureStanding,
    ProblemDetail,
    ProblemRow,
    RankedProblem,
    ResponseLine,
    measure_standing,
    rank_problems,
)
from cs360desk.domain.records import ActionItemRecord, ProblemRecord, ResponseRecord
from cs360desk.domain.views import is_overdue
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.catalog import (
    ACTION_ITEM,
    INITIATIVE,
    MEASURE,
    MEASUREMENT,
    PROBLEM,
    RESPONSE,
)
from cs360desk.services.field_edits import people_choices, save_field

_KEYS = {"id", "initiative_id", "created_at", "updated_at", "version"}
PROBLEM_FIELDS = frozenset(c.key for c in m.Problem.__table__.columns) - _KEYS
RESPONSE_FIELDS = frozenset(c.key for c in m.Response.__table__.columns) - _KEYS - {"problem_id"}
_owner = aliased(m.Person, name="owner")


def ranked_candidates(session: Session, initiative_id: int) -> list[RankedProblem]:
    """The initiative's problems by priority worksheet total, highest first."""
    INITIATIVE.load(session, initiative_id)
    return rank_problems(PROBLEM.list(session, m.Problem.initiative_id == initiative_id))


def problem_rows(session: Session, initiative_id: int) -> list[ProblemRow]:
    ranking = ranked_candidates(session, initiative_id)
    ids = [r.problem.id for r in ranking]
    responses = _counts(session, m.Response.problem_id, m.Response.problem_id.in_(ids))
    open_items = _counts(
        session,
        m.ActionItem.problem_id,
        m.ActionItem.problem_id.in_(ids),
        m.ActionItem.status.not_in(CLOSED_STATUSES),
    )
    return [
        ProblemRow(r.problem, r.total, r.rank, responses[r.problem.id], open_items[r.problem.id])
        for r in ranking
    ]


def _counts(session: Session, key: Any, *where: ColumnElement[bool]) -> dict[int, int]:
    rows = session.execute(select(key, func.count()).where(*where).group_by(key))
    counts: dict[int, int] = defaultdict(int)
    counts.update({row_key: count for row_key, count in rows})
    return counts


def problem_detail(session: Session, problem_id: int, *, today: date) -> ProblemDetail:
    problem = PROBLEM.get(session, problem_id)
    responses = RESPONSE.list(session, m.Response.problem_id == problem_id)
    by_response: dict[int, list[LinkedActionItem]] = defaultdict(list)
    response_ids = [response.id for response in responses]
    for item, owner in linked_items(session, today, m.ActionItem.response_id.in_(response_ids)):
        assert item.response_id is not None
        by_response[item.response_id].append(owner)
    linkable = linked_items(
        session,
        today,
        m.ActionItem.initiative_id == problem.initiative_id,
        m.ActionItem.response_id.is_(None),
        m.ActionItem.status.not_in(CLOSED_STATUSES),
    )
    leads = [response.lead_id for response in responses]
    people = people_choices(session, leads)
    names = {choice.id: choice.text for choice in people}
    return ProblemDetail(
        problem=problem,
        ranking=tuple(ranked_candidates(session, problem.initiative_id)),
        responses=tuple(
            ResponseLine(r, names.get(r.lead_id or -1, ""), tuple(by_response[r.id]))
            for r in responses
        ),
        linkable_items=tuple(line for _item, line in linkable),
        measures=tuple(problem_measures(session, problem_id)),
        people=people,
    )


def linked_items(
    session: Session, today: date, *where: ColumnElement[bool]
) -> list[tuple[ActionItemRecord, LinkedActionItem]]:
    """Action items with their owners' names, by due date (undated last)."""
    query = (
        select(m.ActionItem, _owner.full_name)
        .outerjoin(_owner, _owner.id == m.ActionItem.owner_id)
        .where(*where)
        .order_by(m.ActionItem.due_on.is_(None), m.ActionItem.due_on, m.ActionItem.id)
    )
    found = []
    for row, owner in session.execute(query):
        item = ACTION_ITEM.to_record(row)
        found.append((item, linked_line(item, owner or "", today)))
    return found


def linked_line(item: ActionItemRecord, owner_name: str, today: date) -> LinkedActionItem:
    return LinkedActionItem(
        item.id,
        item.title,
        owner_name,
        item.due_on,
        item.status,
        is_overdue(item.due_on, item.status, today),
    )


def problem_measures(session: Session, problem_id: int) -> list[MeasureStanding]:
    """Measures of the goals set for this problem: the evidence of its impact evaluation."""
    pairs = session.execute(
        select(m.Measure, m.Goal.statement)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Goal.problem_id == problem_id)
        .order_by(m.Goal.id, m.Measure.id)
    ).all()
    ids = [measure.id for measure, _statement in pairs]
    values = MEASUREMENT.list(session, m.Measurement.measure_id.in_(ids)) if ids else []
    return [
        measure_standing(
            MEASURE.to_record(measure),
            statement,
            [v for v in values if v.measure_id == measure.id],
        )
        for measure, statement in pairs
    ]


def create_problem(
    session: Session, initiative_id: int, title: str, **values: Any
) -> tuple[ProblemRecord, Edit]:
    return edits.create(session, PROBLEM, initiative_id=initiative_id, title=title, **values)


def save_problem_field(
    session: Session, problem_id: int, field: str, value: Any
) -> tuple[ProblemRecord, Edit]:
    return save_field(session, PROBLEM, problem_id, PROBLEM_FIELDS, field, value)


def delete_problem(session: Session, problem_id: int) -> Edit:
    """Its responses go with it; action items, goals and teams only lose the link."""
    title = PROBLEM.get(session, problem_id).title
    label = _("Delete problem “{title}”").format(title=title)
    return combine(label, edits.delete(session, PROBLEM, problem_id))


def create_response(
    session: Session, problem_id: int, title: str, **values: Any
) -> tuple[ResponseRecord, Edit]:
    return edits.create(session, RESPONSE, problem_id=problem_id, title=title, **values)


def save_response_field(
    session: Session, response_id: int, field: str, value: Any
) -> tuple[ResponseRecord, Edit]:
    return save_field(session, RESPONSE, response_id, RESPONSE_FIELDS, field, value)


def delete_response(session: Session, response_id: int) -> Edit:
    return edits.delete(session, RESPONSE, response_id)


def link_to_response(session: Session, action_item_id: int, response_id: int | None) -> Edit:
    """Tie an action item to a response (and so to its problem), or untie it with None."""
    item = ACTION_ITEM.get(session, action_item_id)
    if response_id is None:
        _record, edit = edits.update(session, ACTION_ITEM, action_item_id, response_id=None)
        return combine(_("Unlink “{title}”").format(title=item.title), edit)
    response = RESPONSE.get(session, response_id)
    problem = PROBLEM.get(session, response.problem_id)
    if problem.initiative_id != item.initiative_id:
        raise ValidationError("response_id", _("this action item belongs to another initiative"))
    _record, edit = edits.update(
        session, ACTION_ITEM, action_item_id, response_id=response_id, problem_id=problem.id
    )
    label = _("Link “{item}” to “{response}”").format(item=item.title, response=response.title)
    return combine(label, edit)


def add_action_item_for_response(
    session: Session, response_id: int, title: str, **values: Any
) -> tuple[ActionItemRecord, Edit]:
    """A new action item carrying out the response, owned by its lead unless said otherwise."""
    response = RESPONSE.get(session, response_id)
    problem = PROBLEM.get(session, response.problem_id)
    values.setdefault("owner_id", response.lead_id)
    values.setdefault("status", ActionStatus.OPEN)
    record, edit = edits.create(
        session,
        ACTION_ITEM,
        initiative_id=problem.initiative_id,
        title=title,
        problem_id=problem.id,
        response_id=response.id,
        **values,
    )
    return record, combine(_("Add action item “{title}”").format(title=record.title), edit)
