"""action item search: folded titles and details, kept by triggers, for quick "contains" search

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cs360desk.db.server_fold import (
    DROP_SEARCH_TRIGGER_SQL,
    SEARCH_TRIGGER_SQL,
    fold_function_sql,
)
from cs360desk.domain.text_search import folded

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CHUNK_ROWS = 5000
# cs360_fold is registered on every workspace connection (db/engine.py). REPLACE, not INSERT:
# a search row is derived data and must never stop an action item from being saved.
TRIGGERS = {
    "action_item_search_insert": """
        CREATE TRIGGER action_item_search_insert AFTER INSERT ON action_item BEGIN
            REPLACE INTO action_item_search (id, title, details)
            VALUES (NEW.id, cs360_fold(NEW.title), cs360_fold(NEW.details));
        END
    """,
    "action_item_search_update": """
        CREATE TRIGGER action_item_search_update
        AFTER UPDATE OF id, title, details ON action_item BEGIN
            DELETE FROM action_item_search WHERE id = OLD.id;
            REPLACE INTO action_item_search (id, title, details)
            VALUES (NEW.id, cs360_fold(NEW.title), cs360_fold(NEW.details));
        END
    """,
    "action_item_search_delete": """
        CREATE TRIGGER action_item_search_delete AFTER DELETE ON action_item BEGIN
            DELETE FROM action_item_search WHERE id = OLD.id;
        END
    """,
}


def upgrade() -> None:
    op.create_table(
        "action_item_search",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item_search")),
    )
    _fill()
    if op.get_bind().dialect.name == "postgresql":
        # A server cannot call the app's Python: it gets the fold as SQL (db/server_fold.py).
        op.execute(fold_function_sql())
        for statement in SEARCH_TRIGGER_SQL:
            op.execute(statement)
        return
    for statement in TRIGGERS.values():
        op.execute(statement)


def _fill() -> None:
    """Fold the items already there in Python, so the upgrade needs no SQL function."""
    bind = op.get_bind()
    read = sa.text(
        "SELECT id, title, details FROM action_item WHERE id > :after ORDER BY id LIMIT :rows"
    )
    write = sa.text(
        "INSERT INTO action_item_search (id, title, details) VALUES (:id, :title, :details)"
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
    if op.get_bind().dialect.name == "postgresql":
        for statement in DROP_SEARCH_TRIGGER_SQL:
            op.execute(statement)
    else:
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("action_item_search")
