"""Goals by CS360 dimension with their measures, and measure values entered or pasted."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import GoalDimension
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.evidence_views import DimensionGoals, GoalsPage, GoalView, month_end
from cs360desk.domain.problem_views import Choice, MeasureStanding, measure_standing
from cs360desk.domain.records import GoalRecord, MeasurementRecord, MeasureRecord
from cs360desk.i18n import _, ngettext
from cs360desk.services import edits
from cs360desk.services.catalog import GOAL, INITIATIVE, MEASURE, MEASUREMENT
from cs360desk.services.field_edits import save_field

_KEYS = {"id", "created_at", "updated_at", "version"}
GOAL_FIELDS = frozenset({"dimension", "statement", "problem_id"})
MEASURE_FIELDS = frozenset(c.key for c in m.Measure.__table__.columns) - _KEYS - {"goal_id"}
MEASUREMENT_FIELDS = frozenset({"period_end", "value", "note"})
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def goals_page(session: Session, initiative_id: int) -> GoalsPage:
    """Every dimension in the model's order, its goals oldest first, each with its measures."""
    INITIATIVE.load(session, initiative_id)
    goals = session.execute(
        select(m.Goal, m.Problem.title)
        .outerjoin(m.Problem, m.Problem.id == m.Goal.problem_id)
        .where(m.Goal.initiative_id == initiative_id)
        .order_by(m.Goal.id)
    ).all()
    standings = _standings(session, [goal.id for goal, _title in goals])
    by_dimension: dict[GoalDimension, list[GoalView]] = defaultdict(list)
    for goal, problem_title in goals:
        view = GoalView(GOAL.to_record(goal), problem_title or "", tuple(standings[goal.id]))
        by_dimension[goal.dimension].append(view)
    problems = session.execute(
        select(m.Problem.id, m.Problem.title)
        .where(m.Problem.initiative_id == initiative_id)
        .order_by(m.Problem.title, m.Problem.id)
    )
    return GoalsPage(
        dimensions=tuple(
            DimensionGoals(dimension, tuple(by_dimension[dimension])) for dimension in GoalDimension
        ),
        problems=tuple(Choice(problem_id, title) for problem_id, title in problems),
    )


def _standings(session: Session, goal_ids: list[int]) -> dict[int, list[MeasureStanding]]:
    pairs = session.execute(
        select(m.Measure, m.Goal.statement)
        .join(m.Goal, m.Goal.id == m.Measure.goal_id)
        .where(m.Measure.goal_id.in_(goal_ids))
        .order_by(m.Measure.id)
    ).all()
    values: dict[int, list[MeasurementRecord]] = defaultdict(list)
    ids = [measure.id for measure, _statement in pairs]
    for value in MEASUREMENT.list(session, m.Measurement.measure_id.in_(ids)) if ids else []:
        values[value.measure_id].append(value)
    found: dict[int, list[MeasureStanding]] = defaultdict(list)
    for measure, statement in pairs:
        record = MEASURE.to_record(measure)
        found[measure.goal_id].append(measure_standing(record, statement, values[measure.id]))
    return found


def measure_view(session: Session, measure_id: int) -> MeasureStanding:
    measure = MEASURE.get(session, measure_id)
    goal = GOAL.get(session, measure.goal_id)
    values = MEASUREMENT.list(session, m.Measurement.measure_id == measure_id)
    return measure_standing(measure, goal.statement, values)


def create_goal(
    session: Session, initiative_id: int, dimension: GoalDimension | str, statement: str
) -> tuple[GoalRecord, Edit]:
    return edits.create(
        session, GOAL, initiative_id=initiative_id, dimension=dimension, statement=statement
    )


def save_goal_field(
    session: Session, goal_id: int, field: str, value: Any
) -> tuple[GoalRecord, Edit]:
    return save_field(session, GOAL, goal_id, GOAL_FIELDS, field, value)


def delete_goal(session: Session, goal_id: int) -> Edit:
    """Its measures and their values go with it."""
    return edits.delete(session, GOAL, goal_id)


