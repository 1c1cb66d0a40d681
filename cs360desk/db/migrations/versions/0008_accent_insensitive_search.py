"""accent-insensitive search: "nunez" finds "Núñez"; the folded search copies folded again

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cs360desk.db.server_fold import fold_function_sql
from cs360desk.domain.text_search import folded

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHUNK_ROWS = 5000


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(fold_function_sql())
    _fold_again()


def _fold_again() -> None:
    """The search rows were folded with accents kept; fold them as search now folds (in
    Python, so the step needs no SQL function)."""
    bind = op.get_bind()
    read = sa.text(
        "SELECT id, title, details FROM action_item WHERE id > :after ORDER BY id LIMIT :rows"
    )
    write = sa.text(
        "UPDATE action_item_search SET title = :title, details = :details WHERE id = :id"
    )
    after = 0
    while rows := bind.execute(read, {"after": after, "rows": CHUNK_ROWS}).all():
        bind.execute(
            write,
            [
                {"id": i, "title": folded(title), "details": folded(details)}
                for i, title, details in rows
            ],
        )
        after = rows[-1][0]


def downgrade() -> None:
    """Nothing to undo in the schema: an older version folds the rows as it writes them."""
