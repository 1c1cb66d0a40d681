"""Dates and times as the user's locale writes them; stored values stay ISO and UTC.

Dates typed into fields follow the computer's own short format (`date_format`); dates shown
in tables and headings are written in the screens' language, from CLDR (`cs360desk.i18n`).
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_skeleton
from PySide6.QtCore import QDate, QLocale, QTime

from cs360desk.i18n import cldr_locale, formats


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year: "M/d/yyyy" in the US.

    Two-digit years would be read back as 19xx, so date fields always show and take four.
    """
    short = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def format_date(value: date | None, locale: QLocale | None = None) -> str:
    """A date to read: "Dec 9, 2025" · "9 dic 2025"; a `locale` given writes it Qt's way."""
    if value is None:
        return ""
    if locale is not None:
        return locale.toString(to_qdate(value), QLocale.FormatType.ShortFormat)
    return formats.medium_date(value)


def format_meeting_time(value: datetime, locale: QLocale | None = None) -> str:
    """Weekday, date and local clock time: "Tue, Dec 9, 2025 6:00 PM" · "mar, 9 dic 2025
    6:00 p.m."; a `locale` given writes it Qt's way ("Tue 12/9/25 6:00 PM")."""
    local = value.astimezone()
    if locale is not None:
        day = to_qdate(local.date())
        weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
        clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
        return f"{weekday} {locale.toString(day, QLocale.FormatType.ShortFormat)} {clock}"
    # Weekday, day, month and year as CLDR has them; cs360desk.i18n.formats has no such one.
    day_text = format_skeleton("yMMMEd", local.date(), locale=cldr_locale())
    return f"{day_text} {formats.clock_time(local.time())}"


def format_when(value: datetime) -> str:
    """A stored instant as local date and clock time: "Dec 9, 2025, 6:00 PM"."""
    local = value.astimezone()
    return f"{formats.medium_date(local.date())}, {formats.clock_time(local.time())}"
