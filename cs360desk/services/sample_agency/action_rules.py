"""How generated action items age: status, completion day and priority from their dates."""

from __future__ import annotations

import random
from datetime import date, timedelta

from cs360desk.domain.enums import ActionStatus, Priority

# Weights per age band (done, cancelled, open, in progress, blocked): old items are mostly
# closed, but some stall, and those are the overdue ones the dashboard flags.
_STATUSES = (
    ActionStatus.DONE,
    ActionStatus.CANCELLED,
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.BLOCKED,
)
# Agencies close or cancel what is half a year stale; a rare one lingers.
_ANCIENT = (90, 9, 1, 0, 0)
_LONG_PAST = (84, 7, 4, 3, 2)
_RECENT_PAST = (52, 5, 17, 18, 8)
_FUTURE = (14, 2, 44, 32, 8)
_PRIORITIES = (Priority.HIGH, Priority.MEDIUM, Priority.LOW)
_PRIORITY_WEIGHTS = (25, 55, 20)
DUE_AFTER_DAYS = (7, 10, 14, 14, 21, 21, 28, 30, 30, 35, 45, 60)


def pick_status(rng: random.Random, due: date, today: date) -> ActionStatus:
    if due < today - timedelta(days=180):
        weights = _ANCIENT
    elif due < today - timedelta(days=60):
        weights = _LONG_PAST
    elif due < today:
        weights = _RECENT_PAST
    else:
        weights = _FUTURE
    return rng.choices(_STATUSES, weights)[0]


def pick_priority(rng: random.Random) -> Priority:
    return rng.choices(_PRIORITIES, _PRIORITY_WEIGHTS)[0]


def completion_day(rng: random.Random, created: date, due: date, today: date) -> date:
    """Most items finish by their due date, some a little late; never after today."""
    latest = min(today, due + timedelta(days=rng.choice((0, 0, 0, 3, 8, 15))))
    span = max((latest - created).days, 1)
    day = created + timedelta(days=rng.randint(1, span))
    return min(day, today)
