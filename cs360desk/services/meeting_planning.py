"""Planning and running meetings: the next one with its agenda, attendance, status, follow-up.

Every write returns an undoable Edit and leaves committing to the caller.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import ActionStatus, MeetingStatus, MemberRole
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.records import ActionItemRecord, MeetingRecord, TeamRecord
from cs360desk.i18n import N_, _, language
from cs360desk.services import edits
from cs360desk.services.agency_settings import public_language
from cs360desk.services.catalog import (
    ACTION_ITEM,
    AGENDA_ITEM,
    ATTENDANCE,
    INITIATIVE,
    MEETING,
    TEAM,
)
from cs360desk.services.meeting_calendar import (
    dated_title,
    first_free_start,
    next_start,
    title_stem,
    wall_clock,
)

# The standard agenda lines, written in the agency's language for public outputs: the
# agenda is printed for the community. Stored as typed text once written.
OPENING = N_("Welcome; approval of minutes")
REVIEW = N_("Review of open action items")
CLOSING = N_("Announcements and next meeting date")
_SET_FROM_MEETING = ("initiative_id", "team_id", "source_meeting_id")
# Wide enough to hold any meeting on the same local day, whatever the time zone.
_NEARBY = timedelta(days=2)


def schedule_next_meeting(
    session: Session, meeting_id: int, *, zone: tzinfo | None = None
) -> tuple[MeetingRecord, Edit]:
    """A scheduled meeting one cadence after this one, in the same place, with its agenda.

    Monthly and quarterly teams keep the weekday of the month (2nd Tuesday stays 2nd
    Tuesday; a 5th weekday becomes the last); weekly ones move by 7 or 14 days. The clock
    time stays the same in `zone` (None: this computer's time zone) across daylight saving.
    """
    source = MEETING.get(session, meeting_id)
    team = TEAM.get(session, source.team_id)
    starts_at = next_start(source.starts_at, team.cadence, zone)
    place = {
        "duration_minutes": source.duration_minutes,
        "mode": source.mode,
        "location": source.location,
        "video_link": source.video_link,
        "open_to_public": source.open_to_public,
    }
    return _plan(session, team, starts_at, place, zone, prefer=source.title)


def new_meeting(
    session: Session, team_id: int, *, now: datetime, zone: tzinfo | None = None
) -> tuple[MeetingRecord, Edit]:
    """The team's next meeting on its cadence after its latest one (a week out for a first)."""
    team = TEAM.get(session, team_id)
    latest = session.scalars(
        select(m.Meeting)
        .where(m.Meeting.team_id == team_id)
        .order_by(m.Meeting.starts_at.desc(), m.Meeting.id.desc())
        .limit(1)
    ).first()
    starts_at = first_free_start(
        latest.starts_at if latest else None, team.cadence, now=now, zone=zone
    )
    place: dict[str, Any] = {}
    if latest is not None:
        place = {
            "duration_minutes": latest.duration_minutes,
            "mode": latest.mode,
            "location": latest.location,
            "video_link": latest.video_link,
            "open_to_public": latest.open_to_public,
        }
    return _plan(session, team, starts_at, place, zone, prefer="")


def _plan(
    session: Session,
    team: TeamRecord,
    starts_at: datetime,
    place: dict[str, Any],
    zone: tzinfo | None,
    *,
    prefer: str,
) -> tuple[MeetingRecord, Edit]:
    day = wall_clock(starts_at, zone).date()
    _refuse_same_day(session, team, starts_at, zone)
    stem = title_stem([prefer, *_titles_of(session, team.id)]) or team.name
    with language(public_language(session)):
        title = dated_title(stem, day)
        lines = _agenda_lines(session, team)
    meeting, created = edits.create(
        session,
        MEETING,
        team_id=team.id,
        title=title,
        starts_at=starts_at,
        status=MeetingStatus.SCHEDULED,
        **place,
    )
    agenda = [
        edits.create(session, AGENDA_ITEM, meeting_id=meeting.id, position=position, **line)[1]
        for position, line in enumerate(lines)
    ]
    return meeting, combine(_("Schedule meeting"), created, *agenda)


def _titles_of(session: Session, team_id: int) -> list[str]:
    query = select(m.Meeting.title).where(m.Meeting.team_id == team_id)
    return list(session.scalars(query.order_by(m.Meeting.starts_at.desc(), m.Meeting.id)))


def _refuse_same_day(
    session: Session, team: TeamRecord, starts_at: datetime, zone: tzinfo | None
) -> None:
    day = wall_clock(starts_at, zone).date()
    nearby = session.scalars(
        select(m.Meeting).where(
            m.Meeting.team_id == team.id,
            m.Meeting.status != MeetingStatus.CANCELLED,
            m.Meeting.starts_at.between(starts_at - _NEARBY, starts_at + _NEARBY),
        )
    )
    for meeting in nearby:
        if wall_clock(meeting.starts_at, zone).date() == day:
            raise ValidationError(
                "starts_at",
                _("{team} already has a meeting that day ({day}): {meeting}").format(
                    team=team.name, day=day.isoformat(), meeting=meeting.title
                ),
            )


def _agenda_lines(session: Session, team: TeamRecord) -> list[dict[str, Any]]:
    """Standard openers, one line per open action item of the team, then the closer."""
    chair = _chair_of(session, team.id)
    champion = INITIATIVE.get(session, team.initiative_id).champion_id
    open_items = session.scalars(
        select(m.ActionItem)
        .where(
            m.ActionItem.team_id == team.id,
            m.ActionItem.status.not_in((ActionStatus.DONE, ActionStatus.CANCELLED)),
        )
        .order_by(m.ActionItem.due_on.is_(None), m.ActionItem.due_on, m.ActionItem.id)
    )
    return [
        {"title": _(OPENING), "presenter_id": chair},
        {"title": _(REVIEW), "presenter_id": champion or chair},
        *({"title": item.title, "presenter_id": item.owner_id} for item in open_items),
        {"title": _(CLOSING), "presenter_id": chair},
    ]


def _chair_of(session: Session, team_id: int) -> int | None:
    query = select(m.Membership.person_id).where(
        m.Membership.team_id == team_id,
        m.Membership.left_on.is_(None),
        m.Membership.role.in_((MemberRole.CHAIR, MemberRole.CO_CHAIR)),
    )
    return session.scalars(query.order_by(m.Membership.role, m.Membership.id)).first()


def prefill_attendance(session: Session, meeting_id: int) -> Edit:
    """One "present" row per current member of the meeting's team not listed yet."""
    meeting = MEETING.get(session, meeting_id)
    listed = select(m.Attendance.person_id).where(
        m.Attendance.meeting_id == meeting_id, m.Attendance.person_id.is_not(None)
    )
    members = session.scalars(
        select(m.Membership.person_id)
        .join(m.Person, m.Person.id == m.Membership.person_id)
        .where(
            m.Membership.team_id == meeting.team_id,
            m.Membership.left_on.is_(None),
            m.Membership.person_id.not_in(listed),
        )
        .order_by(m.Person.full_name, m.Person.id)
    ).all()
    added = [
        edits.create(session, ATTENDANCE, meeting_id=meeting_id, person_id=person_id)[1]
        for person_id in members
    ]
    return combine(_("Fill attendance from team"), *added)


def move_agenda_item(session: Session, item_id: int, new_position: int) -> Edit:
    """Put the item at `new_position` (past the end means last); positions become 0..n-1."""
    if isinstance(new_position, bool) or not isinstance(new_position, int):
        raise ValidationError("position", _("must be a whole number"))
    if new_position < 0:
        raise ValidationError("position", _("must not be negative"))
    item = AGENDA_ITEM.get(session, item_id)
    order = [
        line.id
        for line in AGENDA_ITEM.list(session, m.AgendaItem.meeting_id == item.meeting_id)
        if line.id != item_id
    ]
    order.insert(min(new_position, len(order)), item_id)
    moved = [
        edits.update(session, AGENDA_ITEM, line_id, position=position)[1]
        for position, line_id in enumerate(order)
    ]
    return combine(_("Move agenda item"), *moved)


def cancel_meeting(session: Session, meeting_id: int) -> tuple[MeetingRecord, Edit]:
    """Kept on record as cancelled; a meeting that took place cannot be cancelled."""
    meeting = MEETING.get(session, meeting_id)
    if meeting.status is MeetingStatus.HELD:
        raise ValidationError("status", _("this meeting was held; it cannot be cancelled"))
    record, edit = edits.update(session, MEETING, meeting_id, status=MeetingStatus.CANCELLED)
    return record, Edit(_("Cancel meeting"), edit.changes)


def mark_held(session: Session, meeting_id: int, *, now: datetime) -> tuple[MeetingRecord, Edit]:
    meeting = MEETING.get(session, meeting_id)
    if meeting.starts_at > now:
        raise ValidationError(
            "status", _("this meeting has not started yet; mark it held once it has begun")
        )
    record, edit = edits.update(session, MEETING, meeting_id, status=MeetingStatus.HELD)
    return record, Edit(_("Mark meeting held"), edit.changes)


def set_meeting_status(
    session: Session, meeting_id: int, status: MeetingStatus | str, *, now: datetime
) -> tuple[MeetingRecord, Edit]:
    """Any status change, under the same rules as the dedicated actions."""
    try:
        wanted = MeetingStatus(MeetingStatus.parse(status))
    except ValueError:
        choices = ", ".join(member.label.lower() for member in MeetingStatus)
        raise ValidationError(
            "status",
            _("unknown value {value} (choose one of: {choices})").format(
                value=repr(status), choices=choices
            ),
        ) from None
    if wanted is MeetingStatus.CANCELLED:
        return cancel_meeting(session, meeting_id)
    if wanted is MeetingStatus.HELD:
        return mark_held(session, meeting_id, now=now)
    return edits.update(session, MEETING, meeting_id, status=wanted)


def new_action_item_from_meeting(
    session: Session, meeting_id: int, **values: Any
) -> tuple[ActionItemRecord, Edit]:
    """An action item of the meeting's initiative and team, remembering where it was agreed."""
    for name in _SET_FROM_MEETING:
        if name in values:
            raise ValidationError(name, _("is taken from the meeting"))
    meeting = MEETING.get(session, meeting_id)
    team = TEAM.get(session, meeting.team_id)
    record, edit = edits.create(
        session,
        ACTION_ITEM,
        initiative_id=team.initiative_id,
        team_id=team.id,
        source_meeting_id=meeting.id,
        **values,
    )
    return record, Edit(_("Add action item from meeting"), edit.changes)
