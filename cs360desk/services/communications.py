"""The log of public and staff updates: what was planned, approved and posted, and when."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.records import CommunicationRecord
from cs360desk.services import edits
from cs360desk.services.catalog import COMMUNICATION, INITIATIVE
from cs360desk.services.field_edits import save_field

COMMUNICATION_FIELDS = frozenset(
    {"channel", "audience", "planned_on", "posted_on", "text", "status"}
)


def communication_log(
    session: Session,
    initiative_id: int,
    *,
    status: CommunicationStatus | None = None,
    audience: Audience | None = None,
) -> list[CommunicationRecord]:
    """Latest first by the day posted (or planned); undated drafts lead, as still to do."""
    INITIATIVE.load(session, initiative_id)
    where = [m.Communication.initiative_id == initiative_id]
    if status is not None:
        where.append(m.Communication.status == status)
    if audience is not None:
        where.append(m.Communication.audience == audience)
    records = COMMUNICATION.list(session, *where)
    return sorted(records, key=_log_order)


def _log_order(record: CommunicationRecord) -> tuple[int, int, int]:
    when = record.posted_on or record.planned_on
    return (0 if when is None else 1, -(when or date.min).toordinal(), -record.id)


def last_posted(session: Session, initiative_id: int) -> dict[Audience, date]:
    """The day of the latest posted update per audience (absent: never)."""
    INITIATIVE.load(session, initiative_id)
    rows = session.execute(
        select(m.Communication.audience, func.max(m.Communication.posted_on))
        .where(
            m.Communication.initiative_id == initiative_id,
            m.Communication.status == CommunicationStatus.POSTED,
            m.Communication.posted_on.is_not(None),
        )
        .group_by(m.Communication.audience)
    )
    found: dict[Audience, date] = {}
    for audience, posted in rows:
        if posted is not None:
            found[audience] = posted
    return found


def create_communication(
    session: Session,
    initiative_id: int,
    channel: Channel | str,
    text: str,
    **values: Any,
) -> tuple[CommunicationRecord, Edit]:
    return edits.create(
        session, COMMUNICATION, initiative_id=initiative_id, channel=channel, text=text, **values
    )


def save_communication_field(
    session: Session, communication_id: int, field: str, value: Any
) -> tuple[CommunicationRecord, Edit]:
    return save_field(session, COMMUNICATION, communication_id, COMMUNICATION_FIELDS, field, value)


def delete_communication(session: Session, communication_id: int) -> Edit:
    return edits.delete(session, COMMUNICATION, communication_id)
