"""The dated progress log of an action item: "2026-03-02 — called the school district"."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.action_item_views import ActionItemUpdateRecord
from cs360desk.domain.edits import Edit
from cs360desk.services import edits
from cs360desk.services.catalog import ACTION_ITEM_UPDATE


def progress_notes(session: Session, action_item_id: int) -> list[ActionItemUpdateRecord]:
    """Newest first; notes of the same day in the order they were written, latest on top."""
    note = m.ActionItemUpdate
    query = (
        select(note)
        .where(note.action_item_id == action_item_id)
        .order_by(note.noted_on.desc(), note.id.desc())
    )
    return [ACTION_ITEM_UPDATE.to_record(obj) for obj in session.scalars(query)]


def add_progress_note(
    session: Session, action_item_id: int, *, noted_on: date | str, text: str
) -> tuple[ActionItemUpdateRecord, Edit]:
    """An undoable note; the text is kept exactly as typed but must not be blank."""
    return edits.create(
        session, ACTION_ITEM_UPDATE, action_item_id=action_item_id, noted_on=noted_on, text=text
    )
