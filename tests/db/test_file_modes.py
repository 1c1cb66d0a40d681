"""PII protected: what the app writes on Linux and macOS is its owner's only, whatever the umask.

Every file the app creates (the workspace and its -wal/-shm/lock files, backups, the kept
copies of a restore, logs, reports and exports) is 0600, and every folder it creates 0700.
Each test runs under a permissive umask (022), under which files would otherwise be 0644."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cs360desk.db.backups import take_backup
from cs360desk.db.locking import WorkspaceLock
from cs360desk.domain.private_files import create_private_file, make_private_folder
from cs360desk.operations import log_files
from cs360desk.operations.app_opening import open_for_app
from cs360desk.operations.backups import BackupPlan, back_up, restore
from cs360desk.operations.log_files import LOG_ENV, LOG_NAME, logging_to
from cs360desk.operations.sample import SampleOutcome, create_sample_workspace
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from cs360desk.services import catalog
from tests.db.test_backups import corrupt
from tests.reports.pdf_samples import progress_data
from tests.reports.test_ics_calendar import calendar
from tests.reports.test_xlsx_tracker import tracker
from tests.workspace_support import add_person

pytestmark = pytest.mark.skipif(
    os.name == "nt",
    reason="Windows has no POSIX modes; the app's files live in the user's own profile there",
)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual desktop umask, which leaves new files readable by everyone (0644)."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(*paths: Path) -> None:
    for path in paths:
        wanted = 0o700 if path.is_dir() else 0o600
        assert mode(path) == wanted, f"{path} is {oct(mode(path))}, not {oct(wanted)}"


def test_the_helpers_make_owner_only_files_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b" / "c"
    make_private_folder(folder)
    make_private_folder(folder)  # already there: fine
    assert_private(tmp_path / "a", tmp_path / "a" / "b", folder)
    assert create_private_file(folder / "f") is True
    assert create_private_file(folder / "f") is False
    assert_private(folder / "f")


def test_an_existing_folder_or_file_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    (shared / "f").write_bytes(b"")
    make_private_folder(shared)
    assert not create_private_file(shared / "f")
    assert mode(shared) == 0o755 and mode(shared / "f") == 0o644


def test_a_file_where_a_folder_should_be_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"")
    with pytest.raises(OSError):
        make_private_folder(tmp_path / "f")
    with pytest.raises(OSError):
        make_private_folder(tmp_path / "f" / "below")


def test_a_new_workspace_its_wal_shm_and_lock_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folders" / "w.cs360"
    plan = BackupPlan.beside(path)
    created = open_for_app(path, plan=plan, offer=lambda *_: False)
    assert created is not None
    created.close()
    assert_private(tmp_path / "new", path.parent, path)
    opened = open_for_app(path, plan=plan, offer=lambda *_: False)  # now it takes the lock
    assert opened is not None
    try:
        with opened.workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Nguyễn Thị Hoa")
        wal, shm = path.with_name("w.cs360-wal"), path.with_name("w.cs360-shm")
        assert wal.exists() and shm.exists() and opened.lock.held
        assert_private(path, wal, shm, opened.lock.path, plan.folder, *plan.folder.iterdir())
    finally:
        opened.close()


def test_the_lock_file_is_owner_only(tmp_path: Path) -> None:
    with WorkspaceLock(tmp_path / "w.cs360") as lock:
        assert lock.acquire()
        assert_private(lock.path)


def test_backups_and_their_folders_are_owner_only(tmp_path: Path) -> None:
    db = add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    stick = tmp_path / "usb" / "backups"
    made = back_up(workspace=db, plan=BackupPlan(folder=tmp_path / "b", second_folder=stick))
    [copy] = list(stick.iterdir())
    assert_private(db, made.path.parent, made.path, tmp_path / "usb", stick, copy)


def test_a_leftover_partial_backup_does_not_pass_on_its_permissions(tmp_path: Path) -> None:
    db = add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    folder = tmp_path / "b"
    folder.mkdir()
    # A backup killed half-way in an earlier process that had this process id.
    now = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
    name = f"w-{now.strftime('%Y%m%d-%H%M%S-%f')}.cs360"
    leftover = folder / f".{name}.{os.getpid()}.partial"
    leftover.write_bytes(b"half")
    made = take_backup(db, folder, now=now)
    assert_private(made.path)
    assert not leftover.exists()


def test_restore_keeps_the_current_workspace_owner_only(tmp_path: Path) -> None:
    db = add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    plan = BackupPlan(folder=tmp_path / "b")
    backup = back_up(workspace=db, plan=plan)
    add_person(db, "Later Person")
    kept = restore(workspace=db, backup=backup.path, plan=plan)
    assert kept is not None
    assert_private(db, kept, plan.folder, *plan.folder.iterdir())


def test_restore_over_a_damaged_workspace_keeps_it_owner_only(tmp_path: Path) -> None:
    db = add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    plan = BackupPlan(folder=tmp_path / "b")
    backup = back_up(workspace=db, plan=plan)
    corrupt(db)
    kept = restore(workspace=db, backup=backup.path, plan=plan)
    assert kept is not None and kept.exists()
    assert_private(db, kept)


def test_restore_where_there_is_no_workspace_makes_it_owner_only(tmp_path: Path) -> None:
    db = add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    backup = back_up(workspace=db, plan=BackupPlan(folder=tmp_path / "b"))
    fresh = tmp_path / "elsewhere.cs360"
    assert restore(workspace=fresh, backup=backup.path, plan=BackupPlan.beside(fresh)) is None
    assert_private(fresh)


def test_the_log_file_and_its_rotated_files_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log_files, "MAX_BYTES", 2_000)
    folder = tmp_path / "logs" / "CS360 Desk"
    log = logging.getLogger("cs360desk.test.modes")
    with logging_to(folder) as path:
        assert path is not None
        for number in range(100):
            log.info("line %d about Nguyễn Thị Hoa's report", number)
    rotated = folder / f"{LOG_NAME}.1"
    assert rotated.exists()
    assert_private(tmp_path / "logs", folder, folder / LOG_NAME, *folder.iterdir())


@pytest.mark.parametrize(
    ("write", "name"),
    [
        pytest.param(lambda target: write_progress_pdf(progress_data(), target), "u.pdf", id="pdf"),
        pytest.param(lambda target: write_tracker_xlsx(tracker(), target), "t.xlsx", id="xlsx"),
        pytest.param(lambda target: write_calendar_ics(calendar(), target), "m.ics", id="ics"),
    ],
)
def test_reports_and_exports_are_owner_only(tmp_path: Path, write, name: str) -> None:
    target = tmp_path / name
    write(target)
    assert_private(target)
    target.chmod(0o644)  # an earlier export, saved before this version: replaced, private
    write(target)
    assert_private(target)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_the_demo_workspace_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "demo.cs360"
    made = create_sample_workspace(path=path, size="small", seed=1, today=date(2026, 3, 1))
    assert made.outcome is SampleOutcome.WRITTEN
    assert_private(path.parent, path)
    replaced = create_sample_workspace(
        path=path, size="small", seed=2, today=date(2026, 3, 1), force=True
    )
    assert replaced.outcome is SampleOutcome.REPLACED and replaced.kept is not None
    assert_private(path, replaced.kept)
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo.cs360", replaced.kept.name]


def _command() -> list[str]:
    script = Path(sys.executable).with_name("cs360desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cs360desk.app"]


def test_the_command_line_demo_writes_owner_only_files(tmp_path: Path) -> None:
    db = tmp_path / "data" / "w.cs360"
    logs = tmp_path / "logs" / "CS360 Desk"
    result = subprocess.run(
        [*_command(), "--db", str(db), "demo"],
        env={**os.environ, LOG_ENV: str(logs)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        umask=0o022,
    )
    assert result.returncode == 0, result.stderr
    companions = [db.with_name(db.name + end) for end in ("-wal", "-shm", "-journal")]
    present = [path for path in companions if path.exists()]
    assert_private(db.parent, db, *present, logs.parent, logs, logs / LOG_NAME)
