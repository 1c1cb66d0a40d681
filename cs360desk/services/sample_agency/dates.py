"""Calendar arithmetic for the sample data: months, weekdays and the town's local time."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta, timezone

MONTH_NAMES = tuple(calendar.month_name[1:])


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based) given weekday (Monday = 0) of a month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _central_offset_hours(day: date) -> int:
    # US daylight time: second Sunday of March to first Sunday of November. Applied by hand
    # because Windows Pythons often lack the tz database that zoneinfo needs.
    starts = nth_weekday(day.year, 3, calendar.SUNDAY, 2)
    ends = nth_weekday(day.year, 11, calendar.SUNDAY, 1)
    return -5 if starts <= day < ends else -6


def central_time(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware UTC datetime for a wall-clock time in the town (US Central time)."""
    zone = timezone(timedelta(hours=_central_offset_hours(day)))
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def months_between(start: date, end: date) -> int:
    """Whole calendar months from start's month to end's month."""
    return (end.year - start.year) * 12 + end.month - start.month
