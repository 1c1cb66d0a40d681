"""Records built in memory for the GUI model tests, which need no database."""

from __future__ import annotations

from datetime import date, datetime

from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.records import ActionItemRecord


def open_action_item(
    item_id: int,
    *,
    title: str,
    due_on: date | None,
    updated_at: datetime,
    details: str = "",
    owner_id: int | None = None,
) -> ActionItemRecord:
    """An open, medium-priority item of initiative 1, linked to no team, meeting or problem."""
    return ActionItemRecord(
        id=item_id,
        initiative_id=1,
        title=title,
        details=details,
        owner_id=owner_id,
        due_on=due_on,
        status=ActionStatus.OPEN,
        priority=Priority.MEDIUM,
        team_id=None,
        source_meeting_id=None,
        problem_id=None,
        response_id=None,
        completed_on=None,
        updated_at=updated_at,
        version=1,
    )
