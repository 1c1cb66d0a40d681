"""Who runs CS360: the agency, its initiatives, people, organizations, teams and members."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from cs360desk.db.base import Base, Editable, enum_column
from cs360desk.domain.enums import (
    Affiliation,
    Cadence,
    Engagement,
    MemberRole,
    OrgScope,
    PaperSize,
    Stage,
    TeamKind,
)


class Agency(Editable, Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    jurisdiction: Mapped[str] = mapped_column(String(200), default="")
    population: Mapped[int | None] = mapped_column(Integer)
    chief_name: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    paper_size: Mapped[PaperSize] = mapped_column(enum_column(PaperSize), default=PaperSize.LETTER)
    # The agency's settings travel with the workspace; server defaults fill older files.
    time_zone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    post_hashtag: Mapped[str] = mapped_column(String(100), default="", server_default="")
    post_link: Mapped[str] = mapped_column(String(500), default="", server_default="")
    meeting_grace_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    public_update_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    staff_update_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    stage_stale_days: Mapped[int] = mapped_column(Integer, default=180, server_default="180")
    recommendation_wait_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    # The language agendas, minutes, reports, trackers and drafts are written in by default.
    public_language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")


class Person(Editable, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    affiliation: Mapped[Affiliation] = mapped_column(
        enum_column(Affiliation), default=Affiliation.COMMUNITY
    )
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    contact_private: Mapped[bool] = mapped_column(Boolean, default=False)
    # Public updates name a community member only when this is set (and contact_private not).
    named_in_public: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa.false())


class Organization(Editable, Base):
    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sector: Mapped[str] = mapped_column(String(100), default="")
    scope: Mapped[OrgScope] = mapped_column(enum_column(OrgScope), default=OrgScope.EXTERNAL)
    engagement: Mapped[Engagement] = mapped_column(
        enum_column(Engagement), default=Engagement.UNKNOWN
    )
    data_held: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Initiative(Editable, Base):
    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[Stage] = mapped_column(enum_column(Stage), default=Stage.LAUNCH)
    started_on: Mapped[date] = mapped_column(Date)
    stage_changed_on: Mapped[date | None] = mapped_column(Date)
    champion_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    commitment: Mapped[str] = mapped_column(Text, default="")
    # Days between updates; empty means the agency's default.
    public_update_days: Mapped[int | None] = mapped_column(Integer)
    staff_update_days: Mapped[int | None] = mapped_column(Integer)


class Team(Editable, Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[TeamKind] = mapped_column(enum_column(TeamKind))
    charter: Mapped[str] = mapped_column(Text, default="")
    cadence: Mapped[Cadence] = mapped_column(enum_column(Cadence), default=Cadence.MONTHLY)
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problem.id", ondelete="SET NULL"))


class Membership(Editable, Base):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole), default=MemberRole.MEMBER)
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
