"""The closed vocabularies of the CS360 model, with the labels users read."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from cs360desk.i18n import LANGUAGES, PSEUDO, language, pgettext


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - the gettext marker name
    """Mark a label with its context for the catalog; translated where it is read."""
    return context, message


class LabeledEnum(StrEnum):
    """A string enum whose members carry a human label for screens and reports."""

    @property
    def label(self) -> str:
        """The label in the current language. Keyed by class too: str-valued members of
        different enums compare equal. `_value_` is the plain attribute behind `value`, read
        without the descriptor: labels are read for every row of every table and tracker."""
        found = _LABELS.get((type(self), self._value_))
        if found is None:  # an enum whose labels are its values, spelt out
            return self._value_.replace("_", " ").capitalize()
        return pgettext(*found)

    @classmethod
    def parse(cls, text: str) -> LabeledEnum:
        """Accept the stored value or the label in any language the app speaks, any case."""
        found = _parse_table(cls).get(text.strip().casefold())
        if found is None:
            raise ValueError(text)
        return found


@cache
def _parse_table(cls: type[LabeledEnum]) -> dict[str, LabeledEnum]:
    # A tracker written in Spanish comes back with Spanish labels, one written in the
    # pseudo-locale with its labels; stored values always parse.
    table: dict[str, LabeledEnum] = {}
    for code in (*LANGUAGES, PSEUDO):
        with language(code):
            for member in cls:
                table.setdefault(member.label.casefold(), member)
    for member in cls:
        table[member._value_.casefold()] = member
    return table


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


class AssessmentDecision(LabeledEnum):
    """What the PST decides once a problem's responses have been assessed."""

    CONTINUE = "continue"
    ADJUST = "adjust"
    END = "end"


