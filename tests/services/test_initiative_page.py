"""The initiative's stages: moving on with a note and a date, the history, and refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Stage
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.initiative_views import StepState
from cs360desk.services import edits
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.initiative_page import (
    initiative_page,
    move_to_next_stage,
    save_initiative_field,
    stage_history,
)
from cs360desk.services.stages import STAGE_CHANGE
from tests.conftest import STARTED_ON, Builders


def test_moving_on_records_the_stage_its_day_and_the_note(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    record, edit = move_to_next_stage(
        session,
        basics.initiative.id,
        note="PST chartered by the chief",
        reached_on=date(2026, 2, 2),
    )
    assert (record.stage, record.stage_changed_on) == (Stage.SCANNING, date(2026, 2, 2))
    assert edit.label == "Move to Scanning"
    [change] = stage_history(session, basics.initiative.id)
    assert (change.stage, change.reached_on, change.note) == (
        Stage.SCANNING,
        date(2026, 2, 2),
        "PST chartered by the chief",
    )
    page = initiative_page(session, basics.initiative.id)
    assert [s.state for s in page.steps[:3]] == [StepState.DONE, StepState.CURRENT, StepState.AHEAD]
    assert page.steps[0].reached_on == STARTED_ON
    assert page.steps[1].note == "PST chartered by the chief"
    assert page.next_stage is Stage.PRIORITIZING
    assert basics.champion.id in [choice.id for choice in page.people]


def test_the_move_is_undone_as_one(session: Session, build: Builders) -> None:
    basics = build.basics()
    _record, edit = move_to_next_stage(
        session, basics.initiative.id, note="", reached_on=date(2026, 2, 2)
    )
    edits.undo(session, edit)
    assert INITIATIVE.get(session, basics.initiative.id).stage is Stage.LAUNCH
    assert STAGE_CHANGE.count(session) == 0
    edits.redo(session, edit)
    assert INITIATIVE.get(session, basics.initiative.id).stage is Stage.SCANNING
    assert STAGE_CHANGE.count(session) == 1


def test_there_is_no_moving_past_closed(session: Session, build: Builders) -> None:
    initiative = build.initiative(stage=Stage.CLOSED)
    with pytest.raises(ValidationError, match="no stage after Closed") as caught:
        move_to_next_stage(session, initiative.id, note="", reached_on=date(2026, 3, 1))
    assert caught.value.field == "stage"


def test_a_day_before_the_current_stage_began_is_refused(session: Session, build: Builders) -> None:
    initiative = build.initiative(stage=Stage.SCANNING, stage_changed_on=date(2026, 2, 1))
    with pytest.raises(ValidationError) as caught:
        move_to_next_stage(session, initiative.id, note="", reached_on=date(2026, 1, 31))
    assert caught.value.field == "reached_on"
    with pytest.raises(ValidationError, match="is not a date"):
        move_to_next_stage(session, initiative.id, note="", reached_on="soon")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="must be text"):
        move_to_next_stage(session, initiative.id, note=None, reached_on=date(2026, 3, 1))  # type: ignore[arg-type]


def test_an_unknown_initiative_is_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError):
        move_to_next_stage(session, 999, note="", reached_on=date(2026, 3, 1))
    with pytest.raises(NotFoundError):
        initiative_page(session, 999)


def test_champion_sponsor_and_commitment_are_saved_one_by_one(
    session: Session, build: Builders
) -> None:
    basics = build.basics()
    record, edit = save_initiative_field(
        session, basics.initiative.id, "sponsor_id", basics.member.id
    )
    assert record.sponsor_id == basics.member.id
    assert edit.label == "Change initiative (sponsor)"
    record, _ = save_initiative_field(
        session, basics.initiative.id, "commitment", "Nos comprometemos"
    )
    assert record.commitment == "Nos comprometemos"
    with pytest.raises(ValidationError) as caught:
        save_initiative_field(session, basics.initiative.id, "champion_id", 999)
    assert caught.value.field == "champion_id"
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_initiative_field(session, basics.initiative.id, "stage", Stage.CLOSED)


def test_a_failed_move_saves_nothing(workspace: Workspace, builders_for: type[Builders]) -> None:
    with workspace.session_factory.begin() as session:
        initiative_id = builders_for(session).initiative(stage=Stage.CLOSED).id
    with pytest.raises(ValidationError), workspace.session_factory.begin() as session:
        move_to_next_stage(session, initiative_id, note="x", reached_on=date(2026, 3, 1))
    with workspace.session_factory.begin() as session:
        assert STAGE_CHANGE.count(session) == 0
        assert INITIATIVE.get(session, initiative_id).stage is Stage.CLOSED
