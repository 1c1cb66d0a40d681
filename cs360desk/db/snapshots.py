"""Snapshots of a shared workspace: one `.cs360` file, as a laptop workspace is.

A snapshot is read in one REPEATABLE READ transaction, so it is the workspace as it was at
one moment however many people are saving meanwhile. It is built in the backup folder under
a hidden `.partial` name, checked in full and only then given its backup name, so a failed or
killed snapshot never looks like a backup. The result is a workspace file like any other: it
opens in the app, restores, and copies back up to a server.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from cs360desk.db.backups import (
    BACKUP_SUFFIX,
    STAMP_FORMAT,
    BackupFile,
    BackupPolicy,
    backup_stem,
    make_folder,
    rotate,
    write_verified_copy,
)
from cs360desk.db.copying import copy_rows, snapshot
from cs360desk.db.engine import create_workspace_engine, mark_as_workspace
from cs360desk.db.migration import upgrade_to_head
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.private_files import create_private_file
from cs360desk.domain.workspace_location import WorkspaceLocation


def take_snapshot(
    location: WorkspaceLocation,
    engine: Engine,
    folder: Path,
    *,
    policy: BackupPolicy | None = None,
    now: datetime | None = None,
    target: Path | None = None,
) -> BackupFile:
    """Write the workspace behind `engine` to a checked `.cs360` file in `folder` (rotated
    as backups are), or to `target` exactly when one is given."""
    now = now or datetime.now(UTC)
    stem = backup_stem(location)
    if target is None:
        make_folder(folder)
        target = folder / f"{stem}-{now.strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"
    build = target.with_name(f".{target.stem}.{os.getpid()}.build.partial")
    try:
        write_file_copy(engine, build)
        source = sqlite3.connect(build)
        try:
            write_verified_copy(source, target)
        finally:
            source.close()
    finally:
        for leftover in (
            build,
            build.with_name(build.name + "-wal"),
            build.with_name(build.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
    if target.parent == folder:
        rotate(folder, stem, policy or BackupPolicy(), now.date())
    return BackupFile(path=target, taken_at=now, size=target.stat().st_size)


def write_file_copy(source: Engine, path: Path) -> dict[str, int]:
    """A new workspace file at `path` holding every row of `source`, read as one snapshot."""
    try:
        path.unlink(missing_ok=True)
        create_private_file(path)
    except OSError as error:
        raise WorkspaceError(f"cannot write {path}: {error.strerror or error}") from error
    destination = create_workspace_engine(path)
    try:
        mark_as_workspace(destination)
        upgrade_to_head(destination)
        with snapshot(source) as reading, destination.begin() as writing:
            return copy_rows(reading, writing)
    finally:
        destination.dispose()
