"""Backups: verified copies through SQLite, rotation, listing and restore with refusals."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from cs360desk.db.backups import (
    BackupFile,
    BackupPolicy,
    DamagedWorkspaceError,
    backups_to_keep,
    default_backup_folder,
    list_backups,
    needs_daily_backup,
    newest_sound_backup,
    take_backup,
)
from cs360desk.db.restore import pre_restore_path, restore_backup
from cs360desk.db.workspace import open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.services import catalog
from tests.sqlite_support import integrity, person_names
from tests.workspace_support import add_person


def people_in(path: Path) -> list[str]:
    return person_names(path, read_only=True)


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    return add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")


def test_backup_is_a_sound_copy_named_by_time(workspace_file: Path, tmp_path: Path) -> None:
    now = datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=UTC)
    backup = take_backup(workspace_file, tmp_path / "b", now=now)
    assert backup.path.name == "w-20260304-050607-890000.cs360"
    assert backup.taken_at == now and backup.size == backup.path.stat().st_size
    assert integrity(backup.path) == "ok"
    assert people_in(backup.path) == ["Nguyễn Thị Hoa"]
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]


def test_backup_of_an_open_workspace_holds_its_committed_data(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    workspace = open_workspace(path)
    try:
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="José Ramírez")
        backup = take_backup(path, tmp_path / "b")
    finally:
        workspace.close()
    assert people_in(backup.path) == ["José Ramírez"]


def test_list_is_newest_first_and_ignores_other_files(workspace_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    first = take_backup(workspace_file, folder, now=datetime(2026, 1, 1, tzinfo=UTC))
    second = take_backup(workspace_file, folder, now=datetime(2026, 1, 2, tzinfo=UTC))
    (folder / "notes.txt").write_text("x")
    (folder / "other-20260101-000000-000000.cs360").write_text("x")
    (folder / ".w-20260103-000000-000000.cs360.1.partial").write_text("x")
    assert [b.path for b in list_backups(folder, "w")] == [second.path, first.path]
    assert list_backups(tmp_path / "missing", "w") == []


def test_daily_backup_is_due_only_after_a_day(workspace_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert needs_daily_backup(folder, "w", now)
    take_backup(workspace_file, folder, now=now)
    assert not needs_daily_backup(folder, "w", now + timedelta(hours=23))
    assert needs_daily_backup(folder, "w", now + timedelta(hours=24))


def fake(day: date, hour: int = 0) -> BackupFile:
    taken = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return BackupFile(path=Path(f"{day}-{hour}"), taken_at=taken, size=1)


def test_rotation_keeps_the_last_ten_and_one_per_week_for_eight_weeks() -> None:
    today = date(2026, 3, 1)  # a Sunday
    daily = [fake(today - timedelta(days=n)) for n in range(100)]
    keep = backups_to_keep(daily, BackupPolicy(), today)
    newest_ten = {b.path for b in daily[:10]}
    assert newest_ten <= keep
    weekly = keep - newest_ten
    # Weeks 3..8 back are each kept by one backup (weeks 1-2 are covered by the newest ten).
    assert len(weekly) == 6
    assert min(Path(p).name for p in keep) >= str(today - timedelta(weeks=8))


def test_rotation_follows_the_settings() -> None:
    today = date(2026, 3, 1)
    backups = [fake(today, hour) for hour in range(5)] + [fake(today - timedelta(weeks=1))]
    keep = backups_to_keep(backups, BackupPolicy(keep_last=2, keep_weeks=1), today)
    assert keep == {Path(f"{today}-4"), Path(f"{today}-3")}
    assert backups_to_keep(backups, BackupPolicy(keep_last=0, keep_weeks=0), today) == set()


def test_rotation_deletes_old_backups_on_disk(workspace_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    policy = BackupPolicy(keep_last=3, keep_weeks=0)
    for n in range(6):
        take_backup(workspace_file, folder, policy=policy, now=start + timedelta(minutes=n))
    assert len(list_backups(folder, "w")) == 3


def test_default_folder_is_beside_the_workspace(tmp_path: Path) -> None:
    assert default_backup_folder(tmp_path / "w.cs360") == tmp_path / "w-backups"


def test_unwritable_folder_gives_a_clear_error(
    workspace_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    # CI runs as root, for whom chmod locks nothing: make the folder refuse as it would a user.
    real_access = os.access
    monkeypatch.setattr(
        "cs360desk.db.backups.os.access",
        lambda path, mode: False if Path(path) == locked else real_access(path, mode),
    )

    def refuse_mkdir(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    with pytest.raises(WorkspaceError, match="cannot write backups to .*read-only"):
        take_backup(workspace_file, locked)
    monkeypatch.setattr(Path, "mkdir", refuse_mkdir)
    with pytest.raises(WorkspaceError, match="cannot write backups to"):
        take_backup(workspace_file, locked / "b")
    assert list(locked.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_refused(workspace_file: Path, tmp_path: Path) -> None:
    (tmp_path / "b").write_text("not a folder")
    with pytest.raises(WorkspaceError, match="cannot write backups to"):
        take_backup(workspace_file, tmp_path / "b")


def corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), 7):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_workspace_never_replaces_good_backups(
    workspace_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    policy = BackupPolicy(keep_last=1, keep_weeks=0)
    good = take_backup(workspace_file, folder, policy=policy)
    corrupt(workspace_file)
    with pytest.raises(DamagedWorkspaceError):
        take_backup(workspace_file, folder, policy=policy)
    assert [b.path for b in list_backups(folder, "w")] == [good.path]
    assert sorted(p.name for p in folder.iterdir()) == [good.path.name]


def test_restore_brings_back_the_backup_and_keeps_the_current(
    workspace_file: Path, tmp_path: Path
) -> None:
    backup = take_backup(workspace_file, tmp_path / "b")
    add_person(workspace_file, "Later Person")
    kept = restore_backup(workspace_file, backup.path)
    assert kept == pre_restore_path(workspace_file) == tmp_path / "w.cs360.pre-restore"
    assert people_in(workspace_file) == ["Nguyễn Thị Hoa"]
    assert people_in(kept) == ["Nguyễn Thị Hoa", "Later Person"]
    assert integrity(workspace_file) == "ok"
    add_person(workspace_file, "After Restore")
    assert people_in(workspace_file) == ["Nguyễn Thị Hoa", "After Restore"]


def test_restore_also_backs_up_into_the_folder(workspace_file: Path, tmp_path: Path) -> None:
    backup = take_backup(workspace_file, tmp_path / "b", now=datetime(2026, 1, 1, tzinfo=UTC))
    restore_backup(workspace_file, backup.path, backup_folder=tmp_path / "b")
    assert len(list_backups(tmp_path / "b", "w")) == 2


def test_restore_over_a_damaged_workspace(workspace_file: Path, tmp_path: Path) -> None:
    backup = take_backup(workspace_file, tmp_path / "b")
    corrupt(workspace_file)
    restore_backup(workspace_file, backup.path, backup_folder=tmp_path / "b")
    assert integrity(workspace_file) == "ok"
    assert people_in(workspace_file) == ["Nguyễn Thị Hoa"]
    assert pre_restore_path(workspace_file).exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, not a database" * 10, b"SQLite format 3\x00" + b"\x00" * 50],
    ids=["empty", "text", "truncated"],
)
def test_restore_of_a_non_workspace_is_refused_untouched(
    workspace_file: Path, tmp_path: Path, content: bytes
) -> None:
    bogus = tmp_path / "bogus.cs360"
    bogus.write_bytes(content)
    before = workspace_file.read_bytes()
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WorkspaceError):
        restore_backup(workspace_file, bogus)
    assert workspace_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_restore_of_another_programs_database_is_refused(
    workspace_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(WorkspaceError, match="another program"):
        restore_backup(workspace_file, other)
    assert people_in(workspace_file) == ["Nguyễn Thị Hoa"]


def test_restore_of_a_missing_file_is_refused(workspace_file: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no backup at"):
        restore_backup(workspace_file, tmp_path / "nothing.cs360")


def test_restore_into_a_new_path_creates_the_workspace(
    workspace_file: Path, tmp_path: Path
) -> None:
    backup = take_backup(workspace_file, tmp_path / "b")
    target = tmp_path / "new.cs360"
    assert restore_backup(target, backup.path) is None
    assert people_in(target) == ["Nguyễn Thị Hoa"]


def test_newest_sound_backup_skips_damaged_ones(workspace_file: Path, tmp_path: Path) -> None:
    older = take_backup(workspace_file, tmp_path / "b", now=datetime(2026, 1, 1, tzinfo=UTC))
    newer = take_backup(workspace_file, tmp_path / "usb", now=datetime(2026, 1, 2, tzinfo=UTC))
    assert newest_sound_backup([tmp_path / "b", tmp_path / "usb"], "w") == newer
    newer.path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert newest_sound_backup([tmp_path / "b", tmp_path / "usb"], "w") == older
    assert newest_sound_backup([tmp_path / "none"], "w") is None


def test_rotation_removes_stale_partial_files_only(workspace_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    stale = folder / ".w-20260101-000000-000000.cs360.123.partial"
    fresh = folder / ".w-20260101-000001-000000.cs360.456.partial"
    for path in (stale, fresh):
        path.write_bytes(b"half")
    os.utime(stale, (0, 0))
    take_backup(workspace_file, folder)
    assert not stale.exists() and fresh.exists()
