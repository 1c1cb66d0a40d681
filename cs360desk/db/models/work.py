"""The problem-solving work: SARA problems, their responses, and action items."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, enum_column
from cs360desk.domain.enums import (
    ActionStatus,
    AssessmentDecision,
    Priority,
    ProblemStatus,
    ResponseStatus,
    SaraPhase,
)


class Problem(Editable, Base):
    __tablename__ = "problem"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    statement: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[SaraPhase] = mapped_column(enum_column(SaraPhase), default=SaraPhase.SCANNING)
    score_impact: Mapped[int] = mapped_column(Integer, default=0)
    score_threat_to_life: Mapped[int] = mapped_column(Integer, default=0)
    score_community_interest: Mapped[int] = mapped_column(Integer, default=0)
    score_threat_to_rights: Mapped[int] = mapped_column(Integer, default=0)
    area: Mapped[str] = mapped_column(String(300), default="")
    hypothesis: Mapped[str] = mapped_column(Text, default="")
    offender: Mapped[str] = mapped_column(Text, default="")
    victim: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    handler: Mapped[str] = mapped_column(Text, default="")
    guardian: Mapped[str] = mapped_column(Text, default="")
    manager: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ProblemStatus] = mapped_column(
        enum_column(ProblemStatus), default=ProblemStatus.CANDIDATE
    )
    # The CHEERS test; server defaults let the migration fill rows that existed before it.
    cheers_community: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa.false()
    )
    cheers_harm: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa.false())
    cheers_expectation: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa.false()
    )
    cheers_events: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa.false())
    cheers_recurring: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa.false()
    )
    cheers_similarity: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa.false()
    )
    data_used: Mapped[str] = mapped_column(Text, default="", server_default="")
    process_evaluation: Mapped[str] = mapped_column(Text, default="", server_default="")
    impact_evaluation: Mapped[str] = mapped_column(Text, default="", server_default="")
    assessment_decision: Mapped[AssessmentDecision | None] = mapped_column(
        enum_column(AssessmentDecision)
    )


class Response(Editable, Base):
    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problem.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    focus_area: Mapped[str] = mapped_column(String(200), default="")
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    partners: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ResponseStatus] = mapped_column(
        enum_column(ResponseStatus), default=ResponseStatus.PROPOSED
    )


class ActionItem(Editable, Base):
    __tablename__ = "action_item"
    __table_args__ = (
        Index("ix_action_item_initiative_status_due", "initiative_id", "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(500))
    details: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.OPEN
    )
    priority: Mapped[Priority] = mapped_column(enum_column(Priority), default=Priority.MEDIUM)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), index=True
    )
    source_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    problem_id: Mapped[int | None] = mapped_column(
        ForeignKey("problem.id", ondelete="SET NULL"), index=True
    )
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("response.id", ondelete="SET NULL"), index=True
    )
    completed_on: Mapped[date | None] = mapped_column(Date)
