"""Text search in SQL: both sides folded alike, the typed text taken literally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, Text, insert, select
from sqlalchemy.orm import Session

from cs360desk.db.text_match import folded_text_matches, text_matches
from cs360desk.db.workspace import Workspace
from cs360desk.domain.text_search import folded

# A scratch table, so the tests own every row they search and touch no workspace table.
_METADATA = MetaData()
NOTES = Table(
    "scratch_note",
    _METADATA,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text),
)
ROWS = (
    (1, "Straße lights survey", ""),
    (2, "Gặp ông Nguyễn Đức ở chợ", "bring the map"),
    (3, "E\u0301lections: call the clerk", None),  # "É" typed as "E" plus a combining accent
    (4, "100% of blocks", "walk_route"),
    (5, None, "Καθαρισμός της ΟΔΟΥ"),
    (6, "Jose's list", "José"),
)


@pytest.fixture
def notes(workspace: Workspace) -> Iterator[Session]:
    """A session over the scratch rows; all of it is rolled back afterwards."""
    with workspace.session_factory() as session:
        _METADATA.create_all(session.connection())
        rows = [{"id": row_id, "title": title, "body": body} for row_id, title, body in ROWS]
        session.execute(insert(NOTES), rows)
        yield session
        session.rollback()


def ids(session: Session, condition: object) -> list[int]:
    return list(session.scalars(select(NOTES.c.id).where(condition).order_by(NOTES.c.id)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STRASSE", [1]),
        ("đức", [2]),
        ("ĐỨC", [2]),
        ("élections", [3]),  # composed, finds the decomposed one
        ("οδου", [5]),  # found in the second column
        ("jose", [6]),  # accents count: "jose" is in "Jose's", not in "José"
        ("josé", [6]),
        ("MAP", [2]),
        ("%", [4]),  # a LIKE wildcard means itself
        ("_", [4]),
        ("Straße lights survey", [1]),
        ("nowhere", []),
    ],
)
def test_any_column_contains_the_text_both_sides_folded(
    notes: Session, text: str, expected: list[int]
) -> None:
    assert ids(notes, text_matches(text, NOTES.c.title, NOTES.c.body)) == expected


def test_an_empty_column_matches_nothing_and_breaks_nothing(notes: Session) -> None:
    assert ids(notes, text_matches("lections", NOTES.c.body)) == []
    assert ids(notes, text_matches("Καθαρισμός", NOTES.c.title)) == []


def test_empty_text_is_in_every_filled_column(notes: Session) -> None:
    # Callers skip an empty search box; this is what the SQL itself does.
    assert ids(notes, text_matches("", NOTES.c.title)) == [1, 2, 3, 4, 6]


def test_prefolded_columns_are_compared_as_stored(notes: Session) -> None:
    assert ids(notes, folded_text_matches("STRASSE", NOTES.c.title)) == []  # not folded
    survey = folded("Straße lights survey")
    notes.execute(NOTES.update().values(title=survey).where(NOTES.c.id == 1))
    assert ids(notes, folded_text_matches("STRASSE", NOTES.c.title)) == [1]


@pytest.mark.parametrize("search", [text_matches, folded_text_matches])
def test_a_search_needs_a_column(search: object) -> None:
    with pytest.raises(TypeError, match="at least one column"):
        search("x")  # type: ignore[operator]
