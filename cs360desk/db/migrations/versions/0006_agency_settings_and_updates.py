"""agency settings and update cadences: time zone, post hashtag and link, momentum thresholds;
update cadences per initiative; who may be named in public; meetings open to the public

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

AGENCY_TEXTS = {"time_zone": 64, "post_hashtag": 100, "post_link": 500}
AGENCY_DAYS = {
    "meeting_grace_days": 7,
    "public_update_days": 30,
    "staff_update_days": 14,
    "stage_stale_days": 180,
    "recommendation_wait_days": 30,
}
INITIATIVE_DAYS = ("public_update_days", "staff_update_days")


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch copy: copying person or meeting means dropping the old
    # table, and with foreign keys on that deletes the memberships and attendance under it.
    for name, length in AGENCY_TEXTS.items():
        op.add_column(
            "agency", sa.Column(name, sa.String(length=length), server_default="", nullable=False)
        )
    for name, days in AGENCY_DAYS.items():
        op.add_column(
            "agency", sa.Column(name, sa.Integer(), server_default=str(days), nullable=False)
        )
    for name in INITIATIVE_DAYS:
        op.add_column("initiative", sa.Column(name, sa.Integer(), nullable=True))
    op.add_column(
        "person",
        sa.Column("named_in_public", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "meeting",
        sa.Column("open_to_public", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy would have to drop these
    # tables, which the foreign keys of every other table refuse or cascade.
    op.drop_column("meeting", "open_to_public")
    op.drop_column("person", "named_in_public")
    for name in reversed(INITIATIVE_DAYS):
        op.drop_column("initiative", name)
    for name in reversed([*AGENCY_TEXTS, *AGENCY_DAYS]):
        op.drop_column("agency", name)
