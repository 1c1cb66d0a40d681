"""What a workspace holds: counts per entity, the agency and its initiatives."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.records import AgencyRecord, InitiativeRecord
from cs360desk.services.catalog import AGENCY, ALL, INITIATIVE


def entity_counts(session: Session) -> dict[str, int]:
    """Row count per entity, keyed by the entity's plain name ("action item")."""
    return {service.label: service.count(session) for service in ALL}


def is_empty(session: Session) -> bool:
    return session.scalar(select(m.Agency.id).limit(1)) is None


def the_agency(session: Session) -> AgencyRecord | None:
    agencies = AGENCY.list(session)
    return agencies[0] if agencies else None


def initiatives(session: Session) -> list[InitiativeRecord]:
    return INITIATIVE.list(session)
