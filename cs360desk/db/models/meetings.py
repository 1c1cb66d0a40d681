"""Team meetings with their ordered agenda and attendance."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, UTCDateTime, enum_column
from cs360desk.domain.enums import AttendanceStatus, MeetingMode, MeetingStatus


class Meeting(Editable, Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    mode: Mapped[MeetingMode] = mapped_column(
        enum_column(MeetingMode), default=MeetingMode.IN_PERSON
    )
    location: Mapped[str] = mapped_column(String(300), default="")
    video_link: Mapped[str] = mapped_column(String(1000), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.SCHEDULED
    )
    minutes_summary: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    # Public updates invite people only to a meeting that is open to the public.
    open_to_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa.false())


class AgendaItem(Editable, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")


class Attendance(Editable, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    guest_name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_column(AttendanceStatus), default=AttendanceStatus.PRESENT
    )
