"""The dated progress log of an action item: short notes of what was done, and when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable


class ActionItemUpdate(Editable, Base):
    __tablename__ = "action_item_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_item_id: Mapped[int] = mapped_column(
        ForeignKey("action_item.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
