"""Read models of the evidence pages: goals and measures, community input, communications."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from cs360desk.domain.enums import Frequency, GoalDimension
from cs360desk.domain.problem_views import Choice, LinkedActionItem, MeasureStanding
from cs360desk.domain.records import (
    GoalRecord,
    InputActivityRecord,
    RecommendationRecord,
)


@dataclass(frozen=True)
class GoalView:
    goal: GoalRecord
    problem_title: str
    measures: tuple[MeasureStanding, ...]


@dataclass(frozen=True)
class DimensionGoals:
    """The goals of one CS360 dimension; every dimension is listed, even with no goal yet."""

    dimension: GoalDimension
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class GoalsPage:
    dimensions: tuple[DimensionGoals, ...]
    problems: tuple[Choice, ...]

    def goal(self, goal_id: int) -> GoalView | None:
        return next(
            (view for group in self.dimensions for view in group.goals if view.goal.id == goal_id),
            None,
        )


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def next_period_end(frequency: Frequency, latest: date | None, today: date) -> date:
    """The period end a new value most likely belongs to: one period after the latest."""
    if latest is None:
        return month_end(today) if frequency is Frequency.MONTHLY else today
    if frequency is Frequency.WEEKLY:
        return latest + timedelta(days=7)
    months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUALLY: 12}[frequency]
    month_index = latest.year * 12 + latest.month - 1 + months
    return month_end(date(month_index // 12, month_index % 12 + 1, 1))


@dataclass(frozen=True)
class ActivityRow:
    activity: InputActivityRecord
    findings: int


@dataclass(frozen=True)
class ThemeCount:
    """One theme of the scanning summary: how often it came up and in how many activities."""

    theme: str
    findings: int
    activities: int


@dataclass(frozen=True)
class RecommendationLine:
    recommendation: RecommendationRecord
    owner_name: str
    action_items: tuple[LinkedActionItem, ...]


@dataclass(frozen=True)
class CommunityInputPage:
    activities: tuple[ActivityRow, ...]
    themes: tuple[ThemeCount, ...]
    recommendations: tuple[RecommendationLine, ...]
    people: tuple[Choice, ...]
    # Open action items of the initiative, for linking to a recommendation.
    action_items: tuple[Choice, ...]
