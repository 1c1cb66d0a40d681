"""Evidence: goals with measures and their values, community input, recommendations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, enum_column
from cs360desk.domain.enums import (
    Decision,
    Direction,
    Frequency,
    GoalDimension,
    InputKind,
    MeasureKind,
    RecommendationStatus,
)


class Goal(Editable, Base):
    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problem.id", ondelete="SET NULL"))
    dimension: Mapped[GoalDimension] = mapped_column(enum_column(GoalDimension))
    statement: Mapped[str] = mapped_column(Text)


class Measure(Editable, Base):
    __tablename__ = "measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(100), default="")
    data_source: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[MeasureKind] = mapped_column(enum_column(MeasureKind), default=MeasureKind.OUTCOME)
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_period: Mapped[str] = mapped_column(String(100), default="")
    target_value: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[date | None] = mapped_column(Date)
    frequency: Mapped[Frequency] = mapped_column(enum_column(Frequency), default=Frequency.MONTHLY)


class Measurement(Editable, Base):
    __tablename__ = "measurement"
    __table_args__ = (UniqueConstraint("measure_id", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"))
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class InputActivity(Editable, Base):
    __tablename__ = "input_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[InputKind] = mapped_column(enum_column(InputKind))
    held_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")


class Finding(Editable, Base):
    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    input_activity_id: Mapped[int] = mapped_column(
        ForeignKey("input_activity.id", ondelete="CASCADE"), index=True
    )
    theme: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)


class Recommendation(Editable, Base):
    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    source_theme: Mapped[str] = mapped_column(String(200), default="")
    delivered_on: Mapped[date | None] = mapped_column(Date)
    decision: Mapped[Decision] = mapped_column(enum_column(Decision), default=Decision.PROPOSED)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    status: Mapped[RecommendationStatus] = mapped_column(
        enum_column(RecommendationStatus), default=RecommendationStatus.NOT_STARTED
    )


recommendation_action_item = Table(
    "recommendation_action_item",
    Base.metadata,
    Column(
        "recommendation_id",
        Integer,
        ForeignKey("recommendation.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "action_item_id",
        Integer,
        ForeignKey("action_item.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)
