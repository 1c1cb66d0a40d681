"""Everything the Excel tracker of one initiative shows, read in one transaction."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    ATTENDANCE,
    COMMUNICATIONS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    MEASURES,
    MEETINGS,
    PEOPLE,
    TEAMS,
    ChoiceList,
    ColumnKind,
    TrackerColumn,
    TrackerData,
    TrackerSheet,
    fit_cell_text,
)
from cs360desk.i18n import _, pgettext
from cs360desk.services.catalog import AGENCY, INITIATIVE
from cs360desk.services.teams import teams_with_member_counts
from cs360desk.services.tracker_rows import (
    InitiativeNames,
    Row,
    action_item_rows,
    initiative_names,
    measurement_rows,
    workspace_key,
)

K = ColumnKind
_ACTION_KINDS = {"ID": K.ID, "Due": K.DATE, "Details": K.LONG_TEXT, "Last update": K.LONG_TEXT}
_ACTION_CHOICES = {
    "Status": "Status",
    "Owner": "Owner",
    "Priority": "Priority",
    "Problem": "Problem",
    "Team": "Team",
}
_MEASURE_KINDS = {"ID": K.ID, "Goal": K.LONG_TEXT, "Baseline": K.NUMBER, "Target": K.NUMBER}
_MEASURE_KINDS |= {"Target date": K.DATE, "Latest value": K.NUMBER, "Latest period end": K.DATE}
_MEASUREMENT_KINDS = {"ID": K.ID, "Period end": K.DATE, "Value": K.NUMBER, "Note": K.LONG_TEXT}


def _columns(
    headers: tuple[str, ...], kinds: dict[str, ColumnKind], choices: dict[str, str] | None = None
) -> tuple[TrackerColumn, ...]:
    return tuple(
        TrackerColumn(header, kinds.get(header, K.TEXT), (choices or {}).get(header))
        for header in headers
    )


def tracker_data(
    session: Session, initiative_id: int, *, today: date, zone: tzinfo | None = None
) -> TrackerData:
    """The tracker of one initiative; meeting times in `zone` (None: this computer's)."""
    initiative = INITIATIVE.get(session, initiative_id)
    agency = AGENCY.list(session)
    names = initiative_names(session, initiative_id)
    items = action_item_rows(session, initiative_id, names)
    sheets = (
        TrackerSheet(
            ACTION_ITEMS,
            _columns(ACTION_ITEM_HEADERS, _ACTION_KINDS, _ACTION_CHOICES),
            tuple(items.values()),
            editable=True,
        ),
        _meetings_sheet(session, initiative_id, zone),
        _attendance_sheet(session, initiative_id, zone),
        _people_sheet(session, initiative_id, names),
        _teams_sheet(session, initiative_id, names),
        _measures_sheet(session, initiative_id, names),
        TrackerSheet(
            MEASUREMENTS,
            _columns(MEASUREMENT_HEADERS, _MEASUREMENT_KINDS, {"Measure": "Measure"}),
            tuple(measurement_rows(session, names).values()),
            editable=True,
        ),
        _communications_sheet(session, initiative_id),
    )
    return TrackerData(
        agency_name=agency[0].name if agency else "",
        initiative_id=initiative.id,
        initiative_name=initiative.name,
        workspace_key=workspace_key(session),
        exported_on=today,
        sheets=sheets,
        lists=_choice_lists(session, names, items),
        closed_statuses=tuple(status.label for status in ActionStatus if status.is_closed),
    )


def _choice_lists(
    session: Session, names: InitiativeNames, items: dict[int, Row]
) -> tuple[ChoiceList, ...]:
    active = set(session.scalars(select(m.Person.id).where(m.Person.active.is_(True))))
    current_owners = {str(row[3]) for row in items.values() if row[3]}
    owners = [
        label
        for person_id, label in names.people.labels.items()
        if person_id in active or label in current_owners
    ]
    return (
        ChoiceList("Status", tuple(status.label for status in ActionStatus)),
        ChoiceList("Priority", tuple(priority.label for priority in Priority)),
        ChoiceList("Owner", tuple(sorted(owners, key=str.casefold))),
        ChoiceList("Team", tuple(sorted(names.teams.labels.values(), key=str.casefold))),
        ChoiceList("Problem", tuple(sorted(names.problems.labels.values(), key=str.casefold))),
        ChoiceList("Measure", tuple(names.measures.labels.values())),
    )


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    """Excel has no time zones: a meeting shows at the clock time people will see."""
    return moment.astimezone(zone).replace(tzinfo=None)


def _meetings_sheet(session: Session, initiative_id: int, zone: tzinfo | None) -> TrackerSheet:
    headers: tuple[str, ...] = ("ID", "Team", "Title", "Starts", "Minutes", "Mode", "Location")
    headers += ("Video link",)
    headers += ("Status", "Decisions")
    kinds = {"ID": K.ID, "Starts": K.DATETIME, "Minutes": K.NUMBER, "Decisions": K.LONG_TEXT}
    query = (
        select(m.Meeting, m.Team.name)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .where(m.Team.initiative_id == initiative_id)
        .order_by(m.Meeting.starts_at, m.Meeting.id)
    )
    rows = tuple(
        (
            meeting.id,
            team,
            fit_cell_text(meeting.title),
            _local(meeting.starts_at, zone),
            meeting.duration_minutes,
            meeting.mode.label,
            fit_cell_text(meeting.location),
            fit_cell_text(meeting.video_link),
            meeting.status.label,
            fit_cell_text(meeting.decisions),
        )
        for meeting, team in session.execute(query)
    )
    return TrackerSheet(MEETINGS, _columns(headers, kinds), rows)


def _attendance_sheet(session: Session, initiative_id: int, zone: tzinfo | None) -> TrackerSheet:
    headers = ("Meeting ID", "Meeting", "Starts", "Person", "Status")
    query = (
        select(m.Attendance, m.Meeting, m.Person.full_name)
        .join(m.Meeting, m.Meeting.id == m.Attendance.meeting_id)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .outerjoin(m.Person, m.Person.id == m.Attendance.person_id)
        .where(m.Team.initiative_id == initiative_id)
        .order_by(m.Meeting.starts_at, m.Meeting.id, m.Person.full_name, m.Attendance.guest_name)
    )
    rows = tuple(
        (
            meeting.id,
            fit_cell_text(meeting.title),
            _local(meeting.starts_at, zone),
            fit_cell_text(name or _("{name} (guest)").format(name=seat.guest_name)),
            seat.status.label,
        )
        for seat, meeting, name in session.execute(query)
    )
    kinds = {"Meeting ID": K.ID, "Starts": K.DATETIME}
    return TrackerSheet(ATTENDANCE, _columns(headers, kinds), rows)


def _involved_people(session: Session, initiative_id: int) -> set[int]:
    """Members of the initiative's teams, owners of its items, its champion and sponsor."""
    members = select(m.Membership.person_id).join(m.Team, m.Team.id == m.Membership.team_id)
    owners = select(m.ActionItem.owner_id).where(m.ActionItem.initiative_id == initiative_id)
    initiative = session.get(m.Initiative, initiative_id)
    found = set(session.scalars(members.where(m.Team.initiative_id == initiative_id)))
    found |= {pid for pid in session.scalars(owners) if pid is not None}
    if initiative is not None:
        found |= {pid for pid in (initiative.champion_id, initiative.sponsor_id) if pid}
    return found


def _people_sheet(session: Session, initiative_id: int, names: InitiativeNames) -> TrackerSheet:
    """Only the people this initiative involves; private contact details are left out."""
    headers = ("ID", "Name", "Title", "Organization", "Affiliation", "Phone", "E-mail", "Active")
    wanted = _involved_people(session, initiative_id)
    query = (
        select(m.Person, m.Organization.name)
        .outerjoin(m.Organization, m.Organization.id == m.Person.organization_id)
        .where(m.Person.id.in_(wanted))
        .order_by(m.Person.full_name, m.Person.id)
    )
    rows = tuple(
        (
            person.id,
            names.people.label(person.id),
            fit_cell_text(person.title),
            organization or "",
            person.affiliation.label,
            "" if person.contact_private else person.phone,
            "" if person.contact_private else person.email,
            pgettext("tracker cell", "Yes") if person.active else pgettext("tracker cell", "No"),
        )
        for person, organization in session.execute(query)
    )
    return TrackerSheet(PEOPLE, _columns(headers, {"ID": K.ID}), rows)


def _teams_sheet(session: Session, initiative_id: int, names: InitiativeNames) -> TrackerSheet:
    headers = ("ID", "Name", "Kind", "Cadence", "Problem", "Members")
    rows = tuple(
        (
            team.id,
            names.teams.label(team.id),
            team.kind.label,
            team.cadence.label,
            names.problems.label(team.problem_id),
            count,
        )
        for team, count in teams_with_member_counts(session, initiative_id)
    )
    return TrackerSheet(TEAMS, _columns(headers, {"ID": K.ID, "Members": K.NUMBER}), rows)


def _measures_sheet(session: Session, initiative_id: int, names: InitiativeNames) -> TrackerSheet:
    headers: tuple[str, ...] = ("ID", "Goal", "Measure", "Unit", "Direction", "Baseline")
    headers += ("Baseline period",)
    headers += ("Target", "Target date", "Frequency", "Latest value", "Latest period end")
    latest = (
        select(m.Measurement.measure_id, func.max(m.Measurement.period_end).label("period_end"))
        .group_by(m.Measurement.measure_id)
        .subquery()
    )
    query = (
        select(m.Measure, m.Goal.statement, m.Measurement.value, m.Measurement.period_end)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .outerjoin(latest, latest.c.measure_id == m.Measure.id)
        .outerjoin(
            m.Measurement,
            (m.Measurement.measure_id == m.Measure.id)
            & (m.Measurement.period_end == latest.c.period_end),
        )
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Measure.id)
    )
    rows = tuple(
        (
            measure.id,
            fit_cell_text(goal),
            names.measures.label(measure.id),
            measure.unit,
            measure.direction.label,
            measure.baseline_value,
            measure.baseline_period,
            measure.target_value,
            measure.target_date,
            measure.frequency.label,
            value,
            period_end,
        )
        for measure, goal, value, period_end in session.execute(query)
    )
    return TrackerSheet(MEASURES, _columns(headers, _MEASURE_KINDS), rows)


def _communications_sheet(session: Session, initiative_id: int) -> TrackerSheet:
    headers = ("ID", "Channel", "Audience", "Status", "Planned", "Posted", "Text")
    query = (
        select(m.Communication)
        .where(m.Communication.initiative_id == initiative_id)
        .order_by(m.Communication.planned_on.is_(None), m.Communication.planned_on)
    )
    rows = tuple(
        (
            item.id,
            item.channel.label,
            item.audience.label,
            item.status.label,
            item.planned_on,
            item.posted_on,
            fit_cell_text(item.text),
        )
        for item in session.scalars(query)
    )
    kinds = {"ID": K.ID, "Planned": K.DATE, "Posted": K.DATE, "Text": K.LONG_TEXT}
    return TrackerSheet(COMMUNICATIONS, _columns(headers, kinds), rows)
