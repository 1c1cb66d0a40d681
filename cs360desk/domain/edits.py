"""An edit as plain data: the rows it touched before and after, so it can be undone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RowChange:
    """One row of one table; `None` on a side means the row did not exist there.

    A link row (recommendation ↔ action item) has no id of its own: its `record_id` is None
    and its sides hold the whole row, key columns included."""

    table: str
    record_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class Edit:
    """What one user action changed, in the order it changed it."""

    label: str
    changes: tuple[RowChange, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)


def kind_label(table: str) -> str:
    """How users call the rows of a table: "action_item" rows are "action item"s.

    English, the key of the kind's name in each language (`errors.kind_name`)."""
    return table.replace("_", " ")


def combine(label: str, *edits: Edit) -> Edit:
    """Several edits undone and redone as one (a bulk change, a delete with hand-over)."""
    return Edit(label, tuple(change for edit in edits for change in edit.changes))
