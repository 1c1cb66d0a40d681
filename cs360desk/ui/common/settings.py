"""The app's preferences in QSettings, each key named once here and read back typed.

Nothing else in `ui/` calls `QSettings.value` or `setValue`: a key misspelt in one place, or
a value read back as the string an ini file holds, cannot then slip in unnoticed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from cs360desk.operations.app_folders import portable_settings_file

if TYPE_CHECKING:
    from cs360desk.domain.workspace_location import WorkspaceLocation
    from cs360desk.operations.backups import BackupPlan

ORGANIZATION_NAME = "CS360 Desk"
APPLICATION_NAME = "CS360 Desk"

LAST_INITIATIVE_KEY = "ui/last_initiative_id"
GEOMETRY_KEY = "ui/main_window_geometry"
LAST_WORKSPACE_KEY = "workspace/last_opened"
TRACKER_FOLDER_KEY = "tracker/folder"
SECOND_FOLDER_KEY = "backups/second_folder"
KEEP_LAST_KEY = "backups/keep_last"
KEEP_WEEKS_KEY = "backups/keep_weeks"
MAX_KEPT = 999


def app_settings() -> QSettings:
    """The user's settings; a portable copy keeps them in its data folder, not the system's."""
    portable = portable_settings_file()
    return QSettings() if portable is None else ini_settings(portable)


def ini_settings(path: Path) -> QSettings:
    """Settings kept in one file, for tests and screenshots that must not touch the user's."""
    return QSettings(str(path), QSettings.Format.IniFormat)


# Last choices --------------------------------------------------------------------------


def last_initiative(settings: QSettings) -> int | None:
    value = _whole_number(settings.value(LAST_INITIATIVE_KEY), 0, low=1)
    return value or None


def remember_initiative(settings: QSettings, initiative_id: int) -> None:
    settings.setValue(LAST_INITIATIVE_KEY, initiative_id)


def window_geometry(settings: QSettings) -> QByteArray | None:
    """The main window's last size and place, as `QWidget.saveGeometry` gave it."""
    value = settings.value(GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) else None


def remember_window_geometry(settings: QSettings, geometry: QByteArray) -> None:
    settings.setValue(GEOMETRY_KEY, geometry)


def last_workspace(settings: QSettings) -> WorkspaceLocation | None:
    """The workspace last chosen in File → Open…, which the next start opens again."""
    from cs360desk.domain.errors import WorkspaceError
    from cs360desk.domain.workspace_location import WorkspaceLocation

    saved = str(settings.value(LAST_WORKSPACE_KEY, "") or "").strip()
    try:
        return WorkspaceLocation.parse(saved) if saved else None
    except WorkspaceError:  # a hand-edited value that names no workspace
        return None


def remember_workspace(settings: QSettings, location: WorkspaceLocation) -> None:
    # describe(): a server's URL without its password, which only the keychain may keep.
    settings.setValue(LAST_WORKSPACE_KEY, location.describe())


def tracker_folder(settings: QSettings) -> Path:
    """The folder a tracker was last exported to or imported from, while it still exists."""
    saved = str(settings.value(TRACKER_FOLDER_KEY, "") or "")
    folder = Path(saved) if saved else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_tracker_folder(settings: QSettings, folder: Path) -> None:
    settings.setValue(TRACKER_FOLDER_KEY, str(folder))


# Backups -------------------------------------------------------------------------------


def backup_plan(settings: QSettings, workspace: Path | WorkspaceLocation) -> BackupPlan:
    """Where this workspace's automatic backups go and how many are kept, as set."""
    # The main window reads its geometry here before the database layer has loaded; the
    # backup plan is only asked for once a workspace is open, so it pays for that import.
    from cs360desk.operations.backups import BackupPlan, BackupPolicy, default_backup_folder

    defaults = BackupPolicy()
    policy = BackupPolicy(
        keep_last=_kept(settings.value(KEEP_LAST_KEY), defaults.keep_last),
        keep_weeks=_kept(settings.value(KEEP_WEEKS_KEY), defaults.keep_weeks),
    )
    second = str(settings.value(SECOND_FOLDER_KEY, "") or "").strip()
    return BackupPlan(
        folder=default_backup_folder(workspace),
        policy=policy,
        second_folder=Path(second).expanduser() if second else None,
    )


def save_backup_plan(settings: QSettings, plan: BackupPlan) -> None:
    settings.setValue(KEEP_LAST_KEY, plan.policy.keep_last)
    settings.setValue(KEEP_WEEKS_KEY, plan.policy.keep_weeks)
    settings.setValue(SECOND_FOLDER_KEY, str(plan.second_folder) if plan.second_folder else "")


def _whole_number(value: object, default: int, *, low: int = 0, high: int | None = None) -> int:
    # Ini files hand every value back as a string; a hand-edited one may hold anything.
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if low <= number and (high is None or number <= high) else default


def _kept(value: object, default: int) -> int:
    return _whole_number(value, default, high=MAX_KEPT)


def chosen_language(settings: QSettings) -> str | None:
    """The screens' language picked in Settings, or None to follow the computer's."""
    value = settings.value("ui/language")
    return value if isinstance(value, str) and value else None


def choose_language(settings: QSettings, code: str | None) -> None:
    if code:
        settings.setValue("ui/language", code)
    else:
        settings.remove("ui/language")
