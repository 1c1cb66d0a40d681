"""Frozen records the services hand out: one per entity, fully loaded, no ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AssessmentDecision,
    AttendanceStatus,
    Audience,
    Cadence,
    ChangeAction,
    Channel,
    CommunicationStatus,
    Decision,
    Direction,
    Engagement,
    Frequency,
    GoalDimension,
    InputKind,
    MeasureKind,
    MeetingMode,
    MeetingStatus,
    MemberRole,
    OrgScope,
    PaperSize,
    Priority,
    ProblemStatus,
    RecommendationStatus,
    ReportKind,
    ResponseStatus,
    SaraPhase,
    Stage,
    TeamKind,
)


@dataclass(frozen=True)
class ActionItemRecord:
    id: int
    initiative_id: int
    title: str
    details: str
    owner_id: int | None
    due_on: date | None
    status: ActionStatus
    priority: Priority
    team_id: int | None
    source_meeting_id: int | None
    problem_id: int | None
    response_id: int | None
    completed_on: date | None
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class AgencyRecord:
    id: int
    name: str
    jurisdiction: str
    population: int | None
    chief_name: str
    paper_size: PaperSize
    updated_at: datetime
    version: int
    logo: bytes | None
    time_zone: str = ""
    post_hashtag: str = ""
    post_link: str = ""
    meeting_grace_days: int = 7
    public_update_days: int = 30
    staff_update_days: int = 14
    stage_stale_days: int = 180
    recommendation_wait_days: int = 30
    public_language: str = "en"


@dataclass(frozen=True)
class AgendaItemRecord:
    id: int
    meeting_id: int
    position: int
    title: str
    presenter_id: int | None
    notes: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class AttendanceRecord:
    id: int
    meeting_id: int
    person_id: int | None
    guest_name: str
    status: AttendanceStatus
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    at: datetime
    who: str
    entity: str
    entity_id: int
    action: ChangeAction
    changes: str


@dataclass(frozen=True)
class CommunicationRecord:
    id: int
    initiative_id: int
    channel: Channel
    audience: Audience
    planned_on: date | None
    posted_on: date | None
    text: str
    status: CommunicationStatus
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class FindingRecord:
    id: int
    input_activity_id: int
    theme: str
    text: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class GoalRecord:
    id: int
    initiative_id: int
    problem_id: int | None
    dimension: GoalDimension
    statement: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class InitiativeRecord:
    id: int
    name: str
    stage: Stage
    started_on: date
    stage_changed_on: date | None
    champion_id: int | None
    sponsor_id: int | None
    commitment: str
    updated_at: datetime
    version: int
    public_update_days: int | None = None
    staff_update_days: int | None = None


@dataclass(frozen=True)
class InputActivityRecord:
    id: int
    initiative_id: int
    kind: InputKind
    held_on: date
    participants: int
    summary: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class MeasureRecord:
    id: int
    goal_id: int
    name: str
    unit: str
    data_source: str
    kind: MeasureKind
    direction: Direction
    baseline_value: float | None
    baseline_period: str
    target_value: float | None
    target_date: date | None
    frequency: Frequency
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class MeasurementRecord:
    id: int
    measure_id: int
    period_end: date
    value: float
    note: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    team_id: int
    title: str
    starts_at: datetime
    duration_minutes: int
    mode: MeetingMode
    location: str
    video_link: str
    status: MeetingStatus
    minutes_summary: str
    decisions: str
    updated_at: datetime
    version: int
    open_to_public: bool = False


@dataclass(frozen=True)
class MembershipRecord:
    id: int
    team_id: int
    person_id: int
    role: MemberRole
    joined_on: date | None
    left_on: date | None
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class OrganizationRecord:
    id: int
    name: str
    sector: str
    scope: OrgScope
    engagement: Engagement
    data_held: str
    notes: str
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class PersonRecord:
    id: int
    full_name: str
    title: str
    organization_id: int | None
    affiliation: Affiliation
    phone: str
    email: str
    notes: str
    active: bool
    contact_private: bool
    updated_at: datetime
    version: int
    named_in_public: bool = False


@dataclass(frozen=True)
class ProblemRecord:
    id: int
    initiative_id: int
    title: str
    statement: str
    phase: SaraPhase
    score_impact: int
    score_threat_to_life: int
    score_community_interest: int
    score_threat_to_rights: int
    area: str
    hypothesis: str
    offender: str
    victim: str
    place: str
    handler: str
    guardian: str
    manager: str
    status: ProblemStatus
    updated_at: datetime
    version: int
    cheers_community: bool
    cheers_harm: bool
    cheers_expectation: bool
    cheers_events: bool
    cheers_recurring: bool
    cheers_similarity: bool
    data_used: str
    process_evaluation: str
    impact_evaluation: str
    assessment_decision: AssessmentDecision | None


@dataclass(frozen=True)
class RecommendationRecord:
    id: int
    initiative_id: int
    text: str
    source_theme: str
    delivered_on: date | None
    decision: Decision
    owner_id: int | None
    status: RecommendationStatus
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class ReportIssuedRecord:
    id: int
    kind: ReportKind
    initiative_id: int | None
    period_start: date | None
    period_end: date | None
    issued_on: date
    file_name: str


@dataclass(frozen=True)
class ResponseRecord:
    id: int
    problem_id: int
    title: str
    description: str
    focus_area: str
    lead_id: int | None
    partners: str
    starts_on: date | None
    ends_on: date | None
    status: ResponseStatus
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class TeamRecord:
    id: int
    initiative_id: int
    name: str
    kind: TeamKind
    charter: str
    cadence: Cadence
    problem_id: int | None
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class StageChangeRecord:
    id: int
    initiative_id: int
    stage: Stage
    reached_on: date
    note: str
    updated_at: datetime
    version: int
