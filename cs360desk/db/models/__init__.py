"""Every table of a workspace; importing this package registers them all on Base.metadata."""

from cs360desk.db.models.evidence import (
    Finding,
    Goal,
    InputActivity,
    Measure,
    Measurement,
    Recommendation,
    recommendation_action_item,
)
from cs360desk.db.models.meetings import AgendaItem, Attendance, Meeting
from cs360desk.db.models.organization import (
    Agency,
    Initiative,
    Membership,
    Organization,
    Person,
    Team,
)
from cs360desk.db.models.progress import ActionItemUpdate
from cs360desk.db.models.records import ChangeRecord, Communication, ReportIssued
from cs360desk.db.models.search import action_item_search
from cs360desk.db.models.stages import StageChange
from cs360desk.db.models.work import ActionItem, Problem, Response

__all__ = [
    "ActionItem",
    "ActionItemUpdate",
    "Agency",
    "AgendaItem",
    "Attendance",
    "ChangeRecord",
    "Communication",
    "Finding",
    "Goal",
    "Initiative",
    "InputActivity",
    "Measure",
    "Measurement",
    "Meeting",
    "Membership",
    "Organization",
    "Person",
    "Problem",
    "Recommendation",
    "ReportIssued",
    "Response",
    "StageChange",
    "Team",
    "action_item_search",
    "recommendation_action_item",
]
