"""The app's preferences in QSettings: momentum thresholds and the last choices made."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QSettings

from cs360desk.db.app_folders import portable_settings_file
from cs360desk.domain.momentum import MomentumThresholds

ORGANIZATION_NAME = "CS360 Desk"
APPLICATION_NAME = "CS360 Desk"
MOMENTUM_GROUP = "momentum"
LAST_INITIATIVE_KEY = "ui/last_initiative_id"


def app_settings() -> QSettings:
    """The user's settings; a portable copy keeps them in its data folder, not the system's."""
    portable = portable_settings_file()
    return QSettings() if portable is None else ini_settings(portable)


def ini_settings(path: Path) -> QSettings:
    """Settings kept in one file, for tests and screenshots that must not touch the user's."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def momentum_thresholds(settings: QSettings) -> MomentumThresholds:
    """Each threshold from "momentum/<name>"; missing or unusable values keep the default."""
    defaults = MomentumThresholds()
    chosen: dict[str, int] = {}
    for field in fields(MomentumThresholds):
        default = getattr(defaults, field.name)
        chosen[field.name] = _positive_int(
            settings.value(f"{MOMENTUM_GROUP}/{field.name}", default), default
        )
    return MomentumThresholds(**chosen)


def save_momentum_thresholds(settings: QSettings, limits: MomentumThresholds) -> None:
    for field in fields(MomentumThresholds):
        settings.setValue(f"{MOMENTUM_GROUP}/{field.name}", getattr(limits, field.name))


def last_initiative(settings: QSettings) -> int | None:
    value = _positive_int(settings.value(LAST_INITIATIVE_KEY), 0)
    return value or None


def remember_initiative(settings: QSettings, initiative_id: int) -> None:
    settings.setValue(LAST_INITIATIVE_KEY, initiative_id)


def _positive_int(value: object, default: int) -> int:
    # Ini files hand every value back as a string; a hand-edited one may hold anything.
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default
