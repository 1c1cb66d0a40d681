"""What a workspace holds: counts per entity, the agency and its initiatives."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.base import Base
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


def broken_references(session: Session) -> list[str]:
    """Every reference to a record that is not there, in SQL any database understands."""
    broken: list[str] = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_key_constraints:
            pairs = [(element.parent, element.column) for element in key.elements]
            joined = table.outerjoin(
                key.referred_table, and_(*(child == ref for child, ref in pairs))
            )
            missing = (
                select(func.count())
                .select_from(joined)
                .where(and_(*(child.is_not(None) for child, _ in pairs)))
                .where(pairs[0][1].is_(None))
            )
            if count := session.scalar(missing):
                broken.append(
                    f"{count} row(s) of {table.name} name a missing {key.referred_table.name}"
                )
    return broken
