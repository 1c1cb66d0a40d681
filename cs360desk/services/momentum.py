"""Gathers the momentum facts of an initiative and the dashboard built on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import (
    Audience,
    CommunicationStatus,
    Decision,
    MeetingStatus,
    RecommendationStatus,
    TeamKind,
)
from cs360desk.domain.momentum import MomentumFacts, MomentumThresholds, OwnerLoad, Signal, signals
from cs360desk.domain.records import InitiativeRecord
from cs360desk.domain.views import ActionItemFilter, ActionItemRow, UpcomingMeeting
from cs360desk.i18n import _
from cs360desk.services.action_items import CLOSED_STATUSES, find_action_items, overdue_condition
from cs360desk.services.agency_settings import agency_zone, momentum_limits
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.meetings import upcoming_meetings


@dataclass(frozen=True)
class Dashboard:
    initiative: InitiativeRecord
    facts: MomentumFacts
    signals: tuple[Signal, ...]
    upcoming: tuple[UpcomingMeeting, ...]
    overdue: tuple[ActionItemRow, ...]


def dashboard(
    session: Session,
    initiative_id: int,
    *,
    now: datetime,
    limits: MomentumThresholds | None = None,
    overdue_limit: int = 15,
) -> Dashboard:
    limits = limits or momentum_limits(session)
    facts = momentum_facts(session, initiative_id, now=now, limits=limits)
    today = now.astimezone(agency_zone(session)).date()
    overdue = find_action_items(
        session,
        ActionItemFilter(initiative_id=initiative_id, overdue_only=True),
        today=today,
        limit=overdue_limit,
    )
    return Dashboard(
        initiative=INITIATIVE.get(session, initiative_id),
        facts=facts,
        signals=signals(facts, limits),
        upcoming=tuple(upcoming_meetings(session, initiative_id, now=now)),
        overdue=tuple(overdue),
    )


def momentum_facts(
    session: Session, initiative_id: int, *, now: datetime, limits: MomentumThresholds
) -> MomentumFacts:
    initiative = INITIATIVE.load(session, initiative_id)
    today = now.astimezone(agency_zone(session)).date()
    last_meeting, cadence = _last_pst_meeting(session, initiative_id, now)
    owners = _owner_loads(session, initiative_id, today)
    latest = _latest_values(session, initiative_id)
    stale = tuple(
        measure.name
        for measure, period_end in latest
        if period_end is None or period_end <= today - timedelta(days=measure.frequency.days)
    )
    undecided, not_acted = _waiting_recommendations(session, initiative_id, today, limits)
    stage_since = initiative.stage_changed_on or initiative.started_on
    return MomentumFacts(
        initiative_name=initiative.name,
        stage_label=initiative.stage.label,
        days_since_pst_meeting=_days_between(last_meeting, now),
        pst_cadence_days=cadence,
        open_items=sum(o.open_items for o in owners),
        overdue_items=sum(o.overdue_items for o in owners),
        owners=owners,
        measures_total=len(latest),
        measures_without_value=stale,
        days_since_public_update=_days_since_update(session, initiative_id, Audience.PUBLIC, today),
        days_since_staff_update=_days_since_update(session, initiative_id, Audience.STAFF, today),
        days_in_stage=max(0, (today - stage_since).days),
        recommendations_undecided=undecided,
        recommendations_not_acted=not_acted,
        public_update_every=initiative.public_update_days,
        staff_update_every=initiative.staff_update_days,
    )


def _latest_values(session: Session, initiative_id: int) -> list[tuple[m.Measure, date | None]]:
    """Each measure with the end of its latest period; only that one value is read, by index."""
    latest = (
        select(func.max(m.Measurement.period_end))
        .where(m.Measurement.measure_id == m.Measure.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(m.Measure, latest)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Goal.dimension, m.Goal.id, m.Measure.id)
    )
    return [(measure, period_end) for measure, period_end in rows]


def _days_between(earlier: datetime | None, now: datetime) -> int | None:
    return None if earlier is None else max(0, (now - earlier).days)


def _last_pst_meeting(
    session: Session, initiative_id: int, now: datetime
) -> tuple[datetime | None, int | None]:
    cadences = session.scalars(
        select(m.Team.cadence).where(
            m.Team.initiative_id == initiative_id, m.Team.kind == TeamKind.PROBLEM_SOLVING_TEAM
        )
    ).all()
    if not cadences:
        return None, None
    last = session.scalar(
        select(func.max(m.Meeting.starts_at))
        .join(m.Team, m.Team.id == m.Meeting.team_id)
        .where(
            m.Team.initiative_id == initiative_id,
            m.Team.kind == TeamKind.PROBLEM_SOLVING_TEAM,
            m.Meeting.status == MeetingStatus.HELD,
            m.Meeting.starts_at <= now,
        )
    )
    return last, min(cadence.days for cadence in cadences)


def _owner_loads(session: Session, initiative_id: int, today: date) -> tuple[OwnerLoad, ...]:
    overdue: ColumnElement[int] = func.sum(case((overdue_condition(today), 1), else_=0))
    rows = session.execute(
        select(m.ActionItem.owner_id, m.Person.full_name, func.count(), overdue)
        .outerjoin(m.Person, m.Person.id == m.ActionItem.owner_id)
        .where(
            m.ActionItem.initiative_id == initiative_id, m.ActionItem.status.not_in(CLOSED_STATUSES)
        )
        .group_by(m.ActionItem.owner_id, m.Person.full_name)
    )
    loads = [
        OwnerLoad(owner_id, name or _("(no owner)"), count, int(late or 0))
        for owner_id, name, count, late in rows
    ]
    return tuple(sorted(loads, key=lambda o: (-o.overdue_items, -o.open_items, o.owner_name)))


def _days_since_update(
    session: Session, initiative_id: int, audience: Audience, today: date
) -> int | None:
    last = session.scalar(
        select(func.max(m.Communication.posted_on)).where(
            m.Communication.initiative_id == initiative_id,
            m.Communication.audience == audience,
            m.Communication.status == CommunicationStatus.POSTED,
        )
    )
    return None if last is None else max(0, (today - last).days)


def _waiting_recommendations(
    session: Session, initiative_id: int, today: date, limits: MomentumThresholds
) -> tuple[int, int]:
    """Delivered but undecided past the grace period; accepted but never started."""
    recommendation = m.Recommendation
    base = select(func.count()).where(recommendation.initiative_id == initiative_id)
    undecided = session.scalar(
        base.where(
            recommendation.decision == Decision.PROPOSED,
            recommendation.delivered_on <= today - timedelta(days=limits.recommendation_wait_days),
        )
    )
    not_acted = session.scalar(
        base.where(
            recommendation.decision == Decision.ACCEPTED,
            recommendation.status == RecommendationStatus.NOT_STARTED,
        )
    )
    return undecided or 0, not_acted or 0
