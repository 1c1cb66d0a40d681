"""Pure rules of the problem-solving pages: ranking, stage steps, the next period of a measure."""

from __future__ import annotations

from datetime import UTC, date, datetime

from cs360desk.domain.enums import Frequency, ProblemStatus, SaraPhase, Stage
from cs360desk.domain.evidence_views import next_period_end
from cs360desk.domain.initiative_views import StepState, next_stage, stage_steps
from cs360desk.domain.problem_views import rank_problems, worksheet_total
from cs360desk.domain.records import InitiativeRecord, ProblemRecord, StageChangeRecord

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _problem(problem_id: int, title: str, *scores: int) -> ProblemRecord:
    impact, life, interest, rights = scores
    return ProblemRecord(
        problem_id, 1, title, "", SaraPhase.SCANNING, impact, life, interest, rights, "", "",
        "", "", "", "", "", "", ProblemStatus.CANDIDATE, NOW, 1,
        False, False, False, False, False, False, "", "", "", None,
    )  # fmt: skip


def test_ranking_puts_the_highest_total_first_and_ties_share_a_rank() -> None:
    problems = [
        _problem(1, "Speeding", 3, 3, 5, 1),
        _problem(2, "Gun violence", 5, 5, 5, 2),
        _problem(3, "Boat ramp", 3, 2, 4, 1),
        _problem(4, "Alley thefts", 5, 1, 5, 1),
    ]
    ranked = rank_problems(problems)
    assert [(r.problem.title, r.total, r.rank) for r in ranked] == [
        ("Gun violence", 17, 1),
        ("Alley thefts", 12, 2),
        ("Speeding", 12, 2),
        ("Boat ramp", 10, 4),
    ]
    assert worksheet_total(problems[0]) == 12


def _initiative(stage: Stage, changed: date | None) -> InitiativeRecord:
    return InitiativeRecord(1, "GVR", stage, date(2025, 1, 6), changed, None, None, "", NOW, 1)


def test_stage_steps_use_recorded_dates_and_fill_the_gaps() -> None:
    initiative = _initiative(Stage.PRIORITIZING, date(2025, 6, 1))
    changes = (StageChangeRecord(1, 1, Stage.SCANNING, date(2025, 2, 3), "PST formed", NOW, 1),)
    steps = stage_steps(initiative, changes)
    assert [s.state for s in steps] == [StepState.DONE] * 2 + [StepState.CURRENT] + [
        StepState.AHEAD
    ] * 3
    assert steps[0].reached_on == date(2025, 1, 6)  # launch: the day it started
    assert (steps[1].reached_on, steps[1].note) == (date(2025, 2, 3), "PST formed")
    assert steps[2].reached_on == date(2025, 6, 1)  # current: the initiative's own date
    assert steps[3].reached_on is None


def test_a_stage_reached_twice_shows_the_latest_date() -> None:
    initiative = _initiative(Stage.SCANNING, None)
    changes = (
        StageChangeRecord(2, 1, Stage.SCANNING, date(2025, 5, 1), "again", NOW, 1),
        StageChangeRecord(1, 1, Stage.SCANNING, date(2025, 2, 1), "first", NOW, 1),
    )
    step = stage_steps(initiative, changes)[1]
    assert (step.reached_on, step.note) == (date(2025, 5, 1), "again")


def test_there_is_no_stage_after_closed() -> None:
    assert next_stage(Stage.LAUNCH) is Stage.SCANNING
    assert next_stage(Stage.SUSTAINING) is Stage.CLOSED
    assert next_stage(Stage.CLOSED) is None


def test_the_next_period_follows_the_frequency() -> None:
    today = date(2026, 3, 10)
    assert next_period_end(Frequency.MONTHLY, None, today) == date(2026, 3, 31)
    assert next_period_end(Frequency.MONTHLY, date(2026, 1, 31), today) == date(2026, 2, 28)
    assert next_period_end(Frequency.MONTHLY, date(2025, 12, 31), today) == date(2026, 1, 31)
    assert next_period_end(Frequency.WEEKLY, date(2026, 3, 1), today) == date(2026, 3, 8)
    assert next_period_end(Frequency.QUARTERLY, date(2025, 12, 31), today) == date(2026, 3, 31)
    assert next_period_end(Frequency.ANNUALLY, date(2025, 12, 31), today) == date(2026, 12, 31)
    assert next_period_end(Frequency.WEEKLY, None, today) == today
