"""One writer: a second process cannot take the workspace lock, opens read-only, and the
SQLite write lock held by another process makes an edit say "busy" instead of corrupting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cs360desk.db.locking import WorkspaceLock, lock_path
from cs360desk.db.sqlite_errors import WorkspaceBusyError
from cs360desk.db.workspace import open_workspace
from cs360desk.services import catalog

ROOT = Path(__file__).resolve().parents[2]

HOLD_APP_LOCK = """
import sys, time
from pathlib import Path
from cs360desk.db.locking import WorkspaceLock
lock = WorkspaceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""

TRY_APP_LOCK = """
import sys
from pathlib import Path
from cs360desk.db.locking import WorkspaceLock
print("held" if WorkspaceLock(Path(sys.argv[1])).acquire() else "refused", flush=True)
"""

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(60)
"""


def holder(script: str, workspace: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(workspace)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    process.wait(timeout=30)


def test_lock_is_exclusive_within_and_across_processes(tmp_path: Path) -> None:
    workspace = tmp_path / "w.cs360"
    with WorkspaceLock(workspace) as first:
        assert first.acquire() and first.held
        assert first.acquire()  # asking again while holding it is fine
        assert lock_path(workspace).exists()
    other = holder(HOLD_APP_LOCK, workspace)
    try:
        assert not WorkspaceLock(workspace).acquire()
    finally:
        stop(other)
    # The OS released the killed holder's lock: no stale lock to clean up by hand.
    again = WorkspaceLock(workspace)
    assert again.acquire()
    again.release()
    assert not again.held


def test_the_second_copy_opens_read_only_and_sees_saved_changes(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    first = open_workspace(path)
    lock = WorkspaceLock(path)
    assert lock.acquire()
    try:
        with first.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Nguyễn Thị Hoa")
        attempt = subprocess.run(
            [sys.executable, "-c", TRY_APP_LOCK, str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
        )
        assert attempt.stdout.strip() == "refused"
        second = open_workspace(path, read_only=True)
        try:
            assert second.read_only
            with first.session_factory.begin() as session:
                catalog.PERSON.create(session, full_name="Later")
            with second.session_factory.begin() as session:
                names = sorted(p.full_name for p in catalog.PERSON.list(session))
            assert names == ["Later", "Nguyễn Thị Hoa"]
        finally:
            second.close()
    finally:
        lock.release()
        first.close()


def test_a_process_holding_the_write_lock_makes_edits_busy_not_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    workspace = open_workspace(path)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="Before")
    other = holder(HOLD_WRITE_LOCK, path)
    try:
        with (
            pytest.raises(WorkspaceBusyError, match="busy"),
            workspace.session_factory.begin() as session,
        ):
            catalog.PERSON.create(session, full_name="Blocked")
    finally:
        stop(other)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="After")
        names = [p.full_name for p in catalog.PERSON.list(session)]
    workspace.close()
    assert sorted(names) == ["After", "Before"]
