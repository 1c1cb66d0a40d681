"""Persistence: SQLAlchemy models, the workspace engine, migrations and the audit trail."""
