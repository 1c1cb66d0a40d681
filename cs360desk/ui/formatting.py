"""Dates and times as the user's locale writes them; stored values stay ISO and UTC."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def format_date(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(_qdate(value), QLocale.FormatType.ShortFormat)


def format_meeting_time(value: datetime, locale: QLocale | None = None) -> str:
    """Weekday, date and local clock time: "Tue 12/9/25 6:00 PM" in the US."""
    locale = locale or QLocale()
    local = value.astimezone()
    day = _qdate(local.date())
    weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{weekday} {locale.toString(day, QLocale.FormatType.ShortFormat)} {clock}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
