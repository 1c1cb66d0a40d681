"""The chief's progress update: the period's numbers, measures, work, meetings and voice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import (
    ActionStatus,
    Decision,
    GoalDimension,
    Priority,
    RecommendationStatus,
)
from cs360desk.domain.report_data import (
    ActionLine,
    GoalBlock,
    KeyNumbers,
    MeasureLine,
    OwnerLine,
    ProgressReportData,
    ReportPeriod,
    long_date,
)
from cs360desk.domain.views import MeasureSeries
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.catalog import ACTION_ITEM, INITIATIVE
from cs360desk.services.measures import measures_with_values
from cs360desk.services.report_data_activity import (
    MeetingCount,
    communications_posted,
    held_meetings,
    input_in_period,
    responses_of,
    themes_of,
)
from cs360desk.services.report_data_common import PeopleDirectory, report_header

CHART_POINTS = 24
MAX_DERIVED_LINES = 6


def progress_report_data(
    session: Session,
    initiative_id: int,
    *,
    today: date,
    period: ReportPeriod,
    public: bool = False,
    highlights: Sequence[str] = (),
    asks: Sequence[str] = (),
    prepared_by: str = "",
) -> ProgressReportData:
    """Everything the progress update prints; `public` leaves out contacts and private people."""
    INITIATIVE.load(session, initiative_id)
    people = PeopleDirectory.load(session, public=public)
    as_of = min(period.end, today)
    next_end = period.next_period_end()
    goals = _goal_blocks(measures_with_values(session, initiative_id), period.end)
    done = _items(session, initiative_id, people, _done_in(period), by_completion=True)
    overdue = _items(session, initiative_id, people, _open_due(None, as_of, before=True))
    due_next = _items(session, initiative_id, people, _open_due(as_of, next_end, before=False))
    meetings = held_meetings(session, initiative_id, period, people)
    activities = input_in_period(session, initiative_id, period, people)
    return ProgressReportData(
        header=report_header(session, initiative_id, people, today=today, prepared_by=prepared_by),
        period=period,
        numbers=_key_numbers(meetings, done, overdue, due_next, goals),
        highlights=_lines(highlights, people) or _derived_highlights(goals, done),
        asks=_lines(asks, people) or _derived_asks(session, initiative_id, people),
        goals=goals,
        responses=responses_of(session, initiative_id, people),
        done=tuple(line for line, _ in done),
        overdue=tuple(line for line, _ in overdue),
        overdue_owners=_owners(overdue, people),
        due_next=tuple(line for line, _ in due_next),
        next_period_end=next_end,
        meetings=tuple(count.meeting for count in meetings),
        input_activities=tuple(line for line, _ in activities),
        themes=themes_of(session, [activity_id for _, activity_id in activities], people),
        communications=communications_posted(session, initiative_id, period, people),
    )


def _lines(texts: Sequence[str], people: PeopleDirectory) -> tuple[str, ...]:
    return tuple(people.text(text.strip()) for text in texts if text.strip())


def _measure_line(series: MeasureSeries, until: date) -> MeasureLine:
    measure = series.measure
    values = [v for v in series.values if v.period_end <= until]
    latest = values[-1] if values else None
    return MeasureLine(
        name=measure.name,
        unit=measure.unit,
        direction=measure.direction,
        baseline=measure.baseline_value,
        baseline_period=measure.baseline_period,
        latest=latest.value if latest else None,
        latest_on=latest.period_end if latest else None,
        target=measure.target_value,
        target_on=measure.target_date,
        points=tuple((v.period_end, v.value) for v in values[-CHART_POINTS:]),
    )


def _goal_blocks(series: list[MeasureSeries], until: date) -> tuple[GoalBlock, ...]:
    """Goals in the model's order of dimensions, each with its measures as of the period's end."""
    blocks: dict[int, tuple[int, str, str, list[MeasureLine]]] = {}
    dimensions = list(GoalDimension)
    for one in series:
        goal = one.goal
        entry = blocks.setdefault(
            goal.id,
            (dimensions.index(goal.dimension), goal.dimension.label, goal.statement, []),
        )
        entry[3].append(_measure_line(one, until))
    ordered = sorted(blocks.items(), key=lambda pair: (pair[1][0], pair[0]))
    return tuple(GoalBlock(label, text, tuple(lines)) for _, (_, label, text, lines) in ordered)


ItemCondition = list[ColumnElement[bool]]


def _done_in(period: ReportPeriod) -> ItemCondition:
    item = m.ActionItem
    return [
        item.status == ActionStatus.DONE,
        item.completed_on >= period.start,
        item.completed_on <= period.end,
    ]


def _open_due(first: date | None, last: date, *, before: bool) -> ItemCondition:
    item = m.ActionItem
    conditions: ItemCondition = [item.status.not_in(CLOSED_STATUSES)]
    if before:
        conditions.append(item.due_on < last)
    else:
        conditions += [item.due_on >= first, item.due_on <= last]
    return conditions


def _items(
    session: Session,
    initiative_id: int,
    people: PeopleDirectory,
    conditions: ItemCondition,
    *,
    by_completion: bool = False,
) -> list[tuple[ActionLine, int | None]]:
    """Matching items by due date (or by completion), each with its owner's id."""
    item = m.ActionItem
    first = item.completed_on if by_completion else item.due_on
    query = (
        select(item)
        .where(item.initiative_id == initiative_id, *conditions)
        .order_by(first.is_(None), first, item.due_on, item.id)
    )
    records = [ACTION_ITEM.to_record(row) for row in session.scalars(query)]
    return [(people.action_line(record), record.owner_id) for record in records]


