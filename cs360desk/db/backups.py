"""Backups of a workspace through SQLite's online backup API, verified and rotated."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cs360desk.db.location import workspace_file
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import create_private_file, make_private_folder
from cs360desk.domain.workspace_location import WorkspaceLocation

BACKUP_SUFFIX = ".cs360"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})$")
DAILY = timedelta(days=1)
STALE_PARTIAL = timedelta(hours=1)


class DamagedWorkspaceError(WorkspaceError):
    """The workspace failed its integrity check; restoring a good backup is the way out."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path} is damaged: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups survive rotation: the newest `keep_last`, plus one per recent week."""

    keep_last: int = 10
    keep_weeks: int = 8


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # UTC, from the file name, so copying the folder keeps the dates
    size: int


def default_backup_folder(workspace: WorkspaceLocation | Path) -> Path:
    """`<folder of the workspace>/<name>-backups`: for the default workspace that is inside
    the user data folder; for a --db file it stays with the file it protects. A shared
    workspace's snapshots go to `<user data folder>/<host>-<database>-backups`."""
    location = WorkspaceLocation.parse(workspace)
    if not location.is_file:
        from cs360desk.db.app_folders import data_folder

        return data_folder() / f"{backup_stem(location)}-backups"
    path = workspace_file(location)
    return path.parent / f"{path.stem}-backups"


def backup_stem(workspace: WorkspaceLocation | Path) -> str:
    """What a workspace's backup files are named after: the file's name without its suffix;
    for a shared workspace its server and database, in characters every file system takes."""
    location = WorkspaceLocation.parse(workspace)
    if location.is_file:
        return workspace_file(location).stem
    from sqlalchemy.engine import make_url

    assert location.url is not None
    url = make_url(location.url)
    named = f"{url.host or 'localhost'}-{url.database or ''}"
    return re.sub(r"[^\w.-]+", "_", named)


def take_backup(
    workspace: WorkspaceLocation | Path,
    folder: Path,
    *,
    policy: BackupPolicy | None = None,
    now: datetime | None = None,
) -> BackupFile:
    """Copy a sound workspace into `folder`; a damaged one raises before any file is touched."""
    path = workspace_file(workspace)
    now = now or datetime.now(UTC)
    source = _open_source(path)
    try:
        require_sound(source, path, "quick_check")
        make_folder(folder)
        target = folder / f"{path.stem}-{now.strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"
        write_verified_copy(source, target)
    finally:
        source.close()
    rotate(folder, path.stem, policy or BackupPolicy(), now.date())
    return BackupFile(path=target, taken_at=now, size=target.stat().st_size)


