"""change record edit group: the rows one save wrote, so a delete's cascade can be restored

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column is added in place; earlier records simply belong to no group.
    with op.batch_alter_table("change_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edit_group", sa.String(length=32), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_change_record_edit_group"), ["edit_group"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("change_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_record_edit_group"))
        batch_op.drop_column("edit_group")
