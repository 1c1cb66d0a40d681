"""Opening a workspace safely: automatic backups, damage, read-only files and synced folders."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command

from cs360desk.db.backups import DamagedWorkspaceError, list_backups, take_backup
from cs360desk.db.engine import APPLICATION_ID, create_workspace_engine
from cs360desk.db.migration import alembic_config, head_revision
from cs360desk.db.read_only import cannot_write
from cs360desk.db.sqlite_errors import ReadOnlyWorkspaceError
from cs360desk.db.workspace import BackupPlan, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.services import catalog


def make(path: Path, *names: str) -> Path:
    workspace = open_workspace(path)
    with workspace.session_factory.begin() as session:
        for name in names:
            catalog.PERSON.create(session, full_name=name)
    workspace.close()
    return path


def test_app_open_takes_a_daily_backup_once(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    plan = BackupPlan.beside(path)
    open_workspace(path, daily_backup=plan).close()
    open_workspace(path, daily_backup=plan).close()
    assert len(list_backups(tmp_path / "w-backups", "w")) == 1


def test_daily_backup_goes_to_the_second_folder_too(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    yesterday = datetime.now(UTC) - timedelta(days=2)
    take_backup(path, tmp_path / "main", now=yesterday)
    plan = BackupPlan(folder=tmp_path / "main", second_folder=tmp_path / "usb")
    workspace = open_workspace(path, daily_backup=plan)
    workspace.close()
    assert workspace.notices == ()
    assert len(list_backups(tmp_path / "main", "w")) == 2
    assert len(list_backups(tmp_path / "usb", "w")) == 1


def test_a_failed_daily_backup_is_a_notice_not_a_refusal(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    (tmp_path / "blocked").write_text("a file where the folder should be")
    workspace = open_workspace(path, daily_backup=BackupPlan(folder=tmp_path / "blocked"))
    try:
        assert any("automatic backup failed" in notice for notice in workspace.notices)
        assert not workspace.read_only
    finally:
        workspace.close()


def test_plain_open_of_a_current_workspace_takes_no_backup(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    open_workspace(path).close()
    assert not (tmp_path / "w-backups").exists()


def make_old_workspace(path: Path) -> None:
    engine = create_workspace_engine(path)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        command.upgrade(alembic_config(connection), "0002")
    engine.dispose()


def test_an_older_workspace_is_backed_up_before_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.cs360"
    make_old_workspace(path)
    open_workspace(path).close()
    backups = list_backups(tmp_path / "old-backups", "old")
    assert len(backups) == 1
    connection = sqlite3.connect(backups[0].path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    connection.close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        head_revision()
    )
    connection.close()


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.cs360"
    make_old_workspace(path)
    before = path.read_bytes()
    (tmp_path / "blocked").write_text("x")
    with pytest.raises(WorkspaceError, match="not upgraded"):
        open_workspace(path, daily_backup=BackupPlan(folder=tmp_path / "blocked"))
    assert path.read_bytes() == before


def test_a_damaged_workspace_raises_the_specific_error(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", *(f"Person {n}" for n in range(200)))
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data), 11):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DamagedWorkspaceError) as raised:
        open_workspace(path)
    assert raised.value.path == path
    assert path.read_bytes() == before


def test_read_only_open_reads_but_never_writes(tmp_path: Path) -> None:
    path = make(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    before = path.read_bytes()
    workspace = open_workspace(path, read_only=True)
    try:
        assert workspace.read_only
        assert "read-only" in workspace.notices[0]
        with workspace.session_factory.begin() as session:
            assert [p.full_name for p in catalog.PERSON.list(session)] == ["Nguyễn Thị Hoa"]
        with (
            pytest.raises(ReadOnlyWorkspaceError, match="read-only"),
            workspace.session_factory.begin() as session,
        ):
            catalog.PERSON.create(session, full_name="No")
    finally:
        workspace.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.cs360"]


def test_read_only_open_of_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace"):
        open_workspace(tmp_path / "nothing.cs360", read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_of_an_older_workspace_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.cs360"
    make_old_workspace(path)
    with pytest.raises(WorkspaceError, match="needs an upgrade"):
        open_workspace(path, read_only=True)


def test_a_synced_folder_gives_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    workspace = open_workspace(folder / "w.cs360")
    workspace.close()
    assert any("OneDrive" in notice for notice in workspace.notices)


def test_a_read_only_file_opens_read_only_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    path.chmod(0o444)
    if os.access(path, os.W_OK):
        # Root may write anything; pretend to be the ordinary user the check is for.
        real_access = os.access
        monkeypatch.setattr(
            "os.access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
        )
    workspace = open_workspace(path)
    try:
        assert workspace.read_only
        assert workspace.notices[0].startswith("This workspace is open read-only: the file is")
    finally:
        workspace.close()
        path.chmod(0o644)


def test_cannot_write_names_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make(tmp_path / "w.cs360", "Hoa")
    assert cannot_write(path) is None
    monkeypatch.setattr("os.access", lambda p, mode: Path(p) != path.parent)
    assert cannot_write(path) == "its folder is read-only"
