"""People: the searchable list, what each person holds, and deleting with a hand-over."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from cs360desk.db import models as m
from cs360desk.db.text_match import text_matches
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import Affiliation
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.people_views import (
    Holdings,
    PeopleFilter,
    PersonChoice,
    PersonDetail,
    PersonRow,
)
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.catalog import ACTION_ITEM, INITIATIVE, PERSON, RECOMMENDATION, RESPONSE
from cs360desk.services.entities import EntityService
from cs360desk.services.teams import teams_of_person

# Every key that forbids deleting the person it names: these move to the successor.
HANDED_OVER: tuple[tuple[EntityService[Any, Any], InstrumentedAttribute[int | None]], ...] = (
    (ACTION_ITEM, m.ActionItem.owner_id),
    (RESPONSE, m.Response.lead_id),
    (RECOMMENDATION, m.Recommendation.owner_id),
    (INITIATIVE, m.Initiative.champion_id),
    (INITIATIVE, m.Initiative.sponsor_id),
)


def find_people(
    session: Session,
    *,
    text: str = "",
    affiliation: Affiliation | None = None,
    team_id: int | None = None,
    active: bool | None = None,
) -> list[PersonRow]:
    """People by name; `text` matches name, title, e-mail, phone or organization literally."""
    where = PeopleFilter(text=text, affiliation=affiliation, team_id=team_id, active=active)
    return _rows(session, _conditions(where))


def person_row(session: Session, person_id: int) -> PersonRow:
    PERSON.load(session, person_id)
    return _rows(session, [m.Person.id == person_id])[0]


def person_detail(session: Session, person_id: int) -> PersonDetail:
    person = PERSON.get(session, person_id)
    return PersonDetail(
        person, tuple(teams_of_person(session, person_id)), holdings(session, person_id)
    )


def person_choices(session: Session, *, active_only: bool = False) -> list[PersonChoice]:
    query = select(m.Person.id, m.Person.full_name, m.Person.active)
    if active_only:
        query = query.where(m.Person.active.is_(True))
    query = query.order_by(m.Person.full_name, m.Person.id)
    return [PersonChoice(pid, name, active) for pid, name, active in session.execute(query)]


def open_items_owned(session: Session, person_id: int) -> int:
    PERSON.load(session, person_id)
    return _count(session, m.ActionItem.owner_id, person_id, _open_item())


def holdings(session: Session, person_id: int) -> Holdings:
    """Everything that names the person through a key that forbids deleting them."""
    PERSON.load(session, person_id)
    item = m.ActionItem
    return Holdings(
        open_items=_count(session, item.owner_id, person_id, _open_item()),
        closed_items=_count(session, item.owner_id, person_id, item.status.in_(CLOSED_STATUSES)),
        responses=_count(session, m.Response.lead_id, person_id),
        recommendations=_count(session, m.Recommendation.owner_id, person_id),
        initiatives=session.scalar(
            select(func.count())
            .select_from(m.Initiative)
            .where(or_(m.Initiative.champion_id == person_id, m.Initiative.sponsor_id == person_id))
        )
        or 0,
    )


def delete_person(session: Session, person_id: int, *, hand_to: int | None) -> Edit:
    """Deletes the person; what they own moves to `hand_to` in the same undoable edit."""
    person = PERSON.load(session, person_id)
    name = person.full_name
    if hand_to is not None:
        _check_successor(session, person_id, hand_to)
    held = holdings(session, person_id)
    if held.total and hand_to is None:
        raise ValidationError(
            "hand_to",
            _("{name} owns {held}; choose who takes them over").format(
                name=name, held=held.describe()
            ),
        )
    handed = _hand_over(session, person_id, hand_to) if hand_to is not None else []
    deleted = edits.delete(session, PERSON, person_id)
    return combine(_("Delete {name}").format(name=name), *handed, deleted)


def _check_successor(session: Session, person_id: int, hand_to: int) -> None:
    if isinstance(hand_to, bool) or not isinstance(hand_to, int):
        raise ValidationError("hand_to", _("must be a person"))
    if hand_to == person_id:
        raise ValidationError("hand_to", _("choose someone other than the person being deleted"))
    if session.get(m.Person, hand_to) is None:
        raise ValidationError("hand_to", _("no person with id {id}").format(id=hand_to))


def _hand_over(session: Session, person_id: int, hand_to: int) -> list[Edit]:
    handed: list[Edit] = []
    for service, column in HANDED_OVER:
        table = column.class_
        ids = session.scalars(select(table.id).where(column == person_id).order_by(table.id))
        for record_id in list(ids):
            _record, edit = edits.update(session, service, record_id, **{column.key: hand_to})
            handed.append(edit)
    return handed


def _open_item() -> ColumnElement[bool]:
    return m.ActionItem.status.not_in(CLOSED_STATUSES)


def _count(
    session: Session,
    column: InstrumentedAttribute[int | None],
    person_id: int,
    *where: ColumnElement[bool],
) -> int:
    query = select(func.count()).select_from(column.class_).where(column == person_id, *where)
    return session.scalar(query) or 0


def _conditions(where: PeopleFilter) -> list[ColumnElement[bool]]:
    person = m.Person
    conditions: list[ColumnElement[bool]] = []
    if where.affiliation is not None:
        conditions.append(person.affiliation == where.affiliation)
    if where.active is not None:
        conditions.append(person.active.is_(where.active))
    if where.team_id is not None:
        seated = select(m.Membership.person_id).where(
            m.Membership.team_id == where.team_id, m.Membership.left_on.is_(None)
        )
        conditions.append(person.id.in_(seated))
    text = where.text.strip()
    if text:
        searched = (person.full_name, person.title, person.email, person.phone, m.Organization.name)
        conditions.append(text_matches(text, *searched))
    return conditions


def _rows(session: Session, conditions: list[ColumnElement[bool]]) -> list[PersonRow]:
    query = (
        select(m.Person, m.Organization.name)
        .outerjoin(m.Organization, m.Organization.id == m.Person.organization_id)
        .where(*conditions)
        .order_by(m.Person.full_name, m.Person.id)
    )
    found = list(session.execute(query))
    teams = _current_team_names(session, [person.id for person, _organization in found])
    return [
        PersonRow(PERSON.to_record(person), organization or "", tuple(teams[person.id]))
        for person, organization in found
    ]


def _current_team_names(session: Session, person_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    if not person_ids:
        return names
    query = (
        select(m.Membership.person_id, m.Team.name)
        .join(m.Team, m.Team.id == m.Membership.team_id)
        .where(m.Membership.left_on.is_(None))
        .order_by(m.Team.name, m.Team.id)
    )
    if len(person_ids) < 500:  # a short list is asked for by id; a long one filtered here
        query = query.where(m.Membership.person_id.in_(person_ids))
    for person_id, team_name in session.execute(query):
        names[person_id].append(team_name)
    return names
