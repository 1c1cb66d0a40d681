"""Team rosters: current members by name, former members on request."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import MemberRole
from cs360desk.domain.errors import NotFoundError
from cs360desk.services.teams import people_of_team

if TYPE_CHECKING:
    from conftest import Builders


def test_roster(build: Builders) -> None:
    basics = build.basics()
    team = basics.team.id
    zoe, hoa, ana = (build.person(n) for n in ("Zoe Park", "Nguyễn Thị Hoa", "Ana Ruiz"))
    build.membership(team, zoe.id, role=MemberRole.CHAIR, joined_on=date(2026, 1, 10))
    build.membership(team, hoa.id, role="Community representative")
    build.membership(
        team, ana.id, role="analyst", joined_on=date(2026, 1, 10), left_on=date(2026, 2, 20)
    )
    other_team = build.basics("Traffic safety").team.id
    build.membership(other_team, basics.member.id)

    current = people_of_team(build.session, team)
    assert [(line.person.full_name, line.membership.role) for line in current] == [
        ("Nguyễn Thị Hoa", MemberRole.COMMUNITY_REPRESENTATIVE),
        ("Zoe Park", MemberRole.CHAIR),
    ]
    everyone = people_of_team(build.session, team, current_only=False)
    assert [line.person.full_name for line in everyone] == [
        "Ana Ruiz",
        "Nguyễn Thị Hoa",
        "Zoe Park",
    ]
    assert everyone[0].membership.left_on == date(2026, 2, 20)


def test_empty_team(build: Builders) -> None:
    assert people_of_team(build.session, build.basics().team.id) == []


def test_unknown_team(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        people_of_team(build.session, 404)
