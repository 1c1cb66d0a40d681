"""Files and folders only their owner can read: the workspace, its backups, logs and exports.

They hold people's names and what the police department did about problems, so on Linux and
macOS what the app creates is 0600 (files) and 0700 (folders), however open the umask would
leave them. On Windows they live in the user's profile, which is the user's own, and the
modes below mean nothing more than "writable": nothing extra is done there. A file or folder
that already exists keeps its permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

# os.open and os.mkdir apply the umask on top, which can only take permissions away.
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_opener(path: str, flags: int) -> int:
    """An `opener` for open(): a file it creates is readable and writable by its owner only."""
    return os.open(path, flags, FILE_MODE)


def create_private_file(path: Path) -> bool:
    """Create `path` as an empty owner-only file, unless it exists; True when it was created.

    SQLite gives a database's -wal, -shm and -journal files the database file's permissions,
    so a database created this way first keeps its companions private too.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    except FileExistsError:
        return False
    return True


def make_private_folder(folder: Path) -> None:
    """`mkdir -p`: every folder it creates, the missing parents too, is owner-only (0700);
    an existing folder is left as it is."""
    try:
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    except FileNotFoundError:
        # Path.mkdir(parents=True) would make the missing parents with the umask's mode.
        if folder.parent == folder:
            raise
        make_private_folder(folder.parent)
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
