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
from cs360desk.services.workspace_info import broken_references

__all__ = ["add_person", "broken_references", "transaction_in"]


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
