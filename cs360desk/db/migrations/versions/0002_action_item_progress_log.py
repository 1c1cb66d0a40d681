"""action item progress log: dated notes on each action item

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 01:59:48.982770
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_item_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_item_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_item.id"],
            name=op.f("fk_action_item_update_action_item_id_action_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item_update")),
    )
    with op.batch_alter_table("action_item_update", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_item_update_action_item_id"), ["action_item_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("action_item_update", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_item_update_action_item_id"))

    op.drop_table("action_item_update")
