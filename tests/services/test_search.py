"""Global search over people, organizations, meetings, action items and problems."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cs360desk.db.workspace import open_workspace
from cs360desk.services.catalog import PERSON
from cs360desk.services.people import find_people
from cs360desk.services.search import KINDS, search_everything


def test_finds_each_kind_and_groups_them_in_order(session, build) -> None:
    basics = build.basics()
    build.person("Lighthouse Rivera")
    build.organization("Lighthouse Youth Center")
    when = datetime(2026, 4, 2, 0, 0, tzinfo=UTC)
    build.meeting(basics.team.id, when, title="Lighthouse walk debrief")
    build.action_item(basics.initiative.id, title="Order lighthouse banners")
    build.problem(basics.initiative.id, title="Shots fired near the lighthouse")
    hits = search_everything(session, "lighthouse", initiative_id=basics.initiative.id)
    assert [hit.kind for hit in hits] == list(KINDS)
    assert hits[3].title == "Order lighthouse banners"


def test_wildcards_are_literal_and_unicode_is_matched(session, build) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, title="Reach 100% of block captains")
    build.action_item(basics.initiative.id, title="Reach 1000 flyers")
    build.person("Nguyễn Thị Hoa")
    percent = search_everything(session, "100%")
    assert [hit.title for hit in percent] == ["Reach 100% of block captains"]
    assert [hit.title for hit in search_everything(session, "Nguyễn")] == ["Nguyễn Thị Hoa"]
    assert search_everything(session, "_") == []


def test_every_kind_matches_as_the_action_item_list_does(session, build) -> None:
    """One folding for all: case in any script, composed or not, ß as ss."""
    basics = build.basics()
    build.person("José Đức Straße")
    build.organization("ΟΔΌΣ Neighbors")
    build.action_item(basics.initiative.id, title="Call JOSE\u0301 about the Straße lights")
    for typed in ("josé", "STRASSE", "đỨc"):
        kinds = [hit.kind for hit in search_everything(session, typed)]
        assert "person" in kinds, typed
    assert [hit.kind for hit in search_everything(session, "οδός")] == ["organization"]
    assert {hit.kind for hit in search_everything(session, "strasse")} == {"person", "action_item"}
    assert [hit.kind for hit in search_everything(session, "jose duc")] == []  # Đ is not D
    build.person("María Núñez")
    assert [hit.title for hit in search_everything(session, "nunez")] == ["María Núñez"]


def test_empty_query_finds_nothing_and_other_initiatives_are_left_out(session, build) -> None:
    basics = build.basics()
    other = build.initiative("Traffic safety near schools")
    build.action_item(other.id, title="Crosswalk paint near Lincoln Elementary")
    assert search_everything(session, "   ") == []
    assert search_everything(session, "Crosswalk", initiative_id=basics.initiative.id) == []
    assert len(search_everything(session, "Crosswalk")) == 1


def test_hits_per_kind_are_capped(session, build) -> None:
    basics = build.basics()
    for number in range(12):
        build.action_item(basics.initiative.id, title=f"Call block captain {number}")
    hits = search_everything(session, "block captain", per_kind=5)
    assert len(hits) == 5


def test_a_read_only_workspace_searches_alike(tmp_path: Path) -> None:
    """The read-only engine registers the same fold function as the writable one."""
    path = tmp_path / "w.cs360"
    writable = open_workspace(path)
    with writable.session_factory.begin() as session:
        PERSON.create(session, full_name="Trần Đức Minh")
    writable.close()
    reading = open_workspace(path, read_only=True)
    try:
        with reading.session_factory.begin() as session:
            hits = search_everything(session, "ĐỨC")
            people = find_people(session, text="đức")
        assert [hit.title for hit in hits] == ["Trần Đức Minh"]
        assert [row.person.full_name for row in people] == ["Trần Đức Minh"]
    finally:
        reading.close()
