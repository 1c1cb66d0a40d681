"""One meeting on paper: its agenda before, its minutes after."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import AttendanceStatus
from cs360desk.domain.report_data import (
    ActionLine,
    AgendaData,
    AgendaEntry,
    Attendees,
    MeetingHeading,
    MinutesData,
)
from cs360desk.domain.views import MeetingDetail
from cs360desk.i18n import _
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.agency_settings import agency_zone
from cs360desk.services.catalog import ACTION_ITEM, INITIATIVE, TEAM
from cs360desk.services.meetings import meeting_detail
from cs360desk.services.report_data_common import PeopleDirectory, paper_of, the_agency


def agenda_data(session: Session, meeting_id: int, *, today: date) -> AgendaData:
    """The agenda, and the team's open action items carried forward to this meeting."""
    detail = meeting_detail(session, meeting_id)
    people = PeopleDirectory.load(session, public=False)
    item = m.ActionItem
    team_meetings = select(m.Meeting.id).where(m.Meeting.team_id == detail.meeting.team_id)
    carried = _action_lines(
        session,
        people,
        item.status.not_in(CLOSED_STATUSES),
        or_(item.team_id == detail.meeting.team_id, item.source_meeting_id.in_(team_meetings)),
        or_(item.source_meeting_id.is_(None), item.source_meeting_id != meeting_id),
    )
    return AgendaData(
        meeting=_heading(session, detail, today),
        items=_entries(detail),
        carried_forward=carried,
    )


def minutes_data(session: Session, meeting_id: int, *, today: date) -> MinutesData:
    detail = meeting_detail(session, meeting_id)
    people = PeopleDirectory.load(session, public=False)
    return MinutesData(
        meeting=_heading(session, detail, today),
        attendance=_attendees(detail),
        items=_entries(detail),
        summary=detail.meeting.minutes_summary.strip(),
        decisions=detail.meeting.decisions.strip(),
        new_items=_action_lines(session, people, m.ActionItem.source_meeting_id == meeting_id),
    )


def _heading(session: Session, detail: MeetingDetail, today: date) -> MeetingHeading:
    meeting = detail.meeting
    team = TEAM.get(session, meeting.team_id)
    agency = the_agency(session)
    starts = meeting.starts_at.astimezone(agency_zone(session))
    return MeetingHeading(
        agency_name=agency.name if agency else "",
        logo=agency.logo if agency else None,
        initiative_name=INITIATIVE.get(session, team.initiative_id).name,
        team_name=detail.team_name,
        title=meeting.title,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=meeting.duration_minutes),
        mode_label=meeting.mode.label,
        location=meeting.location.strip(),
        video_link=meeting.video_link.strip(),
        status_label=meeting.status.label,
        paper=paper_of(agency),
        prepared_on=today,
    )


def _entries(detail: MeetingDetail) -> tuple[AgendaEntry, ...]:
    return tuple(
        AgendaEntry(number, line.item.title, line.presenter_name, line.item.notes.strip())
        for number, line in enumerate(detail.agenda, start=1)
    )


def _attendees(detail: MeetingDetail) -> Attendees:
    lists: dict[str, list[str]] = {"present": [], "absent": [], "excused": [], "guests": []}
    for line in detail.attendance:
        if line.is_guest and line.record.status is AttendanceStatus.PRESENT:
            lists["guests"].append(line.name)
            continue
        name = _("{name} (guest)").format(name=line.name) if line.is_guest else line.name
        lists[line.record.status.value].append(name)
    return Attendees(
        present=tuple(lists["present"]),
        absent=tuple(lists["absent"]),
        excused=tuple(lists["excused"]),
        guests=tuple(lists["guests"]),
    )


def _action_lines(
    session: Session, people: PeopleDirectory, *conditions: ColumnElement[bool]
) -> tuple[ActionLine, ...]:
    item = m.ActionItem
    query = select(item).where(*conditions).order_by(item.due_on.is_(None), item.due_on, item.id)
    return tuple(people.action_line(ACTION_ITEM.to_record(row)) for row in session.scalars(query))
