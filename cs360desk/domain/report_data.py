"""What the printed reports show, fully resolved: names instead of ids, no ORM, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from cs360desk.domain.enums import Direction, PaperSize
from cs360desk.domain.trend import MeasureStanding
from cs360desk.i18n import _, formats

NEXT_PERIOD_MIN_DAYS = 30
NEXT_PERIOD_MAX_DAYS = 92
# Action items a progress update lists per table; the totals count them all and the Excel
# tracker has every row. A year of a busy agency is thousands of items no chief will read.
LISTED_ITEMS = 25


@dataclass(frozen=True)
class ReportPeriod:
    """Both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def next_period_end(self) -> date:
        """The end of the next period of the same length, kept between a month and a quarter."""
        length = min(max(self.days, NEXT_PERIOD_MIN_DAYS), NEXT_PERIOD_MAX_DAYS)
        return self.end + timedelta(days=length)

    def months(self) -> tuple[tuple[date, date], ...]:
        """The calendar months the period touches, each as (first, last) day inside it."""
        spans = []
        first = self.start
        while first <= self.end:
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            last = min(following - timedelta(days=1), self.end)
            spans.append((first, last))
            first = following
        return tuple(spans)


@dataclass(frozen=True)
class ReportHeader:
    """The masthead every report shares."""

    agency_name: str
    jurisdiction: str
    logo: bytes | None
    initiative_name: str
    stage_label: str
    prepared_by: str
    prepared_on: date
    paper: PaperSize
    # The public variant: the service has already left out contacts and private people.
    public: bool = False


@dataclass(frozen=True)
class KeyNumbers:
    meetings_held: int
    attendance_present: int
    attendance_expected: int
    items_done: int
    items_overdue: int
    items_due_next: int
    measures_improved: int
    measures_with_values: int

    @property
    def attendance_rate(self) -> float | None:
        if not self.attendance_expected:
            return None
        return self.attendance_present / self.attendance_expected


@dataclass(frozen=True)
class MeasureLine(MeasureStanding):
    name: str
    unit: str
    direction: Direction
    baseline: float | None
    baseline_period: str
    latest: float | None
    latest_on: date | None
    target: float | None
    target_on: date | None
    # Values up to the end of the period, oldest first, for the trend chart.
    points: tuple[tuple[date, float], ...]

    @property
    def on_track(self) -> bool:
        """The target is met or the value is better than the baseline: the good verdicts."""
        return self.latest is not None and (self.target_met or self.improved)

    @property
    def verdict(self) -> str:
        """Where the measure stands, in the current language."""
        if self.latest is None:
            return _("No value yet")
        if self.target_met:
            return _("Target met")
        if self.improved:
            return _("Better than baseline")
        if self.baseline is None:
            return _("No baseline")
        return _("Not yet better")


@dataclass(frozen=True)
class GoalBlock:
    dimension_label: str
    statement: str
    measures: tuple[MeasureLine, ...]


@dataclass(frozen=True)
class ResponseLine:
    title: str
    problem_title: str
    focus_area: str
    status_label: str
    lead: str
    starts_on: date | None
    ends_on: date | None


@dataclass(frozen=True)
class ActionLine:
    title: str
    owner: str
    due_on: date | None
    status_label: str
    completed_on: date | None = None
    priority_label: str = ""


@dataclass(frozen=True)
class MonthCount:
    """Action items done in a calendar month, or in the part of it inside the period."""

    first: date
    last: date
    done: int

    @property
    def whole(self) -> bool:
        return self.first.day == 1 and (self.last + timedelta(days=1)).day == 1


@dataclass(frozen=True)
class OwnerLine:
    """Who owes overdue work, with how to reach them (empty in the public variant)."""

    owner: str
    overdue: int
    oldest_due: date | None
    phone: str
    email: str


@dataclass(frozen=True)
class HeldMeeting:
    title: str
    team_name: str
    held_on: date
    present: int
    absent: int
    excused: int
    guests: int
    decisions: str


@dataclass(frozen=True)
class ThemeLine:
    theme: str
    findings: int
    activities: int
    texts: tuple[str, ...]


