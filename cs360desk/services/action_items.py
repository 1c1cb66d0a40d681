"""Action item lists: filtered, searched, paged, with the names users read."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from cs360desk.db import models as m
from cs360desk.db.text_match import code_point_order, folded_text_matches
from cs360desk.domain.action_item_views import (
    ActionItemChoices,
    ActionItemDetail,
    ActionItemLocation,
    ActionItemPage,
    Choice,
)
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.records import ActionItemRecord
from cs360desk.domain.views import ActionItemFilter, ActionItemRow, is_overdue
from cs360desk.i18n import _
from cs360desk.services.catalog import ACTION_ITEM
from cs360desk.services.progress_log import progress_notes

CLOSED_STATUSES = (
    ActionStatus.DONE,
    ActionStatus.CANCELLED,
)
SORTABLE = ("due_on", "title", "status", "priority", "owner", "team", "problem", "meeting", "id")

_owner = aliased(m.Person, name="owner")
# Status sorts in the order work moves through it, priority from low to high.
_STATUS_ORDER = case(
    {status: position for position, status in enumerate(ActionStatus)}, value=m.ActionItem.status
)
_PRIORITY_ORDER = case(
    {priority: position for position, priority in enumerate(Priority)},
    value=m.ActionItem.priority,
)
_SORT_KEYS: dict[str, ColumnElement[Any]] = {
    "due_on": m.ActionItem.due_on.expression,
    "title": code_point_order(m.ActionItem.title.expression),
    "status": _STATUS_ORDER,
    "priority": _PRIORITY_ORDER,
    "owner": code_point_order(_owner.full_name.expression),
    "team": code_point_order(m.Team.name.expression),
    "problem": code_point_order(m.Problem.title.expression),
    "meeting": m.Meeting.starts_at.expression,
    "id": m.ActionItem.id.expression,
}


def mentions(text: str) -> ColumnElement[bool]:
    """The item's title or details contain `text`, ignoring letter case in every script.

    Both sides are folded (domain.text_search), the stored side once per write by the
    database's triggers, so a search compares plain strings and calls no Python per row.
    """
    search = m.action_item_search
    found = folded_text_matches(text, search.c.title, search.c.details)
    return exists().where(search.c.id == m.ActionItem.id, found)


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
        conditions.append(mentions(where.text.strip()))
    return conditions


def _joined(*columns: Any) -> Select[Any]:
    """Items with their owner, team, problem and source meeting, whichever of those exist."""
    return (
        select(*columns)
        .select_from(m.ActionItem)
        .outerjoin(_owner, _owner.id == m.ActionItem.owner_id)
        .outerjoin(m.Team, m.Team.id == m.ActionItem.team_id)
        .outerjoin(m.Problem, m.Problem.id == m.ActionItem.problem_id)
        .outerjoin(m.Meeting, m.Meeting.id == m.ActionItem.source_meeting_id)
    )


def _sort_key(sort: str) -> ColumnElement[Any]:
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort action items by {sort!r}")
    return _SORT_KEYS[sort]


def _order(sort: str, descending: bool) -> tuple[ColumnElement[Any], ...]:
    key = _sort_key(sort)
    return key.is_(None), key.desc() if descending else key.asc(), m.ActionItem.id.expression


# The record's fields read as plain columns: building 200 ORM objects a page costs more than
# the query itself.
_RECORD_COLUMNS = tuple(
    m.ActionItem.__table__.c[field.name] for field in dataclasses.fields(ActionItemRecord)
)


def _rows(session: Session, query: Select[Any], today: date) -> list[ActionItemRow]:
    rows = []
    for *values, owner_name, team, problem, meeting in session.execute(query):
        item = ActionItemRecord(*values)
        rows.append(
            ActionItemRow(
                item=item,
                owner_name=owner_name or "",
                team_name=team or "",
                problem_title=problem or "",
                meeting_title=meeting or "",
                overdue=is_overdue(item.due_on, item.status, today),
            )
        )
    return rows


def _row_columns() -> tuple[Any, ...]:
    return (*_RECORD_COLUMNS, _owner.full_name, m.Team.name, m.Problem.title, m.Meeting.title)


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
    """One page of matching items; items without a sort value come after the others."""
    order = _order(sort, descending)
    # The page's ids first, so only its rows are joined to their owner, team and so on.
    ids = _joined(m.ActionItem.id).where(*_conditions(where, today)).order_by(*order)
    page = ids.offset(offset).limit(limit).scalar_subquery()
    query = _joined(*_row_columns()).where(m.ActionItem.id.in_(page)).order_by(*order)
    return _rows(session, query, today)


def action_item_page(
    session: Session,
    where: ActionItemFilter,
    *,
    today: date,
    sort: str = "due_on",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> ActionItemPage:
    """The matching count and one page, read in the same transaction so they agree.

    One pass finds the page's ids and counts every match (a window count over the sorted
    matches, which the sort reads in full anyway); then only the page's rows are joined.
    """
    order = _order(sort, descending)
    matches = _joined(m.ActionItem.id, func.count().over()).where(*_conditions(where, today))
    found = session.execute(matches.order_by(*order).offset(offset).limit(limit)).all()
    if found:
        total = found[0][1]
    else:  # past the end, or nothing matches: the count needs a query of its own
        total = count_action_items(session, where, today=today) if offset else 0
    ids = [item_id for item_id, _total in found]
    query = _joined(*_row_columns()).where(m.ActionItem.id.in_(ids)).order_by(*order)
    rows = _rows(session, query, today) if ids else []
    return ActionItemPage(total=total, offset=offset, rows=tuple(rows))


def action_item_row(session: Session, item_id: int, *, today: date) -> ActionItemRow:
    ACTION_ITEM.load(session, item_id)  # NotFoundError when it is gone
    (row,) = _rows(session, _joined(*_row_columns()).where(m.ActionItem.id == item_id), today)
    return row


def action_item_detail(session: Session, item_id: int, *, today: date) -> ActionItemDetail:
    row = action_item_row(session, item_id, today=today)
    initiative = session.get(m.Initiative, row.item.initiative_id)
    meeting_id = row.item.source_meeting_id
    meeting = session.get(m.Meeting, meeting_id) if meeting_id is not None else None
    return ActionItemDetail(
        row=row,
        initiative_name=initiative.name if initiative else "",
        meeting_starts_at=meeting.starts_at if meeting else None,
        notes=tuple(progress_notes(session, item_id)),
    )


def action_item_position(
    session: Session,
    where: ActionItemFilter,
    item_id: int,
    *,
    today: date,
    sort: str = "due_on",
    descending: bool = False,
) -> int | None:
    """The item's row number in find_action_items' order, or None when the filter hides it."""
    key, item = _sort_key(sort), m.ActionItem
    conditions = _conditions(where, today)
    found = session.execute(_joined(key).where(*conditions, item.id == item_id)).first()
    if found is None:
        return None
    value = found[0]
    if value is None:
        before = or_(key.is_not(None), item.id < item_id)
    else:
        beyond = key > value if descending else key < value
        before = and_(key.is_not(None), or_(beyond, and_(key == value, item.id < item_id)))
    return session.scalar(_joined(func.count()).where(*conditions, before)) or 0


def locate_action_item(
    session: Session,
    where: ActionItemFilter,
    item_id: int,
    *,
    today: date,
    sort: str = "due_on",
    descending: bool = False,
) -> ActionItemLocation:
    detail = action_item_detail(session, item_id, today=today)
    position = action_item_position(
        session, where, item_id, today=today, sort=sort, descending=descending
    )
    return ActionItemLocation(detail=detail, position=position)


def action_item_ids(
    session: Session,
    where: ActionItemFilter,
    ranges: Sequence[tuple[int, int]],
    *,
    today: date,
    sort: str = "due_on",
    descending: bool = False,
) -> list[int]:
    """Ids of the rows in each (first, count) range of the list as find_action_items orders it."""
    order = _order(sort, descending)
    base = _joined(m.ActionItem.id).where(*_conditions(where, today)).order_by(*order)
    ids: list[int] = []
    for first, count in ranges:
        if first < 0 or count <= 0:
            continue
        ids.extend(session.scalars(base.offset(first).limit(count)))
    return list(dict.fromkeys(ids))


def action_item_choices(session: Session, initiative_id: int | None) -> ActionItemChoices:
    """Everyone who could own an item, and the initiative's teams and problems."""
    people = session.execute(
        select(m.Person.id, m.Person.full_name, m.Person.active).order_by(
            m.Person.full_name, m.Person.id
        )
    )
    teams = session.execute(
        select(m.Team.id, m.Team.name)
        .where(m.Team.initiative_id == initiative_id)
        .order_by(m.Team.name, m.Team.id)
    )
    problems = session.execute(
        select(m.Problem.id, m.Problem.title)
        .where(m.Problem.initiative_id == initiative_id)
        .order_by(m.Problem.title, m.Problem.id)
    )
    return ActionItemChoices(
        people=tuple(
            Choice(pid, name if active else _("{name} (inactive)").format(name=name))
            for pid, name, active in people
        ),
        teams=tuple(Choice(tid, name) for tid, name in teams),
        problems=tuple(Choice(pid, title) for pid, title in problems),
    )
