"""Meetings of a team, one meeting with its agenda and attendance, and what is coming up."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import MeetingStatus
from cs360desk.domain.records import MeetingRecord
from cs360desk.domain.views import AgendaLine, AttendanceLine, MeetingDetail, UpcomingMeeting
from cs360desk.services.catalog import AGENDA_ITEM, ATTENDANCE, MEETING, TEAM


def meetings_of_team(
    session: Session, team_id: int, *, now: datetime, upcoming: bool | None = None
) -> list[MeetingRecord]:
    """All meetings of a team by start time; `upcoming` True/False keeps future/past ones."""
    TEAM.load(session, team_id)
    query = select(m.Meeting).where(m.Meeting.team_id == team_id)
    if upcoming is True:
        query = query.where(m.Meeting.starts_at >= now)
    elif upcoming is False:
        query = query.where(m.Meeting.starts_at < now)
    query = query.order_by(m.Meeting.starts_at, m.Meeting.id)
    return [MEETING.to_record(row) for row in session.scalars(query)]


def meeting_detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = MEETING.load(session, meeting_id)
    team = TEAM.load(session, meeting.team_id)
    agenda = session.execute(
        select(m.AgendaItem, m.Person.full_name)
        .outerjoin(m.Person, m.Person.id == m.AgendaItem.presenter_id)
        .where(m.AgendaItem.meeting_id == meeting_id)
        .order_by(m.AgendaItem.position, m.AgendaItem.id)
    )
    attendance = session.execute(
        select(m.Attendance, m.Person.full_name)
        .outerjoin(m.Person, m.Person.id == m.Attendance.person_id)
        .where(m.Attendance.meeting_id == meeting_id)
        .order_by(m.Attendance.person_id.is_(None), m.Person.full_name, m.Attendance.guest_name)
    )
    return MeetingDetail(
        meeting=MEETING.to_record(meeting),
        team_name=team.name,
        agenda=tuple(
            AgendaLine(AGENDA_ITEM.to_record(item), presenter or "") for item, presenter in agenda
        ),
        attendance=tuple(
            AttendanceLine(ATTENDANCE.to_record(row), name or row.guest_name, row.person_id is None)
            for row, name in attendance
        ),
    )


def upcoming_meetings(
    session: Session, initiative_id: int, *, now: datetime, limit: int = 5
) -> list[UpcomingMeeting]:
    query = (
        select(m.Meeting, m.Team.name)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .where(
            m.Team.initiative_id == initiative_id,
            m.Meeting.starts_at >= now,
            m.Meeting.status == MeetingStatus.SCHEDULED,
        )
        .order_by(m.Meeting.starts_at)
        .limit(limit)
    )
    return [UpcomingMeeting(MEETING.to_record(row), team) for row, team in session.execute(query)]
