"""The dated steps of an initiative through the CS360 stages, each with the champion's note."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, enum_column
from cs360desk.domain.enums import Stage


class StageChange(Editable, Base):
    """One stage reached; a stage reached again (after a step back) simply gets another row."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[Stage] = mapped_column(enum_column(Stage))
    reached_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
