"""Opening the app's workspace: one writer, read-only second copy, daily backups, restores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cs360desk.db.locking import WorkspaceLock
from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations.app_opening import NoSoundBackupError, RestoreOffer, open_for_app
from cs360desk.operations.backups import (
    BackupPlan,
    DamagedWorkspaceError,
    back_up,
    backups_in,
    default_backup_folder,
)
from tests.tracker_support import database_state, sample_copy

Offers = list[tuple[DamagedWorkspaceError, Path]]


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk would."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = page_size * (len(data) // page_size // 2)
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


def never_asked(error: DamagedWorkspaceError, backup: Path) -> bool:
    raise AssertionError(f"no restore should be offered ({error}, {backup})")


def answering(answer: bool, offers: Offers) -> RestoreOffer:
    def offer(error: DamagedWorkspaceError, backup: Path) -> bool:
        offers.append((error, backup))
        return answer

    return offer


def test_a_new_workspace_is_created_and_this_copy_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "data" / "workspace.cs360"
    opened = open_for_app(path, plan=BackupPlan.beside(path), offer=never_asked)
    assert opened is not None
    try:
        assert path.is_file() and not opened.workspace.read_only
    finally:
        opened.close()
    assert WorkspaceLock(path).acquire()


def test_the_only_copy_holds_the_lock_and_takes_the_daily_backup(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    opened = open_for_app(path, plan=BackupPlan.beside(path), offer=never_asked)
    assert opened is not None
    try:
        assert not opened.workspace.read_only and opened.lock.held
        assert not WorkspaceLock(path).acquire()
        assert len(backups_in(workspace=path, folder=default_backup_folder(path))) == 1
    finally:
        opened.close()
    assert not opened.lock.held


def test_a_second_copy_opens_read_only_and_backs_nothing_up(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    with WorkspaceLock(path) as first_copy:
        assert first_copy.acquire()
        opened = open_for_app(path, plan=BackupPlan.beside(path), offer=never_asked)
        assert opened is not None
        try:
            assert opened.workspace.read_only and not opened.lock.held
            assert any("another copy" in notice for notice in opened.workspace.notices)
        finally:
            opened.close()
    assert backups_in(workspace=path, folder=default_backup_folder(path)) == []


def test_a_damaged_workspace_gets_the_newest_sound_backup_restored(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    good = database_state(path)
    made = back_up(workspace=path, plan=BackupPlan.beside(path))
    damage(path)
    offers: Offers = []
    opened = open_for_app(path, plan=BackupPlan.beside(path), offer=answering(True, offers))
    assert opened is not None
    try:
        assert [backup for _error, backup in offers] == [made.path]
        assert "is damaged" in str(offers[0][0])
        assert not opened.workspace.read_only
    finally:
        opened.close()
    assert database_state(path) == good
    assert path.with_name(path.name + ".pre-restore").is_file()


def test_declining_the_restore_leaves_the_damaged_file_and_the_lock(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    back_up(workspace=path, plan=BackupPlan.beside(path))
    damage(path)
    before = path.read_bytes()
    offers: Offers = []
    assert open_for_app(path, plan=BackupPlan.beside(path), offer=answering(False, offers)) is None
    assert len(offers) == 1 and path.read_bytes() == before
    assert WorkspaceLock(path).acquire()


def test_damaged_without_a_sound_backup_says_so(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(NoSoundBackupError, match="is damaged") as raised:
        open_for_app(path, plan=BackupPlan.beside(path), offer=never_asked)
    assert isinstance(raised.value.damage, DamagedWorkspaceError)
    assert path.read_bytes() == before
    assert WorkspaceLock(path).acquire()


def test_a_file_that_is_not_a_workspace_is_refused_and_the_lock_let_go(tmp_path: Path) -> None:
    notes = tmp_path / "notes.cs360"
    notes.write_text("shopping list", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a CS360 Desk workspace"):
        open_for_app(notes, plan=BackupPlan.beside(notes), offer=never_asked)
    assert notes.read_text(encoding="utf-8") == "shopping list"
    assert WorkspaceLock(notes).acquire()


def test_the_plans_second_folder_gets_the_daily_backup_too(tmp_path: Path) -> None:
    path = sample_copy(tmp_path)
    plan = BackupPlan(folder=default_backup_folder(path), second_folder=tmp_path / "usb")
    opened = open_for_app(path, plan=plan, offer=never_asked)
    assert opened is not None
    opened.close()
    assert len(backups_in(workspace=path, folder=tmp_path / "usb")) == 1
