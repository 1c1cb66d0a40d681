"""Errors the user can act on, split from bugs (which are plain exceptions)."""

from __future__ import annotations


def field_label(field: str) -> str:
    """How a field is named to users: ``owner_id`` is "owner", ``due_on`` is "due on"."""
    return field.removesuffix("_id").replace("_", " ")


class UserFacingError(Exception):
    """Something the user (not the programmer) can fix; its message is shown as is."""


class ValidationError(UserFacingError):
    """Input that cannot be saved; names the field and the problem."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field_label(field)}: {problem}")
        self.field = field
        self.problem = problem


class NotFoundError(UserFacingError):
    """A record asked for by id does not exist (any more)."""

    def __init__(self, entity: str, record_id: object) -> None:
        super().__init__(f"no {entity.replace('_', ' ')} with id {record_id}")
        self.entity = entity
        self.record_id = record_id


class ConflictError(UserFacingError):
    """The record was changed by someone else since it was read."""


class WorkspaceError(UserFacingError):
    """The workspace file cannot be used: not a workspace, too new, unreadable."""
