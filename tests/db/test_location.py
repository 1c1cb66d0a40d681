"""A workspace's file, refused for a server; cloud-sync and network folders are recognised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cs360desk.db.backups import default_backup_folder, take_backup
from cs360desk.db.location import sync_folder_warning, workspace_file
from cs360desk.db.locking import WorkspaceLock
from cs360desk.db.restore import restore_backup
from cs360desk.db.workspace import BackupPlan, inspect_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\hoa\OneDrive\CS360\w.cs360", "OneDrive"),
        (r"C:\Users\hoa\OneDrive - Ríoverde PD\w.cs360", "OneDrive"),
        ("/home/hoa/Dropbox/w.cs360", "Dropbox"),
        (r"G:\My Drive\w.cs360", "Google Drive"),
        ("/Users/hoa/Library/Mobile Documents/com~apple~CloudDocs/w.cs360", "iCloud Drive"),
        (r"\\server\share\w.cs360", "network share"),
        ("//server/share/w.cs360", "network share"),
    ],
)
def test_synced_and_network_folders_get_a_warning(path: str, service: str) -> None:
    warning = sync_folder_warning(path)
    assert warning is not None
    assert service in warning and "local folder" in warning


@pytest.mark.parametrize(
    "path",
    [r"C:\Users\hoa\Documents\w.cs360", "/home/hoa/data/dropboxes.cs360", "/srv/OneDriveX/w"],
)
def test_ordinary_folders_get_none(path: str) -> None:
    assert sync_folder_warning(path) is None


SERVER = WorkspaceLocation.parse("postgresql://hoa:s3cr@db.agency.local/cs360")
LATER = "is a shared workspace on a server, and this needs a workspace file"


@pytest.mark.parametrize(
    "given", [Path("w.cs360"), "w.cs360", WorkspaceLocation.file(Path("w.cs360"))]
)
def test_the_file_of_a_file_location(given: Path | str | WorkspaceLocation) -> None:
    assert workspace_file(given) == Path("w.cs360")


@pytest.mark.parametrize(
    "use",
    [
        pytest.param(workspace_file, id="workspace_file"),
        pytest.param(lambda found: inspect_workspace(found), id="inspect_workspace"),
        pytest.param(lambda found: take_backup(found, Path("backups")), id="take_backup"),
        pytest.param(lambda found: restore_backup(found, Path("b.cs360")), id="restore_backup"),
        pytest.param(WorkspaceLock, id="WorkspaceLock"),
    ],
)
def test_every_file_operation_refuses_a_server_location_alike(
    use: Callable[[WorkspaceLocation], object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(WorkspaceError, match=LATER) as refused:
        use(SERVER)
    assert "s3cr" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_server_location_is_backed_up_into_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared workspace has no folder of its own: its snapshots go to the user's data
    folder, named after the server and the database, never after the password."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    folder = default_backup_folder(SERVER)
    assert folder == BackupPlan.beside(SERVER).folder
    assert folder.name == "db.agency.local-cs360-backups" and tmp_path in folder.parents
    assert "s3cr" not in str(folder)
    assert not folder.exists()
