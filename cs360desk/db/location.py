"""Where a workspace lives: its file, and warnings about folders that corrupt SQLite files."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from cs360desk.domain.workspace_location import WorkspaceLocation

# Folder names the sync clients create by default; matched on whole path components.
_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "box": "Box",
    "box sync": "Box",
}

RISK = (
    "it may copy the file while CS360 Desk is writing it, or keep two conflicting copies, "
    "and either can lose or damage your data. Keep the workspace in a local folder and let "
    "the backups go to the synced folder instead."
)


def workspace_file(location: WorkspaceLocation | Path | str) -> Path:
    """The file a workspace is kept in; a server location is refused (a WorkspaceError)."""
    return WorkspaceLocation.parse(location).require_file()


def sync_folder_warning(path: Path | str) -> str | None:
    """A warning to show when the workspace is in a synced or network folder, else None."""
    text = str(path)
    if text.startswith(("\\\\", "//")) or PureWindowsPath(text).drive.startswith("\\\\"):
        return (
            f"{text} is on a network share; SQLite's locking is unreliable over a network, so "
            + RISK
        )
    for part in _components(text):
        lowered = part.lower()
        service = _SYNC_FOLDERS.get(lowered)
        if service is None and lowered.startswith("onedrive - "):
            service = "OneDrive"  # business accounts: "OneDrive - Agency Name"
        if service is not None:
            return (
                f"{text} is in a {service} folder; {service} syncs files as they change, so " + RISK
            )
    return None


def _components(text: str) -> list[str]:
    return [part for part in text.replace("\\", "/").split("/") if part]
