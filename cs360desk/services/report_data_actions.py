"""The progress update's action items: totals and owners counted in SQL, a few lines listed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.report_data import (
    LISTED_ITEMS,
    ActionLine,
    MonthCount,
    OwnerLine,
    ReportPeriod,
)
from cs360desk.i18n import N_, _
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.report_data_common import PeopleDirectory

NO_OWNER = N_("(no owner)")
_ITEM = m.ActionItem
# Only what a printed line shows: loading whole items costs more than the report itself.
_LINE_COLUMNS = (
    _ITEM.title,
    _ITEM.owner_id,
    _ITEM.due_on,
    _ITEM.status,
    _ITEM.completed_on,
    _ITEM.priority,
)


@dataclass(frozen=True)
class DoneWork:
    """What was finished in the period: how many, per month, and the latest few."""

    total: int
    by_month: tuple[MonthCount, ...]
    latest: tuple[ActionLine, ...]


@dataclass(frozen=True)
class OpenWork:
    """Open items in a due-date window: how many, and the first few by due date."""

    total: int
    first: tuple[ActionLine, ...]


def done_in(period: ReportPeriod) -> list[ColumnElement[bool]]:
    return [
        _ITEM.status == ActionStatus.DONE,
        _ITEM.completed_on >= period.start,
        _ITEM.completed_on <= period.end,
    ]


def overdue_on(day: date) -> list[ColumnElement[bool]]:
    """Open and due before `day`."""
    return [_ITEM.status.not_in(CLOSED_STATUSES), _ITEM.due_on < day]


def due_between(first: date, last: date) -> list[ColumnElement[bool]]:
    return [_ITEM.status.not_in(CLOSED_STATUSES), _ITEM.due_on >= first, _ITEM.due_on <= last]


def done_work(
    session: Session, initiative_id: int, period: ReportPeriod, people: PeopleDirectory
) -> DoneWork:
    conditions = [_ITEM.initiative_id == initiative_id, *done_in(period)]
    per_day = session.execute(
        select(_ITEM.completed_on, func.count()).where(*conditions).group_by(_ITEM.completed_on)
    )
    per_month: Counter[date] = Counter()
    for day, count in per_day:
        if day is not None:  # never, by the conditions; said for the type checker
            per_month[day.replace(day=1)] += count
    newest_first = (_ITEM.completed_on.desc(), _ITEM.id.desc())
    latest = _lines(session, people, conditions, newest_first, LISTED_ITEMS)
    months = tuple(
        MonthCount(first, last, per_month[first.replace(day=1)]) for first, last in period.months()
    )
    return DoneWork(sum(per_month.values()), months, latest)


def open_work(
    session: Session,
    initiative_id: int,
    conditions: list[ColumnElement[bool]],
    people: PeopleDirectory,
) -> OpenWork:
    """The open items matching `conditions`, the earliest due first."""
    where = [_ITEM.initiative_id == initiative_id, *conditions]
    total = session.scalar(select(func.count()).select_from(_ITEM).where(*where)) or 0
    first = _lines(session, people, where, (_ITEM.due_on, _ITEM.id), LISTED_ITEMS)
    return OpenWork(total, first)


def high_priority_done(
    session: Session,
    initiative_id: int,
    period: ReportPeriod,
    people: PeopleDirectory,
    *,
    limit: int,
) -> tuple[ActionLine, ...]:
    """The first high-priority items finished in the period, for the derived highlights."""
    where = [_ITEM.initiative_id == initiative_id, _ITEM.priority == Priority.HIGH]
    order = (_ITEM.completed_on, _ITEM.due_on.is_(None), _ITEM.due_on, _ITEM.id)
    return _lines(session, people, where + done_in(period), order, limit)


def overdue_owners(
    session: Session, initiative_id: int, day: date, people: PeopleDirectory
) -> tuple[OwnerLine, ...]:
    """Who owes overdue work, most items first; private people are one withheld line each."""
    rows = session.execute(
        select(_ITEM.owner_id, func.count(), func.min(_ITEM.due_on))
        .where(_ITEM.initiative_id == initiative_id, *overdue_on(day))
        .group_by(_ITEM.owner_id)
    )
    owners = []
    for owner_id, count, oldest in rows:
        phone, email = people.contact(owner_id)
        owners.append(OwnerLine(people.name(owner_id) or _(NO_OWNER), count, oldest, phone, email))
    return tuple(sorted(owners, key=lambda o: (-o.overdue, o.owner.casefold())))


def _lines(
    session: Session,
    people: PeopleDirectory,
    where: list[ColumnElement[bool]],
    order: tuple[Any, ...],
    limit: int,
) -> tuple[ActionLine, ...]:
    query = select(*_LINE_COLUMNS).where(*where).order_by(*order).limit(limit)
    return tuple(
        ActionLine(
            title=people.text(title),
            owner=people.name(owner_id),
            due_on=due_on,
            status_label=status.label,
            completed_on=completed_on,
            priority_label=priority.label,
        )
        for title, owner_id, due_on, status, completed_on, priority in session.execute(query)
    )
