"""SARA problems: the priority ranking, the detail with responses and linked action items."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from cs360desk.domain.enums import ActionStatus, AssessmentDecision, Direction, SaraPhase
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.trend import Verdict
from cs360desk.services import edits
from cs360desk.services.catalog import ACTION_ITEM, PROBLEM, RESPONSE
from cs360desk.services.problems import (
    add_action_item_for_response,
    create_problem,
    create_response,
    delete_problem,
    link_to_response,
    problem_detail,
    problem_rows,
    ranked_candidates,
    save_problem_field,
    save_response_field,
)
from tests.conftest import Builders

TODAY = date(2026, 3, 15)


def _scores(impact: int, life: int, interest: int, rights: int) -> dict[str, int]:
    return {
        "score_impact": impact,
        "score_threat_to_life": life,
        "score_community_interest": interest,
        "score_threat_to_rights": rights,
    }


def test_candidates_are_ranked_by_their_worksheet_total(session: Session, build: Builders) -> None:
    basics = build.basics()
    initiative_id = basics.initiative.id
    build.problem(initiative_id, title="Speeding at school crossings", **_scores(3, 3, 5, 1))
    build.problem(initiative_id, title="Gun violence", **_scores(5, 5, 5, 2))
    build.problem(initiative_id, title="Boat ramp", **_scores(3, 2, 4, 1))
    other = build.initiative("Other")
    build.problem(other.id, title="Elsewhere", **_scores(5, 5, 5, 5))
    ranked = ranked_candidates(session, initiative_id)
    assert [(r.problem.title, r.total, r.rank) for r in ranked] == [
        ("Gun violence", 17, 1),
        ("Speeding at school crossings", 12, 2),
        ("Boat ramp", 10, 3),
    ]


def test_rescoring_changes_the_ranking(session: Session, build: Builders) -> None:
    basics = build.basics()
    first = build.problem(basics.initiative.id, title="A", **_scores(3, 3, 3, 3))
    second = build.problem(basics.initiative.id, title="B", **_scores(2, 2, 2, 2))
    record, edit = save_problem_field(session, second.id, "score_impact", 5)
    assert record.score_impact == 5
    assert edit.label == "Change problem (score impact)"
    save_problem_field(session, second.id, "score_threat_to_life", 5)
    rows = problem_rows(session, basics.initiative.id)
    assert [(row.problem.id, row.total, row.rank) for row in rows] == [
        (second.id, 14, 1),
        (first.id, 12, 2),
    ]


@pytest.mark.parametrize("score", [-1, 6, 100])
def test_scores_outside_zero_to_five_are_refused(
    session: Session, build: Builders, score: int
) -> None:
    problem = build.problem(build.basics().initiative.id)
    with pytest.raises(ValidationError, match="between 0 and 5") as caught:
        save_problem_field(session, problem.id, "score_threat_to_rights", score)
    assert caught.value.field == "score_threat_to_rights"
    assert PROBLEM.get(session, problem.id).score_threat_to_rights == 0


def test_a_score_must_be_a_whole_number(session: Session, build: Builders) -> None:
    problem = build.problem(build.basics().initiative.id)
    with pytest.raises(ValidationError, match="whole number"):
        save_problem_field(session, problem.id, "score_impact", "four")


def test_cheers_analysis_and_assessment_fields_are_saved(session: Session, build: Builders) -> None:
    problem = build.problem(build.basics().initiative.id)
    assert not problem.cheers_harm and problem.assessment_decision is None
    save_problem_field(session, problem.id, "cheers_harm", True)
    save_problem_field(session, problem.id, "data_used", "CAD 2023–2025; survey of 212 residents")
    save_problem_field(session, problem.id, "impact_evaluation", "Shots fired −30 %")
    record, _ = save_problem_field(session, problem.id, "assessment_decision", "adjust")
    assert record.cheers_harm
    assert record.data_used == "CAD 2023–2025; survey of 212 residents"
    assert record.assessment_decision is AssessmentDecision.ADJUST
    record, _ = save_problem_field(session, problem.id, "phase", SaraPhase.ASSESSMENT)
    assert record.phase is SaraPhase.ASSESSMENT
    with pytest.raises(ValidationError, match="unknown value"):
        save_problem_field(session, problem.id, "assessment_decision", "maybe")
    with pytest.raises(ValidationError, match="yes or no"):
        save_problem_field(session, problem.id, "cheers_events", "yes")
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_problem_field(session, problem.id, "initiative_id", 1)


def test_unknown_problems_are_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError):
        save_problem_field(session, 404, "title", "x")
    with pytest.raises(NotFoundError):
        problem_detail(session, 404, today=TODAY)
    with pytest.raises(NotFoundError):
        ranked_candidates(session, 404)


def test_the_detail_shows_responses_with_their_action_items(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id, title="Gun violence")
    response = build.response(problem.id, title="Lighting", lead_id=basics.champion.id)
    late = build.action_item(
        basics.initiative.id, title="Fix lights", due_on=date(2026, 3, 1), owner_id=basics.member.id
    )
    loose = build.action_item(basics.initiative.id, title="Call the co-op")
    build.action_item(basics.initiative.id, title="Done already", status=ActionStatus.DONE)
    link_to_response(session, late.id, response.id)
    detail = problem_detail(session, problem.id, today=TODAY)
    [line] = detail.responses
    assert (line.response.title, line.lead_name) == ("Lighting", basics.champion.full_name)
    [item] = line.action_items
    assert (item.title, item.owner_name, item.overdue) == (
        "Fix lights",
        basics.member.full_name,
        True,
    )
    assert [i.title for i in detail.linkable_items] == ["Call the co-op"]
    assert ACTION_ITEM.get(session, late.id).problem_id == problem.id
    edit = link_to_response(session, loose.id, None)
    assert not edit  # it was not linked: nothing changed


def test_linking_is_undoable_and_checks_the_initiative(session: Session, build: Builders) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id)
    response = build.response(problem.id)
    item = build.action_item(basics.initiative.id)
    edit = link_to_response(session, item.id, response.id)
    edits.undo(session, edit)
    assert ACTION_ITEM.get(session, item.id).response_id is None
    foreign = build.action_item(build.initiative("Other").id)
    with pytest.raises(ValidationError, match="another initiative"):
        link_to_response(session, foreign.id, response.id)
    with pytest.raises(NotFoundError):
        link_to_response(session, item.id, 999)


def test_a_new_action_item_for_a_response_goes_to_its_lead(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id)
    response = build.response(problem.id, lead_id=basics.member.id)
    record, edit = add_action_item_for_response(session, response.id, "Order the lights")
    assert (record.owner_id, record.problem_id, record.response_id) == (
        basics.member.id,
        problem.id,
        response.id,
    )
    assert edit.label == "Add action item “Order the lights”"
    with pytest.raises(ValidationError, match="must not be empty"):
        add_action_item_for_response(session, response.id, "  ")


def test_responses_are_created_edited_and_checked(session: Session, build: Builders) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id)
    response, _ = create_response(session, problem.id, "Focused deterrence")
    record, _ = save_response_field(session, response.id, "starts_on", date(2026, 4, 1))
    assert record.starts_on == date(2026, 4, 1)
    with pytest.raises(ValidationError, match="must not be before") as caught:
        save_response_field(session, response.id, "ends_on", date(2026, 3, 1))
    assert caught.value.field == "ends_on"
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_response_field(session, response.id, "problem_id", problem.id)
    with pytest.raises(ValidationError):
        save_response_field(session, response.id, "lead_id", 999)


def test_deleting_a_problem_takes_its_responses_and_undo_brings_them_back(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    problem, _ = create_problem(session, basics.initiative.id, "Boat ramp")
    response = build.response(problem.id)
    item = build.action_item(basics.initiative.id)
    link_to_response(session, item.id, response.id)
    edit = delete_problem(session, problem.id)
    assert RESPONSE.count(session) == 0
    assert ACTION_ITEM.get(session, item.id).problem_id is None
    edits.undo(session, edit)
    assert RESPONSE.get(session, response.id).problem_id == problem.id
    assert ACTION_ITEM.get(session, item.id).response_id == response.id


def test_the_assessment_shows_the_problem_measures_against_baseline(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    problem = build.problem(basics.initiative.id)
    goal = build.goal(basics.initiative.id, problem_id=problem.id)
    measure = build.measure(
        goal.id, direction=Direction.DECREASE, baseline_value=10.0, target_value=7.0
    )
    build.measurement(measure.id, date(2026, 1, 31), 9.0)
    build.measurement(measure.id, date(2026, 2, 28), 8.0)
    build.measure(build.goal(basics.initiative.id).id)  # not this problem's
    [standing] = problem_detail(session, problem.id, today=TODAY).measures
    assert standing.measure.id == measure.id
    assert standing.latest is not None and standing.latest.value == 8.0
    assert standing.trend.verdict is Verdict.IMPROVING
    assert standing.trend.words.startswith("Improving: 20% below baseline")
