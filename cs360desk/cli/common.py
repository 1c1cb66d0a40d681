"""What every command module shares: the handler signature and opening a workspace."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TextIO

from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations import workspaces
from cs360desk.operations.workspaces import Workspace

APP_NAME = "CS360 Desk"
DB_ENV = "CS360DESK_DB"
# A command gets the parsed arguments and stdout; it returns the exit code.
Handler = Callable[[argparse.Namespace, TextIO], int]
# argparse's type for `add_subparsers()` results is private; modules receive it as this.
Subcommands = Any


def existing_workspace(path: Path) -> AbstractContextManager[Workspace]:
    """The workspace, open for a `with` block; commands never create one by accident."""
    if not path.exists():
        raise WorkspaceError(
            f"no workspace at {path} (run `cs360desk demo` to create one with the sample agency)"
        )
    return workspaces.existing_workspace(path)
