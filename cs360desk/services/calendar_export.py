"""Meetings as calendar events, with stable identities so a re-import updates, not doubles."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.calendar_feed import CalendarData, CalendarEvent
from cs360desk.i18n import _
from cs360desk.services.catalog import INITIATIVE, TEAM
from cs360desk.services.tracker_rows import workspace_key
from cs360desk.services.workspace_info import the_agency


def meeting_uid(meeting_id: int, key: str) -> str:
    return f"meeting-{meeting_id}@{key}.cs360desk"


def calendar_data(
    session: Session, *, team_id: int | None = None, initiative_id: int | None = None
) -> CalendarData:
    """Every meeting of one team, of one initiative, or (neither given) of the workspace."""
    key = workspace_key(session)
    query = select(m.Meeting, m.Team.name).join(m.Team, m.Team.id == m.Meeting.team_id)
    agency = the_agency(session)
    name = _("{name} meetings").format(name=agency.name if agency else "CS360")
    if team_id is not None:
        team = TEAM.get(session, team_id)
        query = query.where(m.Meeting.team_id == team_id)
        name = _("{name} meetings").format(name=team.name)
    if initiative_id is not None:
        initiative = INITIATIVE.get(session, initiative_id)
        query = query.where(m.Team.initiative_id == initiative_id)
        name = name if team_id is not None else _("{name} meetings").format(name=initiative.name)
    meetings = session.execute(query.order_by(m.Meeting.starts_at, m.Meeting.id)).all()
    agendas = _agendas(session, [meeting.id for meeting, _team in meetings])
    events = tuple(
        CalendarEvent(
            uid=meeting_uid(meeting.id, key),
            title=meeting.title,
            team_name=team,
            starts_at=meeting.starts_at,
            ends_at=meeting.starts_at + timedelta(minutes=meeting.duration_minutes),
            status=meeting.status,
            mode=meeting.mode,
            location=meeting.location,
            video_link=meeting.video_link,
            agenda=tuple(agendas[meeting.id]),
            updated_at=meeting.updated_at,
            sequence=meeting.version,
        )
        for meeting, team in meetings
    )
    return CalendarData(name=name, events=events)


def _agendas(session: Session, meeting_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    if not meeting_ids:
        return found
    item = m.AgendaItem
    query = (
        select(item.meeting_id, item.title, m.Person.full_name)
        .outerjoin(m.Person, m.Person.id == item.presenter_id)
        .where(item.meeting_id.in_(meeting_ids))
        .order_by(item.meeting_id, item.position, item.id)
    )
    for meeting_id, title, presenter in session.execute(query):
        found[meeting_id].append(f"{title} ({presenter})" if presenter else title)
    return found
