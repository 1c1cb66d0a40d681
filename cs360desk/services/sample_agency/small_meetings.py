"""The small sample's meetings: monthly PST, quarterly steering and advisory, with minutes."""

from __future__ import annotations

import calendar
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cs360desk.db import models as m
from cs360desk.domain.enums import AttendanceStatus, MeetingMode, MeetingStatus
from cs360desk.services.sample_agency import cast
from cs360desk.services.sample_agency import meeting_texts as t
from cs360desk.services.sample_agency.dates import MONTH_NAMES, central_time, nth_weekday
from cs360desk.services.sample_agency.small_town import SmallTown

HORIZON_DAYS = 35
_ABSENT = AttendanceStatus.ABSENT
CHIEF_ROOM = "Chief's Conference Room, Police Department, 310 E. Main Street"
ADVISORY_ROOMS = (
    "Eastside Community Center, 1102 E. Alamo Street",
    "Fellowship Hall, Iglesia Bautista Nueva Esperanza",
    "Parish Hall, Our Lady of La Vang Catholic Church",
)


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    team: str
    day: date
    month: int
    status: MeetingStatus


@dataclass(frozen=True)
class _Series:
    team: str
    weekday: int
    nth: int
    hour: int
    minute: int
    duration: int
    every: int
    offset: int


_SERIES = (
    _Series("pst", calendar.TUESDAY, 2, 18, 0, 90, 1, 1),
    _Series("steering", calendar.THURSDAY, 1, 10, 0, 60, 3, 1),
    _Series("advisory", calendar.MONDAY, 3, 18, 30, 90, 3, 2),
)