def _owners(
    overdue: list[tuple[ActionLine, int | None]], people: PeopleDirectory
) -> tuple[OwnerLine, ...]:
    """Who owes overdue work, most items first; private people are one withheld line each."""
    by_owner: dict[int | None, list[ActionLine]] = {}
    for line, owner_id in overdue:
        by_owner.setdefault(owner_id, []).append(line)
    owners = []
    for owner_id, lines in by_owner.items():
        phone, email = people.contact(owner_id)
        dues = [line.due_on for line in lines if line.due_on is not None]
        owner = people.name(owner_id) or "(no owner)"
        owners.append(OwnerLine(owner, len(lines), min(dues) if dues else None, phone, email))
    return tuple(sorted(owners, key=lambda o: (-o.overdue, o.owner.casefold())))


def _key_numbers(
    meetings: list[MeetingCount],
    done: list[tuple[ActionLine, int | None]],
    overdue: list[tuple[ActionLine, int | None]],
    due_next: list[tuple[ActionLine, int | None]],
    goals: tuple[GoalBlock, ...],
) -> KeyNumbers:
    measures = [line for goal in goals for line in goal.measures]
    return KeyNumbers(
        meetings_held=len(meetings),
        attendance_present=sum(count.present for count in meetings),
        attendance_expected=sum(count.expected for count in meetings),
        items_done=len(done),
        items_overdue=len(overdue),
        items_due_next=len(due_next),
        measures_improved=sum(1 for line in measures if line.improved),
        measures_with_values=sum(1 for line in measures if line.latest is not None),
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _derived_highlights(
    goals: tuple[GoalBlock, ...], done: list[tuple[ActionLine, int | None]]
) -> tuple[str, ...]:
    """When the champion wrote none: targets met, then the high-priority work finished."""
    lines = []
    for goal in goals:
        for measure in goal.measures:
            if measure.target_met and measure.latest is not None and measure.target is not None:
                lines.append(
                    f"Target met: {measure.name} at {_number(measure.latest)} "
                    f"(target {_number(measure.target)})."
                )
    for line, _owner in done:
        if line.priority_label == Priority.HIGH.label:
            lines.append(f"Done: {line.title}" + (f" ({line.owner})." if line.owner else "."))
    return tuple(lines[:MAX_DERIVED_LINES])


def _derived_asks(session: Session, initiative_id: int, people: PeopleDirectory) -> tuple[str, ...]:
    """When the champion wrote none: the decisions and unblocking only leadership can give."""
    rec = m.Recommendation
    waiting = session.scalars(
        select(rec)
        .where(rec.initiative_id == initiative_id, rec.delivered_on.is_not(None))
        .where(
            (rec.decision == Decision.PROPOSED)
            | (
                (rec.decision == Decision.ACCEPTED)
                & (rec.status == RecommendationStatus.NOT_STARTED)
            )
        )
        .order_by(rec.delivered_on, rec.id)
    )
    lines = []
    for row in waiting:
        text = people.text(row.text).rstrip(".")
        if row.decision is Decision.PROPOSED:
            delivered = long_date(row.delivered_on)
            lines.append(f"Decide on the recommendation delivered {delivered}: {text}.")
        else:
            lines.append(f"Assign and start the accepted recommendation: {text}.")
    item = m.ActionItem
    blocked = session.scalars(
        select(item)
        .where(item.initiative_id == initiative_id, item.status == ActionStatus.BLOCKED)
        .order_by(item.due_on, item.id)
    )
    for stuck in blocked:
        owner = people.name(stuck.owner_id)
        lines.append(
            f"Help unblock: {people.text(stuck.title)}" + (f" ({owner})." if owner else ".")
        )
    return tuple(lines[:MAX_DERIVED_LINES])
