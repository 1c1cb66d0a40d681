"""Meetings as calendar events: what an .ics file needs, and nothing from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cs360desk.domain.enums import MeetingMode, MeetingStatus


@dataclass(frozen=True)
class CalendarEvent:
    # Stable across exports, so a calendar that imports the file again updates the event.
    uid: str
    title: str
    team_name: str
    starts_at: datetime
    ends_at: datetime
    status: MeetingStatus
    mode: MeetingMode
    location: str
    video_link: str
    agenda: tuple[str, ...]
    updated_at: datetime
    # Bumped on every edit of the meeting; calendars use it to tell the newer copy.
    sequence: int


@dataclass(frozen=True)
class CalendarData:
    name: str
    events: tuple[CalendarEvent, ...]
