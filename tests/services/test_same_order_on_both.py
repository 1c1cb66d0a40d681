"""Lists come out in the same order from a workspace file and from a server whose database
sorts by a language's rules (ICU "en-US": there "apple" comes before "Banana")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services import catalog
from cs360desk.services.action_items import find_action_items
from cs360desk.services.search import search_everything
from tests.conftest import Builders
from tests.postgres_support import Cluster

NAMES = ["Banana Ortiz", "apple Núñez", "Zoë Park", "zebra Lee", "Éclair Ruiz", "Ángel Díaz"]


@pytest.fixture
def english_sorting_server(postgres: Cluster) -> Iterator[Workspace]:
    name = f"icu{postgres.new_database()}"
    postgres.admin(
        f"CREATE DATABASE {name} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8' "
        "TEMPLATE template0"
    )
    opened = open_workspace(postgres.url(name))
    yield opened
    opened.close()
    postgres.admin(f"DROP DATABASE {name} WITH (FORCE)")


def _orders(workspace: Workspace) -> dict[str, list[str]]:
    with workspace.session_factory.begin() as session:
        build = Builders(session)
        basics = build.basics()
        for name in NAMES:
            build.person(name)
            build.action_item(basics.initiative.id, title=name)
    with workspace.session_factory.begin() as session:
        items = find_action_items(
            session,
            ActionItemFilter(initiative_id=basics.initiative.id),
            today=date(2026, 12, 8),
            sort="title",
        )
        return {
            "people": [person.full_name for person in catalog.PERSON.list(session)],
            "action items": [row.item.title for row in items],
            "search": [hit.title for hit in search_everything(session, "a")],
        }


def test_a_list_sorts_alike_on_a_file_and_on_a_server_with_language_rules(
    english_sorting_server: Workspace, tmp_path: Path
) -> None:
    on_file = open_workspace(tmp_path / "w.cs360")
    try:
        expected = _orders(on_file)
    finally:
        on_file.close()
    assert expected["action items"][:2] == ["Banana Ortiz", "Zoë Park"]  # code point order
    assert _orders(english_sorting_server) == expected
