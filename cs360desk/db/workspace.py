"""Opening a workspace file: create it, refuse what is not ours, migrate what is older."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cs360desk.db import audit
from cs360desk.db.backups import (
    BackupPolicy,
    DamagedWorkspaceError,
    backup_stem,
    default_backup_folder,
    needs_daily_backup,
    take_backup,
)
from cs360desk.db.engine import (
    APPLICATION_ID,
    create_workspace_engine,
    make_session_factory,
    mark_as_workspace,
    read_only_probe,
)
from cs360desk.db.location import sync_folder_warning, workspace_file
from cs360desk.db.migration import head_revision, known_revisions, upgrade_to_head
from cs360desk.db.read_only import READ_ONLY_BANNER, cannot_write, create_read_only_engine
from cs360desk.db.server import ServerStatus, create_server_engine, inspect_server
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import create_private_file
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _

SQLITE_HEADER = b"SQLite format 3\x00"
ROLE_READS_ONLY = N_("your role on the server may only read it")
# What a workspace's sessions are, for code above db/ that names their type only.
WorkspaceSession = Session


@dataclass(frozen=True)
class Workspace:
    """An open workspace: its sessions are the only way to read and change it."""

    location: WorkspaceLocation
    engine: Engine
    session_factory: sessionmaker[Session]
    read_only: bool = False
    # Things the user should know at once (read-only, synced folder, a failed backup).
    notices: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        """The workspace file; a WorkspaceError for a shared workspace, which has none."""
        return self.location.require_file()

    @property
    def shared(self) -> bool:
        """True for a workspace on a server, which several people use at once."""
        return not self.location.is_file

    @property
    def acting_user(self) -> str:
        """Who every change made through `session_factory` is recorded as."""
        return audit.acting_user_of(self.session_factory)

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


@dataclass(frozen=True)
class BackupPlan:
    """Where automatic backups go; `second_folder` (a USB stick) gets a copy too."""

    folder: Path
    policy: BackupPolicy = BackupPolicy()
    second_folder: Path | None = None

    @classmethod
    def beside(cls, workspace: WorkspaceLocation | Path) -> BackupPlan:
        return cls(folder=default_backup_folder(workspace))


def open_workspace(
    location: WorkspaceLocation | Path | str,
    *,
    read_only: bool = False,
    daily_backup: BackupPlan | None = None,
    read_only_reason: str = "you asked for it",
    acting_user: str | None = None,
) -> Workspace:
    """Open (or create) a workspace; a file that is not one is refused and left untouched.

    An older workspace is backed up before it is upgraded. With `daily_backup` (the app
    passes it) a backup is also taken when the newest one is over a day old. A file or
    folder that cannot be written, or `read_only=True`, opens read-only. Every change is
    recorded as made by `acting_user`, by default the name the computer's user logged in with
    (on a server: the database role it was opened as).
    """
    location = WorkspaceLocation.parse(location)
    if not location.is_file:
        return _open_server(location, read_only, read_only_reason, acting_user, daily_backup)
    path = workspace_file(location)
    who = audit.decide_acting_user(acting_user)
    notices = [warning] if (warning := sync_folder_warning(path)) else []
    if not path.exists():
        if read_only:
            raise WorkspaceError(f"no workspace at {path}")
        return _create(path, notices, who)
    status = inspect_workspace(path)
    reason = read_only_reason if read_only else cannot_write(path)
    if reason is not None:
        return _open_read_only(path, status, reason, notices, who)
    plan = daily_backup or BackupPlan.beside(path)
    if not is_current(status) and status.revision != "(empty)":
        _backup_before_upgrade(path, plan)
    elif daily_backup is not None:
        notices.extend(_daily_backups(path, daily_backup))
    engine = create_workspace_engine(path)
    if not is_current(status):
        upgrade_to_head(engine)
    return _workspace(path, engine, notices, who)


def _create(path: Path, notices: list[str], who: str) -> Workspace:
    if not path.parent.is_dir():
        raise WorkspaceError(f"the folder {path.parent} does not exist")
    _create_file(path)
    engine = create_workspace_engine(path)
    mark_as_workspace(engine)
    upgrade_to_head(engine)
    return _workspace(path, engine, notices, who)


def _create_file(path: Path) -> None:
    """The workspace file, empty and its owner's only; SQLite fills it, and gives the -wal and
    -shm files beside it the same permissions."""
    try:
        create_private_file(path)
    except OSError as error:
        raise WorkspaceError(f"cannot create {path}: {error.strerror or error}") from error


def _workspace(
    path: Path, engine: Engine, notices: list[str], who: str, read_only: bool = False
) -> Workspace:
    return _ready(WorkspaceLocation.file(path), engine, notices, who, read_only)


def _ready(
    location: WorkspaceLocation, engine: Engine, notices: list[str], who: str, read_only: bool
) -> Workspace:
    factory = make_session_factory(engine)
    audit.install(factory, acting_user=who)
    return Workspace(location, engine, factory, read_only=read_only, notices=tuple(notices))


def _open_server(
    location: WorkspaceLocation,
    read_only: bool,
    reason: str,
    acting_user: str | None,
    daily_backup: BackupPlan | None,
) -> Workspace:
    """A shared workspace: looked at before anything is written, then opened for editing,
    or read-only when asked or when the role may only read; an empty database gets the
    schema, an older one a snapshot and then the upgrade."""
    engine = create_server_engine(location)
    try:
        status = inspect_server(engine, location)
        who = audit.decide_acting_user(acting_user if acting_user is not None else status.role)
        if read_only or not status.may_write:
            engine.dispose()
            return _open_server_read_only(
                location, status, reason if read_only else _(ROLE_READS_ONLY), who
            )
        notices: list[str] = []
        if status.revision != head_revision():
            if status.revision is not None:
                _snapshot_before_upgrade(location, engine, daily_backup)
            upgrade_to_head(engine)
        elif daily_backup is not None:
            notices.extend(_daily_snapshots(location, engine, daily_backup))
    except BaseException:
        engine.dispose()
        raise
    return _ready(location, engine, notices, who, read_only=False)


def _open_server_read_only(
    location: WorkspaceLocation, status: ServerStatus, reason: str, who: str
) -> Workspace:
    if status.revision is None:
        raise WorkspaceError(
            _("{location} is an empty database, and {reason}: nothing to open").format(
                location=location.describe(), reason=reason
            )
        )
    if status.revision != head_revision():
        raise WorkspaceError(
            _(
                "{location} cannot be opened: {reason} and it needs an upgrade to this "
                "version; ask someone who may change it to open it first"
            ).format(location=location.describe(), reason=reason)
        )
    engine = create_server_engine(location, read_only=True)
    banner = READ_ONLY_BANNER.format(reason=reason)
    return _ready(location, engine, [banner], who, read_only=True)


def _snapshot_before_upgrade(
    location: WorkspaceLocation, engine: Engine, plan: BackupPlan | None
) -> None:
    from cs360desk.db.snapshots import take_snapshot

    folder = (plan or BackupPlan.beside(location)).folder
    try:
        take_snapshot(location, engine, folder)
    except WorkspaceError as error:
        raise WorkspaceError(
            f"{location} was not upgraded, because no backup could be made first: {error}"
        ) from error


def _daily_snapshots(location: WorkspaceLocation, engine: Engine, plan: BackupPlan) -> list[str]:
    from cs360desk.db.snapshots import take_snapshot

    notices: list[str] = []
    for folder in (plan.folder, plan.second_folder):
        if folder is None or not needs_daily_backup(folder, backup_stem(location)):
            continue
        try:
            take_snapshot(location, engine, folder, policy=plan.policy)
        except WorkspaceError as error:
            notices.append(f"The automatic backup failed: {error}")
    return notices


def _open_read_only(
    path: Path, status: WorkspaceStatus, reason: str, notices: list[str], who: str
) -> Workspace:
    if not is_current(status):
        raise WorkspaceError(
            f"{path} cannot be opened: {reason} and it needs an upgrade to this version; "
            "copy it to a folder you can write to, then open the copy"
        )
    banner = READ_ONLY_BANNER.format(reason=reason)
    engine = create_read_only_engine(path)
    return _workspace(path, engine, [banner, *notices], who, read_only=True)


def _backup_before_upgrade(path: Path, plan: BackupPlan) -> None:
    try:
        take_backup(path, plan.folder, policy=plan.policy)
    except WorkspaceError as error:
        raise WorkspaceError(
            f"{path} was not upgraded, because no backup could be made first: {error}"
        ) from error


def _daily_backups(path: Path, plan: BackupPlan) -> list[str]:
    """Back up to each folder whose newest backup is over a day old; failures become notices
    because the workspace itself is fine and the user can still work."""
    notices: list[str] = []
    for folder in (plan.folder, plan.second_folder):
        if folder is None or not needs_daily_backup(folder, path.stem):
            continue
        try:
            take_backup(path, folder, policy=plan.policy)
        except WorkspaceError as error:
            notices.append(f"The automatic backup failed: {error}")
    return notices


def inspect_workspace(
    location: WorkspaceLocation | Path, *, full_check: bool = False
) -> WorkspaceStatus:
    """Read-only checks; raises WorkspaceError when the file is not a usable workspace."""
    path = workspace_file(location)
    _check_header(path)
    try:
        probe = read_only_probe(path)
    except sqlite3.Error as error:
        raise WorkspaceError(f"{path} cannot be opened: {error}") from error
    try:
        return _inspect(probe, path, full_check)
    # Damaged pages can hold bytes that are not UTF-8 where SQLite promises text.
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise DamagedWorkspaceError(
            path, f"not readable as a CS360 Desk workspace ({error})"
        ) from error
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
        raise DamagedWorkspaceError(path, problems[0])
    return WorkspaceStatus(revision=revision or "(empty)", problems=problems)


def is_current(status: WorkspaceStatus) -> bool:
    return status.revision == head_revision()
