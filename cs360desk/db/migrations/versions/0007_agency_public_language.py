"""the agency's language for public outputs: agendas, minutes, reports, trackers, drafts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 23:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, as in 0006: a batch copy of agency would drop the table under the
    # foreign keys of every other table.
    op.add_column(
        "agency",
        sa.Column("public_language", sa.String(length=8), server_default="en", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("agency", "public_language")
