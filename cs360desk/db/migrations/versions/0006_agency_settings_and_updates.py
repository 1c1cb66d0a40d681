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
    with op.batch_alter_table("agency") as batch:
        for name, length in AGENCY_TEXTS.items():
            batch.add_column(
                sa.Column(name, sa.String(length=length), server_default="", nullable=False)
            )
        for name, days in AGENCY_DAYS.items():
            batch.add_column(
                sa.Column(name, sa.Integer(), server_default=str(days), nullable=False)
            )
    with op.batch_alter_table("initiative") as batch:
        for name in INITIATIVE_DAYS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
    with op.batch_alter_table("person") as batch:
        batch.add_column(
            sa.Column("named_in_public", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(
            sa.Column("open_to_public", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("open_to_public")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("named_in_public")
    with op.batch_alter_table("initiative") as batch:
        for name in reversed(INITIATIVE_DAYS):
            batch.drop_column(name)
    with op.batch_alter_table("agency") as batch:
        for name in reversed([*AGENCY_TEXTS, *AGENCY_DAYS]):
            batch.drop_column(name)
