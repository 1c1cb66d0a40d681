"""The community map: stakeholder organizations, their people and how engaged they are."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import Engagement
from cs360desk.domain.people_views import OrganizationDetail, OrganizationRow, PersonChoice
from cs360desk.services.catalog import ORGANIZATION


def find_organizations(session: Session) -> list[OrganizationRow]:
    """Every organization by name, with the number of people listed under it."""
    people = (
        select(func.count())
        .select_from(m.Person)
        .where(m.Person.organization_id == m.Organization.id)
        .scalar_subquery()
    )
    query = select(m.Organization, people).order_by(m.Organization.name, m.Organization.id)
    return [
        OrganizationRow(ORGANIZATION.to_record(organization), count)
        for organization, count in session.execute(query)
    ]


def organization_row(session: Session, organization_id: int) -> OrganizationRow:
    organization = ORGANIZATION.get(session, organization_id)
    count = session.scalar(
        select(func.count())
        .select_from(m.Person)
        .where(m.Person.organization_id == organization_id)
    )
    return OrganizationRow(organization, count or 0)


def organization_detail(session: Session, organization_id: int) -> OrganizationDetail:
    """The organization with the people listed under it, by name."""
    organization = ORGANIZATION.get(session, organization_id)
    query = (
        select(m.Person.id, m.Person.full_name, m.Person.active)
        .where(m.Person.organization_id == organization_id)
        .order_by(m.Person.full_name, m.Person.id)
    )
    people = tuple(PersonChoice(pid, name, active) for pid, name, active in session.execute(query))
    return OrganizationDetail(organization, people)


def organizations_by_engagement(session: Session) -> list[tuple[Engagement, int]]:
    """How many organizations sit at each engagement level; every level, zero included."""
    query = select(m.Organization.engagement, func.count()).group_by(m.Organization.engagement)
    counts = {Engagement(level): count for level, count in session.execute(query)}
    return [(level, counts.get(level, 0)) for level in Engagement]
