"""What a workspace holds: counts per entity, the agency, the initiatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cs360desk.services import catalog
from cs360desk.services.workspace_info import entity_counts, initiatives, is_empty, the_agency

if TYPE_CHECKING:
    from conftest import Builders


def test_empty_workspace(build: Builders) -> None:
    counts = entity_counts(build.session)
    assert set(counts) == {service.label for service in catalog.ALL}
    assert set(counts.values()) == {0}
    assert is_empty(build.session)
    assert the_agency(build.session) is None
    assert initiatives(build.session) == []


def test_workspace_with_two_initiatives(build: Builders) -> None:
    first = build.basics()
    second = build.basics("Traffic safety")
    counts = entity_counts(build.session)
    assert counts["agency"] == 1
    assert counts["person"] == 4
    assert counts["initiative"] == 2
    assert counts["team"] == 2
    assert counts["action item"] == 0
    assert not is_empty(build.session)
    assert the_agency(build.session) == first.agency
    assert initiatives(build.session) == [first.initiative, second.initiative]
