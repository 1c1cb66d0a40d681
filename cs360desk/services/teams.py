"""Team rosters: who sits on a team, in which role; joining, leaving and changing roles."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Result, func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import MemberRole
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.people_views import TeamDetail, TeamRow, TeamSeat
from cs360desk.domain.records import MembershipRecord
from cs360desk.domain.views import MemberLine
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import INITIATIVE, MEMBERSHIP, PERSON, TEAM


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


def team_detail(session: Session, team_id: int) -> TeamDetail:
    return TeamDetail(TEAM.get(session, team_id), tuple(people_of_team(session, team_id)))


def teams_of_initiative(session: Session, initiative_id: int) -> list[TeamRow]:
    """The initiative's teams by name, each with its count of current members."""
    INITIATIVE.load(session, initiative_id)
    return [
        TeamRow(TEAM.to_record(team), count)
        for team, count in teams_with_member_counts(session, initiative_id)
    ]


def teams_with_member_counts(session: Session, initiative_id: int) -> Result[m.Team, int]:
    """The initiative's team rows by name, each with its count of current members."""
    members = (
        select(func.count())
        .select_from(m.Membership)
        .where(m.Membership.team_id == m.Team.id, m.Membership.left_on.is_(None))
        .scalar_subquery()
    )
    query = (
        select(m.Team, members)
        .where(m.Team.initiative_id == initiative_id)
        .order_by(m.Team.name, m.Team.id)
    )
    return session.execute(query)


def teams_of_person(session: Session, person_id: int) -> list[TeamSeat]:
    """The seats a person holds now, by team name."""
    PERSON.load(session, person_id)
    query = (
        select(m.Membership, m.Team.name, m.Initiative.name)
        .join(m.Team, m.Team.id == m.Membership.team_id)
        .join(m.Initiative, m.Initiative.id == m.Team.initiative_id)
        .where(m.Membership.person_id == person_id, m.Membership.left_on.is_(None))
        .order_by(m.Team.name, m.Team.id)
    )
    return [
        TeamSeat(MEMBERSHIP.to_record(seat), team, initiative)
        for seat, team, initiative in session.execute(query)
    ]


def add_member(
    session: Session,
    team_id: int,
    person_id: int,
    role: MemberRole | str,
    *,
    joined_on: date | None = None,
) -> tuple[MembershipRecord, Edit]:
    """Seats the person; someone who left before rejoins, someone seated now is refused."""
    team = TEAM.load(session, team_id)
    person = session.get(m.Person, person_id) if isinstance(person_id, int) else None
    if person is None:
        raise ValidationError("person_id", _("no person with id {id}").format(id=repr(person_id)))
    label = _("Add {person} to {team}").format(person=person.full_name, team=team.name)
    seat = session.scalar(
        select(m.Membership).where(
            m.Membership.team_id == team_id, m.Membership.person_id == person_id
        )
    )
    if seat is None:
        record, edit = edits.create(
            session, MEMBERSHIP, team_id=team_id, person_id=person_id, role=role,
            joined_on=joined_on,
        )  # fmt: skip
        return record, combine(label, edit)
    if seat.left_on is None:
        raise ValidationError(
            "person_id",
            _("{person} is already a member of {team}").format(
                person=person.full_name, team=team.name
            ),
        )
    record, edit = edits.update(
        session, MEMBERSHIP, seat.id, role=role, left_on=None,
        joined_on=joined_on or seat.joined_on,
    )  # fmt: skip
    return record, combine(label, edit)


def remove_member(session: Session, membership_id: int, *, left_on: date | None = None) -> Edit:
    """With `left_on` the person is kept as a former member; without, the seat is deleted."""
    seat = MEMBERSHIP.load(session, membership_id)
    label = _("Remove {person} from {team}").format(
        person=_member_name(session, seat), team=_team_name(session, seat)
    )
    if left_on is None:
        return combine(label, edits.delete(session, MEMBERSHIP, membership_id))
    if seat.left_on is not None:
        raise ValidationError(
            "left_on",
            _("this member already left on {day}").format(day=seat.left_on.isoformat()),
        )
    _record, edit = edits.update(session, MEMBERSHIP, membership_id, left_on=left_on)
    return combine(label, edit)


def change_role(
    session: Session, membership_id: int, role: MemberRole | str
) -> tuple[MembershipRecord, Edit]:
    seat = MEMBERSHIP.load(session, membership_id)
    label = _("Change the role of {person} on {team}").format(
        person=_member_name(session, seat), team=_team_name(session, seat)
    )
    record, edit = edits.update(session, MEMBERSHIP, membership_id, role=role)
    return record, combine(label, edit)


def _member_name(session: Session, seat: m.Membership) -> str:
    return PERSON.load(session, seat.person_id).full_name


def _team_name(session: Session, seat: m.Membership) -> str:
    return TEAM.load(session, seat.team_id).name
