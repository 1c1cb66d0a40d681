"""Alembic environment: always runs on the connection the app hands over."""

from __future__ import annotations

from alembic import context

from cs360desk.db import models  # noqa: F401  (registers every table)
from cs360desk.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
