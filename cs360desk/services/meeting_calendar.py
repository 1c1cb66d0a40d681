"""When a team's next meeting falls and what it is called, from its cadence and history."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache

from babel.dates import get_month_names

from cs360desk.domain.enums import Cadence
from cs360desk.i18n import LANGUAGES, cldr_locale, formats

# " — December 2026", " — diciembre de 2026": a month name in any language, then the year.
_DATED_TITLE = re.compile(
    r"^(?P<stem>.*\S)\s+[—–-]\s+(?P<month>[^\W\d_]+)\s+(?:de\s+)?\d{4}$", re.IGNORECASE
)
_MONTHS_APART = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3}
DEFAULT_HOUR = 18
FIRST_MEETING_AFTER = timedelta(days=7)


def to_utc(wall: datetime, zone: tzinfo | None) -> datetime:
    """A wall-clock time in `zone` (None: this computer's time zone, with its DST rules)."""
    if zone is None:
        return wall.astimezone(UTC)  # a naive datetime is taken as the computer's local time
    return wall.replace(tzinfo=zone).astimezone(UTC)


def wall_clock(moment: datetime, zone: tzinfo | None) -> datetime:
    """The naive local date and time of an instant, as people in `zone` read a clock."""
    return moment.astimezone(zone).replace(tzinfo=None)


def same_weekday_later(day: date, months: int) -> date:
    """The same n-th weekday `months` later: 2nd Tuesday to 2nd Tuesday; a 5th becomes last."""
    nth = (day.day - 1) // 7
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    wanted = first + timedelta(days=(day.weekday() - first.weekday()) % 7 + 7 * nth)
    while wanted.month != first.month:
        wanted -= timedelta(days=7)
    return wanted


def next_day(day: date, cadence: Cadence) -> date:
    months = _MONTHS_APART.get(cadence)
    if months is None:
        return day + timedelta(days=cadence.days)
    return same_weekday_later(day, months)


def next_start(starts_at: datetime, cadence: Cadence, zone: tzinfo | None = None) -> datetime:
    """One cadence later at the same local clock time, in UTC."""
    wall = wall_clock(starts_at, zone)
    return to_utc(datetime.combine(next_day(wall.date(), cadence), wall.time()), zone)


def first_free_start(
    latest: datetime | None, cadence: Cadence, *, now: datetime, zone: tzinfo | None = None
) -> datetime:
    """The first slot of the cadence after both the latest meeting and now."""
    if latest is None:
        day = wall_clock(now, zone).date() + FIRST_MEETING_AFTER
        return to_utc(datetime.combine(day, time(DEFAULT_HOUR)), zone)
    start = next_start(latest, cadence, zone)
    while start <= now:
        start = next_start(start, cadence, zone)
    return start


@cache
def _month_words() -> frozenset[str]:
    """Every month's name in every language the app speaks, casefolded (CLDR, not strftime:
    the calendar module follows the process locale, which Qt changes)."""
    words: set[str] = set()
    for code in LANGUAGES:
        for context in ("format", "stand-alone"):
            names = get_month_names("wide", context, locale=cldr_locale(code))
            words.update(names[number].casefold() for number in range(1, 13))
    return frozenset(words)


def title_stem(titles: Iterable[str]) -> str | None:
    """What comes before " — Month Year" in the first title that follows that pattern; the
    month may be named in any of the app's languages, as titles made before a switch are."""
    for title in titles:
        found = _DATED_TITLE.match(title)
        if found and found["month"].casefold() in _month_words():
            return found["stem"]
    return None


def dated_title(stem: str, day: date) -> str:
    """ "PST meeting — December 2026" · "… — diciembre de 2026", in the current language."""
    return f"{stem} — {formats.month_year(day)}"
