"""Communications, issued reports and the audit trail."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, UTCDateTime, enum_column, utcnow
from cs360desk.domain.enums import (
    Audience,
    ChangeAction,
    Channel,
    CommunicationStatus,
    ReportKind,
)


class Communication(Editable, Base):
    __tablename__ = "communication"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    audience: Mapped[Audience] = mapped_column(enum_column(Audience), default=Audience.PUBLIC)
    planned_on: Mapped[date | None] = mapped_column(Date)
    posted_on: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[CommunicationStatus] = mapped_column(
        enum_column(CommunicationStatus), default=CommunicationStatus.DRAFT
    )


class ReportIssued(Base):
    __tablename__ = "report_issued"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ReportKind] = mapped_column(enum_column(ReportKind))
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChangeRecord(Base):
    """One create, update or delete; never edited, so no version counter."""

    __tablename__ = "change_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[int] = mapped_column(Integer)  # 0 for a link row, which has no id
    action: Mapped[ChangeAction] = mapped_column(enum_column(ChangeAction))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    # Records written by one save share a group, so the rows a delete took with it (cascaded
    # children, emptied links) can be found again and restored with it from the History.
    edit_group: Mapped[str | None] = mapped_column(String(32), index=True)
