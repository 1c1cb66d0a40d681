"""Report sections about what happened: responses, meetings held, community input, updates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import (
    AttendanceStatus,
    Audience,
    CommunicationStatus,
    MeetingStatus,
    ResponseStatus,
)
from cs360desk.domain.report_data import (
    CommunicationLine,
    HeldMeeting,
    InputLine,
    ReportPeriod,
    ResponseLine,
    ThemeLine,
)
from cs360desk.i18n import pgettext
from cs360desk.services.agency_settings import agency_zone
from cs360desk.services.report_data_common import PeopleDirectory

# Work under way first, then what is waiting, then what is finished or dropped.
_RESPONSE_ORDER = (
    ResponseStatus.IN_PROGRESS,
    ResponseStatus.APPROVED,
    ResponseStatus.PROPOSED,
    ResponseStatus.COMPLETED,
    ResponseStatus.DROPPED,
)


@dataclass(frozen=True)
class MeetingCount:
    """A held meeting with how many were expected (members with a status) and came."""

    meeting: HeldMeeting
    expected: int
    present: int


def responses_of(
    session: Session, initiative_id: int, people: PeopleDirectory
) -> tuple[ResponseLine, ...]:
    rows = session.execute(
        select(m.Response, m.Problem.title)
        .join(m.Problem, m.Problem.id == m.Response.problem_id)
        .where(m.Problem.initiative_id == initiative_id)
    )
    lines = [
        (
            _RESPONSE_ORDER.index(response.status),
            ResponseLine(
                title=people.text(response.title),
                problem_title=people.text(problem),
                focus_area=people.text(response.focus_area),
                status_label=response.status.label,
                lead=people.name(response.lead_id),
                starts_on=response.starts_on,
                ends_on=response.ends_on,
            ),
        )
        for response, problem in rows
    ]
    lines.sort(key=lambda pair: (pair[0], pair[1].title.casefold()))
    return tuple(line for _, line in lines)


def _utc_bounds(period: ReportPeriod) -> tuple[datetime, datetime]:
    """A day's margin each side: meetings are stored in UTC but belong to a local date."""
    start = datetime.combine(period.start - timedelta(days=1), time.min, tzinfo=UTC)
    end = datetime.combine(period.end + timedelta(days=2), time.min, tzinfo=UTC)
    return start, end


def held_meetings(
    session: Session, initiative_id: int, period: ReportPeriod, people: PeopleDirectory
) -> list[MeetingCount]:
    start, end = _utc_bounds(period)
    rows = session.execute(
        select(m.Meeting, m.Team.name)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .where(
            m.Team.initiative_id == initiative_id,
            m.Meeting.status == MeetingStatus.HELD,
            m.Meeting.starts_at >= start,
            m.Meeting.starts_at < end,
        )
        .order_by(m.Meeting.starts_at, m.Meeting.id)
    ).all()
    zone = agency_zone(session)
    held = [
        (row, team) for row, team in rows if period.contains(row.starts_at.astimezone(zone).date())
    ]
    counts = _attendance_counts(session, [row.id for row, _ in held])
    result = []
    for row, team in held:
        present, absent, excused, guests = counts.get(row.id, (0, 0, 0, 0))
        meeting = HeldMeeting(
            title=people.text(row.title),
            team_name=people.text(team),
            held_on=row.starts_at.astimezone(zone).date(),
            present=present,
            absent=absent,
            excused=excused,
            guests=guests,
            decisions=people.text(row.decisions.strip()),
        )
        result.append(MeetingCount(meeting, present + absent + excused, present))
    return result


def _attendance_counts(
    session: Session, meeting_ids: Sequence[int]
) -> dict[int, tuple[int, int, int, int]]:
    """Members present, absent and excused, and guests who came, per meeting."""
    tallies: dict[int, list[int]] = {}
    if not meeting_ids:
        return {}
    rows = session.execute(
        select(m.Attendance.meeting_id, m.Attendance.person_id, m.Attendance.status).where(
            m.Attendance.meeting_id.in_(meeting_ids)
        )
    )
    column = {AttendanceStatus.PRESENT: 0, AttendanceStatus.ABSENT: 1, AttendanceStatus.EXCUSED: 2}
    for meeting_id, person_id, status in rows:
        tally = tallies.setdefault(meeting_id, [0, 0, 0, 0])
        if person_id is None:
            tally[3] += status is AttendanceStatus.PRESENT
        else:
            tally[column[status]] += 1
    return {key: (t[0], t[1], t[2], t[3]) for key, t in tallies.items()}


def input_in_period(
    session: Session, initiative_id: int, period: ReportPeriod | None, people: PeopleDirectory
) -> list[tuple[InputLine, int]]:
    """Community input activities (all of them without a period), each with its id."""
    activity = m.InputActivity
    query = select(activity).where(activity.initiative_id == initiative_id)
    if period is not None:
        query = query.where(activity.held_on >= period.start, activity.held_on <= period.end)
    rows = session.scalars(query.order_by(activity.held_on, activity.id))
    return [
        (
            InputLine(row.kind.label, row.held_on, row.participants, people.text(row.summary)),
            row.id,
        )
        for row in rows
    ]


def themes_of(
    session: Session, activity_ids: Sequence[int], people: PeopleDirectory
) -> tuple[ThemeLine, ...]:
    """Findings grouped by theme, the most-heard theme first."""
    if not activity_ids:
        return ()
    rows = session.scalars(
        select(m.Finding)
        .where(m.Finding.input_activity_id.in_(activity_ids))
        .order_by(m.Finding.input_activity_id, m.Finding.id)
    )
    grouped: dict[str, tuple[list[str], set[int]]] = {}
    other = pgettext("finding theme", "Other")
    for row in rows:
        theme = row.theme.strip() or other
        texts, sources = grouped.setdefault(theme, ([], set()))
        texts.append(people.text(row.text))
        sources.add(row.input_activity_id)
    lines = [
        ThemeLine(people.text(theme), len(texts), len(sources), tuple(texts))
        for theme, (texts, sources) in grouped.items()
    ]
    lines.sort(key=lambda line: (-line.findings, -line.activities, line.theme.casefold()))
    return tuple(lines)


def communications_posted(
    session: Session, initiative_id: int, period: ReportPeriod, people: PeopleDirectory
) -> tuple[CommunicationLine, ...]:
    item = m.Communication
    rows = session.scalars(
        select(item)
        .where(
            item.initiative_id == initiative_id,
            item.status == CommunicationStatus.POSTED,
            item.posted_on >= period.start,
            item.posted_on <= period.end,
        )
        .order_by(item.posted_on, item.id)
    )
    return tuple(
        CommunicationLine(
            row.channel.label, audience_label(row.audience), row.posted_on, people.text(row.text)
        )
        for row in rows
    )


def audience_label(audience: Audience) -> str:
    """The audience's own label, in the current language ("Partners", not the goal
    dimension of the same value: labels are keyed by enum class too)."""
    return audience.label
