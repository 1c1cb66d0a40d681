"""Backup preferences in QSettings: a second folder (a USB stick) and how many to keep."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cs360desk.db.backups import BackupPolicy, default_backup_folder
from cs360desk.db.workspace import BackupPlan

SECOND_FOLDER_KEY = "backups/second_folder"
KEEP_LAST_KEY = "backups/keep_last"
KEEP_WEEKS_KEY = "backups/keep_weeks"
MAX_KEPT = 999


def backup_plan(settings: QSettings, workspace: Path) -> BackupPlan:
    """Where this workspace's automatic backups go, as the settings say."""
    defaults = BackupPolicy()
    policy = BackupPolicy(
        keep_last=_count(settings.value(KEEP_LAST_KEY), defaults.keep_last),
        keep_weeks=_count(settings.value(KEEP_WEEKS_KEY), defaults.keep_weeks),
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


def _count(value: object, default: int) -> int:
    # Ini files hand values back as strings; a hand-edited one may hold anything.
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if 0 <= number <= MAX_KEPT else default
