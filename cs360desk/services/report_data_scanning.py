"""The scanning report: what the community said, the problems it points to, what was asked."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.report_data import ProblemLine, RecommendationLine, ScanningReportData
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.report_data_activity import input_in_period, themes_of
from cs360desk.services.report_data_common import PeopleDirectory, report_header


def scanning_report_data(
    session: Session,
    initiative_id: int,
    *,
    today: date,
    public: bool = False,
    prepared_by: str = "",
) -> ScanningReportData:
    """All of the initiative's input, its problems by worksheet score, its recommendations."""
    INITIATIVE.load(session, initiative_id)
    people = PeopleDirectory.load(session, public=public)
    activities = input_in_period(session, initiative_id, None, people)
    return ScanningReportData(
        header=report_header(session, initiative_id, people, today=today, prepared_by=prepared_by),
        input_activities=tuple(line for line, _ in activities),
        themes=themes_of(session, [activity_id for _, activity_id in activities], people),
        problems=_ranked_problems(session, initiative_id, people),
        recommendations=_recommendations(session, initiative_id, people),
    )


def _ranked_problems(
    session: Session, initiative_id: int, people: PeopleDirectory
) -> tuple[ProblemLine, ...]:
    rows = session.scalars(select(m.Problem).where(m.Problem.initiative_id == initiative_id))
    lines = [
        ProblemLine(
            title=people.text(row.title),
            area=people.text(row.area),
            status_label=row.status.label,
            phase_label=row.phase.label,
            impact=row.score_impact,
            threat_to_life=row.score_threat_to_life,
            community_interest=row.score_community_interest,
            threat_to_rights=row.score_threat_to_rights,
        )
        for row in rows
    ]
    # Ties go to the greater threat to life: lives come before property and nuisance.
    lines.sort(key=lambda p: (-p.score, -p.threat_to_life, p.title.casefold()))
    return tuple(lines)


def _recommendations(
    session: Session, initiative_id: int, people: PeopleDirectory
) -> tuple[RecommendationLine, ...]:
    rec = m.Recommendation
    rows = session.scalars(
        select(rec)
        .where(rec.initiative_id == initiative_id)
        .order_by(rec.delivered_on.is_(None), rec.delivered_on, rec.id)
    )
    return tuple(
        RecommendationLine(
            text=people.text(row.text),
            theme=people.text(row.source_theme),
            delivered_on=row.delivered_on,
            decision_label=row.decision.label,
            owner=people.name(row.owner_id),
            status_label=row.status.label,
        )
        for row in rows
    )
