"""Action item lists: filtered, searched, paged, with the names users read."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.views import ActionItemFilter, ActionItemRow, is_overdue
from cs360desk.services.catalog import ACTION_ITEM

CLOSED_STATUSES = (
    ActionStatus.DONE,
    ActionStatus.CANCELLED,
)
SORTABLE = ("due_on", "title", "status", "priority", "owner", "id")


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` literally anywhere (wildcards escaped with backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def overdue_condition(today: date) -> ColumnElement[bool]:
    return and_(m.ActionItem.due_on < today, m.ActionItem.status.not_in(CLOSED_STATUSES))


def _conditions(where: ActionItemFilter, today: date) -> list[ColumnElement[bool]]:
    item = m.ActionItem
    conditions: list[ColumnElement[bool]] = []
    if where.initiative_id is not None:
        conditions.append(item.initiative_id == where.initiative_id)
    if where.statuses:
        conditions.append(item.status.in_(sorted(where.statuses)))
    for column, value in (
        (item.owner_id, where.owner_id),
        (item.team_id, where.team_id),
        (item.problem_id, where.problem_id),
    ):
        if value is not None:
            conditions.append(column == value)
    if where.due_from is not None:
        conditions.append(item.due_on >= where.due_from)
    if where.due_to is not None:
        conditions.append(item.due_on <= where.due_to)
    if where.overdue_only:
        conditions.append(overdue_condition(today))
    if where.text.strip():
        pattern = like_pattern(where.text.strip())
        conditions.append(
            or_(item.title.like(pattern, escape="\\"), item.details.like(pattern, escape="\\"))
        )
    return conditions


def count_action_items(session: Session, where: ActionItemFilter, *, today: date) -> int:
    query = select(func.count()).select_from(m.ActionItem).where(*_conditions(where, today))
    return session.scalar(query) or 0


def find_action_items(
    session: Session,
    where: ActionItemFilter,
    *,
    today: date,
    sort: str = "due_on",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[ActionItemRow]:
    """One page of matching items; undated items sort after dated ones."""
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort action items by {sort!r}")
    owner = aliased(m.Person)
    query = (
        select(m.ActionItem, owner.full_name, m.Team.name, m.Problem.title, m.Meeting.title)
        .outerjoin(owner, owner.id == m.ActionItem.owner_id)
        .outerjoin(m.Team, m.Team.id == m.ActionItem.team_id)
        .outerjoin(m.Problem, m.Problem.id == m.ActionItem.problem_id)
        .outerjoin(m.Meeting, m.Meeting.id == m.ActionItem.source_meeting_id)
        .where(*_conditions(where, today))
    )
    key = owner.full_name if sort == "owner" else getattr(m.ActionItem, sort)
    ordered = key.desc() if descending else key.asc()
    query = query.order_by(key.is_(None), ordered, m.ActionItem.id).offset(offset).limit(limit)
    return [
        ActionItemRow(
            item=ACTION_ITEM.to_record(item),
            owner_name=owner_name or "",
            team_name=team or "",
            problem_title=problem or "",
            meeting_title=meeting or "",
            overdue=is_overdue(item.due_on, item.status, today),
        )
        for item, owner_name, team, problem, meeting in session.execute(query)
    ]
