"""Backing up, listing backups and restoring one, as both the app and the command line do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations.backups import (
    BackupPlan,
    BackupPolicy,
    back_up,
    backups_in,
    default_backup_folder,
    newest_sound_backup_of,
    restore,
)
from tests.sqlite_support import person_names
from tests.workspace_support import add_person


def names(path: Path) -> list[str]:
    return person_names(path, read_only=True)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return add_person(tmp_path / "w.cs360", "Nguyễn Thị Hoa")


def test_back_up_beside_the_workspace(db: Path) -> None:
    made = back_up(workspace=db, plan=BackupPlan.beside(db))
    assert made.path.parent == default_backup_folder(db) == db.parent / "w-backups"
    assert made.size == made.path.stat().st_size > 0
    assert names(made.path) == ["Nguyễn Thị Hoa"]


def test_back_up_also_to_the_second_folder(db: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    plan = BackupPlan(folder=tmp_path / "main", second_folder=stick)
    made = back_up(workspace=db, plan=plan)
    assert made.path.parent == tmp_path / "main"
    [copy] = backups_in(workspace=db, folder=stick)
    assert names(copy.path) == ["Nguyễn Thị Hoa"]


def test_the_main_backup_is_made_even_when_the_stick_is_missing(db: Path, tmp_path: Path) -> None:
    unplugged = tmp_path / "not-a-folder"
    unplugged.write_text("a file where the stick's folder should be")
    plan = BackupPlan(folder=tmp_path / "main", second_folder=unplugged)
    with pytest.raises(WorkspaceError, match="cannot write backups"):
        back_up(workspace=db, plan=plan)
    assert len(backups_in(workspace=db, folder=tmp_path / "main")) == 1


def test_a_missing_workspace_is_not_backed_up(tmp_path: Path) -> None:
    missing = tmp_path / "missing.cs360"
    with pytest.raises(WorkspaceError, match="no workspace at"):
        back_up(workspace=missing, plan=BackupPlan.beside(missing))
    assert list(tmp_path.iterdir()) == []


def test_backups_are_listed_newest_first_and_other_files_ignored(db: Path) -> None:
    folder = default_backup_folder(db)
    assert backups_in(workspace=db, folder=folder) == []
    first = back_up(workspace=db, plan=BackupPlan.beside(db))
    second = back_up(workspace=db, plan=BackupPlan.beside(db))
    (folder / "notes.txt").write_text("not a backup")
    (folder / "other-20260101-120000-000000.cs360").write_bytes(b"another workspace's")
    assert [b.path for b in backups_in(workspace=db, folder=folder)] == [second.path, first.path]


def test_rotation_follows_the_plans_policy(db: Path, tmp_path: Path) -> None:
    plan = BackupPlan(folder=tmp_path / "kept", policy=BackupPolicy(keep_last=2, keep_weeks=0))
    for _ in range(4):
        back_up(workspace=db, plan=plan)
    assert len(backups_in(workspace=db, folder=plan.folder)) == 2


def test_restore_replaces_the_workspace_and_keeps_it_as_it_was(db: Path) -> None:
    made = back_up(workspace=db, plan=BackupPlan.beside(db))
    add_person(db, "Later")
    kept = restore(workspace=db, backup=made.path, plan=BackupPlan.beside(db))
    assert names(db) == ["Nguyễn Thị Hoa"]
    assert kept == db.with_name("w.cs360.pre-restore")
    assert names(kept) == ["Nguyễn Thị Hoa", "Later"]


def test_restore_of_a_file_that_is_not_a_workspace_is_refused(db: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "holiday-photos.cs360"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    before = db.read_bytes()
    with pytest.raises(WorkspaceError, match="not a CS360 Desk workspace"):
        restore(workspace=db, backup=bogus, plan=BackupPlan.beside(db))
    assert db.read_bytes() == before
    assert not db.with_name("w.cs360.pre-restore").exists()


def test_restore_of_a_missing_backup_is_refused(db: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no backup at"):
        restore(workspace=db, backup=tmp_path / "gone.cs360", plan=BackupPlan.beside(db))
    assert names(db) == ["Nguyễn Thị Hoa"]


def test_restore_into_a_new_place_keeps_nothing(db: Path, tmp_path: Path) -> None:
    made = back_up(workspace=db, plan=BackupPlan.beside(db))
    fresh = tmp_path / "fresh.cs360"
    assert restore(workspace=fresh, backup=made.path, plan=BackupPlan.beside(fresh)) is None
    assert names(fresh) == ["Nguyễn Thị Hoa"]


def test_the_newest_sound_backup_is_found_in_either_folder(db: Path, tmp_path: Path) -> None:
    plan = BackupPlan(folder=tmp_path / "main", second_folder=tmp_path / "usb")
    assert newest_sound_backup_of(workspace=db, plan=plan) is None
    older = back_up(workspace=db, plan=BackupPlan(folder=plan.folder))
    stamp = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y%m%d-%H%M%S-%f")
    newest = plan.folder / f"w-{stamp}.cs360"
    newest.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # newest, but damaged
    assert newest_sound_backup_of(workspace=db, plan=plan) == older
    on_stick = back_up(workspace=db, plan=BackupPlan(folder=tmp_path / "usb"))
    assert newest_sound_backup_of(workspace=db, plan=plan) == on_stick
