"""Team rosters: who sits on a team, in which role."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.views import MemberLine
from cs360desk.services.catalog import MEMBERSHIP, PERSON, TEAM


def people_of_team(
    session: Session, team_id: int, *, current_only: bool = True
) -> list[MemberLine]:
    TEAM.load(session, team_id)
    query = (
        select(m.Person, m.Membership)
        .join(m.Membership, m.Membership.person_id == m.Person.id)
        .where(m.Membership.team_id == team_id)
        .order_by(m.Person.full_name, m.Person.id)
    )
    if current_only:
        query = query.where(m.Membership.left_on.is_(None))
    return [
        MemberLine(PERSON.to_record(person), MEMBERSHIP.to_record(membership))
        for person, membership in session.execute(query)
    ]
