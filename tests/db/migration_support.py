"""What the migration tests share: a plain engine on an older workspace, and its first rows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine

INITIATIVE = (
    "INSERT INTO initiative (name, stage, started_on, commitment, created_at, updated_at, "
    "version) VALUES ('GVR', 'launch', '2026-01-01', '', '2026-01-01', '2026-01-01', 1)"
)


@contextmanager
def plain_engine(path: Path) -> Iterator[Engine]:
    """An engine on `path` without the app's pragmas or SQL functions (an older version's
    file, as the migrations first meet it), disposed after the block."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        yield engine
    finally:
        engine.dispose()
