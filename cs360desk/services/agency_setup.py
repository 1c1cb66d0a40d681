"""First run: the agency, its first initiative and the champion, created together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from cs360desk.domain.enums import Affiliation, Stage
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.records import AgencyRecord, InitiativeRecord, PersonRecord
from cs360desk.i18n import _
from cs360desk.services.catalog import AGENCY, INITIATIVE, PERSON
from cs360desk.services.workspace_info import is_empty


@dataclass(frozen=True)
class NewAgency:
    agency_name: str
    jurisdiction: str
    chief_name: str
    initiative_name: str
    champion_name: str
    champion_title: str = ""
    population: int | None = None


@dataclass(frozen=True)
class AgencySetup:
    agency: AgencyRecord
    initiative: InitiativeRecord
    champion: PersonRecord


def create_agency(session: Session, new: NewAgency, *, today: date) -> AgencySetup:
    """All three or nothing: the caller's transaction rolls back on any ValidationError."""
    if not is_empty(session):
        raise ValidationError("agency_name", _("this workspace already has an agency"))
    if not new.initiative_name.strip():
        raise ValidationError("initiative_name", _("must not be empty"))
    try:
        agency = AGENCY.create(
            session,
            name=new.agency_name,
            jurisdiction=new.jurisdiction,
            chief_name=new.chief_name,
            population=new.population,
        )
    except ValidationError as error:
        field = "agency_name" if error.field == "name" else error.field
        raise ValidationError(field, error.problem) from error
    try:
        champion = PERSON.create(
            session,
            full_name=new.champion_name,
            title=new.champion_title,
            affiliation=Affiliation.DEPARTMENT,
        )
    except ValidationError as error:
        # The form asks for the champion's name and title; name the field the user sees.
        field = "champion_name" if error.field == "full_name" else f"champion_{error.field}"
        raise ValidationError(field, error.problem) from error
    try:
        initiative = INITIATIVE.create(
            session,
            name=new.initiative_name,
            stage=Stage.LAUNCH,
            started_on=today,
            stage_changed_on=today,
            champion_id=champion.id,
        )
    except ValidationError as error:
        field = "initiative_name" if error.field == "name" else error.field
        raise ValidationError(field, error.problem) from error
    return AgencySetup(agency, initiative, champion)
