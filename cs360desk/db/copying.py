"""Every row of one workspace into another, whatever each is kept in (file or server).

The rows go across table by table in the order their references need (agencies before the
initiatives that name them...), with their ids, so every reference, the History and the stage
dates survive. The destination is written in one transaction: a copy that fails, or whose
counts come out different from the source's, leaves it exactly as it was.

The action item search table is not copied: the destination folds the action items itself,
the way it folds (its triggers as they arrive; a server whose table this role owns, in one
statement at the end).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from cs360desk.db import models  # noqa: F401  (registers every table)
from cs360desk.db.base import Base
from cs360desk.db.models.search import action_item_search
from cs360desk.db.server import reset_sequences
from cs360desk.db.server_fold import pause_search_trigger, refill_search_and_resume

CHUNK_ROWS = 2000
# Called with (rows copied so far, rows in all) as the copy goes.
CopyProgress = Callable[[int, int], None]


def copied_tables() -> list[Table]:
    """Every table a copy carries, parents first."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if table is not action_item_search and table.name != "alembic_version"
    ]


def table_counts(connection: Connection) -> dict[str, int]:
    """Rows per table, for every table a copy carries."""
    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in copied_tables()
    }


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction that sees the workspace as it was when it began, even while
    others write: REPEATABLE READ on a server; on SQLite every read transaction is one."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            connection.execute(select(1))  # the snapshot is taken at the first statement
            yield connection


def clear_rows(connection: Connection) -> None:
    """Every record gone, children first, inside the caller's transaction."""
    for table in reversed(copied_tables()):
        connection.execute(delete(table))
    connection.execute(delete(action_item_search))


def copy_rows(
    source: Connection,
    destination: Connection,
    *,
    replace: bool = False,
    progress: CopyProgress | None = None,
) -> dict[str, int]:
    """Copy every row of `source` into `destination`, inside the caller's transactions.

    With `replace`, what `destination` held goes first. Returns the rows copied per table;
    a CopyMismatchError when the destination's counts then differ from the source's."""
    tables = copied_tables()
    expected = table_counts(source)
    if replace:
        clear_rows(destination)
    total = sum(expected.values())
    done = 0
    bulk_search = destination.dialect.name == "postgresql" and pause_search_trigger(destination)
    for table in tables:
        order = list(table.primary_key.columns) or list(table.columns)
        result = source.execution_options(stream_results=True).execute(
            select(table).order_by(*order)
        )
        for chunk in result.mappings().partitions(CHUNK_ROWS):
            destination.execute(insert(table), [dict(row) for row in chunk])
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    if bulk_search:
        refill_search_and_resume(destination)
    if destination.dialect.name == "postgresql":
        reset_sequences(destination, tables)
    found = table_counts(destination)
    if found != expected:
        raise CopyMismatchError(expected, found)
    return expected


class CopyMismatchError(Exception):
    """The destination does not hold what the source does; its transaction is rolled back."""

    def __init__(self, expected: dict[str, int], found: dict[str, int]) -> None:
        differing = [name for name in expected if expected[name] != found.get(name)]
        super().__init__(
            "the copy does not match its source in "
            + ", ".join(f"{name} ({expected[name]} → {found.get(name)})" for name in differing)
        )
        self.expected = expected
        self.found = found
