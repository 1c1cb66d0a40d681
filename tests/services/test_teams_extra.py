"""Team rosters as edits: teams of an initiative, seats of a person, joining, leaving, roles."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import MemberRole, TeamKind
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.services import catalog, edits
from cs360desk.services.teams import (
    add_member,
    change_role,
    people_of_team,
    remove_member,
    team_detail,
    teams_of_initiative,
    teams_of_person,
)

if TYPE_CHECKING:
    from conftest import Builders


def roster(build: Builders, team_id: int) -> list[tuple[str, MemberRole]]:
    lines = people_of_team(build.session, team_id)
    return [(line.person.full_name, line.membership.role) for line in lines]


def test_teams_of_initiative_count_current_members(build: Builders) -> None:
    basics = build.basics()
    steering = build.team(basics.initiative.id, name="Advisory", kind=TeamKind.ADVISORY_TEAM)
    build.membership(basics.team.id, basics.member.id)
    build.membership(basics.team.id, basics.champion.id, left_on=date(2026, 2, 1))
    build.membership(steering.id, basics.member.id)
    build.membership(steering.id, basics.champion.id)
    build.basics("Traffic safety")
    rows = teams_of_initiative(build.session, basics.initiative.id)
    assert [(row.team.name, row.member_count) for row in rows] == [
        ("Advisory", 2),
        ("PST of Gun violence reduction", 1),
    ]
    assert rows[0].team.kind is TeamKind.ADVISORY_TEAM


def test_teams_of_unknown_initiative(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        teams_of_initiative(build.session, 404)


def test_add_member_and_undo(build: Builders) -> None:
    basics = build.basics()
    hoa = build.person("Nguyễn Thị Hoa")
    record, edit = add_member(
        build.session, basics.team.id, hoa.id, "Community representative",
        joined_on=date(2026, 3, 1),
    )  # fmt: skip
    assert record.role is MemberRole.COMMUNITY_REPRESENTATIVE
    assert record.joined_on == date(2026, 3, 1)
    assert edit.label == "Add Nguyễn Thị Hoa to PST of Gun violence reduction"
    assert roster(build, basics.team.id) == [
        ("Nguyễn Thị Hoa", MemberRole.COMMUNITY_REPRESENTATIVE)
    ]
    edits.undo(build.session, edit)
    assert roster(build, basics.team.id) == []


def test_one_person_on_several_teams(build: Builders) -> None:
    basics = build.basics()
    other = build.team(basics.initiative.id, name="Steering")
    add_member(build.session, basics.team.id, basics.member.id, MemberRole.MEMBER)
    add_member(build.session, other.id, basics.member.id, MemberRole.CHAIR)
    seats = teams_of_person(build.session, basics.member.id)
    assert [(s.team_name, s.membership.role) for s in seats] == [
        ("PST of Gun violence reduction", MemberRole.MEMBER),
        ("Steering", MemberRole.CHAIR),
    ]


def test_duplicate_member_is_refused_with_a_clear_message(build: Builders) -> None:
    basics = build.basics()
    add_member(build.session, basics.team.id, basics.member.id, MemberRole.MEMBER)
    with pytest.raises(ValidationError) as caught:
        add_member(build.session, basics.team.id, basics.member.id, MemberRole.CHAIR)
    assert caught.value.field == "person_id"
    assert caught.value.problem == (
        f"{basics.member.full_name} is already a member of PST of Gun violence reduction"
    )
    assert roster(build, basics.team.id) == [(basics.member.full_name, MemberRole.MEMBER)]


def test_former_member_rejoins(build: Builders) -> None:
    basics = build.basics()
    seat = build.membership(
        basics.team.id, basics.member.id, joined_on=date(2025, 6, 1), left_on=date(2025, 12, 1)
    )
    record, edit = add_member(build.session, basics.team.id, basics.member.id, "chair")
    assert (record.id, record.left_on, record.role) == (seat.id, None, MemberRole.CHAIR)
    assert record.joined_on == date(2025, 6, 1)
    edits.undo(build.session, edit)
    assert catalog.MEMBERSHIP.get(build.session, seat.id).left_on == date(2025, 12, 1)


@pytest.mark.parametrize(
    ("team", "person", "role", "error", "field"),
    [
        (404, "member", "member", NotFoundError, None),
        ("team", 404, "member", ValidationError, "person_id"),
        ("team", "x", "member", ValidationError, "person_id"),
        ("team", "member", "boss", ValidationError, "role"),
    ],
)
def test_add_member_bad_input(
    build: Builders, team: object, person: object, role: str, error: type, field: str | None
) -> None:
    basics = build.basics()
    team_id = basics.team.id if team == "team" else team
    person_id = basics.member.id if person == "member" else person
    with pytest.raises(error) as caught:
        add_member(build.session, team_id, person_id, role)  # type: ignore[arg-type]
    if field:
        assert caught.value.field == field
    assert catalog.MEMBERSHIP.list(build.session) == []


def test_remove_member_deletes_the_seat_and_undo_restores_it(build: Builders) -> None:
    basics = build.basics()
    seat = build.membership(basics.team.id, basics.member.id, role=MemberRole.ANALYST)
    edit = remove_member(build.session, seat.id)
    assert edit.label == f"Remove {basics.member.full_name} from PST of Gun violence reduction"
    assert roster(build, basics.team.id) == []
    edits.undo(build.session, edit)
    assert roster(build, basics.team.id) == [(basics.member.full_name, MemberRole.ANALYST)]


def test_remove_member_with_a_date_keeps_a_former_member(build: Builders) -> None:
    basics = build.basics()
    seat = build.membership(basics.team.id, basics.member.id, joined_on=date(2026, 1, 1))
    remove_member(build.session, seat.id, left_on=date(2026, 3, 1))
    assert roster(build, basics.team.id) == []
    assert people_of_team(build.session, basics.team.id, current_only=False)[0].membership.left_on
    with pytest.raises(ValidationError, match="already left"):
        remove_member(build.session, seat.id, left_on=date(2026, 3, 2))


def test_leaving_before_joining_is_refused(build: Builders) -> None:
    basics = build.basics()
    seat = build.membership(basics.team.id, basics.member.id, joined_on=date(2026, 3, 1))
    with pytest.raises(ValidationError) as caught:
        remove_member(build.session, seat.id, left_on=date(2026, 2, 1))
    assert caught.value.field == "left_on"


def test_remove_unknown_member(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        remove_member(build.session, 404)


def test_change_role_and_undo(build: Builders) -> None:
    basics = build.basics()
    seat = build.membership(basics.team.id, basics.member.id)
    record, edit = change_role(build.session, seat.id, MemberRole.NOTE_TAKER)
    assert record.role is MemberRole.NOTE_TAKER
    assert edit.label.startswith(f"Change the role of {basics.member.full_name}")
    edits.undo(build.session, edit)
    assert catalog.MEMBERSHIP.get(build.session, seat.id).role is MemberRole.MEMBER
    with pytest.raises(ValidationError):
        change_role(build.session, seat.id, "king")
    with pytest.raises(NotFoundError):
        change_role(build.session, 404, MemberRole.CHAIR)


def test_seats_of_unknown_person(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        teams_of_person(build.session, 404)


def test_team_detail_lists_current_members(build: Builders) -> None:
    basics = build.basics()
    build.membership(basics.team.id, basics.member.id, role=MemberRole.CHAIR)
    build.membership(basics.team.id, basics.champion.id, left_on=date(2026, 2, 1))
    detail = team_detail(build.session, basics.team.id)
    assert detail.team == catalog.TEAM.get(build.session, basics.team.id)
    assert [(m.person.id, m.membership.role) for m in detail.members] == [
        (basics.member.id, MemberRole.CHAIR)
    ]
    with pytest.raises(NotFoundError):
        team_detail(build.session, 404)