def write_verified_copy(source: sqlite3.Connection, target: Path) -> None:
    """Write to a temporary name, check the copy in full, then rename: a crash or a failed
    check never leaves a half-written file under a backup's name. The copy is its owner's
    only, as the workspace is."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        # A leftover of a killed backup of this process id would keep its own permissions.
        partial.unlink(missing_ok=True)
        create_private_file(partial)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # A backup must be one self-contained file, with no -wal beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
            require_sound(copy, target, "integrity_check")
        finally:
            copy.close()
        _fsync(partial)
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise _as_workspace_error(error, target) from error
    except OSError as error:
        raise WorkspaceError(f"cannot write the backup {target}: {error.strerror}") from error
    finally:
        partial.unlink(missing_ok=True)


def list_backups(folder: Path, workspace_stem: str) -> list[BackupFile]:
    """The backups of one workspace in `folder`, newest first; other files are ignored."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.glob(f"{glob_escape(workspace_stem)}-*{BACKUP_SUFFIX}"):
        taken_at = _taken_at(path, workspace_stem)
        if taken_at is not None and path.is_file():
            found.append(BackupFile(path=path, taken_at=taken_at, size=path.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def newest_sound_backup(folders: Iterable[Path], workspace_stem: str) -> BackupFile | None:
    """What to offer when the workspace is damaged: the newest backup, in any of the
    folders, that passes a full integrity check."""
    candidates = [backup for folder in folders for backup in list_backups(folder, workspace_stem)]
    for backup in sorted(candidates, key=lambda found: found.taken_at, reverse=True):
        try:
            connection = open_for_reading(backup.path)
        except sqlite3.Error:
            continue
        try:
            require_sound(connection, backup.path, "integrity_check")
        except DamagedWorkspaceError:
            continue
        finally:
            connection.close()
        return backup
    return None


def needs_daily_backup(folder: Path, workspace_stem: str, now: datetime | None = None) -> bool:
    backups = list_backups(folder, workspace_stem)
    return not backups or (now or datetime.now(UTC)) - backups[0].taken_at >= DAILY


def backups_to_keep(backups: Iterable[BackupFile], policy: BackupPolicy, today: date) -> set[Path]:
    """The newest `keep_last`, plus the newest of each of the last `keep_weeks` ISO weeks."""
    newest_first = sorted(backups, key=lambda backup: backup.taken_at, reverse=True)
    keep = {backup.path for backup in newest_first[: max(policy.keep_last, 0)]}
    this_monday = today - timedelta(days=today.weekday())
    oldest_monday = this_monday - timedelta(weeks=max(policy.keep_weeks, 0) - 1)
    weeks_seen: set[tuple[int, int]] = set()
    for backup in newest_first:
        day = backup.taken_at.date()
        week = day.isocalendar()[:2]
        if policy.keep_weeks > 0 and day >= oldest_monday and week not in weeks_seen:
            weeks_seen.add(week)
            keep.add(backup.path)
    return keep


def rotate(folder: Path, workspace_stem: str, policy: BackupPolicy, today: date) -> list[Path]:
    backups = list_backups(folder, workspace_stem)
    keep = backups_to_keep(backups, policy, today)
    removed = [backup.path for backup in backups if backup.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    _remove_stale_partials(folder, workspace_stem)
    return removed


def _remove_stale_partials(folder: Path, workspace_stem: str) -> None:
    """Leftovers of a backup killed half-way; an hour is far beyond any backup's duration,
    so a backup still being written by another process is never touched."""
    cutoff = datetime.now(UTC).timestamp() - STALE_PARTIAL.total_seconds()
    for path in folder.glob(f".{glob_escape(workspace_stem)}-*.partial"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that reads committed data, including a live workspace's -wal pages."""
    wal = path.with_name(path.name + "-wal")
    # Without a -wal nobody has it open in WAL mode, and immutable keeps SQLite from
    # creating -wal/-shm files beside a file we only read (or cannot write to).
    mode = "ro" if wal.exists() else "ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)


def _open_source(workspace: Path) -> sqlite3.Connection:
    if not workspace.is_file():
        raise WorkspaceError(f"no workspace at {workspace}")
    try:
        return open_for_reading(workspace)
    except sqlite3.Error as error:
        raise _as_workspace_error(error, workspace) from error


def require_sound(connection: sqlite3.Connection, path: Path, check: str) -> None:
    try:
        rows = connection.execute(f"PRAGMA {check}").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise DamagedWorkspaceError(path, str(error)) from error
    problems = [row[0] for row in rows if row[0] != "ok"]
    if problems:
        raise DamagedWorkspaceError(path, problems[0])


def make_folder(folder: Path) -> None:
    try:
        make_private_folder(folder)
    except OSError as error:
        raise WorkspaceError(
            f"cannot write backups to {folder}: {error.strerror or error}"
        ) from error
    if not os.access(folder, os.W_OK):
        raise WorkspaceError(f"cannot write backups to {folder}: the folder is read-only")


def _taken_at(path: Path, workspace_stem: str) -> datetime | None:
    stem = path.name.removesuffix(BACKUP_SUFFIX)
    match = _STAMP.search(stem)
    if match is None or stem[: match.start()] != workspace_stem:
        return None
    try:
        return datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def _fsync(path: Path) -> None:
    # The rename must not reach the disk before the data it names.
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _as_workspace_error(error: sqlite3.Error, path: Path) -> WorkspaceError:
    if "full" in str(error):
        return WorkspaceError(f"not saved: the disk is full ({path})")
    return WorkspaceError(f"cannot copy {path}: {error}")