class _TextPicker:
    """Picks texts that fit the month, preferring ones this workspace has not used yet."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def pick(self, pool: Sequence[t.Topic], month: int, *, reuse: bool, avoid: str = "") -> str:
        fitting = [
            text
            for text, _presenter, first, last in pool
            if first <= month and (last is None or month <= last) and text != avoid
        ]
        fresh = [text for text in fitting if text not in self._used]
        choices = fresh or (fitting if reuse else [])
        if not choices:
            return ""
        text = self._rng.choice(choices)
        self._used.add(text)
        return text


def add_meetings(town: SmallTown) -> list[MeetingInfo]:
    """Every meeting from launch to five weeks ahead, in date order."""
    builder = _MeetingBuilder(town)
    meetings = [
        builder.add(series, month, day) for series in _SERIES for month, day in _dates(town, series)
    ]
    meetings.sort(key=lambda info: (info.day, info.id))
    return meetings


def _dates(town: SmallTown, series: _Series) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    month = series.offset
    while True:
        first = town.day(month).replace(day=1)
        day = nth_weekday(first.year, first.month, series.weekday, series.nth)
        if day > town.today + timedelta(days=HORIZON_DAYS):
            return found
        if day > town.start:
            found.append((month, day))
        month += series.every


def _title(team: str, month: int, day: date) -> str:
    when = f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if team == "pst":
        return "PST kickoff meeting" if month == 1 else f"PST monthly meeting — {when}"
    if team == "steering":
        return f"Steering Committee — {when}"
    return f"Community Advisory Team — {when}"


_POOLS = {
    "pst": (t.PST_MINUTES, t.PST_DECISIONS),
    "steering": (t.STEERING_MINUTES, t.STEERING_DECISIONS),
    "advisory": (t.ADVISORY_MINUTES, t.ADVISORY_DECISIONS),
}


class _MeetingBuilder:
    """Writes one meeting with its agenda, minutes and attendance."""

    def __init__(self, town: SmallTown) -> None:
        self.town = town
        self.texts = _TextPicker(town.rng)

    def add(self, series: _Series, month: int, day: date) -> MeetingInfo:
        town = self.town
        status = self._status(series, month, day)
        minutes, decisions = "", ""
        if status is MeetingStatus.CANCELLED:
            minutes = t.CANCELLATIONS[0] if day.month == 9 else t.CANCELLATIONS[1]
        meeting_id = town.writer.add(
            m.Meeting,
            min(day, town.today) - timedelta(days=14),
            team_id=town.teams[series.team],
            title=_title(series.team, month, day),
            starts_at=central_time(day, series.hour, series.minute),
            duration_minutes=series.duration,
            status=status,
            open_to_public=series.team == "advisory",  # the town's advisory team meets openly
            **self._place(series, month, day),
        )
        self._add_agenda(series.team, meeting_id, month, status)
        if status is MeetingStatus.HELD:
            minutes, decisions = self._record(series.team, meeting_id, month, day)
        town.writer.amend(m.Meeting, meeting_id, minutes_summary=minutes, decisions=decisions)
        return MeetingInfo(meeting_id, series.team, day, month, status)

    def _status(self, series: _Series, month: int, day: date) -> MeetingStatus:
        town = self.town
        if day >= town.today:
            return MeetingStatus.SCHEDULED
        # A holiday and a storm each cost the PST one meeting, never the latest one.
        if series.team == "pst" and 12 <= month < town.month_of(town.today) - 1:
            if day.month == 12 and month < 24:
                return MeetingStatus.CANCELLED
            if day.month == 9 and month < 30:
                return MeetingStatus.CANCELLED
        return MeetingStatus.HELD

    def _place(self, series: _Series, month: int, day: date) -> dict[str, Any]:
        if series.team == "steering":
            return {"mode": MeetingMode.IN_PERSON, "location": CHIEF_ROOM}
        if series.team == "advisory":
            room = ADVISORY_ROOMS[(month // 3) % len(ADVISORY_ROOMS)]
            return {"mode": MeetingMode.IN_PERSON, "location": room}
        # The PST met online its first year, until the City Hall room was free in the evenings.
        if day < self.town.start + timedelta(days=365):
            return {"mode": MeetingMode.VIRTUAL, "video_link": cast.VIDEO_LINK}
        if self.town.rng.random() < 0.3:
            return {
                "mode": MeetingMode.HYBRID,
                "location": cast.CITY_HALL_ROOM,
                "video_link": cast.VIDEO_LINK,
            }
        return {"mode": MeetingMode.IN_PERSON, "location": cast.CITY_HALL_ROOM}

    def _add_agenda(self, team: str, meeting_id: int, month: int, status: MeetingStatus) -> None:
        town = self.town
        on = town.day(month)
        for position, (title, presenter, is_topic) in enumerate(self._agenda(team, month)):
            if presenter not in town.members(team, on):
                presenter = "sergeant"
            notes = ""
            if is_topic and status is MeetingStatus.HELD:
                notes = town.rng.choice(t.AGENDA_NOTES)
            town.writer.add(
                m.AgendaItem,
                on,
                meeting_id=meeting_id,
                position=position,
                title=title,
                presenter_id=town.people[presenter],
                notes=notes,
            )

    def _agenda(self, team: str, month: int) -> list[tuple[str, str, bool]]:
        """(title, presenter key, is a discussion topic) in agenda order."""
        rng = self.town.rng
        topics = _topics_for(team, month)
        chosen = rng.sample(topics, min(len(topics), rng.randint(2, 3)))
        chair = {"pst": "pastor_es", "steering": "chief", "advisory": "nchair"}[team]
        opening = "Welcome and introductions" if month <= 1 else "Welcome; approval of minutes"
        items = [(opening, chair, False)]
        if team == "pst":
            items.append(("Review of open action items", "sergeant", False))
            if month >= 2:
                previous = MONTH_NAMES[(self.town.day(month).month - 2) % 12]
                items.append(
                    (f"Shots-fired and gun-assault numbers for {previous}", "analyst", True)
                )
        items += [(title, presenter, True) for title, presenter in chosen]
        items.append(("Announcements and next meeting date", chair, False))
        return items

    def _record(self, team: str, meeting_id: int, month: int, day: date) -> tuple[str, str]:
        present, expected, guests = self._add_attendance(team, meeting_id, month, day)
        minutes_pool, decisions_pool = _POOLS[team]
        count = f"{present} of {expected} members present"
        if guests:
            count += f", plus {guests} guest"
        first = self.texts.pick(minutes_pool, month, reuse=True)
        second = self.texts.pick(minutes_pool, month, reuse=True, avoid=first)
        minutes = " ".join(part for part in (f"{count}.", first, second) if part)
        decisions = ""
        if self.town.rng.random() < 0.65:
            decisions = self.texts.pick(decisions_pool, month, reuse=False)
        return minutes, decisions

    def _add_attendance(
        self, team: str, meeting_id: int, month: int, day: date
    ) -> tuple[int, int, int]:
        town, rng = self.town, self.town.rng
        members = town.members(team, day)
        # Attendance firms up as the team matures; the measure of it trends the same way.
        p_present = 0.62 + 0.2 * min(month, 36) / 36
        present = 0
        for key in members:
            roll = rng.random()
            # Of those who miss a meeting, about half send word ahead (excused).
            status = AttendanceStatus.PRESENT
            if roll >= p_present:
                status = AttendanceStatus.EXCUSED if roll < (1 + p_present) / 2 else _ABSENT
            present += status is AttendanceStatus.PRESENT
            town.writer.add(
                m.Attendance, day, meeting_id=meeting_id, person_id=town.people[key], status=status
            )
        guests = 0
        if rng.random() < 0.2:
            guests = 1
            town.writer.add(
                m.Attendance,
                day,
                meeting_id=meeting_id,
                guest_name=rng.choice(t.GUESTS),
                status=AttendanceStatus.PRESENT,
            )
        return present, len(members), guests


def _topics_for(team: str, month: int) -> list[tuple[str, str]]:
    if team == "steering":
        pool = t.STEERING_TOPICS
    elif team == "advisory":
        pool = t.ADVISORY_TOPICS
    else:
        pool = tuple(topic for topics in t.PST_TOPICS.values() for topic in topics)
    return [
        (title, presenter)
        for title, presenter, first, last in pool
        if first <= month and (last is None or month <= last)
    ]
