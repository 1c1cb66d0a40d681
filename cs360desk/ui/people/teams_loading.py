"""Work the Teams page runs on the worker thread, and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import MemberRole
from cs360desk.domain.people_views import PersonChoice, TeamDetail, TeamRow
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import TEAM
from cs360desk.services.people import person_choices
from cs360desk.services.teams import (
    add_member,
    change_role,
    remove_member,
    team_detail,
    teams_of_initiative,
)
from cs360desk.ui.common.tasks import WorkSession


@dataclass(frozen=True)
class TeamsPage:
    rows: tuple[TeamRow, ...]
    people: tuple[PersonChoice, ...]


def load_teams_page(session: WorkSession, initiative_id: int | None) -> TeamsPage:
    rows = teams_of_initiative(session, initiative_id) if initiative_id is not None else []
    return TeamsPage(tuple(rows), tuple(person_choices(session, active_only=True)))


def team_row(session: WorkSession, team_id: int) -> TeamRow:
    initiative_id = TEAM.get(session, team_id).initiative_id
    return next(
        row for row in teams_of_initiative(session, initiative_id) if row.team.id == team_id
    )


def save_team_field(
    session: WorkSession, team_id: int, name: str, value: Any
) -> tuple[TeamRow, Edit]:
    _record, edit = edits.update(session, TEAM, team_id, **{name: value})
    return team_row(session, team_id), edit


def create_team(session: WorkSession, values: dict[str, Any]) -> tuple[TeamDetail, Edit]:
    record, edit = edits.create(session, TEAM, **values)
    return team_detail(session, record.id), edit


def delete_team(session: WorkSession, team_id: int) -> Edit:
    name = TEAM.get(session, team_id).name
    return combine(_("Delete {name}").format(name=name), edits.delete(session, TEAM, team_id))


def seat_member(
    session: WorkSession, team_id: int, person_id: int, role: MemberRole, today: date
) -> tuple[TeamDetail, Edit]:
    _membership, edit = add_member(session, team_id, person_id, role, joined_on=today)
    return team_detail(session, team_id), edit


def unseat_member(
    session: WorkSession, team_id: int, membership_id: int, left_on: date | None
) -> tuple[TeamDetail, Edit]:
    edit = remove_member(session, membership_id, left_on=left_on)
    return team_detail(session, team_id), edit


def change_member_role(
    session: WorkSession, team_id: int, membership_id: int, role: MemberRole
) -> tuple[TeamDetail, Edit]:
    _membership, edit = change_role(session, membership_id, role)
    return team_detail(session, team_id), edit
