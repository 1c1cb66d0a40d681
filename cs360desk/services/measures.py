"""Goals' measures with their dated values, for charts, the dashboard and reports."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.records import MeasurementRecord
from cs360desk.domain.views import MeasureSeries
from cs360desk.services.catalog import GOAL, INITIATIVE, MEASURE, MEASUREMENT


def measures_with_values(session: Session, initiative_id: int) -> list[MeasureSeries]:
    """Every measure of the initiative's goals, values in date order; two queries in all."""
    INITIATIVE.load(session, initiative_id)
    pairs = session.execute(
        select(m.Measure, m.Goal)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Goal.dimension, m.Goal.id, m.Measure.id)
    ).all()
    values: dict[int, list[MeasurementRecord]] = defaultdict(list)
    measure_ids = [measure.id for measure, _goal in pairs]
    if measure_ids:
        rows = session.scalars(
            select(m.Measurement)
            .where(m.Measurement.measure_id.in_(measure_ids))
            .order_by(m.Measurement.period_end)
        )
        for row in rows:
            values[row.measure_id].append(MEASUREMENT.to_record(row))
    return [
        MeasureSeries(MEASURE.to_record(measure), GOAL.to_record(goal), tuple(values[measure.id]))
        for measure, goal in pairs
    ]
