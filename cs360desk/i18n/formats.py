"""Dates, times and numbers as the current language writes them, from CLDR (Babel)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from babel.dates import format_date, format_skeleton, format_time
from babel.dates import get_month_names as _month_names
from babel.numbers import format_decimal

from cs360desk.i18n import cldr_locale


def long_date(value: date) -> str:
    """ "December 7, 2026" · "7 de diciembre de 2026"."""
    return format_date(value, "long", locale=cldr_locale())


def medium_date(value: date) -> str:
    """ "Dec 7, 2026" · "7 dic 2026"."""
    return format_date(value, "medium", locale=cldr_locale())


def weekday_date(value: date) -> str:
    """ "Monday, December 7, 2026" · "lunes, 7 de diciembre de 2026"."""
    return format_date(value, "full", locale=cldr_locale())


def short_weekday_date(value: date) -> str:
    """ "Mon, Dec 7" · "lun, 7 de dic"."""
    return format_skeleton("MMMEd", value, locale=cldr_locale())


def day_month(value: date) -> str:
    """ "Dec 7" · "7 dic"."""
    return format_skeleton("MMMd", value, locale=cldr_locale())


def month_year(value: date) -> str:
    """ "December 2026" · "diciembre de 2026"."""
    return format_skeleton("yMMMM", value, locale=cldr_locale())


def short_month_year(value: date) -> str:
    """ "Dec 2026" · "dic 2026"."""
    return format_skeleton("yMMM", value, locale=cldr_locale())


def month_names() -> list[str]:
    """January … December, as the language names them standing alone."""
    names = _month_names("wide", "stand-alone", locale=cldr_locale())
    return [names[number] for number in range(1, 13)]


def clock_time(value: time | datetime) -> str:
    """ "7:00 PM" · "7:00 p.m."."""
    # CLDR puts a narrow no-break space before AM/PM. Older fonts and mail programs show it
    # as a box, and people search for "7:00 PM" typed with a plain space: a plain space.
    return format_time(value, "short", locale=cldr_locale()).replace("\u202f", " ")


def number(value: int | float | Decimal) -> str:
    """ "12,345.5" in both US languages; grouping and decimals by the locale."""
    return format_decimal(value, locale=cldr_locale())
