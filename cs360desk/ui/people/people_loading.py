"""Work the People page runs on the worker thread, and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cs360desk.domain.edits import Edit
from cs360desk.domain.people_views import (
    Holdings,
    PeopleFilter,
    PersonChoice,
    PersonDetail,
    PersonRow,
)
from cs360desk.domain.problem_views import Choice
from cs360desk.services import edits
from cs360desk.services.catalog import PERSON
from cs360desk.services.organizations import find_organizations
from cs360desk.services.people import (
    find_people,
    holdings,
    person_choices,
    person_detail,
    person_row,
)
from cs360desk.services.teams import teams_of_initiative
from cs360desk.ui.common.tasks import WorkSession


@dataclass(frozen=True)
class PeoplePage:
    """The list and the choices its filters and editor offer, loaded in one go."""

    rows: tuple[PersonRow, ...]
    teams: tuple[tuple[int, str], ...]
    organizations: tuple[Choice, ...]


@dataclass(frozen=True)
class DeleteCheck:
    person_id: int
    name: str
    holdings: Holdings
    others: tuple[PersonChoice, ...]


def load_people_page(
    session: WorkSession, where: PeopleFilter, initiative_id: int | None
) -> PeoplePage:
    rows = find_people(
        session,
        text=where.text,
        affiliation=where.affiliation,
        team_id=where.team_id,
        active=where.active,
    )
    teams = teams_of_initiative(session, initiative_id) if initiative_id is not None else []
    organizations = find_organizations(session)
    return PeoplePage(
        tuple(rows),
        tuple((row.team.id, row.team.name) for row in teams),
        tuple(Choice(row.organization.id, row.organization.name) for row in organizations),
    )


def save_person_field(
    session: WorkSession, person_id: int, name: str, value: Any
) -> tuple[PersonRow, Edit]:
    _, edit = edits.update(session, PERSON, person_id, **{name: value})
    return person_row(session, person_id), edit


def create_person(session: WorkSession, values: dict[str, Any]) -> tuple[PersonDetail, Edit]:
    record, edit = edits.create(session, PERSON, **values)
    return person_detail(session, record.id), edit


def check_delete(session: WorkSession, person_id: int) -> DeleteCheck:
    others = [c for c in person_choices(session) if c.id != person_id]
    name = PERSON.get(session, person_id).full_name
    return DeleteCheck(person_id, name, holdings(session, person_id), tuple(others))