@dataclass(frozen=True)
class InputLine:
    kind_label: str
    held_on: date
    participants: int
    summary: str


@dataclass(frozen=True)
class CommunicationLine:
    channel_label: str
    audience_label: str
    posted_on: date | None
    text: str


@dataclass(frozen=True)
class ProgressReportData:
    """The chief's progress update, in the order it prints."""

    header: ReportHeader
    period: ReportPeriod
    numbers: KeyNumbers
    highlights: tuple[str, ...]
    asks: tuple[str, ...]
    goals: tuple[GoalBlock, ...]
    responses: tuple[ResponseLine, ...]
    # The three item lists hold at most LISTED_ITEMS lines; `numbers` counts every item.
    done: tuple[ActionLine, ...]  # the most recently completed first
    done_by_month: tuple[MonthCount, ...]  # every month of the period, the oldest first
    overdue: tuple[ActionLine, ...]  # the longest overdue first
    overdue_owners: tuple[OwnerLine, ...]  # everyone who owes overdue work
    due_next: tuple[ActionLine, ...]  # the soonest due first
    next_period_end: date
    meetings: tuple[HeldMeeting, ...]
    input_activities: tuple[InputLine, ...]
    themes: tuple[ThemeLine, ...]
    communications: tuple[CommunicationLine, ...]


@dataclass(frozen=True)
class ProblemLine:
    title: str
    area: str
    status_label: str
    phase_label: str
    impact: int
    threat_to_life: int
    community_interest: int
    threat_to_rights: int

    @property
    def score(self) -> int:
        return self.impact + self.threat_to_life + self.community_interest + self.threat_to_rights


@dataclass(frozen=True)
class RecommendationLine:
    text: str
    theme: str
    delivered_on: date | None
    decision_label: str
    owner: str
    status_label: str


@dataclass(frozen=True)
class ScanningReportData:
    header: ReportHeader
    input_activities: tuple[InputLine, ...]
    themes: tuple[ThemeLine, ...]
    problems: tuple[ProblemLine, ...]
    recommendations: tuple[RecommendationLine, ...]

    @property
    def participants(self) -> int:
        return sum(activity.participants for activity in self.input_activities)


@dataclass(frozen=True)
class MeetingHeading:
    agency_name: str
    logo: bytes | None
    initiative_name: str
    team_name: str
    title: str
    # Local wall-clock times, as the members will read them.
    starts_at: datetime
    ends_at: datetime
    mode_label: str
    location: str
    video_link: str
    status_label: str
    paper: PaperSize
    prepared_on: date


@dataclass(frozen=True)
class AgendaEntry:
    position: int
    title: str
    presenter: str
    notes: str


@dataclass(frozen=True)
class AgendaData:
    meeting: MeetingHeading
    items: tuple[AgendaEntry, ...]
    carried_forward: tuple[ActionLine, ...]


@dataclass(frozen=True)
class Attendees:
    present: tuple[str, ...]
    absent: tuple[str, ...]
    excused: tuple[str, ...]
    guests: tuple[str, ...]


@dataclass(frozen=True)
class MinutesData:
    meeting: MeetingHeading
    attendance: Attendees
    items: tuple[AgendaEntry, ...]
    summary: str
    decisions: str
    new_items: tuple[ActionLine, ...]


def long_date(day: date | None) -> str:
    """ "Nov 9, 2026" · "9 nov 2026": the month in words is unambiguous, unlike 11/9/2026.

    CLDR's medium date in the current language (never strftime: it follows the process
    locale, which Qt sets); empty for no date.
    """
    if day is None:
        return ""
    return formats.medium_date(day)


@dataclass(frozen=True)
class MeetingChoice:
    """A meeting as the report picker lists it."""

    meeting_id: int
    starts_at: datetime
    title: str
    team_name: str
    status_label: str


@dataclass(frozen=True)
class ReportDefaults:
    """What the report form starts with for an initiative."""

    initiative_id: int
    initiative_name: str
    period: ReportPeriod
    paper: PaperSize
    meetings: tuple[MeetingChoice, ...]
