"""Dates and times as the user's locale writes them; stored values stay ISO and UTC."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime


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
    if value is None:
        return ""
    return (locale or QLocale()).toString(to_qdate(value), QLocale.FormatType.ShortFormat)


def format_meeting_time(value: datetime, locale: QLocale | None = None) -> str:
    """Weekday, date and local clock time: "Tue 12/9/25 6:00 PM" in the US."""
    locale = locale or QLocale()
    local = value.astimezone()
    day = to_qdate(local.date())
    weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{weekday} {locale.toString(day, QLocale.FormatType.ShortFormat)} {clock}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
