"""The closed vocabularies of the CS360 model, with the labels users read."""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A string enum whose members carry a human label for screens and reports."""

    @property
    def label(self) -> str:
        # Keyed by class too: str-valued members of different enums compare equal. `_value_`
        # is the plain attribute behind `value`, read without the descriptor: labels are
        # read for every row of every table and tracker.
        found = _LABELS.get((type(self), self._value_))
        return found if found is not None else self._value_.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> LabeledEnum:
        """Accept the stored value or the label, in any letter case."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member._value_.casefold(), member.label.casefold()):
                return member
        raise ValueError(text)


class Stage(LabeledEnum):
    LAUNCH = "launch"
    SCANNING = "scanning"
    PRIORITIZING = "prioritizing"
    PROBLEM_SOLVING = "problem_solving"
    SUSTAINING = "sustaining"
    CLOSED = "closed"


class Affiliation(LabeledEnum):
    DEPARTMENT = "department"
    COMMUNITY = "community"
    GOVERNMENT_PARTNER = "government_partner"
    OTHER = "other"


class OrgScope(LabeledEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class Engagement(LabeledEnum):
    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SKEPTIC = "skeptic"
    UNKNOWN = "unknown"


class TeamKind(LabeledEnum):
    STEERING_COMMITTEE = "steering_committee"
    ADVISORY_TEAM = "advisory_team"
    PROBLEM_SOLVING_TEAM = "problem_solving_team"


class Cadence(LabeledEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def days(self) -> int:
        return {"weekly": 7, "biweekly": 14, "monthly": 31, "quarterly": 92}[self.value]


class MemberRole(LabeledEnum):
    CHAIR = "chair"
    CO_CHAIR = "co_chair"
    CHAMPION = "champion"
    FACILITATOR = "facilitator"
    ANALYST = "analyst"
    NOTE_TAKER = "note_taker"
    COMMUNITY_REPRESENTATIVE = "community_representative"
    PARTNER = "partner"
    MEMBER = "member"


class MeetingMode(LabeledEnum):
    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class MeetingStatus(LabeledEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(LabeledEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class ActionStatus(LabeledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


class Priority(LabeledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class SaraPhase(LabeledEnum):
    SCANNING = "scanning"
    ANALYSIS = "analysis"
    RESPONSE = "response"
    ASSESSMENT = "assessment"


class ProblemStatus(LabeledEnum):
    CANDIDATE = "candidate"
    ACTIVE = "active"
    MONITORING = "monitoring"
    CLOSED = "closed"


class ResponseStatus(LabeledEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DROPPED = "dropped"


class GoalDimension(LabeledEnum):
    CRIME = "crime"
    PARTNERS = "partners"
    ORGANIZATION = "organization"


class MeasureKind(LabeledEnum):
    OUTPUT = "output"
    OUTCOME = "outcome"


class Direction(LabeledEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Frequency(LabeledEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUALLY = "annually"

    @property
    def days(self) -> int:
        return {"weekly": 7, "monthly": 31, "quarterly": 92, "annually": 366}[self.value]


class InputKind(LabeledEnum):
    INTERVIEW = "interview"
    SURVEY = "survey"
    LISTENING_SESSION = "listening_session"
    FOCUS_GROUP = "focus_group"
    COMMUNITY_MEETING = "community_meeting"
    DATA_REVIEW = "data_review"


class Decision(LabeledEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class RecommendationStatus(LabeledEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Channel(LabeledEnum):
    SOCIAL_MEDIA = "social_media"
    WEBSITE = "website"
    PRESS_RELEASE = "press_release"
    STAFF_BRIEFING = "staff_briefing"
    COUNCIL = "council"

    @property
    def is_public(self) -> bool:
        return self in (Channel.SOCIAL_MEDIA, Channel.WEBSITE, Channel.PRESS_RELEASE)


class Audience(LabeledEnum):
    PUBLIC = "public"
    STAFF = "staff"
    COUNCIL = "council"
    PARTNERS = "partners"


class CommunicationStatus(LabeledEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    POSTED = "posted"


class ReportKind(LabeledEnum):
    PROGRESS = "progress"
    SCANNING = "scanning"
    AGENDA = "agenda"
    MINUTES = "minutes"


class ChangeAction(LabeledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class PaperSize(LabeledEnum):
    LETTER = "letter"
    A4 = "a4"


_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (Stage, Stage.PROBLEM_SOLVING.value): "Problem-Solving",
    (Affiliation, Affiliation.GOVERNMENT_PARTNER.value): "Government partner",
    (TeamKind, TeamKind.PROBLEM_SOLVING_TEAM.value): "Problem-Solving Team",
    (TeamKind, TeamKind.STEERING_COMMITTEE.value): "Steering Committee",
    (TeamKind, TeamKind.ADVISORY_TEAM.value): "Advisory Team",
    (MemberRole, MemberRole.CO_CHAIR.value): "Co-chair",
    (MemberRole, MemberRole.NOTE_TAKER.value): "Note-taker",
    (GoalDimension, GoalDimension.CRIME.value): "Prevent, interrupt and solve crime",
    (
        GoalDimension,
        GoalDimension.PARTNERS.value,
    ): "Integrate and elevate community and government partners",
    (GoalDimension, GoalDimension.ORGANIZATION.value): "Organizational effectiveness",
    (PaperSize, PaperSize.LETTER.value): "US Letter",
    (PaperSize, PaperSize.A4.value): "A4",
}


class AssessmentDecision(LabeledEnum):
    """What the PST decides once a problem's responses have been assessed."""

    CONTINUE = "continue"
    ADJUST = "adjust"
    END = "end"
