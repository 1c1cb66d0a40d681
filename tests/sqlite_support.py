"""Looking into a workspace file with plain sqlite3, beside the app's own engine."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def person_names(path: Path, *, read_only: bool = False) -> list[str]:
    """Everyone in the file, in the order they were added; `read_only` opens it so (a file
    that is not there is then an error, not a new empty database)."""
    if read_only:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT full_name FROM person ORDER BY id")]
    finally:
        connection.close()


def integrity(path: Path) -> str:
    """What SQLite's integrity check says of the file: "ok" when it is sound."""
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()
