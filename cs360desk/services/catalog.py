"""One EntityService per entity of the domain model in docs/design.md, with the rules that
columns cannot express."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain import records as r
from cs360desk.domain.action_item_views import ActionItemUpdateRecord
from cs360desk.domain.enums import ActionStatus, CommunicationStatus
from cs360desk.domain.errors import ValidationError, field_label
from cs360desk.i18n import LANGUAGES, _
from cs360desk.services.entities import EntityService
from cs360desk.services.stages import STAGE_CHANGE

# Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^[0-9+().\-\s/#*]*(?:\s*(?:x|ext\.?)\s*\d+)?$", re.IGNORECASE)
_HASHTAG = re.compile(r"^#[^\s#]+$")
_LINK = re.compile(r"^https?://[^\s]+\.[^\s]+$", re.IGNORECASE)
MAX_LOGO_BYTES = 5 * 1024 * 1024
MOMENTUM_DAYS = (
    "meeting_grace_days",
    "public_update_days",
    "staff_update_days",
    "stage_stale_days",
    "recommendation_wait_days",
)
SCORE_FIELDS = (
    "score_impact",
    "score_threat_to_life",
    "score_community_interest",
    "score_threat_to_rights",
)
MAX_SCORE = 5


def _contact(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    email = values.get("email") or ""
    if email and not _EMAIL.match(email):
        raise ValidationError(
            "email", _("{value} is not an e-mail address").format(value=repr(email))
        )
    phone = values.get("phone") or ""
    if phone and (not _PHONE.match(phone) or not any(ch.isdigit() for ch in phone)):
        raise ValidationError("phone", _("{value} is not a phone number").format(value=repr(phone)))


def _not_negative(*fields: str) -> Any:
    def rule(_s: Session, values: dict[str, Any], _obj: Any) -> None:
        for field in fields:
            if (values.get(field) or 0) < 0:
                raise ValidationError(field, _("must not be negative"))

    return rule


def _in_order(first: str, last: str) -> Any:
    def rule(_s: Session, values: dict[str, Any], _obj: Any) -> None:
        start, end = values.get(first), values.get(last)
        if start is not None and end is not None and end < start:
            raise ValidationError(
                last, _("must not be before {field}").format(field=field_label(first))
            )

    return rule


def _single_agency(session: Session, _values: dict[str, Any], obj: Any) -> None:
    if obj is None and session.scalar(select(func.count()).select_from(m.Agency)):
        raise ValidationError("name", _("this workspace already has an agency; edit it instead"))


def _scores(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    for field in SCORE_FIELDS:
        if not 0 <= (values.get(field) or 0) <= MAX_SCORE:
            raise ValidationError(
                field, _("must be between {low} and {high}").format(low=0, high=MAX_SCORE)
            )


def _duration(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    if not 1 <= (values.get("duration_minutes") or 0) <= 24 * 60:
        raise ValidationError("duration_minutes", _("must be between 1 minute and 24 hours"))


def _attendee(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    if values.get("person_id") is None and not (values.get("guest_name") or "").strip():
        raise ValidationError("person_id", _("choose a person or type a guest's name"))


def _completion(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    """Done items carry the day they were finished; reopened ones lose it."""
    if values.get("status") is ActionStatus.DONE:
        values["completed_on"] = values.get("completed_on") or date.today()
    else:
        values["completed_on"] = None


def _posting(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    if values.get("status") is CommunicationStatus.POSTED and values.get("posted_on") is None:
        values["posted_on"] = date.today()


def _next_position(session: Session, values: dict[str, Any], obj: Any) -> None:
    if values.get("position") is None and values.get("meeting_id") is not None:
        last = session.scalar(
            select(func.max(m.AgendaItem.position)).where(
                m.AgendaItem.meeting_id == values["meeting_id"]
            )
        )
        values["position"] = 0 if last is None else last + 1
    if (values.get("position") or 0) < 0:
        raise ValidationError("position", _("must not be negative"))


def _days_between(low: int, high: int, *fields: str) -> Any:
    def rule(_s: Session, values: dict[str, Any], _obj: Any) -> None:
        for field in fields:
            days = values.get(field)
            if days is not None and not low <= days <= high:
                raise ValidationError(
                    field,
                    _("must be between {low} and {high} days").format(low=low, high=high),
                )

    return rule


def _agency_profile(_s: Session, values: dict[str, Any], _obj: Any) -> None:
    zone = values.get("time_zone") or ""
    if zone and not is_time_zone(zone):
        raise ValidationError(
            "time_zone",
            _("{value} is not a time zone such as America/Chicago").format(value=repr(zone)),
        )
    hashtag = values.get("post_hashtag") or ""
    if hashtag and not _HASHTAG.match(hashtag):
        raise ValidationError("post_hashtag", _("must be one word starting with #, e.g. #SaferElm"))
    link = values.get("post_link") or ""
    if link and not _LINK.match(link):
        raise ValidationError("post_link", _("must be a web address starting with https://"))
    chosen = values.get("public_language")
    if chosen is not None and chosen not in LANGUAGES:
        raise ValidationError(
            "public_language",
            _("must be one of {choices}").format(choices=", ".join(LANGUAGES)),
        )
    logo = values.get("logo")
    if logo is not None and len(logo) > MAX_LOGO_BYTES:
        raise ValidationError("logo", _("is larger than 5 MB"))
    if logo is not None and not logo.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        raise ValidationError("logo", _("must be a PNG or JPEG image"))


def is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


AGENCY = EntityService(
    m.Agency,
    r.AgencyRecord,
    "agency",
    (
        _single_agency,
        _not_negative("population"),
        _agency_profile,
        _days_between(1, 3650, *MOMENTUM_DAYS),
    ),
)
INITIATIVE = EntityService(
    m.Initiative,
    r.InitiativeRecord,
    "initiative",
    (_days_between(1, 365, "public_update_days", "staff_update_days"),),
)
PERSON = EntityService(
    m.Person, r.PersonRecord, "person", (_contact,), order_by=("full_name", "id")
)
ORGANIZATION = EntityService(
    m.Organization, r.OrganizationRecord, "organization", order_by=("name", "id")
)
TEAM = EntityService(m.Team, r.TeamRecord, "team", order_by=("name", "id"))
MEMBERSHIP = EntityService(
    m.Membership, r.MembershipRecord, "membership", (_in_order("joined_on", "left_on"),)
)
MEETING = EntityService(
    m.Meeting, r.MeetingRecord, "meeting", (_duration,), order_by=("starts_at", "id")
)
AGENDA_ITEM = EntityService(
    m.AgendaItem, r.AgendaItemRecord, "agenda item", (_next_position,), order_by=("position", "id")
)
ATTENDANCE = EntityService(m.Attendance, r.AttendanceRecord, "attendance", (_attendee,))
ACTION_ITEM = EntityService(m.ActionItem, r.ActionItemRecord, "action item", (_completion,))
PROBLEM = EntityService(m.Problem, r.ProblemRecord, "problem", (_scores,))
RESPONSE = EntityService(
    m.Response, r.ResponseRecord, "response", (_in_order("starts_on", "ends_on"),)
)
ACTION_ITEM_UPDATE = EntityService(
    m.ActionItemUpdate,
    ActionItemUpdateRecord,
    "progress note",
    order_by=("action_item_id", "noted_on", "id"),
)
GOAL = EntityService(m.Goal, r.GoalRecord, "goal")
MEASURE = EntityService(m.Measure, r.MeasureRecord, "measure")
MEASUREMENT = EntityService(
    m.Measurement, r.MeasurementRecord, "measurement", order_by=("measure_id", "period_end")
)
INPUT_ACTIVITY = EntityService(
    m.InputActivity,
    r.InputActivityRecord,
    "input activity",
    (_not_negative("participants"),),
    order_by=("held_on", "id"),
)
FINDING = EntityService(m.Finding, r.FindingRecord, "finding")
RECOMMENDATION = EntityService(m.Recommendation, r.RecommendationRecord, "recommendation")
COMMUNICATION = EntityService(m.Communication, r.CommunicationRecord, "communication", (_posting,))
REPORT_ISSUED = EntityService(
    m.ReportIssued,
    r.ReportIssuedRecord,
    "issued report",
    (_in_order("period_start", "period_end"),),
    order_by=("issued_on", "id"),
)

ALL = (
    AGENCY, INITIATIVE, PERSON, ORGANIZATION, TEAM, MEMBERSHIP, MEETING, AGENDA_ITEM,
    ATTENDANCE, ACTION_ITEM, ACTION_ITEM_UPDATE, PROBLEM, RESPONSE, GOAL, MEASURE,
    MEASUREMENT, INPUT_ACTIVITY, FINDING, RECOMMENDATION, COMMUNICATION, REPORT_ISSUED,
    STAGE_CHANGE,
)  # fmt: skip
