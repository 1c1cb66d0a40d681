"""The error of a server connection that dropped while a window was working, for the faces,
which never import db/ themselves."""

from __future__ import annotations

from cs360desk.db.server import ConnectionLostError

__all__ = ["ConnectionLostError"]
