"""The server's cs360_fold folds exactly as the app does, and search finds alike on both."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cs360desk.domain.text_search import changed_characters, folded
from cs360desk.services.search import search_everything
from tests.backends import (  # noqa: F401
    HEAD_TEMPLATE,
    backend,
    workspace,
    workspace_location,
)
from tests.postgres_support import Cluster

if TYPE_CHECKING:
    from conftest import Builders

BATCH = 5000
# PostgreSQL text cannot hold U+0000; surrogates are not characters.
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))


@pytest.fixture(scope="module")
def server(postgres: Cluster) -> Iterator[psycopg.Connection[Any]]:  # noqa: F811
    """One connection to a workspace database, for the whole module."""
    name = postgres.new_database(template=HEAD_TEMPLATE)
    with psycopg.connect(postgres.url(name), autocommit=True) as connection:
        yield connection
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def server_folded(connection: psycopg.Connection[Any], texts: list[str]) -> list[str]:
    rows = connection.execute(
        "SELECT cs360_fold(t) FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
        (texts,),
    )
    return [str(row[0]) for row in rows]


@pytest.mark.postgresql
def test_every_character_folding_changes_folds_alike(server: psycopg.Connection[Any]) -> None:
    changed = iter(changed_characters())
    checked = 0
    while batch := [char for char, _ in islice(changed, BATCH)]:
        assert server_folded(server, batch) == [folded(char) for char in batch]
        # In a word too, between letters that fold and letters that do not.
        words = [f"Ab{char}Ñe" for char in batch]
        assert server_folded(server, words) == [folded(word) for word in words]
        checked += len(batch)
    assert checked > 1000


@pytest.mark.postgresql
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=20))
def test_generated_text_folds_alike(server: psycopg.Connection[Any], texts: list[str]) -> None:
    assert server_folded(server, texts) == [folded(text) for text in texts]


@pytest.mark.postgresql
def test_long_text_folds_alike(server: psycopg.Connection[Any]) -> None:
    long = ("Núñez STRASSE Straße Đức ΟΔΌΣ e\u0301 " * 3000)[:100_000]
    plain = "A" * 100_000
    assert server_folded(server, [long, plain]) == [folded(long), folded(plain)]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("nunez", ["María Núñez"]),
        ("NÚÑEZ", ["María Núñez"]),
        ("STRASSE", ["Anna Straße"]),
        ("strasse", ["Anna Straße"]),
        ("đức", ["Trần Đức Minh"]),
        ("ĐỨC", ["Trần Đức Minh"]),
        ("duc", []),  # Đ is a letter of its own, not a D with an accent
        ("ΟΔΟΣ", ["Νίκος Οδός"]),
        ("οδοσ", ["Νίκος Οδός"]),  # the final sigma folds as the other
        ("100%", ["Reach 100% of captains"]),
        ("%", ["Reach 100% of captains"]),
        ("_", ["Ana_Gomez"]),
        ("a_g", ["Ana_Gomez"]),
        ("a%g", []),
    ],
)
def test_search_finds_the_same_on_both_backends(
    session: Any, build: Builders, typed: str, found: list[str]
) -> None:
    basics = build.basics()
    for name in ("María Núñez", "Anna Straße", "Trần Đức Minh", "Νίκος Οδός", "Ana_Gomez"):
        build.person(name)
    build.person("Anna Gómez")
    build.action_item(basics.initiative.id, title="Reach 100% of captains")
    build.action_item(basics.initiative.id, title="Reach 1000 flyers")
    hits = search_everything(session, typed)
    assert sorted(hit.title for hit in hits) == found
