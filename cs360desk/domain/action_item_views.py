"""Read models of the action items section: pages, choices, one item with its progress log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from cs360desk.domain.views import ActionItemRow


@dataclass(frozen=True)
class ActionItemUpdateRecord:
    """One dated entry of an action item's progress log."""

    id: int
    action_item_id: int
    noted_on: date
    text: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class Choice:
    """Something a user picks from a list: its id and the name they read."""

    id: int
    name: str


@dataclass(frozen=True)
class ActionItemChoices:
    """What an action item of one initiative can point at."""

    people: tuple[Choice, ...]
    teams: tuple[Choice, ...]
    problems: tuple[Choice, ...]


@dataclass(frozen=True)
class ActionItemPage:
    """Rows ``offset`` to ``offset + len(rows)`` of a filtered, sorted list of ``total``."""

    total: int
    offset: int
    rows: tuple[ActionItemRow, ...]


@dataclass(frozen=True)
class ActionItemDetail:
    """One item as its editor shows it: the row, where it came from, its notes newest first."""

    row: ActionItemRow
    initiative_name: str
    meeting_starts_at: datetime | None
    notes: tuple[ActionItemUpdateRecord, ...]


@dataclass(frozen=True)
class ActionItemLocation:
    """Where an item sits in a list; ``position`` is None when the filters hide it."""

    detail: ActionItemDetail
    position: int | None
