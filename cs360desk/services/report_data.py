"""Report data for the printed outputs: periods, the four reports' DTOs, issuing a report."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import ReportKind
from cs360desk.domain.records import ReportIssuedRecord
from cs360desk.domain.report_data import MeetingChoice, ReportDefaults, ReportPeriod
from cs360desk.services.agency_settings import agency_zone
from cs360desk.services.catalog import INITIATIVE, MEETING, REPORT_ISSUED, TEAM
from cs360desk.services.report_data_common import default_initiative_id, paper_of, the_agency
from cs360desk.services.report_data_meetings import agenda_data, minutes_data
from cs360desk.services.report_data_progress import progress_report_data
from cs360desk.services.report_data_scanning import scanning_report_data

DEFAULT_PERIOD_DAYS = 30

__all__ = [
    "agenda_data",
    "default_initiative_id",
    "default_period",
    "initiative_of_meeting",
    "issue_report",
    "meeting_choices",
    "minutes_data",
    "progress_report_data",
    "report_defaults",
    "scanning_report_data",
]


def last_progress_report(session: Session, initiative_id: int) -> ReportIssuedRecord | None:
    issued = m.ReportIssued
    row = session.scalar(
        select(issued)
        .where(issued.initiative_id == initiative_id, issued.kind == ReportKind.PROGRESS)
        .order_by(issued.period_end.desc(), issued.issued_on.desc(), issued.id.desc())
        .limit(1)
    )
    return REPORT_ISSUED.to_record(row) if row is not None else None


def default_period(session: Session, initiative_id: int, *, today: date) -> ReportPeriod:
    """Since the last progress update issued for the initiative, else the last 30 days."""
    INITIATIVE.load(session, initiative_id)
    last = last_progress_report(session, initiative_id)
    if last is None:
        return ReportPeriod(today - timedelta(days=DEFAULT_PERIOD_DAYS - 1), today)
    covered_to = last.period_end or last.issued_on
    if covered_to >= today:
        # Nothing new since then: offer the last update's own period again, to reprint it.
        return ReportPeriod(min(last.period_start or covered_to, today), today)
    return ReportPeriod(covered_to + timedelta(days=1), today)


def issue_report(
    session: Session,
    kind: ReportKind,
    *,
    initiative_id: int | None,
    period: ReportPeriod | None,
    issued_on: date,
    file_name: str,
) -> ReportIssuedRecord:
    """Records that a report went out, so the next update starts where this one ended."""
    return REPORT_ISSUED.create(
        session,
        kind=kind,
        initiative_id=initiative_id,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        issued_on=issued_on,
        file_name=file_name,
    )


def meeting_choices(session: Session, initiative_id: int) -> tuple[MeetingChoice, ...]:
    """The initiative's meetings, latest first, for choosing an agenda or minutes."""
    INITIATIVE.load(session, initiative_id)
    rows = session.execute(
        select(m.Meeting, m.Team.name)
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .where(m.Team.initiative_id == initiative_id)
        .order_by(m.Meeting.starts_at.desc(), m.Meeting.id.desc())
    )
    zone = agency_zone(session)
    return tuple(
        MeetingChoice(row.id, row.starts_at.astimezone(zone), row.title, team, row.status.label)
        for row, team in rows
    )


def report_defaults(session: Session, initiative_id: int, *, today: date) -> ReportDefaults:
    initiative = INITIATIVE.get(session, initiative_id)
    return ReportDefaults(
        initiative_id=initiative.id,
        initiative_name=initiative.name,
        period=default_period(session, initiative_id, today=today),
        paper=paper_of(the_agency(session)),
        meetings=meeting_choices(session, initiative_id),
    )


def initiative_of_meeting(session: Session, meeting_id: int) -> int:
    return TEAM.load(session, MEETING.load(session, meeting_id).team_id).initiative_id
