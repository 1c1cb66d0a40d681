"""Opening a workspace file: create it, refuse what is not ours, migrate what is older."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cs360desk.db import audit
from cs360desk.db.engine import (
    APPLICATION_ID,
    create_workspace_engine,
    make_session_factory,
    mark_as_workspace,
    read_only_probe,
)
from cs360desk.db.migration import head_revision, known_revisions, upgrade_to_head
from cs360desk.domain.errors import WorkspaceError

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Workspace:
    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True)
class WorkspaceStatus:
    """What a read-only look at a workspace file found."""

    revision: str
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def open_workspace(path: Path) -> Workspace:
    """Open (or create) a workspace; a file that is not one is refused and left untouched."""
    path = Path(path).expanduser()
    if path.exists():
        inspect_workspace(path)
        engine = create_workspace_engine(path)
    else:
        if not path.parent.is_dir():
            raise WorkspaceError(f"the folder {path.parent} does not exist")
        engine = create_workspace_engine(path)
        mark_as_workspace(engine)
    upgrade_to_head(engine)
    factory = make_session_factory(engine)
    audit.install(factory)
    return Workspace(path=path, engine=engine, session_factory=factory)


def inspect_workspace(path: Path, *, full_check: bool = False) -> WorkspaceStatus:
    """Read-only checks; raises WorkspaceError when the file is not a usable workspace."""
    _check_header(path)
    try:
        probe = read_only_probe(path)
    except sqlite3.Error as error:
        raise WorkspaceError(f"{path} cannot be opened: {error}") from error
    try:
        return _inspect(probe, path, full_check)
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(f"{path} is damaged or not a CS360 Desk workspace: {error}") from error
    finally:
        probe.close()


def _check_header(path: Path) -> None:
    if not path.is_file():
        raise WorkspaceError(f"{path} is not a file")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        raise WorkspaceError(f"{path} is empty, not a CS360 Desk workspace")
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise WorkspaceError(f"{path} is not a CS360 Desk workspace (not a SQLite database)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The in-header size is only trustworthy when written by SQLite 3.7+ (the two counters match).
    size_is_valid = header[24:28] == header[92:96] and page_count > 0
    if size_is_valid and path.stat().st_size < page_size * page_count:
        raise WorkspaceError(f"{path} is truncated: it is shorter than its own header says")


def _inspect(probe: sqlite3.Connection, path: Path, full_check: bool) -> WorkspaceStatus:
    application_id = probe.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise WorkspaceError(f"{path} is a SQLite database of another program, not a workspace")
    tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    revision = None
    if "alembic_version" in tables:
        row = probe.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    if revision is not None and revision not in known_revisions():
        raise WorkspaceError(
            f"{path} was made by a newer version of CS360 Desk (schema {revision}); "
            "install the newer version to open it"
        )
    check = "integrity_check" if full_check else "quick_check"
    problems = tuple(row[0] for row in probe.execute(f"PRAGMA {check}") if row[0] != "ok")
    if problems and not full_check:
        raise WorkspaceError(f"{path} is damaged: {problems[0]}")
    return WorkspaceStatus(revision=revision or "(empty)", problems=problems)


def is_current(status: WorkspaceStatus) -> bool:
    return status.revision == head_revision()
