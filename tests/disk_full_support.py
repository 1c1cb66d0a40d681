"""A nearly full disk for the export tests, and a nearly full workspace for the import tests.

Exports: making a real small file system needs root or user namespaces (a loop device, a
tmpfs mount), which CI runners and Windows do not offer, so a test would have to be skipped
there. Instead `SmallDisk` stands in for the disk at the one place every writer reaches it:
the files opened for writing in one folder. openpyxl (zipfile), reportlab, icalendar
(pathlib) and shutil run unchanged; once the folder's free bytes are used up, `write` stores
what fits and raises ENOSPC, as a full disk does. Files outside the folder and reads are
left alone.

Workspace: SQLite's `max_page_count` caps the database at its current size, so the next
write that needs a new page fails with SQLITE_FULL, exactly as on a full disk.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import sqlite3
import weakref
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from cs360desk.db import workspace as workspace_module
from cs360desk.db.workspace import Workspace


class SmallDisk:
    """The folder has `free` bytes left; `free_up` makes room, as the user deleting files.

    As on Windows, a file still open for writing cannot be deleted (PermissionError), so a
    writer that leaves its file open on failure would leave a scrap behind there."""

    def __init__(self, folder: Path, free: int) -> None:
        self.folder = folder.resolve()
        self.free = free
        self.refused = 0  # how many writes hit the full disk
        # Weak, like the operating system's table: a file nobody holds any more gets closed.
        self._files: weakref.WeakSet[_FileOnSmallDisk] = weakref.WeakSet()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> SmallDisk:
        real_open, real_unlink = io.open, os.unlink

        def small_disk_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            opened = real_open(file, mode, *args, **kwargs)
            writing = any(flag in mode for flag in "wax+")
            if writing and isinstance(file, str | os.PathLike) and self._holds(Path(file)):
                wrapped = _FileOnSmallDisk(opened, self)
                self._files.add(wrapped)
                return wrapped
            return opened

        def windows_unlink(path: Any, *args: Any, **kwargs: Any) -> None:
            if self._is_open(Path(path)):
                raise PermissionError(errno.EACCES, "The file is in use", str(path))
            real_unlink(path, *args, **kwargs)

        # zipfile and pathlib call io.open, reportlab and shutil the builtin: the same function.
        monkeypatch.setattr(io, "open", small_disk_open)
        monkeypatch.setattr(builtins, "open", small_disk_open)
        monkeypatch.setattr(os, "unlink", windows_unlink)
        return self

    def free_up(self, size: int) -> None:
        self.free += size

    def take(self, wanted: int) -> int:
        granted = min(wanted, self.free)
        self.free -= granted
        return granted

    def _holds(self, path: Path) -> bool:
        return path.resolve().parent == self.folder

    def _is_open(self, path: Path) -> bool:
        wanted = path.resolve()
        return any(not f.closed and Path(f.name).resolve() == wanted for f in self._files)


class _FileOnSmallDisk:
    """A file object whose writes draw on the disk's free bytes."""

    def __init__(self, raw: Any, disk: SmallDisk) -> None:
        self._raw = raw
        self._disk = disk

    @property
    def closed(self) -> bool:
        return bool(self._raw.closed)

    @property
    def name(self) -> str:
        return str(self._raw.name)

    def write(self, data: Any) -> int:
        size = len(memoryview(data).cast("B")) if not isinstance(data, str) else len(data)
        granted = self._disk.take(size)
        if granted:
            self._raw.write(data[:granted])
        if granted < size:
            self._raw.flush()  # what fitted is on the disk: a truncated file, as for real
            self._disk.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.name)
        return size

    def fileno(self) -> int:
        # Without a descriptor shutil copies through write(), not with sendfile().
        raise io.UnsupportedOperation("fileno")

    def __enter__(self) -> _FileOnSmallDisk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._raw.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def old_file_on_small_disk(
    folder: Path, name: str, previous: bytes, free: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, SmallDisk]:
    """A new folder holding last time's file `name`, then left with `free` bytes: the file,
    and the disk installed."""
    folder.mkdir()
    target = folder / name
    target.write_bytes(previous)
    return target, SmallDisk(folder, free=free).install(monkeypatch)


def folder_listing(folder: Path) -> list[str]:
    """Every name in the folder, hidden temporary files included."""
    return sorted(path.name for path in folder.iterdir())


def page_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA page_count").fetchone()[0])


class FullWorkspace:
    """Caps every connection of the engines it watches at `limit` pages; `free_up` lifts it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._engines: list[Engine] = []

    @classmethod
    def at_current_size(cls, workspace: Workspace) -> FullWorkspace:
        full = cls(page_count(workspace.path))
        full.watch(workspace.engine)
        return full

    @classmethod
    def for_every_open(cls, monkeypatch: pytest.MonkeyPatch, path: Path) -> FullWorkspace:
        """The workspaces the command line or the app open from now on, full at this size."""
        full = cls(page_count(path))
        make_engine = workspace_module.create_workspace_engine

        def full_engine(opened: Path) -> Engine:
            engine = make_engine(opened)
            full.watch(engine)
            return engine

        monkeypatch.setattr(workspace_module, "create_workspace_engine", full_engine)
        return full

    def watch(self, engine: Engine) -> None:
        event.listen(engine, "connect", self._apply)
        engine.dispose()  # pooled connections would keep the old limit
        self._engines.append(engine)

    def free_up(self) -> None:
        self.limit = 2**30
        for engine in self._engines:
            engine.dispose()

    def _apply(self, dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={self.limit}")