_LABELS: dict[tuple[type[StrEnum], str], tuple[str, str]] = {
    (Stage, Stage.LAUNCH.value): NC_("stage", "Launch"),
    (Stage, Stage.SCANNING.value): NC_("stage", "Scanning"),
    (Stage, Stage.PRIORITIZING.value): NC_("stage", "Prioritizing"),
    (Stage, Stage.PROBLEM_SOLVING.value): NC_("stage", "Problem-Solving"),
    (Stage, Stage.SUSTAINING.value): NC_("stage", "Sustaining"),
    (Stage, Stage.CLOSED.value): NC_("stage", "Closed"),
    (Affiliation, Affiliation.DEPARTMENT.value): NC_("affiliation", "Department"),
    (Affiliation, Affiliation.COMMUNITY.value): NC_("affiliation", "Community"),
    (Affiliation, Affiliation.GOVERNMENT_PARTNER.value): NC_("affiliation", "Government partner"),
    (Affiliation, Affiliation.OTHER.value): NC_("affiliation", "Other"),
    (OrgScope, OrgScope.INTERNAL.value): NC_("organization scope", "Internal"),
    (OrgScope, OrgScope.EXTERNAL.value): NC_("organization scope", "External"),
    (Engagement, Engagement.CHAMPION.value): NC_("engagement", "Champion"),
    (Engagement, Engagement.SUPPORTER.value): NC_("engagement", "Supporter"),
    (Engagement, Engagement.NEUTRAL.value): NC_("engagement", "Neutral"),
    (Engagement, Engagement.SKEPTIC.value): NC_("engagement", "Skeptic"),
    (Engagement, Engagement.UNKNOWN.value): NC_("engagement", "Unknown"),
    (TeamKind, TeamKind.STEERING_COMMITTEE.value): NC_("team kind", "Steering Committee"),
    (TeamKind, TeamKind.ADVISORY_TEAM.value): NC_("team kind", "Advisory Team"),
    (TeamKind, TeamKind.PROBLEM_SOLVING_TEAM.value): NC_("team kind", "Problem-Solving Team"),
    (Cadence, Cadence.WEEKLY.value): NC_("cadence", "Weekly"),
    (Cadence, Cadence.BIWEEKLY.value): NC_("cadence", "Biweekly"),
    (Cadence, Cadence.MONTHLY.value): NC_("cadence", "Monthly"),
    (Cadence, Cadence.QUARTERLY.value): NC_("cadence", "Quarterly"),
    (MemberRole, MemberRole.CHAIR.value): NC_("member role", "Chair"),
    (MemberRole, MemberRole.CO_CHAIR.value): NC_("member role", "Co-chair"),
    (MemberRole, MemberRole.CHAMPION.value): NC_("member role", "Champion"),
    (MemberRole, MemberRole.FACILITATOR.value): NC_("member role", "Facilitator"),
    (MemberRole, MemberRole.ANALYST.value): NC_("member role", "Analyst"),
    (MemberRole, MemberRole.NOTE_TAKER.value): NC_("member role", "Note-taker"),
    (MemberRole, MemberRole.COMMUNITY_REPRESENTATIVE.value): NC_(
        "member role", "Community representative"
    ),
    (MemberRole, MemberRole.PARTNER.value): NC_("member role", "Partner"),
    (MemberRole, MemberRole.MEMBER.value): NC_("member role", "Member"),
    (MeetingMode, MeetingMode.IN_PERSON.value): NC_("meeting mode", "In person"),
    (MeetingMode, MeetingMode.VIRTUAL.value): NC_("meeting mode", "Virtual"),
    (MeetingMode, MeetingMode.HYBRID.value): NC_("meeting mode", "Hybrid"),
    (MeetingStatus, MeetingStatus.SCHEDULED.value): NC_("meeting status", "Scheduled"),
    (MeetingStatus, MeetingStatus.HELD.value): NC_("meeting status", "Held"),
    (MeetingStatus, MeetingStatus.CANCELLED.value): NC_("meeting status", "Cancelled"),
    (AttendanceStatus, AttendanceStatus.PRESENT.value): NC_("attendance", "Present"),
    (AttendanceStatus, AttendanceStatus.ABSENT.value): NC_("attendance", "Absent"),
    (AttendanceStatus, AttendanceStatus.EXCUSED.value): NC_("attendance", "Excused"),
    (ActionStatus, ActionStatus.OPEN.value): NC_("action item status", "Open"),
    (ActionStatus, ActionStatus.IN_PROGRESS.value): NC_("action item status", "In progress"),
    (ActionStatus, ActionStatus.BLOCKED.value): NC_("action item status", "Blocked"),
    (ActionStatus, ActionStatus.DONE.value): NC_("action item status", "Done"),
    (ActionStatus, ActionStatus.CANCELLED.value): NC_("action item status", "Cancelled"),
    (Priority, Priority.LOW.value): NC_("priority", "Low"),
    (Priority, Priority.MEDIUM.value): NC_("priority", "Medium"),
    (Priority, Priority.HIGH.value): NC_("priority", "High"),
    (SaraPhase, SaraPhase.SCANNING.value): NC_("SARA phase", "Scanning"),
    (SaraPhase, SaraPhase.ANALYSIS.value): NC_("SARA phase", "Analysis"),
    (SaraPhase, SaraPhase.RESPONSE.value): NC_("SARA phase", "Response"),
    (SaraPhase, SaraPhase.ASSESSMENT.value): NC_("SARA phase", "Assessment"),
    (ProblemStatus, ProblemStatus.CANDIDATE.value): NC_("problem status", "Candidate"),
    (ProblemStatus, ProblemStatus.ACTIVE.value): NC_("problem status", "Active"),
    (ProblemStatus, ProblemStatus.MONITORING.value): NC_("problem status", "Monitoring"),
    (ProblemStatus, ProblemStatus.CLOSED.value): NC_("problem status", "Closed"),
    (ResponseStatus, ResponseStatus.PROPOSED.value): NC_("response status", "Proposed"),
    (ResponseStatus, ResponseStatus.APPROVED.value): NC_("response status", "Approved"),
    (ResponseStatus, ResponseStatus.IN_PROGRESS.value): NC_("response status", "In progress"),
    (ResponseStatus, ResponseStatus.COMPLETED.value): NC_("response status", "Completed"),
    (ResponseStatus, ResponseStatus.DROPPED.value): NC_("response status", "Dropped"),
    (GoalDimension, GoalDimension.CRIME.value): NC_(
        "goal dimension", "Prevent, interrupt and solve crime"
    ),
    (GoalDimension, GoalDimension.PARTNERS.value): NC_(
        "goal dimension", "Integrate and elevate community and government partners"
    ),
    (GoalDimension, GoalDimension.ORGANIZATION.value): NC_(
        "goal dimension", "Organizational effectiveness"
    ),
    (MeasureKind, MeasureKind.OUTPUT.value): NC_("measure kind", "Output"),
    (MeasureKind, MeasureKind.OUTCOME.value): NC_("measure kind", "Outcome"),
    (Direction, Direction.INCREASE.value): NC_("direction", "Increase"),
    (Direction, Direction.DECREASE.value): NC_("direction", "Decrease"),
    (Frequency, Frequency.WEEKLY.value): NC_("frequency", "Weekly"),
    (Frequency, Frequency.MONTHLY.value): NC_("frequency", "Monthly"),
    (Frequency, Frequency.QUARTERLY.value): NC_("frequency", "Quarterly"),
    (Frequency, Frequency.ANNUALLY.value): NC_("frequency", "Annually"),
    (InputKind, InputKind.INTERVIEW.value): NC_("input kind", "Interview"),
    (InputKind, InputKind.SURVEY.value): NC_("input kind", "Survey"),
    (InputKind, InputKind.LISTENING_SESSION.value): NC_("input kind", "Listening session"),
    (InputKind, InputKind.FOCUS_GROUP.value): NC_("input kind", "Focus group"),
    (InputKind, InputKind.COMMUNITY_MEETING.value): NC_("input kind", "Community meeting"),
    (InputKind, InputKind.DATA_REVIEW.value): NC_("input kind", "Data review"),
    (Decision, Decision.PROPOSED.value): NC_("recommendation decision", "Proposed"),
    (Decision, Decision.ACCEPTED.value): NC_("recommendation decision", "Accepted"),
    (Decision, Decision.DECLINED.value): NC_("recommendation decision", "Declined"),
    (RecommendationStatus, RecommendationStatus.NOT_STARTED.value): NC_(
        "recommendation status", "Not started"
    ),
    (RecommendationStatus, RecommendationStatus.IN_PROGRESS.value): NC_(
        "recommendation status", "In progress"
    ),
    (RecommendationStatus, RecommendationStatus.DONE.value): NC_("recommendation status", "Done"),
    (Channel, Channel.SOCIAL_MEDIA.value): NC_("channel", "Social media"),
    (Channel, Channel.WEBSITE.value): NC_("channel", "Website"),
    (Channel, Channel.PRESS_RELEASE.value): NC_("channel", "Press release"),
    (Channel, Channel.STAFF_BRIEFING.value): NC_("channel", "Staff briefing"),
    (Channel, Channel.COUNCIL.value): NC_("channel", "Council"),
    (Audience, Audience.PUBLIC.value): NC_("audience", "Public"),
    (Audience, Audience.STAFF.value): NC_("audience", "Staff"),
    (Audience, Audience.COUNCIL.value): NC_("audience", "Council"),
    (Audience, Audience.PARTNERS.value): NC_("audience", "Partners"),
    (CommunicationStatus, CommunicationStatus.DRAFT.value): NC_("communication status", "Draft"),
    (CommunicationStatus, CommunicationStatus.APPROVED.value): NC_(
        "communication status", "Approved"
    ),
    (CommunicationStatus, CommunicationStatus.POSTED.value): NC_("communication status", "Posted"),
    (ReportKind, ReportKind.PROGRESS.value): NC_("report kind", "Progress"),
    (ReportKind, ReportKind.SCANNING.value): NC_("report kind", "Scanning"),
    (ReportKind, ReportKind.AGENDA.value): NC_("report kind", "Agenda"),
    (ReportKind, ReportKind.MINUTES.value): NC_("report kind", "Minutes"),
    (ChangeAction, ChangeAction.CREATE.value): NC_("change", "Create"),
    (ChangeAction, ChangeAction.UPDATE.value): NC_("change", "Update"),
    (ChangeAction, ChangeAction.DELETE.value): NC_("change", "Delete"),
    (PaperSize, PaperSize.LETTER.value): NC_("paper size", "US Letter"),
    (PaperSize, PaperSize.A4.value): NC_("paper size", "A4"),
    (AssessmentDecision, AssessmentDecision.CONTINUE.value): NC_("assessment decision", "Continue"),
    (AssessmentDecision, AssessmentDecision.ADJUST.value): NC_("assessment decision", "Adjust"),
    (AssessmentDecision, AssessmentDecision.END.value): NC_("assessment decision", "End"),
}
