"""Community input: activities, findings, the theme summary and recommendations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from cs360desk.domain.enums import ActionStatus, Decision, InputKind, RecommendationStatus
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.services import edits
from cs360desk.services.catalog import FINDING, RECOMMENDATION
from cs360desk.services.community_input import (
    community_input_page,
    create_activity,
    create_finding,
    create_recommendation,
    delete_activity,
    findings_of,
    link_action_item,
    save_activity_field,
    save_recommendation_field,
    theme_summary,
    unlink_action_item,
)
from tests.conftest import Builders

TODAY = date(2026, 3, 15)


def test_themes_are_counted_across_activities(session: Session, build: Builders) -> None:
    initiative_id = build.basics().initiative.id
    survey, _ = create_activity(session, initiative_id, InputKind.SURVEY, date(2026, 1, 10))
    session_, _ = create_activity(session, initiative_id, "listening session", date(2026, 2, 1))
    create_finding(session, survey.id, "Lighting", "Dark park")
    create_finding(session, survey.id, "lighting ", "Broken lamps")
    create_finding(session, session_.id, "Lighting", "Alley")
    create_finding(session, session_.id, "Youth  activities", "Nothing to do")
    other = build.initiative("Other").id
    elsewhere, _ = create_activity(session, other, InputKind.SURVEY, date(2026, 1, 10))
    create_finding(session, elsewhere.id, "Lighting", "Not ours")
    summary = theme_summary(session, initiative_id)
    assert [(t.theme, t.findings, t.activities) for t in summary] == [
        ("Lighting", 3, 2),
        ("Youth activities", 1, 1),
    ]
    page = community_input_page(session, initiative_id, today=TODAY)
    assert [(row.activity.id, row.findings) for row in page.activities] == [
        (session_.id, 2),
        (survey.id, 2),
    ]
    assert page.themes == tuple(summary)
    assert [f.text for f in findings_of(session, survey.id)] == ["Dark park", "Broken lamps"]


def test_activity_input_is_checked(session: Session, build: Builders) -> None:
    initiative_id = build.basics().initiative.id
    with pytest.raises(ValidationError, match="unknown value") as caught:
        create_activity(session, initiative_id, "picnic", date(2026, 1, 1))
    assert caught.value.field == "kind"
    activity, _ = create_activity(session, initiative_id, InputKind.FOCUS_GROUP, date(2026, 1, 1))
    with pytest.raises(ValidationError, match="must not be negative"):
        save_activity_field(session, activity.id, "participants", -3)
    with pytest.raises(ValidationError, match="must not be empty"):
        create_finding(session, activity.id, " ", "text")
    with pytest.raises(NotFoundError):
        findings_of(session, 999)


def test_deleting_an_activity_takes_its_findings_until_undone(
    session: Session, build: Builders
) -> None:
    initiative_id = build.basics().initiative.id
    activity, _ = create_activity(session, initiative_id, InputKind.INTERVIEW, date(2026, 1, 1))
    create_finding(session, activity.id, "Trust", "Nobody calls back")
    edit = delete_activity(session, activity.id)
    assert FINDING.count(session) == 0
    edits.undo(session, edit)
    assert [f.theme for f in findings_of(session, activity.id)] == ["Trust"]


def test_recommendations_carry_their_owner_and_action_items(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    initiative_id = basics.initiative.id
    recommendation, _ = create_recommendation(
        session, initiative_id, "Fix the lights", source_theme="Lighting", owner_id=basics.member.id
    )
    item = build.action_item(initiative_id, title="Survey the park", due_on=date(2026, 3, 1))
    build.action_item(initiative_id, title="Closed one", status=ActionStatus.DONE)
    link_action_item(session, recommendation.id, item.id)
    page = community_input_page(session, initiative_id, today=TODAY)
    [line] = page.recommendations
    assert line.owner_name == basics.member.full_name
    assert [(i.title, i.overdue) for i in line.action_items] == [("Survey the park", True)]
    assert [c.text for c in page.action_items] == ["Survey the park"]
    with pytest.raises(ValidationError, match="linked already"):
        link_action_item(session, recommendation.id, item.id)
    unlink_action_item(session, recommendation.id, item.id)
    assert (
        community_input_page(session, initiative_id, today=TODAY).recommendations[0].action_items
        == ()
    )
    with pytest.raises(ValidationError, match="not linked"):
        unlink_action_item(session, recommendation.id, item.id)


def test_linking_checks_both_ends(session: Session, build: Builders) -> None:
    initiative_id = build.basics().initiative.id
    recommendation = build.recommendation(initiative_id)
    foreign = build.action_item(build.initiative("Other").id)
    with pytest.raises(ValidationError, match="another initiative"):
        link_action_item(session, recommendation.id, foreign.id)
    with pytest.raises(NotFoundError):
        link_action_item(session, recommendation.id, 999)
    with pytest.raises(NotFoundError):
        link_action_item(session, 999, foreign.id)


def test_a_decision_change_is_saved_and_undone(session: Session, build: Builders) -> None:
    recommendation = build.recommendation(build.basics().initiative.id)
    record, edit = save_recommendation_field(
        session, recommendation.id, "decision", Decision.ACCEPTED
    )
    assert record.decision is Decision.ACCEPTED
    assert edit.label == "Change recommendation (decision)"
    save_recommendation_field(session, recommendation.id, "status", RecommendationStatus.DONE)
    edits.undo(session, edit)
    assert RECOMMENDATION.get(session, recommendation.id).decision is Decision.PROPOSED
    with pytest.raises(ValidationError, match="unknown value"):
        save_recommendation_field(session, recommendation.id, "decision", "perhaps")
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_recommendation_field(session, recommendation.id, "initiative_id", 1)
