"""Alembic migrations of the workspace schema, run from code at startup."""
