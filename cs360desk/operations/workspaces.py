"""A workspace as a whole: open one that exists, check it, count what it holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cs360desk.db.workspace import (
    Workspace,
    WorkspaceSession,
    inspect_workspace,
    is_current,
    open_workspace,
)
from cs360desk.domain.errors import WorkspaceError
from cs360desk.services.workspace_info import entity_counts

__all__ = [
    "NoWorkspaceError",
    "Workspace",
    "WorkspaceCheck",
    "WorkspaceSession",
    "check_workspace",
    "existing_workspace",
    "open_workspace",
    "record_counts",
    "require_workspace",
]


class NoWorkspaceError(WorkspaceError):
    """Nothing at the path: commands never create a workspace by accident."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no workspace at {path}")
        self.path = path


@dataclass(frozen=True)
class WorkspaceCheck:
    """What a full, read-only integrity check found."""

    path: Path
    revision: str
    current: bool  # False: an older schema, upgraded when the workspace is next opened
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def require_workspace(path: Path) -> None:
    if not path.exists():
        raise NoWorkspaceError(path)


@contextmanager
def existing_workspace(path: Path) -> Iterator[Workspace]:
    """An open workspace that must already exist, closed again when the block ends."""
    require_workspace(path)
    workspace = open_workspace(path)
    try:
        yield workspace
    finally:
        workspace.close()


def check_workspace(path: Path) -> WorkspaceCheck:
    """The full integrity check and the schema version; the file is only read."""
    require_workspace(path)
    status = inspect_workspace(path, full_check=True)
    return WorkspaceCheck(path, status.revision, is_current(status), status.problems)


def record_counts(*, workspace: Workspace) -> dict[str, int]:
    """How many records of every kind the workspace holds, by kind."""
    with workspace.session_factory.begin() as session:
        return entity_counts(session)
