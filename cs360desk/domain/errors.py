"""Errors the user can act on, split from bugs (which are plain exceptions)."""

from __future__ import annotations

from cs360desk.domain.enums import NC_
from cs360desk.i18n import _, pgettext

# How users call the fields that validation and the history name, in the current language.
# The English is always the field spelt out (`owner_id` is "owner"), so a field missing here
# still reads well in English.
_FIELDS: dict[str, tuple[str, str]] = {
    "id": NC_("field", "id"),
    "name": NC_("field", "name"),
    "full_name": NC_("field", "full name"),
    "title": NC_("field", "title"),
    "jurisdiction": NC_("field", "jurisdiction"),
    "population": NC_("field", "population"),
    "chief_name": NC_("field", "chief name"),
    "logo": NC_("field", "logo"),
    "paper_size": NC_("field", "paper size"),
    "time_zone": NC_("field", "time zone"),
    "post_hashtag": NC_("field", "post hashtag"),
    "post_link": NC_("field", "post link"),
    "meeting_grace_days": NC_("field", "meeting grace days"),
    "public_update_days": NC_("field", "public update days"),
    "staff_update_days": NC_("field", "staff update days"),
    "stage_stale_days": NC_("field", "stage stale days"),
    "recommendation_wait_days": NC_("field", "recommendation wait days"),
    "public_language": NC_("field", "public language"),
    "created_at": NC_("field", "created at"),
    "updated_at": NC_("field", "updated at"),
    "version": NC_("field", "version"),
    "sector": NC_("field", "sector"),
    "scope": NC_("field", "scope"),
    "engagement": NC_("field", "engagement"),
    "data_held": NC_("field", "data held"),
    "notes": NC_("field", "notes"),
    "organization_id": NC_("field", "organization"),
    "affiliation": NC_("field", "affiliation"),
    "phone": NC_("field", "phone"),
    "email": NC_("field", "email"),
    "active": NC_("field", "active"),
    "contact_private": NC_("field", "contact private"),
    "named_in_public": NC_("field", "named in public"),
    "stage": NC_("field", "stage"),
    "started_on": NC_("field", "started on"),
    "stage_changed_on": NC_("field", "stage changed on"),
    "champion_id": NC_("field", "champion"),
    "sponsor_id": NC_("field", "sponsor"),
    "commitment": NC_("field", "commitment"),
    "initiative_id": NC_("field", "initiative"),
    "channel": NC_("field", "channel"),
    "audience": NC_("field", "audience"),
    "planned_on": NC_("field", "planned on"),
    "posted_on": NC_("field", "posted on"),
    "text": NC_("field", "text"),
    "status": NC_("field", "status"),
    "kind": NC_("field", "kind"),
    "held_on": NC_("field", "held on"),
    "participants": NC_("field", "participants"),
    "summary": NC_("field", "summary"),
    "statement": NC_("field", "statement"),
    "phase": NC_("field", "phase"),
    "score_impact": NC_("field", "score impact"),
    "score_threat_to_life": NC_("field", "score threat to life"),
    "score_community_interest": NC_("field", "score community interest"),
    "score_threat_to_rights": NC_("field", "score threat to rights"),
    "area": NC_("field", "area"),
    "hypothesis": NC_("field", "hypothesis"),
    "offender": NC_("field", "offender"),
    "victim": NC_("field", "victim"),
    "place": NC_("field", "place"),
    "handler": NC_("field", "handler"),
    "guardian": NC_("field", "guardian"),
    "manager": NC_("field", "manager"),
    "cheers_community": NC_("field", "cheers community"),
    "cheers_harm": NC_("field", "cheers harm"),
    "cheers_expectation": NC_("field", "cheers expectation"),
    "cheers_events": NC_("field", "cheers events"),
    "cheers_recurring": NC_("field", "cheers recurring"),
    "cheers_similarity": NC_("field", "cheers similarity"),
    "data_used": NC_("field", "data used"),
    "process_evaluation": NC_("field", "process evaluation"),
    "impact_evaluation": NC_("field", "impact evaluation"),
    "assessment_decision": NC_("field", "assessment decision"),
    "source_theme": NC_("field", "source theme"),
    "delivered_on": NC_("field", "delivered on"),
    "decision": NC_("field", "decision"),
    "owner_id": NC_("field", "owner"),
    "period_start": NC_("field", "period start"),
    "period_end": NC_("field", "period end"),
    "issued_on": NC_("field", "issued on"),
    "file_name": NC_("field", "file name"),
    "reached_on": NC_("field", "reached on"),
    "note": NC_("field", "note"),
    "input_activity_id": NC_("field", "input activity"),
    "theme": NC_("field", "theme"),
    "problem_id": NC_("field", "problem"),
    "dimension": NC_("field", "dimension"),
    "description": NC_("field", "description"),
    "focus_area": NC_("field", "focus area"),
    "lead_id": NC_("field", "lead"),
    "partners": NC_("field", "partners"),
    "starts_on": NC_("field", "starts on"),
    "ends_on": NC_("field", "ends on"),
    "charter": NC_("field", "charter"),
    "cadence": NC_("field", "cadence"),
    "goal_id": NC_("field", "goal"),
    "unit": NC_("field", "unit"),
    "data_source": NC_("field", "data source"),
    "direction": NC_("field", "direction"),
    "baseline_value": NC_("field", "baseline value"),
    "baseline_period": NC_("field", "baseline period"),
    "target_value": NC_("field", "target value"),
    "target_date": NC_("field", "target date"),
    "frequency": NC_("field", "frequency"),
    "team_id": NC_("field", "team"),
    "starts_at": NC_("field", "starts at"),
    "duration_minutes": NC_("field", "duration minutes"),
    "mode": NC_("field", "mode"),
    "location": NC_("field", "location"),
    "video_link": NC_("field", "video link"),
    "minutes_summary": NC_("field", "minutes summary"),
    "decisions": NC_("field", "decisions"),
    "open_to_public": NC_("field", "open to public"),
    "person_id": NC_("field", "person"),
    "role": NC_("field", "role"),
    "joined_on": NC_("field", "joined on"),
    "left_on": NC_("field", "left on"),
    "details": NC_("field", "details"),
    "due_on": NC_("field", "due on"),
    "priority": NC_("field", "priority"),
    "source_meeting_id": NC_("field", "source meeting"),
    "response_id": NC_("field", "response"),
    "completed_on": NC_("field", "completed on"),
    "meeting_id": NC_("field", "meeting"),
    "position": NC_("field", "position"),
    "presenter_id": NC_("field", "presenter"),
    "guest_name": NC_("field", "guest name"),
    "measure_id": NC_("field", "measure"),
    "value": NC_("field", "value"),
    "action_item_id": NC_("field", "action item"),
    "noted_on": NC_("field", "noted on"),
    "recommendation_id": NC_("field", "recommendation"),
    # Fields of forms and commands that are not columns.
    "agency": NC_("field", "agency"),
    "agency_name": NC_("field", "agency name"),
    "initiative": NC_("field", "initiative"),
    "initiative_name": NC_("field", "initiative name"),
    "champion_name": NC_("field", "champion name"),
    "champion_title": NC_("field", "champion title"),
    "hand_to": NC_("field", "hand to"),
    "acting_user": NC_("field", "acting user"),
    "start": NC_("field", "start"),
    "size": NC_("field", "size"),
}

