"""The small sample's goals in all three CS360 dimensions, their measures and monthly values."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from cs360desk.db import models as m
from cs360desk.domain.enums import Direction, Frequency, GoalDimension, MeasureKind
from cs360desk.services.sample_agency.dates import add_months, month_end
from cs360desk.services.sample_agency.small_town import SmallTown

HISTORY_MONTHS = 30
# fmt: off
GOALS = (
    ("crime", GoalDimension.CRIME,
     "Reduce shootings and shots-fired calls on the Eastside by a third, and help residents "
     "feel safe outside after dark again."),
    ("partners", GoalDimension.PARTNERS,
     "Make residents, faith communities and county agencies full partners in preventing gun "
     "violence, with every victim connected to help."),
    ("organization", GoalDimension.ORGANIZATION,
     "Run CS360 so that the team meets, decides and follows through every month."),
)
# fmt: on


@dataclass(frozen=True)
class MeasureSeed:
    goal: str
    name: str
    unit: str
    source: str
    kind: MeasureKind
    direction: Direction
    baseline: float
    target: float
    shape: str  # "improve", "flat" or "worse": how the story of this measure goes
    noise: float
    decimals: int
    notes: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (text, calendar months or any)


_OUT, _OUTPUT = MeasureKind.OUTCOME, MeasureKind.OUTPUT
_UP, _DOWN = Direction.INCREASE, Direction.DECREASE
# fmt: off
MEASURES = (
    MeasureSeed("crime", "Shots-fired calls for service", "calls per month",
                "Dispatch (CAD), call type 'Shots fired', Eastside beats", _OUT, _DOWN, 11, 7,
                "improve", 1.6, 0, (("Fourth of July week included.", (7,)),
                                    ("New Year's Eve included.", (12,)),
                                    ("Two calls were the same incident.", ()))),
    MeasureSeed("crime", "Aggravated assaults with a firearm", "offenses per month",
                "Records management system (NIBRS 13A, firearm)", _OUT, _DOWN, 3.5, 2,
                "improve", 0.9, 0),
    MeasureSeed("crime", "Residents who feel safe walking at night (survey %)", "%",
                "Monthly pulse survey at community events (English, Spanish, Vietnamese)",
                _OUT, _UP, 38, 55, "improve", 2.4, 1,
                (("Small sample this month (31 responses).", ()),
                 ("Collected at the Tết festival.", (1, 2)))),
    MeasureSeed("partners", "Gun-violence victims referred to services", "referrals per month",
                "Crisis Center referral log", _OUTPUT, _UP, 1, 6, "improve", 0.9, 0),
    MeasureSeed("partners", "Community events co-hosted with partners", "events per month",
                "PST event log", _OUTPUT, _UP, 2, 4, "flat", 0.8, 0),
    MeasureSeed("organization", "PST meeting attendance rate", "%", "PST sign-in sheets",
                _OUTPUT, _UP, 58, 75, "improve", 4.5, 1,
                (("Two members joined by phone.", ()),)),
    MeasureSeed("organization", "Action items completed on time (%)", "%",
                "CS360 Desk action-item tracker", _OUTPUT, _UP, 72, 85, "worse", 3.5, 1,
                (("Several items carried over after the storm.", (9, 10)),)),
)
# fmt: on
# The survey for the latest month is not tallied yet, so the dashboard has a gap to flag.
MISSING_LATEST = "Residents who feel safe walking at night (survey %)"


def add_goals_and_measures(town: SmallTown) -> None:
    goal_ids = {}
    for key, dimension, statement in GOALS:
        problem = town.problems["main"] if dimension is GoalDimension.CRIME else None
        goal_ids[key] = town.writer.add(
            m.Goal,
            town.day(11),
            initiative_id=town.initiative_id,
            problem_id=problem,
            dimension=dimension,
            statement=statement,
        )
    periods = _period_ends(town.today)
    target_date = date(town.today.year + 1, 12, 31)
    for seed in MEASURES:
        measure_id = town.writer.add(
            m.Measure,
            town.day(11),
            goal_id=goal_ids[seed.goal],
            name=seed.name,
            unit=seed.unit,
            data_source=seed.source,
            kind=seed.kind,
            direction=seed.direction,
            baseline_value=seed.baseline,
            baseline_period=f"Calendar year {town.start.year - 1}",
            target_value=seed.target,
            target_date=target_date,
            frequency=Frequency.MONTHLY,
        )
        _add_values(town, seed, measure_id, periods)


def _period_ends(today: date) -> list[date]:
    """Month ends of the last HISTORY_MONTHS complete months, oldest first."""
    last = today.replace(day=1) - timedelta(days=1)
    return [month_end(add_months(last.replace(day=1), -back)) for back in range(HISTORY_MONTHS)][
        ::-1
    ]


def _add_values(town: SmallTown, seed: MeasureSeed, measure_id: int, periods: list[date]) -> None:
    rng = town.rng
    gap = seed.target - seed.baseline
    for index, period_end in enumerate(periods):
        if seed.name == MISSING_LATEST and index == len(periods) - 1:
            continue
        progress = index / (len(periods) - 1)
        trend = {"improve": 0.85 * gap, "flat": 0.0, "worse": -0.45 * gap}[seed.shape]
        value = seed.baseline + trend * progress + rng.gauss(0, seed.noise)
        value = max(0.0, min(value, 100.0) if seed.unit == "%" else value)
        value = round(value, seed.decimals) if seed.decimals else float(round(value))
        note = _note(rng, seed, period_end)
        # Values are entered early in the following month, when the data comes in.
        entered = period_end + timedelta(days=rng.randint(3, 9))
        town.writer.add(
            m.Measurement,
            entered,
            measure_id=measure_id,
            period_end=period_end,
            value=value,
            note=note,
        )


def _note(rng: random.Random, seed: MeasureSeed, period_end: date) -> str:
    fitting = [text for text, months in seed.notes if not months or period_end.month in months]
    return rng.choice(fitting) if fitting and rng.random() < 0.15 else ""
