"""Text search in SQL: "contains what the user typed", both sides folded alike.

The only home of the SQL these searches need: the fold function every workspace connection
registers (db/engine.py) and the substring test. Services build their searches from these two
names and stay free of any one database's dialect.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_

from cs360desk.db.engine import FOLD_FUNCTION
from cs360desk.domain.text_search import folded


def text_matches(text: str, *columns: Any) -> ColumnElement[bool]:
    """Any of the columns contains `text`, both sides folded (domain.text_search), so every
    search in the app matches alike ("STRASSE" finds "Straße", "ĐỨC" finds "Đức").

    The database folds each row as it reads it; for columns it keeps folded already, use
    `folded_text_matches`, which is quicker on large tables."""
    return folded_text_matches(text, *(_fold(column) for column in columns))


def folded_text_matches(text: str, *folded_columns: Any) -> ColumnElement[bool]:
    """Like `text_matches`, for columns that hold text folded already (action_item_search)."""
    if not folded_columns:
        raise TypeError("a text search needs at least one column to look in")
    needle = folded(text)
    return or_(*(_contains(column, needle) for column in folded_columns))


def _fold(column: Any) -> ColumnElement[str]:
    fold: ColumnElement[str] = getattr(func, FOLD_FUNCTION)(column)
    return fold


def _contains(haystack: Any, needle: str) -> ColumnElement[bool]:
    # instr, not LIKE: the needle is typed by users, and "%" or "_" in it must mean itself.
    return func.instr(haystack, needle) > 0
