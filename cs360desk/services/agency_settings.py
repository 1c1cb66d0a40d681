"""The agency's settings, kept in the workspace so they travel with the file: its profile,
time zone, public-post hashtag and link, momentum thresholds and update cadences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.momentum import MomentumThresholds
from cs360desk.domain.records import AgencyRecord, InitiativeRecord
from cs360desk.i18n import ENGLISH, _
from cs360desk.services import edits
from cs360desk.services.catalog import AGENCY, MOMENTUM_DAYS

AGENCY_SETTING_FIELDS = frozenset(
    {
        "name",
        "jurisdiction",
        "chief_name",
        "logo",
        "paper_size",
        "time_zone",
        "post_hashtag",
        "post_link",
        "public_language",
        *MOMENTUM_DAYS,
    }
)


@dataclass(frozen=True)
class UpdateCadence:
    """Days between public updates and between staff briefings, for one initiative."""

    public_days: int
    staff_days: int


def agency_settings(session: Session) -> AgencyRecord:
    agencies = AGENCY.list(session)
    if not agencies:
        raise NotFoundError("agency", 0)
    return agencies[0]


def save_agency_settings(session: Session, **changes: Any) -> tuple[AgencyRecord, Edit]:
    """All the changes in one edit (one undo step), validated together."""
    unknown = sorted(set(changes) - AGENCY_SETTING_FIELDS)
    if unknown:
        raise ValidationError(unknown[0], _("is not a setting of the agency"))
    return edits.update(session, AGENCY, agency_settings(session).id, **changes)


def momentum_limits(session: Session) -> MomentumThresholds:
    """The thresholds the dashboard judges by; the defaults while there is no agency."""
    agencies = AGENCY.list(session)
    if not agencies:
        return MomentumThresholds()
    agency = agencies[0]
    return MomentumThresholds(**{name: getattr(agency, name) for name in MOMENTUM_DAYS})


def agency_zone(session: Session) -> tzinfo | None:
    """The agency's time zone; None means this computer's own."""
    agencies = AGENCY.list(session)
    name = agencies[0].time_zone if agencies else ""
    return ZoneInfo(name) if name else None


def public_language(session: Session) -> str:
    """The language the agency's printouts and drafts are written in unless one is chosen."""
    agencies = AGENCY.list(session)
    return agencies[0].public_language if agencies else ENGLISH


def update_cadence(initiative: InitiativeRecord, limits: MomentumThresholds) -> UpdateCadence:
    """The initiative's own cadence where it has one, else the agency's default."""
    return UpdateCadence(
        public_days=initiative.public_update_days or limits.public_update_days,
        staff_days=initiative.staff_update_days or limits.staff_update_days,
    )
