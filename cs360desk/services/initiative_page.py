"""The initiative page: the stepper of its stages, moving on with a note, its leadership."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.initiative_views import InitiativePage, next_stage, stage_steps
from cs360desk.domain.records import InitiativeRecord, StageChangeRecord
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.field_edits import people_choices, save_field
from cs360desk.services.stages import STAGE_CHANGE

# The stage itself only moves through move_to_next_stage, so that its date and note are kept.
INITIATIVE_FIELDS = frozenset(
    {
        "name",
        "started_on",
        "champion_id",
        "sponsor_id",
        "commitment",
        "public_update_days",  # None: the agency's default cadence
        "staff_update_days",
    }
)


def stage_history(session: Session, initiative_id: int) -> list[StageChangeRecord]:
    """Oldest first."""
    INITIATIVE.load(session, initiative_id)
    return STAGE_CHANGE.list(session, m.StageChange.initiative_id == initiative_id)


def initiative_page(session: Session, initiative_id: int) -> InitiativePage:
    initiative = INITIATIVE.get(session, initiative_id)
    history = tuple(stage_history(session, initiative_id))
    return InitiativePage(
        initiative=initiative,
        steps=stage_steps(initiative, history),
        history=tuple(reversed(history)),
        people=people_choices(session, (initiative.champion_id, initiative.sponsor_id)),
    )


def move_to_next_stage(
    session: Session,
    initiative_id: int,
    *,
    note: str,
    reached_on: date,
    expected_version: int | None = None,
) -> tuple[InitiativeRecord, Edit]:
    """Advance one stage; refused past Closed and before the current stage's own date."""
    initiative = INITIATIVE.get(session, initiative_id)
    target = next_stage(initiative.stage)
    if target is None:
        raise ValidationError(
            "stage", _("the initiative is closed; there is no stage after Closed")
        )
    if not isinstance(note, str):
        raise ValidationError("note", _("must be text"))
    if not isinstance(reached_on, date):
        raise ValidationError(
            "reached_on", _("is not a date: {value}").format(value=repr(reached_on))
        )
    since = initiative.stage_changed_on or initiative.started_on
    if reached_on < since:
        raise ValidationError(
            "reached_on",
            _("must not be before {day}, when the current stage began").format(
                day=since.isoformat()
            ),
        )
    record, moved = edits.update(
        session,
        INITIATIVE,
        initiative_id,
        expected_version=expected_version,
        stage=target,
        stage_changed_on=reached_on,
    )
    _change, noted = edits.create(
        session,
        STAGE_CHANGE,
        initiative_id=initiative_id,
        stage=target,
        reached_on=reached_on,
        note=note.strip(),
    )
    return record, combine(_("Move to {stage}").format(stage=target.label), moved, noted)


def save_initiative_field(
    session: Session, initiative_id: int, field: str, value: Any
) -> tuple[InitiativeRecord, Edit]:
    return save_field(session, INITIATIVE, initiative_id, INITIATIVE_FIELDS, field, value)
