"""Meetings as an iCalendar (.ics) file, built and escaped by the icalendar library."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar, Event

from cs360desk.domain.calendar_feed import CalendarData, CalendarEvent
from cs360desk.domain.enums import MeetingMode, MeetingStatus
from cs360desk.i18n import _
from cs360desk.reports.atomic_write import write_atomically

PRODUCT_ID = "-//CS360 Desk//Meetings//EN"


def calendar_bytes(data: CalendarData) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", data.name)
    for event in data.events:
        calendar.add_component(_event(event))
    return bytes(calendar.to_ical())


def write_calendar_ics(data: CalendarData, target: Path) -> None:
    """Write the calendar to `target` (.ics), replacing it only once it is complete."""
    content = calendar_bytes(data)

    def write(scratch: Path) -> None:
        scratch.write_bytes(content)

    write_atomically(target, write, suffix=".ics")


def _event(source: CalendarEvent) -> Event:
    event = Event()
    event.add("uid", source.uid)
    # Stamped with the meeting's last change, not the export time: unchanged meetings give
    # byte-identical events, and calendars see nothing new in them.
    event.add("dtstamp", source.updated_at)
    event.add("last-modified", source.updated_at)
    event.add("sequence", source.sequence)
    # Times stay in UTC ("Z"): every calendar shows them in its own zone, DST included.
    event.add("dtstart", source.starts_at)
    event.add("dtend", source.ends_at)
    event.add("summary", source.title)
    cancelled = source.status is MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    location = source.location.strip()
    link = source.video_link.strip()
    if not location and link and source.mode is not MeetingMode.IN_PERSON:
        location = link
    if location:
        event.add("location", location)
    if link:
        event.add("url", link)
    event.add("description", _description(source))
    return event


def _description(source: CalendarEvent) -> str:
    lines = [
        _("Team: {team}").format(team=source.team_name),
        _("Mode: {mode}").format(mode=source.mode.label),
    ]
    if source.video_link.strip():
        lines.append(_("Video link: {link}").format(link=source.video_link.strip()))
    if source.status is MeetingStatus.CANCELLED:
        lines.append(_("This meeting is cancelled."))
    if source.agenda:
        lines += ["", _("Agenda:")]
        lines += [f"{number}. {title}" for number, title in enumerate(source.agenda, start=1)]
    return "\n".join(lines)
