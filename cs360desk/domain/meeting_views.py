"""Read models of the Meetings section: listed meetings, teams and people to choose from."""

from __future__ import annotations

from dataclasses import dataclass

from cs360desk.domain.enums import TeamKind
from cs360desk.domain.records import MeetingRecord
from cs360desk.domain.views import MeetingDetail


@dataclass(frozen=True)
class MeetingRow:
    """One meeting in a list, with its team's name and how many came."""

    meeting: MeetingRecord
    team_name: str
    present: int
    absent: int
    excused: int

    @property
    def has_attendance(self) -> bool:
        return bool(self.present or self.absent or self.excused)


@dataclass(frozen=True)
class TeamChoice:
    team_id: int
    name: str
    kind: TeamKind


@dataclass(frozen=True)
class PersonChoice:
    """Someone who can present an agenda item or own an action item."""

    person_id: int
    name: str
    is_member: bool


@dataclass(frozen=True)
class MeetingSheet:
    """One meeting as its editor shows it; team members come first among the people."""

    detail: MeetingDetail
    initiative_id: int
    people: tuple[PersonChoice, ...]
