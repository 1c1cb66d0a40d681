"""The communications log: its order, filters, the last posted day, and checked edits."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.services import edits
from cs360desk.services.catalog import COMMUNICATION
from cs360desk.services.communications import (
    communication_log,
    create_communication,
    delete_communication,
    last_posted,
    save_communication_field,
)
from tests.conftest import Builders

POSTED = CommunicationStatus.POSTED


def test_the_log_is_latest_first_with_undated_drafts_on_top(
    session: Session, build: Builders
) -> None:
    initiative_id = build.basics().initiative.id
    old = build.communication(initiative_id, status=POSTED, posted_on=date(2026, 1, 5))
    new = build.communication(initiative_id, planned_on=date(2026, 3, 1))
    draft = build.communication(initiative_id)
    staff = build.communication(
        initiative_id,
        channel=Channel.STAFF_BRIEFING,
        audience=Audience.STAFF,
        status=POSTED,
        posted_on=date(2026, 2, 1),
    )
    build.communication(build.initiative("Other").id)
    log = communication_log(session, initiative_id)
    assert [c.id for c in log] == [draft.id, new.id, staff.id, old.id]
    assert [c.id for c in communication_log(session, initiative_id, status=POSTED)] == [
        staff.id,
        old.id,
    ]
    assert [c.id for c in communication_log(session, initiative_id, audience=Audience.STAFF)] == [
        staff.id
    ]
    assert last_posted(session, initiative_id) == {
        Audience.PUBLIC: date(2026, 1, 5),
        Audience.STAFF: date(2026, 2, 1),
    }


def test_posting_without_a_day_takes_today_and_bad_input_is_refused(
    session: Session, build: Builders
) -> None:
    initiative_id = build.basics().initiative.id
    record, _ = create_communication(session, initiative_id, "social media", "Lights are on!")
    record, edit = save_communication_field(session, record.id, "status", POSTED)
    assert record.posted_on == date.today()
    assert edit.label == "Change communication (posted on, status)"
    with pytest.raises(ValidationError, match="unknown value") as caught:
        save_communication_field(session, record.id, "channel", "carrier pigeon")
    assert caught.value.field == "channel"
    with pytest.raises(ValidationError, match="is not a date"):
        save_communication_field(session, record.id, "planned_on", "next week")
    with pytest.raises(ValidationError, match="must not be empty"):
        create_communication(session, initiative_id, Channel.WEBSITE, "")
    with pytest.raises(ValidationError, match="cannot be changed"):
        save_communication_field(session, record.id, "initiative_id", 1)
    with pytest.raises(NotFoundError):
        communication_log(session, 999)


def test_a_deleted_update_comes_back_with_undo(session: Session, build: Builders) -> None:
    communication = build.communication(build.basics().initiative.id, text="Café con policía")
    edit = delete_communication(session, communication.id)
    assert COMMUNICATION.count(session) == 0
    edits.undo(session, edit)
    assert COMMUNICATION.get(session, communication.id).text == "Café con policía"
