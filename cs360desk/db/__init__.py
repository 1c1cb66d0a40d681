"""Persistence behind the storage seam: models, the SQLite engine, lock, backups, migrations."""
