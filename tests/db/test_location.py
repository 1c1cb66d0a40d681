"""Cloud-sync and network folders are recognised; ordinary folders are not."""

from __future__ import annotations

import pytest

from cs360desk.db.location import sync_folder_warning


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
