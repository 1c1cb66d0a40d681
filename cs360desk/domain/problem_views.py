"""Read models of SARA problems: the priority worksheet, the ranking, and a problem's detail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.records import MeasurementRecord, MeasureRecord, ProblemRecord, ResponseRecord
from cs360desk.domain.trend import Trend, judge_trend
from cs360desk.i18n import N_

# (field, short name, the question the PST answers) — the CHEERS test of a problem. The words
# are marked with N_(): translate them where they are shown.
CHEERS: tuple[tuple[str, str, str], ...] = (
    ("cheers_community", N_("Community"), N_("Members of the community experience it.")),
    (
        "cheers_harm",
        N_("Harm"),
        N_("It causes harm: loss, injury, fear, not merely a breach of rules."),
    ),
    (
        "cheers_expectation",
        N_("Expectation"),
        N_("Some members of the public expect the police to act."),
    ),
    (
        "cheers_events",
        N_("Events"),
        N_("It is made of discrete events (calls, crimes, incidents)."),
    ),
    ("cheers_recurring", N_("Recurring"), N_("The events recur, or are expected to.")),
    (
        "cheers_similarity",
        N_("Similarity"),
        N_("The events are similar (same offenders, place, way)."),
    ),
)
# (field, label) — the priority worksheet, each scored 0 (none) to 5 (very high); the labels
# are marked with N_(), translated where shown.
WORKSHEET: tuple[tuple[str, str], ...] = (
    ("score_impact", N_("Impact on the community")),
    ("score_threat_to_life", N_("Threat to life")),
    ("score_community_interest", N_("Community interest")),
    ("score_threat_to_rights", N_("Threat to constitutional rights")),
)
MAX_SCORE = 5
MAX_TOTAL = MAX_SCORE * len(WORKSHEET)


@dataclass(frozen=True)
class Choice:
    """Something a combo box offers: the id it stands for and the text users read."""

    id: int
    text: str


def worksheet_total(problem: ProblemRecord) -> int:
    return sum(int(getattr(problem, field)) for field, _label in WORKSHEET)


def cheers_passed(problem: ProblemRecord) -> int:
    return sum(bool(getattr(problem, field)) for field, _short, _question in CHEERS)


@dataclass(frozen=True)
class RankedProblem:
    problem: ProblemRecord
    total: int
    rank: int  # ties share a rank: 1, 2, 2, 4


def rank_problems(problems: Sequence[ProblemRecord]) -> list[RankedProblem]:
    """Highest worksheet total first; ties by title so the order never jumps about."""
    ordered = sorted(problems, key=lambda p: (-worksheet_total(p), p.title.casefold(), p.id))
    ranked: list[RankedProblem] = []
    for position, problem in enumerate(ordered, start=1):
        total = worksheet_total(problem)
        tied = ranked and ranked[-1].total == total
        ranked.append(RankedProblem(problem, total, ranked[-1].rank if tied else position))
    return ranked


@dataclass(frozen=True)
class ProblemRow:
    """A line of the Problems list."""

    problem: ProblemRecord
    total: int
    rank: int
    responses: int
    open_items: int


@dataclass(frozen=True)
class LinkedActionItem:
    """An action item as shown under the response or recommendation it carries out."""

    id: int
    title: str
    owner_name: str
    due_on: date | None
    status: ActionStatus
    overdue: bool


@dataclass(frozen=True)
class ResponseLine:
    response: ResponseRecord
    lead_name: str
    action_items: tuple[LinkedActionItem, ...]


@dataclass(frozen=True)
class MeasureStanding:
    """A measure against its baseline and target, for the assessment and the goals page."""

    measure: MeasureRecord
    goal_statement: str
    values: tuple[MeasurementRecord, ...]
    trend: Trend

    @property
    def latest(self) -> MeasurementRecord | None:
        return self.values[-1] if self.values else None


def measure_standing(
    measure: MeasureRecord, goal_statement: str, values: Sequence[MeasurementRecord]
) -> MeasureStanding:
    ordered = tuple(sorted(values, key=lambda v: v.period_end))
    trend = judge_trend(
        measure.direction,
        measure.baseline_value,
        measure.target_value,
        [v.value for v in ordered],
    )
    return MeasureStanding(measure, goal_statement, ordered, trend)


@dataclass(frozen=True)
class ProblemDetail:
    """Everything the problem editor shows, loaded at once."""

    problem: ProblemRecord
    ranking: tuple[RankedProblem, ...]
    responses: tuple[ResponseLine, ...]
    # Open action items of the initiative tied to no response yet: what a response may take on.
    linkable_items: tuple[LinkedActionItem, ...]
    measures: tuple[MeasureStanding, ...]
    people: tuple[Choice, ...]

    @property
    def total(self) -> int:
        return worksheet_total(self.problem)

    @property
    def rank(self) -> int | None:
        return next((r.rank for r in self.ranking if r.problem.id == self.problem.id), None)