# How users call the kinds of records, keyed by their English name ("action item").
_KINDS: dict[str, tuple[str, str]] = {
    marked[1]: marked
    for marked in (
        NC_("record kind", "agency"),
        NC_("record kind", "initiative"),
        NC_("record kind", "person"),
        NC_("record kind", "organization"),
        NC_("record kind", "team"),
        NC_("record kind", "membership"),
        NC_("record kind", "meeting"),
        NC_("record kind", "agenda item"),
        NC_("record kind", "attendance"),
        NC_("record kind", "action item"),
        NC_("record kind", "action item update"),
        NC_("record kind", "progress note"),
        NC_("record kind", "problem"),
        NC_("record kind", "response"),
        NC_("record kind", "goal"),
        NC_("record kind", "measure"),
        NC_("record kind", "measurement"),
        NC_("record kind", "input activity"),
        NC_("record kind", "finding"),
        NC_("record kind", "recommendation"),
        NC_("record kind", "recommendation action item"),
        NC_("record kind", "communication"),
        NC_("record kind", "report issued"),
        NC_("record kind", "issued report"),
        NC_("record kind", "stage change"),
        NC_("record kind", "change record"),
    )
}


def field_label(field: str) -> str:
    """How a field is named to users: ``owner_id`` is "owner", ``due_on`` is "due on"."""
    marked = _FIELDS.get(field)
    if marked is None:
        return field.removesuffix("_id").replace("_", " ")
    return pgettext(*marked)


def kind_name(english: str) -> str:
    """A kind of record named in the current language: "action item" → "tarea pendiente"."""
    marked = _KINDS.get(english)
    return english if marked is None else pgettext(*marked)


class UserFacingError(Exception):
    """Something the user (not the programmer) can fix; its message is shown as is."""


class ValidationError(UserFacingError):
    """Input that cannot be saved; names the field and the problem."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(_("{field}: {problem}").format(field=field_label(field), problem=problem))
        self.field = field
        self.problem = problem


class NotFoundError(UserFacingError):
    """A record asked for by id does not exist (any more)."""

    def __init__(self, entity: str, record_id: object) -> None:
        super().__init__(
            _("no {kind} with id {id}").format(
                kind=kind_name(entity.replace("_", " ")), id=record_id
            )
        )
        self.entity = entity
        self.record_id = record_id


class ConflictError(UserFacingError):
    """The record was changed by someone else since it was read."""


class WorkspaceError(UserFacingError):
    """The workspace file cannot be used: not a workspace, too new, unreadable."""
