"""Where the app keeps its files: the user's data folder, or `data/` beside a portable copy.

A copy of the built app with a file named `portable` beside its executable (on a USB stick,
say) keeps its workspace, settings and backups in a `data` folder next to it, so it leaves
nothing on the computer it runs on. Running from source is never portable: the source tree is
not a place for user data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_FOLDER = "CS360 Desk"
# Windows hides known extensions, so a marker made with Notepad is often "portable.txt".
PORTABLE_MARKERS = ("portable", "portable.txt")
PORTABLE_DATA = "data"
WORKSPACE_NAME = "workspace.cs360"
SETTINGS_NAME = "settings.ini"
PORTABLE_LOGS = "logs"


def program_folder() -> Path | None:
    """The folder of the built (frozen) app's executable; None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_folder(program: Path | None) -> Path | None:
    """`<program>/data` when a portable marker file sits in `program`, else None."""
    if program is None:
        return None
    if any((program / marker).is_file() for marker in PORTABLE_MARKERS):
        return program / PORTABLE_DATA
    return None


def data_folder() -> Path:
    """The folder for the default workspace (its backups go beside it)."""
    portable = portable_data_folder(program_folder())
    return portable if portable is not None else user_data_path(APP_FOLDER, appauthor=False)


def default_workspace() -> Path:
    return data_folder() / WORKSPACE_NAME


def portable_settings_file() -> Path | None:
    """The settings file of a portable copy; None means the system's usual place."""
    portable = portable_data_folder(program_folder())
    return portable / SETTINGS_NAME if portable is not None else None


def log_folder() -> Path:
    """The folder for the app's log files: the user's log folder, or `data/logs` when portable."""
    portable = portable_data_folder(program_folder())
    if portable is not None:
        return portable / PORTABLE_LOGS
    return user_log_path(APP_FOLDER, appauthor=False)
