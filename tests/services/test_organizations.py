"""The community map: organizations with their people counts, and the engagement summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import Engagement
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.people_views import engagement_summary
from cs360desk.services.organizations import (
    find_organizations,
    organization_detail,
    organization_row,
    organizations_by_engagement,
)

if TYPE_CHECKING:
    from conftest import Builders


def test_organizations_by_name_with_people_counts(build: Builders) -> None:
    church = build.organization("Our Lady of La Vang", engagement=Engagement.CHAMPION)
    build.organization("Ayuntamiento Nueva Esperanza")
    build.person("Nguyễn Thị Hoa", organization_id=church.id)
    build.person("Trần Văn Minh", organization_id=church.id)
    build.person("No organization")
    rows = find_organizations(build.session)
    assert [(row.organization.name, row.people_count) for row in rows] == [
        ("Ayuntamiento Nueva Esperanza", 0),
        ("Our Lady of La Vang", 2),
    ]
    assert rows[1].organization.engagement is Engagement.CHAMPION
    assert organization_row(build.session, church.id) == rows[1]


def test_detail_lists_the_people_of_the_organization(build: Builders) -> None:
    church = build.organization("Our Lady of La Vang")
    build.person("Trần Văn Minh", organization_id=church.id, active=False)
    build.person("Nguyễn Thị Hoa", organization_id=church.id)
    build.person("Someone else")
    detail = organization_detail(build.session, church.id)
    assert detail.organization.name == "Our Lady of La Vang"
    assert [(p.full_name, p.active) for p in detail.people] == [
        ("Nguyễn Thị Hoa", True),
        ("Trần Văn Minh", False),
    ]
    assert organization_detail(build.session, build.organization("Empty").id).people == ()
    with pytest.raises(NotFoundError):
        organization_detail(build.session, 404)


def test_no_organizations(build: Builders) -> None:
    assert find_organizations(build.session) == []


def test_unknown_organization(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        organization_row(build.session, 404)


def test_every_engagement_level_is_counted_zero_included(build: Builders) -> None:
    for level in ("champion", "champion", "supporter", "unknown"):
        build.organization(engagement=level)
    counts = organizations_by_engagement(build.session)
    assert counts == [
        (Engagement.CHAMPION, 2),
        (Engagement.SUPPORTER, 1),
        (Engagement.NEUTRAL, 0),
        (Engagement.SKEPTIC, 0),
        (Engagement.UNKNOWN, 1),
    ]
    assert engagement_summary(counts) == (
        "Champion 2 · Supporter 1 · Neutral 0 · Skeptic 0 · Unknown 1"
    )


def test_empty_map_still_lists_every_level(build: Builders) -> None:
    counts = organizations_by_engagement(build.session)
    assert [level for level, _ in counts] == list(Engagement)
    assert all(count == 0 for _, count in counts)
