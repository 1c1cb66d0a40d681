"""A workspace file changed or read as another run of the app would: opened, one
transaction, closed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from cs360desk.db.workspace import open_workspace
from cs360desk.services.catalog import PERSON


@contextmanager
def transaction_in(path: Path, **options: Any) -> Iterator[Session]:
    """One transaction in the workspace at `path` (opened with `options`, as open_workspace
    takes them), committed unless the block raises; the workspace is closed after."""
    workspace = open_workspace(path, **options)
    try:
        with workspace.session_factory.begin() as session:
            yield session
    finally:
        workspace.close()


def add_person(path: Path, name: str) -> Path:
    """Someone added to the workspace at `path` (made if need be), in a transaction of its
    own; the path again, for a fixture to return."""
    with transaction_in(path) as session:
        PERSON.create(session, full_name=name)
    return path


def broken_references(session: Session) -> list[str]:
    """Every reference to a row that is not there, on either kind of workspace (SQLite's
    `PRAGMA foreign_key_check` asked in SQL any database understands)."""
    from sqlalchemy import and_, func, select

    from cs360desk.db.base import Base

    broken: list[str] = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_key_constraints:
            parent = key.referred_table
            pairs = [(element.parent, element.column) for element in key.elements]
            joined = table.outerjoin(parent, and_(*(child == ref for child, ref in pairs)))
            missing = (
                select(func.count())
                .select_from(joined)
                .where(and_(*(child.is_not(None) for child, _ in pairs)))
                .where(pairs[0][1].is_(None))
            )
            if count := session.scalar(missing):
                broken.append(f"{count} row(s) of {table.name} name a missing {parent.name}")
    return broken
