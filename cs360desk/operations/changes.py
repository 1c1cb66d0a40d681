"""What others changed in the workspace: the newest change, for a window to notice it, and
the error of a server connection that dropped meanwhile."""

from __future__ import annotations

from cs360desk.db.server import ConnectionLostError
from cs360desk.db.workspace import Workspace
from cs360desk.services import history
from cs360desk.services.history import ChangeEntry


def latest_change_id(workspace: Workspace) -> int:
    """The id of the newest change record (0 for none); growing means someone saved."""
    with workspace.session_factory.begin() as session:
        return history.latest_change_id(session)


def last_change(workspace: Workspace, entity: str, record_id: int) -> ChangeEntry | None:
    """Who last changed one record, when and which fields; None if it has no history."""
    with workspace.session_factory.begin() as session:
        return history.last_change(session, entity, record_id)


__all__ = ["ConnectionLostError", "last_change", "latest_change_id"]
