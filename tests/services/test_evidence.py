"""Goals by dimension with their measures, and values typed or pasted from a spreadsheet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Direction, GoalDimension
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.trend import Verdict
from cs360desk.services import edits
from cs360desk.services.catalog import GOAL, MEASURE, MEASUREMENT
from cs360desk.services.evidence import (
    create_goal,
    create_measure,
    delete_goal,
    delete_measurements,
    goals_page,
    measure_view,
    parse_period_end,
    parse_value,
    record_values,
    save_goal_field,
    save_measure_field,
    save_measurement_field,
)
from tests.conftest import Builders


def _values(session: Session, measure_id: int) -> list[tuple[date, float]]:
    return [(v.period_end, v.value) for v in measure_view(session, measure_id).values]


def test_goals_are_grouped_by_every_dimension(session: Session, build: Builders) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id, title="Gun violence")
    crime = build.goal(basics.initiative.id, statement="Fewer shootings", problem_id=problem.id)
    measure = build.measure(crime.id, name="Shots fired", baseline_value=11.0, target_value=7.0)
    build.measurement(measure.id, date(2026, 1, 31), 9.0)
    build.goal(basics.initiative.id, dimension=GoalDimension.ORGANIZATION, statement="Meet")
    build.goal(build.initiative("Other").id, statement="Not ours")
    page = goals_page(session, basics.initiative.id)
    assert [group.dimension for group in page.dimensions] == list(GoalDimension)
    crime_group, partners, organization = page.dimensions
    [view] = crime_group.goals
    assert (view.goal.statement, view.problem_title) == ("Fewer shootings", "Gun violence")
    [standing] = view.measures
    assert standing.trend.verdict is Verdict.IMPROVING
    assert partners.goals == ()
    assert [v.goal.statement for v in organization.goals] == ["Meet"]
    assert page.problems[0].text == "Gun violence"
    assert page.goal(crime.id) == view


def test_pasted_rows_add_new_periods_and_replace_existing_ones(
    session: Session, build: Builders
) -> None:
    goal = build.goal(build.basics().initiative.id)
    measure = build.measure(goal.id, name="Shots fired")
    build.measurement(measure.id, date(2026, 1, 31), 11.0)
    edit = record_values(
        session,
        measure.id,
        [("2026-01-31", "10"), ("2/28/2026", "9.5"), (date(2026, 3, 31), 8), ("2026-04", "1,204")],
    )
    assert edit.label == "Enter 4 values of “Shots fired”"
    assert _values(session, measure.id) == [
        (date(2026, 1, 31), 10.0),
        (date(2026, 2, 28), 9.5),
        (date(2026, 3, 31), 8.0),
        (date(2026, 4, 30), 1204.0),
    ]
    edits.undo(session, edit)
    assert _values(session, measure.id) == [(date(2026, 1, 31), 11.0)]


def test_a_bad_row_is_named_and_nothing_is_entered(
    workspace: Workspace, builders_for: type[Builders]
) -> None:
    with workspace.session_factory.begin() as session:
        build = builders_for(session)
        measure_id = build.measure(build.goal(build.basics().initiative.id).id).id
    rows = [("2026-01-31", "10"), ("2026-02-28", "n/a"), ("2026-03-31", "8")]
    with pytest.raises(ValidationError) as caught, workspace.session_factory.begin() as session:
        record_values(session, measure_id, rows)
    assert caught.value.field == "value"
    assert str(caught.value) == "value: row 2: 'n/a' is not a number"
    bad_date = [("2026-01-31", "10"), ("2026-01-31", "10"), ("Febr", "9")]
    with pytest.raises(ValidationError) as caught, workspace.session_factory.begin() as session:
        record_values(session, measure_id, bad_date)
    assert str(caught.value) == "period end: row 2: 2026-01-31 is repeated"
    with pytest.raises(ValidationError) as caught, workspace.session_factory.begin() as session:
        record_values(session, measure_id, [("2026-01-31", "1"), ("Febr", "9")])
    assert caught.value.field == "period_end"
    assert "row 2: 'Febr' is not a date" in str(caught.value)
    with workspace.session_factory.begin() as session:
        assert MEASUREMENT.count(session) == 0


def test_nothing_to_enter_and_unknown_measures_are_refused(
    session: Session, build: Builders
) -> None:
    measure = build.measure(build.goal(build.basics().initiative.id).id)
    with pytest.raises(ValidationError, match="no values"):
        record_values(session, measure.id, [])
    with pytest.raises(NotFoundError):
        record_values(session, 999, [("2026-01-31", "1")])
    with pytest.raises(NotFoundError):
        measure_view(session, 999)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12.0), (" 12.5 ", 12.5), ("1,234.5", 1234.5), ("12,5", 12.5), ("38%", 38.0), (7, 7.0)],
)
def test_values_are_read_as_spreadsheets_copy_them(text: object, expected: float) -> None:
    assert parse_value(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", True, None, "1.2.3"])
def test_what_is_not_a_number_is_refused(text: object) -> None:
    with pytest.raises(ValidationError, match="is not a number"):
        parse_value(text, row=4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31", date(2026, 1, 31)),
        ("2026-01-31 00:00:00", date(2026, 1, 31)),
        ("1/31/2026", date(2026, 1, 31)),
        ("1/31/26", date(2026, 1, 31)),
        ("2026-02", date(2026, 2, 28)),
    ],
)
def test_period_ends_are_read_in_the_usual_forms(text: str, expected: date) -> None:
    assert parse_period_end(text) == expected


@pytest.mark.parametrize("text", ["31/31/2026", "2026-13", "", "yesterday", 20260131])
def test_what_is_not_a_date_is_refused(text: object) -> None:
    with pytest.raises(ValidationError, match="row 3: .* is not a date"):
        parse_period_end(text, row=3)


def test_one_value_is_edited_and_a_taken_period_refused(session: Session, build: Builders) -> None:
    measure = build.measure(build.goal(build.basics().initiative.id).id)
    first = build.measurement(measure.id, date(2026, 1, 31), 5.0)
    second = build.measurement(measure.id, date(2026, 2, 28), 6.0)
    record, _ = save_measurement_field(session, first.id, "value", 4.5)
    assert record.value == 4.5
    with pytest.raises(ValidationError, match="already has this period end"):
        save_measurement_field(session, second.id, "period_end", date(2026, 1, 31))
    edit = delete_measurements(session, [first.id, second.id])
    assert edit.label == "Delete 2 values"
    assert MEASUREMENT.count(session) == 0


def test_goals_and_measures_are_created_edited_and_deleted(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    goal, _ = create_goal(session, basics.initiative.id, "partners", "Every victim helped")
    measure, _ = create_measure(session, goal.id, "Referrals", direction=Direction.INCREASE)
    record, _ = save_measure_field(session, measure.id, "baseline_value", 1.0)
    assert record.baseline_value == 1.0
    save_goal_field(session, goal.id, "dimension", GoalDimension.CRIME)
    assert GOAL.get(session, goal.id).dimension is GoalDimension.CRIME
    with pytest.raises(ValidationError, match="must be a number"):
        save_measure_field(session, measure.id, "target_value", "six")
    with pytest.raises(ValidationError, match="unknown value"):
        save_measure_field(session, measure.id, "direction", "sideways")
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_measure_field(session, measure.id, "goal_id", goal.id)
    with pytest.raises(ValidationError, match="must not be empty"):
        create_measure(session, goal.id, "")
    edit = delete_goal(session, goal.id)
    assert MEASURE.count(session) == 0
    edits.undo(session, edit)
    assert MEASURE.get(session, measure.id).baseline_value == 1.0
