"""Read models for lists and detail views: records joined with the names users read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.records import (
    ActionItemRecord,
    AgendaItemRecord,
    AttendanceRecord,
    GoalRecord,
    MeasurementRecord,
    MeasureRecord,
    MeetingRecord,
    MembershipRecord,
    PersonRecord,
)


@dataclass(frozen=True)
class ActionItemFilter:
    """What the action item list is narrowed to; empty means everything."""

    initiative_id: int | None = None
    statuses: frozenset[ActionStatus] = frozenset()
    owner_id: int | None = None
    team_id: int | None = None
    problem_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    overdue_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class ActionItemRow:
    item: ActionItemRecord
    owner_name: str
    team_name: str
    problem_title: str
    meeting_title: str
    overdue: bool


@dataclass(frozen=True)
class AgendaLine:
    item: AgendaItemRecord
    presenter_name: str


@dataclass(frozen=True)
class AttendanceLine:
    record: AttendanceRecord
    name: str
    is_guest: bool


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingRecord
    team_name: str
    agenda: tuple[AgendaLine, ...]
    attendance: tuple[AttendanceLine, ...]


@dataclass(frozen=True)
class UpcomingMeeting:
    meeting: MeetingRecord
    team_name: str


@dataclass(frozen=True)
class MeasureSeries:
    measure: MeasureRecord
    goal: GoalRecord
    values: tuple[MeasurementRecord, ...] = field(default=())

    @property
    def latest(self) -> MeasurementRecord | None:
        return self.values[-1] if self.values else None


@dataclass(frozen=True)
class MemberLine:
    person: PersonRecord
    membership: MembershipRecord


def is_overdue(due_on: date | None, status: ActionStatus, today: date) -> bool:
    return due_on is not None and due_on < today and not status.is_closed
