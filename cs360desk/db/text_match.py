"""Text search in SQL: "contains what the user typed", both sides folded alike.

The only home of the SQL these searches need: the fold function every workspace has (SQLite's
connections register it, db/engine.py; a server has it as SQL, db/server_fold.py) and the
substring test, `instr` on SQLite and `strpos` on PostgreSQL. Services build their searches from
these two names and stay free of any one database's dialect.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, Text, func, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction

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
    # Not LIKE: the needle is typed by users, and "%" or "_" in it must mean itself.
    return position_in(haystack, needle) > 0


class position_in(GenericFunction[int]):  # noqa: N801 (SQL functions are lower case)
    """Where the second text first occurs in the first, counted from 1; 0 when it does not."""

    type = Integer()
    inherit_cache = True


@compiles(position_in)
def _instr(element: position_in, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position_in, "postgresql")
def _strpos(element: position_in, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def code_point_order(column: Any) -> ColumnElement[str]:
    """`column` to sort and compare by, in the order of its characters' code points.

    That is SQLite's own order for text; a PostgreSQL database sorts by the collation it was
    created with (in "en_US", "apple" comes before "Banana"), so there the column is given the
    "C" collation, and a list comes out in the same order from either kind of workspace."""
    ordered: ColumnElement[str] = in_code_point_order(column)
    return ordered


class in_code_point_order(GenericFunction[str]):  # noqa: N801 (SQL functions are lower case)
    type = Text()
    inherit_cache = True


@compiles(in_code_point_order)
def _as_it_is(element: in_code_point_order, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(in_code_point_order, "postgresql")
def _in_c_collation(element: in_code_point_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)} COLLATE "C")'
