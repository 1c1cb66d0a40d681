"""Services speak portable SQLAlchemy only: what is SQLite's own stays behind db/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cs360desk.services

SERVICES = Path(cs360desk.services.__file__).parent
# Each names something only SQLite has (or only this app's SQLite connections have).
SQLITE_ONLY = {
    "the sqlite3 driver or SQLite by name": re.compile(r"sqlite", re.IGNORECASE),
    "instr(), SQLite's substring search": re.compile(r"\binstr\b"),
    "a PRAGMA": re.compile(r"\bPRAGMA\b"),
    "raw driver SQL": re.compile(r"exec_driver_sql"),
    "the fold function SQLite connections register": re.compile(r"cs360_fold|FOLD_FUNCTION"),
    "SQLite's rowid": re.compile(r"\browid\b", re.IGNORECASE),
    "a dialect's own constructs": re.compile(r"sqlalchemy\.dialects"),
    "hand-written SQL text": re.compile(r"\bsa\.text\(|\bsqlalchemy\.text\b|import[^\n]*\btext\b"),
}


def sqlite_speech(source: str) -> list[str]:
    """What in `source` is SQLite's own, one entry per kind found."""
    return [what for what, pattern in SQLITE_ONLY.items() if pattern.search(source)]


def test_no_service_module_speaks_sqlite() -> None:
    modules = sorted(SERVICES.rglob("*.py"))
    assert len(modules) > 40, "the scan must see the whole services package"
    found = {
        str(path.relative_to(SERVICES)): speech
        for path in modules
        if (speech := sqlite_speech(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "move these into cs360desk/db/ (see db/text_match.py)"


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("import sqlite3", "the sqlite3 driver or SQLite by name"),
        ("# max() comes back as text from SQLite", "the sqlite3 driver or SQLite by name"),
        ("found = func.instr(column, needle) > 0", "instr(), SQLite's substring search"),
        ('session.execute(text("PRAGMA foreign_keys"))', "a PRAGMA"),
        ('connection.exec_driver_sql("VACUUM")', "raw driver SQL"),
        ("getattr(func, FOLD_FUNCTION)(column)", "the fold function SQLite connections register"),
        ("select(literal_column('rowid'))", "SQLite's rowid"),
        ("from sqlalchemy.dialects.sqlite import insert", "a dialect's own constructs"),
        ("from sqlalchemy import select, text", "hand-written SQL text"),
        ('sa.text("SELECT 1")', "hand-written SQL text"),
    ],
)
def test_the_scan_catches_sqlite_speech(line: str, what: str) -> None:
    assert what in sqlite_speech(line)


@pytest.mark.parametrize(
    "line",
    [
        "return people.text(row.title)",
        "fit_cell_text(obj.details)",
        "select(func.count(), func.max(table.c.id))",
        "from cs360desk.db.text_match import text_matches",
        "value = 10  # pragma: no cover",
        "instructions = 'instrument'",
    ],
)
def test_portable_code_passes_the_scan(line: str) -> None:
    assert sqlite_speech(line) == []
