"""Drafted updates: the facts of a period, taken from the records, and the drafts built on them.

Every fact names the record it comes from (kind and id) and says, in `text`, everything a
draft may take from it; a draft never states a number, name, date or title that is not in
one of its facts. Facts that must not reach the public carry the reason in `private`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cs360desk.domain.enums import Direction
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.domain.trend import MeasureStanding
from cs360desk.i18n import N_, _

SHORT_POST_LIMIT = 280
LONG_UPDATE_WORDS = (120, 300)
STAFF_ONLY = N_("for staff only")  # translated where a fact is made: _(STAFF_ONLY)


class FactKind(StrEnum):
    ACTION_DONE = "action_item_done"
    MEETING_HELD = "meeting_held"
    MEASURE = "measure"
    RESPONSE_STARTED = "response_started"
    RESPONSE_FINISHED = "response_finished"
    STAGE_REACHED = "stage_reached"
    RECOMMENDATION = "recommendation"
    INPUT_HELD = "input_activity"
    NEXT_MEETING = "next_meeting"
    OVERDUE = "overdue_item"
    DECISION_WANTED = "decision_wanted"  # a recommendation awaiting leadership's decision
    BLOCKED = "blocked_item"  # an action item leadership could unblock


@dataclass(frozen=True)
class MeasureFigures(MeasureStanding):
    """A measure's baseline, latest value and target, with which way is the right way."""

    name: str
    unit: str
    direction: Direction
    baseline: float | None
    latest: float | None
    latest_on: date | None
    target: float | None
    moved: bool  # a new value in the period, different from the one before it


@dataclass(frozen=True)
class MeetingFigures:
    team: str
    title: str
    at: datetime  # local wall-clock time in the agency's zone
    place: str  # empty unless the meeting is open to the public (public drafts) or staff
    open_to_public: bool
    problem_solving_team: bool
    community: int = 0
    staff: int = 0
    partners: int = 0

    @property
    def attended(self) -> int:
        return self.community + self.staff + self.partners


@dataclass(frozen=True)
class Fact:
    """One thing that happened (or is next), from one record."""

    kind: FactKind
    id: int
    text: str
    title: str = ""  # the record's own words, verbatim: a title, a stage, an activity
    day: date | None = None
    count: int = 0  # people heard, for input activities
    owner: str = ""  # staff briefing only
    measure: MeasureFigures | None = None
    meeting: MeetingFigures | None = None
    private: str = ""  # why it stays out of public drafts; empty: it may be public

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind.value, self.id)

    @property
    def public(self) -> bool:
        return not self.private


@dataclass(frozen=True)
class PeriodFacts:
    """What the records say about one initiative in one period."""

    initiative_id: int
    initiative_name: str
    agency_name: str
    period: ReportPeriod
    facts: tuple[Fact, ...]
    hashtag: str = ""
    link: str = ""
    # The language the facts were told in, so drafts rebuilt from them are written in it too
    # (None: whichever language is current when they are written).
    language: str | None = None

    def of(self, *kinds: FactKind, public: bool = False) -> tuple[Fact, ...]:
        return tuple(
            fact for fact in self.facts if fact.kind in kinds and (fact.public or not public)
        )

    def without(self, excluded: frozenset[tuple[str, int]]) -> PeriodFacts:
        kept = tuple(fact for fact in self.facts if fact.key not in excluded)
        return PeriodFacts(
            self.initiative_id,
            self.initiative_name,
            self.agency_name,
            self.period,
            kept,
            self.hashtag,
            self.link,
            self.language,
        )

    @property
    def happened(self) -> tuple[Fact, ...]:
        """The period's own facts: not the next meeting, not the standing staff lines, not a
        measure without a new value."""
        return tuple(
            fact for fact in self.of(*HAPPENED_KINDS) if fact.measure is None or fact.measure.moved
        )

    @property
    def empty(self) -> bool:
        return not self.happened


HAPPENED_KINDS = (
    FactKind.STAGE_REACHED,
    FactKind.MEASURE,
    FactKind.RESPONSE_FINISHED,
    FactKind.RESPONSE_STARTED,
    FactKind.ACTION_DONE,
    FactKind.RECOMMENDATION,
    FactKind.INPUT_HELD,
    FactKind.MEETING_HELD,
)


class DraftKind(StrEnum):
    SHORT = "short"
    LONG = "long"
    STAFF = "staff"

    @property
    def label(self) -> str:
        return _(_DRAFT_LABELS[self])


_DRAFT_LABELS = {
    DraftKind.SHORT: N_("Short public post"),
    DraftKind.LONG: N_("Longer public update"),
    DraftKind.STAFF: N_("Staff briefing"),
}


@dataclass(frozen=True)
class Draft:
    kind: DraftKind
    text: str | None  # None: nothing to say to this audience, see `reason`
    facts: tuple[Fact, ...]  # the facts the text uses
    reason: str = ""


@dataclass(frozen=True)
class UpdateDrafts:
    """The three drafts of one period, with every fact found (used or left out)."""

    source: PeriodFacts
    excluded: frozenset[tuple[str, int]]
    drafts: dict[DraftKind, Draft] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.source.without(self.excluded).empty

    def draft(self, kind: DraftKind) -> Draft:
        return self.drafts[kind]
