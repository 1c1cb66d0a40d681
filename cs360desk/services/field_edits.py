"""What the editors of the problem-solving pages share: one-field saves and people to pick."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.base import Base
from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import ValidationError, kind_name
from cs360desk.domain.problem_views import Choice
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.entities import EntityService

M = TypeVar("M", bound=Base)
R = TypeVar("R")


def save_field(
    session: Session,
    service: EntityService[M, R],
    record_id: int,
    allowed: Collection[str],
    field: str,
    value: Any,
) -> tuple[R, Edit]:
    """One field changed in an editor; keys and bookkeeping are not the editor's to change."""
    if field not in allowed:
        raise ValidationError(
            field,
            _("cannot be changed in the {kind} editor").format(kind=kind_name(service.label)),
        )
    return edits.update(session, service, record_id, **{field: value})


def people_choices(session: Session, keep: Iterable[int | None] = ()) -> tuple[Choice, ...]:
    """Active people by name, plus inactive ones still named on the record shown."""
    kept = [person_id for person_id in keep if person_id is not None]
    query = (
        select(m.Person.id, m.Person.full_name)
        .where(or_(m.Person.active.is_(True), m.Person.id.in_(kept)))
        .order_by(m.Person.full_name, m.Person.id)
    )
    return tuple(Choice(person_id, name) for person_id, name in session.execute(query))


def person_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {person_id for person_id in ids if person_id is not None}
    if not wanted:
        return {}
    query = select(m.Person.id, m.Person.full_name).where(m.Person.id.in_(wanted))
    return {person_id: name for person_id, name in session.execute(query)}
