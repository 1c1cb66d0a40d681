"""What every command module shares: the handler signature and opening a workspace."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeVar

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError

APP_NAME = "CS360 Desk"
DB_ENV = "CS360DESK_DB"
# A command gets the parsed arguments and stdout; it returns the exit code.
Handler = Callable[[argparse.Namespace, TextIO], int]
# argparse's type for `add_subparsers()` results is private; modules receive it as this.
Subcommands = Any
# The command line leaves SQLAlchemy to db/ and services/: a session is only passed through.
WorkSession = Any
T = TypeVar("T")


def existing_workspace(path: Path) -> Workspace:
    """Open a workspace that must already exist: commands never create one by accident."""
    if not path.exists():
        raise WorkspaceError(
            f"no workspace at {path} (run `cs360desk demo` to create one with the sample agency)"
        )
    return open_workspace(path)


def in_workspace(path: Path, work: Callable[[WorkSession], T]) -> T:
    """Run `work` in one transaction of an existing workspace, then close it."""
    workspace = existing_workspace(path)
    try:
        with workspace.session_factory.begin() as session:
            return work(session)
    finally:
        workspace.close()
