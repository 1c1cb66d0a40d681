"""Meetings of a team or an initiative, one meeting in detail, and what is coming up."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.text_match import code_point_order
from cs360desk.domain.enums import AttendanceStatus, MeetingStatus
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.meeting_views import MeetingRow, MeetingSheet, PersonChoice, TeamChoice
from cs360desk.domain.records import MeetingRecord
from cs360desk.domain.views import AgendaLine, AttendanceLine, MeetingDetail, UpcomingMeeting
from cs360desk.i18n import _
from cs360desk.services.catalog import AGENDA_ITEM, ATTENDANCE, INITIATIVE, MEETING, TEAM


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
        .order_by(
            m.Attendance.person_id.is_(None),
            code_point_order(m.Person.full_name),
            code_point_order(m.Attendance.guest_name),
        )
    )
    return MeetingDetail(
        meeting=MEETING.to_record(meeting),
        team_name=team.name,
        agenda=tuple(
            AgendaLine(AGENDA_ITEM.to_record(item), presenter or "") for item, presenter in agenda
        ),
        attendance=tuple(
            sorted(
                (
                    AttendanceLine(
                        ATTENDANCE.to_record(row), name or row.guest_name, row.person_id is None
                    )
                    for row, name in attendance
                ),
                key=lambda line: (line.is_guest, name_key(line.name)),
            )
        ),
    )


def name_key(name: str) -> str:
    """Sorts "Héctor" with "Hector" and "Đức" with "Duc", as readers expect, not by code point."""
    letters = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in letters if not unicodedata.combining(ch)).casefold()


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


def teams_of_initiative(session: Session, initiative_id: int) -> list[TeamChoice]:
    INITIATIVE.load(session, initiative_id)
    query = select(m.Team).where(m.Team.initiative_id == initiative_id)
    return [
        TeamChoice(team.id, team.name, team.kind)
        for team in session.scalars(query.order_by(m.Team.name, m.Team.id))
    ]


def _how_many(status: AttendanceStatus) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((m.Attendance.status == status, 1), else_=0)), 0)


def meetings_for_initiative(
    session: Session,
    initiative_id: int,
    *,
    now: datetime,
    upcoming: bool,
    team_id: int | None = None,
) -> list[MeetingRow]:
    """Upcoming meetings soonest first, past ones latest first, with attendance counts."""
    INITIATIVE.load(session, initiative_id)
    if team_id is not None and TEAM.load(session, team_id).initiative_id != initiative_id:
        raise ValidationError("team_id", _("this team belongs to another initiative"))
    counts = (
        select(
            m.Attendance.meeting_id.label("meeting_id"),
            _how_many(AttendanceStatus.PRESENT).label("present"),
            _how_many(AttendanceStatus.ABSENT).label("absent"),
            _how_many(AttendanceStatus.EXCUSED).label("excused"),
        )
        .group_by(m.Attendance.meeting_id)
        .subquery()
    )
    when = m.Meeting.starts_at >= now if upcoming else m.Meeting.starts_at < now
    query = (
        select(m.Meeting, m.Team.name, counts.c.present, counts.c.absent, counts.c.excused)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .outerjoin(counts, counts.c.meeting_id == m.Meeting.id)
        .where(m.Team.initiative_id == initiative_id, when)
    )
    if team_id is not None:
        query = query.where(m.Meeting.team_id == team_id)
    start = m.Meeting.starts_at.asc() if upcoming else m.Meeting.starts_at.desc()
    query = query.order_by(start, m.Meeting.id)
    return [
        MeetingRow(MEETING.to_record(meeting), team, present or 0, absent or 0, excused or 0)
        for meeting, team, present, absent, excused in session.execute(query)
    ]


def meeting_sheet(session: Session, meeting_id: int) -> MeetingSheet:
    """The meeting's detail and the people its editor offers: members first, then the rest."""
    detail = meeting_detail(session, meeting_id)
    team = TEAM.load(session, detail.meeting.team_id)
    members = set(
        session.scalars(
            select(m.Membership.person_id).where(
                m.Membership.team_id == team.id, m.Membership.left_on.is_(None)
            )
        )
    )
    named = {line.item.presenter_id for line in detail.agenda}
    named |= {line.record.person_id for line in detail.attendance}
    query = select(m.Person.id, m.Person.full_name).where(
        or_(m.Person.active.is_(True), m.Person.id.in_(members | (named - {None})))
    )
    people = [
        PersonChoice(person_id, name, person_id in members)
        for person_id, name in session.execute(query)
    ]
    people.sort(key=lambda p: (not p.is_member, name_key(p.name), p.person_id))
    return MeetingSheet(detail, team.initiative_id, tuple(people))


def meeting_exists(session: Session, meeting_id: int) -> bool:
    return session.get(m.Meeting, meeting_id) is not None