def create_measure(
    session: Session, goal_id: int, name: str, **values: Any
) -> tuple[MeasureRecord, Edit]:
    values.setdefault("direction", "decrease")
    return edits.create(session, MEASURE, goal_id=goal_id, name=name, **values)


def save_measure_field(
    session: Session, measure_id: int, field: str, value: Any
) -> tuple[MeasureRecord, Edit]:
    return save_field(session, MEASURE, measure_id, MEASURE_FIELDS, field, value)


def delete_measure(session: Session, measure_id: int) -> Edit:
    return edits.delete(session, MEASURE, measure_id)


def save_measurement_field(
    session: Session, measurement_id: int, field: str, value: Any
) -> tuple[MeasurementRecord, Edit]:
    return save_field(session, MEASUREMENT, measurement_id, MEASUREMENT_FIELDS, field, value)


def delete_measurements(session: Session, measurement_ids: Sequence[int]) -> Edit:
    removed = [edits.delete(session, MEASUREMENT, value_id) for value_id in measurement_ids]
    count = len(removed)
    label = ngettext("Delete {n} value", "Delete {n} values", count).format(n=count)
    return combine(label, *removed)


def record_values(session: Session, measure_id: int, rows: Sequence[tuple[object, object]]) -> Edit:
    """Enter (period end, value) rows as one undoable edit: pasted from a spreadsheet or typed.

    A period that already has a value gets the new one. Every row is checked before anything
    is written, and an error names the row (counting from 1) so it can be found in the paste.
    """
    measure = MEASURE.get(session, measure_id)
    parsed: dict[date, float] = {}
    for number, (period_text, value_text) in enumerate(rows, start=1):
        period = parse_period_end(period_text, row=number)
        if period in parsed:
            raise ValidationError(
                "period_end",
                _("row {row}: {period} is repeated").format(row=number, period=period.isoformat()),
            )
        parsed[period] = parse_value(value_text, row=number)
    if not parsed:
        raise ValidationError("value", _("there are no values to enter"))
    stored = {
        value.period_end: value
        for value in MEASUREMENT.list(session, m.Measurement.measure_id == measure_id)
    }
    done = []
    for period, value in parsed.items():
        old = stored.get(period)
        if old is None:
            _record, edit = edits.create(
                session, MEASUREMENT, measure_id=measure_id, period_end=period, value=value
            )
        elif old.value != value:
            _record, edit = edits.update(session, MEASUREMENT, old.id, value=value)
        else:
            continue
        done.append(edit)
    count = len(parsed)
    label = ngettext(
        "Enter {n} value of “{measure}”", "Enter {n} values of “{measure}”", count
    ).format(n=count, measure=measure.name)
    return combine(label, *done)


def parse_period_end(text: object, *, row: int | None = None) -> date:
    """ISO dates, "2026-01" (the month's end) and US "1/31/2026" as spreadsheets copy them."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if isinstance(text, str):
        found = _date_from_text(text.strip())
        if found is not None:
            return found
    if row is None:
        problem = _("{text} is not a date (use YYYY-MM-DD)").format(text=repr(text))
    else:
        problem = _("row {row}: {text} is not a date (use YYYY-MM-DD)").format(
            row=row, text=repr(text)
        )
    raise ValidationError("period_end", problem)


def _date_from_text(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        if match := _YEAR_MONTH.match(text):
            return month_end(date(int(match[1]), int(match[2]), 1))
        if match := _US_DATE.match(text):
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            return date(year, int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None


def parse_value(text: object, *, row: int | None = None) -> float:
    """Numbers as typed or copied: "1,234.5", "12,5", "38%"."""
    number: float | None = None
    if isinstance(text, int | float) and not isinstance(text, bool):
        number = float(text)
    elif isinstance(text, str):
        cleaned = text.strip().removesuffix("%").strip()
        if _THOUSANDS.match(cleaned):
            cleaned = cleaned.replace(",", "")
        elif _DECIMAL_COMMA.match(cleaned):
            cleaned = cleaned.replace(",", ".")
        try:
            number = float(cleaned)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        if row is None:
            problem = _("{text} is not a number").format(text=repr(text))
        else:
            problem = _("row {row}: {text} is not a number").format(row=row, text=repr(text))
        raise ValidationError("value", problem)
    return number
