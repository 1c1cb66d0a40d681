"""An edit as plain data: the rows it touched before and after, so it can be undone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RowChange:
    """One row of one table; `None` on a side means the row did not exist there."""

    table: str
    record_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class Edit:
    """What one user action changed, in the order it changed it."""

    label: str
    changes: tuple[RowChange, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)


def combine(label: str, *edits: Edit) -> Edit:
    """Several edits undone and redone as one (a bulk change, a delete with hand-over)."""
    return Edit(label, tuple(change for edit in edits for change in edit.changes))
