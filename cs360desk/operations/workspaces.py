"""A workspace as a whole: open one that exists, check it, count what it holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cs360desk.db.migration import head_revision
from cs360desk.db.server import ServerStatus, create_server_engine, inspect_server
from cs360desk.db.workspace import (
    Workspace,
    WorkspaceSession,
    inspect_workspace,
    is_current,
    open_workspace,
)
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.services.workspace_info import broken_references, entity_counts

__all__ = [
    "NoWorkspaceError",
    "Workspace",
    "WorkspaceCheck",
    "WorkspaceSession",
    "check_workspace",
    "create_workspace",
    "existing_workspace",
    "open_workspace",
    "record_counts",
    "require_workspace",
    "workspace_exists",
]


class NoWorkspaceError(WorkspaceError):
    """Nothing at the path (or an empty database): commands never create a workspace by
    accident."""

    def __init__(self, path: Path | WorkspaceLocation) -> None:
        super().__init__(f"no workspace at {path}")
        self.path = path


@dataclass(frozen=True)
class WorkspaceCheck:
    """What a full, read-only integrity check found."""

    path: Path | WorkspaceLocation
    revision: str
    current: bool  # False: an older schema, upgraded when the workspace is next opened
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def workspace_exists(location: WorkspaceLocation | Path) -> bool:
    """A file that is there, or a database that holds a workspace's schema."""
    location = WorkspaceLocation.parse(location)
    if location.is_file:
        return location.require_file().exists()
    return server_status(location).revision is not None


def server_status(location: WorkspaceLocation) -> ServerStatus:
    engine = create_server_engine(location)
    try:
        return inspect_server(engine, location)
    finally:
        engine.dispose()


def require_workspace(location: WorkspaceLocation | Path) -> None:
    if not workspace_exists(location):
        raise NoWorkspaceError(location)


@contextmanager
def existing_workspace(location: WorkspaceLocation | Path) -> Iterator[Workspace]:
    """An open workspace that must already exist, closed again when the block ends."""
    require_workspace(location)
    workspace = open_workspace(location)
    try:
        yield workspace
    finally:
        workspace.close()


def create_workspace(location: WorkspaceLocation | Path) -> tuple[Workspace, bool]:
    """The workspace at `location`, made (schema at head) when there was none; True when it
    was made now. A file or database that is not a workspace is refused untouched."""
    made = not workspace_exists(location)
    return open_workspace(location), made


def check_workspace(location: WorkspaceLocation | Path) -> WorkspaceCheck:
    """The full integrity check and the schema version; the workspace is only read.

    On a server the database checks its own pages; what is left to check is that every
    reference points at a record that is there."""
    location = WorkspaceLocation.parse(location)
    require_workspace(location)
    if location.is_file:
        path = location.require_file()
        status = inspect_workspace(path, full_check=True)
        return WorkspaceCheck(path, status.revision, is_current(status), status.problems)
    found = server_status(location)
    assert found.revision is not None
    workspace = open_workspace(location, read_only=True)
    try:
        with workspace.session_factory.begin() as session:
            problems = tuple(broken_references(session))
    finally:
        workspace.close()
    return WorkspaceCheck(location, found.revision, found.revision == head_revision(), problems)


def record_counts(*, workspace: Workspace) -> dict[str, int]:
    """How many records of every kind the workspace holds, by kind."""
    with workspace.session_factory.begin() as session:
        return entity_counts(session)
