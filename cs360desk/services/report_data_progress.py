"""The chief's progress update: the period's numbers, measures, work, meetings and voice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, Decision, RecommendationStatus
from cs360desk.domain.report_data import (
    ActionLine,
    GoalBlock,
    KeyNumbers,
    ProgressReportData,
    ReportPeriod,
    long_date,
)
from cs360desk.i18n import _
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.report_data_actions import (
    DoneWork,
    OpenWork,
    done_work,
    due_between,
    high_priority_done,
    open_work,
    overdue_on,
    overdue_owners,
)
from cs360desk.services.report_data_activity import (
    MeetingCount,
    communications_posted,
    held_meetings,
    input_in_period,
    responses_of,
    themes_of,
)
from cs360desk.services.report_data_common import PeopleDirectory, report_header
from cs360desk.services.report_data_goals import goal_blocks

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
    goals = goal_blocks(session, initiative_id, period.end)
    done = done_work(session, initiative_id, period, people)
    overdue = open_work(session, initiative_id, overdue_on(as_of), people)
    due_next = open_work(session, initiative_id, due_between(as_of, next_end), people)
    high_done = high_priority_done(session, initiative_id, period, people, limit=MAX_DERIVED_LINES)
    meetings = held_meetings(session, initiative_id, period, people)
    activities = input_in_period(session, initiative_id, period, people)
    return ProgressReportData(
        header=report_header(session, initiative_id, people, today=today, prepared_by=prepared_by),
        period=period,
        numbers=_key_numbers(meetings, done, overdue, due_next, goals),
        highlights=_lines(highlights, people) or _derived_highlights(goals, high_done),
        asks=_lines(asks, people) or _derived_asks(session, initiative_id, people),
        goals=goals,
        responses=responses_of(session, initiative_id, people),
        done=done.latest,
        done_by_month=done.by_month,
        overdue=overdue.first,
        overdue_owners=overdue_owners(session, initiative_id, as_of, people),
        due_next=due_next.first,
        next_period_end=next_end,
        meetings=tuple(count.meeting for count in meetings),
        input_activities=tuple(line for line, _ in activities),
        themes=themes_of(session, [activity_id for _, activity_id in activities], people),
        communications=communications_posted(session, initiative_id, period, people),
    )


def _lines(texts: Sequence[str], people: PeopleDirectory) -> tuple[str, ...]:
    return tuple(people.text(text.strip()) for text in texts if text.strip())


def _key_numbers(
    meetings: list[MeetingCount],
    done: DoneWork,
    overdue: OpenWork,
    due_next: OpenWork,
    goals: tuple[GoalBlock, ...],
) -> KeyNumbers:
    measures = [line for goal in goals for line in goal.measures]
    return KeyNumbers(
        meetings_held=len(meetings),
        attendance_present=sum(count.present for count in meetings),
        attendance_expected=sum(count.expected for count in meetings),
        items_done=done.total,
        items_overdue=overdue.total,
        items_due_next=due_next.total,
        measures_improved=sum(1 for line in measures if line.improved),
        measures_with_values=sum(1 for line in measures if line.latest is not None),
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _derived_highlights(
    goals: tuple[GoalBlock, ...], high_priority: tuple[ActionLine, ...]
) -> tuple[str, ...]:
    """When the champion wrote none: targets met, then the high-priority work finished."""
    lines = []
    for goal in goals:
        for measure in goal.measures:
            if measure.target_met and measure.latest is not None and measure.target is not None:
                lines.append(
                    _("Target met: {measure} at {value} (target {target}).").format(
                        measure=measure.name,
                        value=_number(measure.latest),
                        target=_number(measure.target),
                    )
                )
    for line in high_priority:
        if line.owner:
            lines.append(_("Done: {title} ({owner}).").format(title=line.title, owner=line.owner))
        else:
            lines.append(_("Done: {title}.").format(title=line.title))
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
            lines.append(
                _("Decide on the recommendation delivered {date}: {text}.").format(
                    date=long_date(row.delivered_on), text=text
                )
            )
        else:
            lines.append(
                _("Assign and start the accepted recommendation: {text}.").format(text=text)
            )
    item = m.ActionItem
    blocked = session.scalars(
        select(item)
        .where(item.initiative_id == initiative_id, item.status == ActionStatus.BLOCKED)
        .order_by(item.due_on, item.id)
    )
    for stuck in blocked:
        owner, title = people.name(stuck.owner_id), people.text(stuck.title)
        if owner:
            lines.append(_("Help unblock: {title} ({owner}).").format(title=title, owner=owner))
        else:
            lines.append(_("Help unblock: {title}.").format(title=title))
    return tuple(lines[:MAX_DERIVED_LINES])
