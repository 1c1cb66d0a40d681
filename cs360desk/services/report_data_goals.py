"""The progress update's goals: each measure with its values up to the period's end."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import GoalDimension
from cs360desk.domain.report_data import GoalBlock, MeasureLine

CHART_POINTS = 24

Points = dict[int, list[tuple[date, float]]]


def goal_blocks(session: Session, initiative_id: int, until: date) -> tuple[GoalBlock, ...]:
    """Goals in the model's order of dimensions, each with its measures as of `until`."""
    pairs = session.execute(
        select(m.Measure, m.Goal)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Goal.id, m.Measure.id)
    ).all()
    points = recent_points(session, [measure.id for measure, _ in pairs], until)
    blocks: dict[int, tuple[int, str, str, list[MeasureLine]]] = {}
    dimensions = list(GoalDimension)
    for measure, goal in pairs:
        entry = blocks.setdefault(
            goal.id,
            (dimensions.index(goal.dimension), goal.dimension.label, goal.statement, []),
        )
        entry[3].append(_measure_line(measure, points[measure.id]))
    ordered = sorted(blocks.items(), key=lambda pair: (pair[1][0], pair[0]))
    return tuple(GoalBlock(label, text, tuple(lines)) for _, (_, label, text, lines) in ordered)


def recent_points(session: Session, measure_ids: Sequence[int], until: date) -> Points:
    """Each measure's last CHART_POINTS values up to `until`, the oldest first.

    Ranked in SQL, so years of weekly values cost no more than the chart shows.
    """
    if not measure_ids:
        return defaultdict(list)
    value = m.Measurement
    recency = func.row_number().over(
        partition_by=value.measure_id, order_by=value.period_end.desc()
    )
    ranked = (
        select(value.measure_id, value.period_end, value.value, recency.label("recency"))
        .where(value.measure_id.in_(measure_ids), value.period_end <= until)
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.measure_id, ranked.c.period_end, ranked.c.value)
        .where(ranked.c.recency <= CHART_POINTS)
        .order_by(ranked.c.measure_id, ranked.c.period_end)
    )
    points: Points = defaultdict(list)
    for measure_id, period_end, number in rows:
        points[measure_id].append((period_end, number))
    return points


def _measure_line(measure: m.Measure, points: list[tuple[date, float]]) -> MeasureLine:
    latest = points[-1] if points else None
    return MeasureLine(
        name=measure.name,
        unit=measure.unit,
        direction=measure.direction,
        baseline=measure.baseline_value,
        baseline_period=measure.baseline_period,
        latest=latest[1] if latest else None,
        latest_on=latest[0] if latest else None,
        target=measure.target_value,
        target_on=measure.target_date,
        points=tuple(points),
    )
