"""Momentum thresholds and remembered choices read from an isolated settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from cs360desk.domain.momentum import MomentumThresholds
from cs360desk.ui.common.settings import (
    last_initiative,
    momentum_thresholds,
    remember_initiative,
    save_momentum_thresholds,
)

pytestmark = pytest.mark.gui


def test_defaults_when_nothing_is_set(settings: QSettings) -> None:
    assert momentum_thresholds(settings) == MomentumThresholds()
    assert last_initiative(settings) is None


def test_values_set_are_used(settings: QSettings) -> None:
    settings.setValue("momentum/public_update_days", "14")
    settings.setValue("momentum/stage_stale_days", 90)
    limits = momentum_thresholds(settings)
    assert limits.public_update_days == 14
    assert limits.stage_stale_days == 90
    assert limits.staff_update_days == MomentumThresholds().staff_update_days


@pytest.mark.parametrize("bad", ["", "soon", "-3", "0", "1.5"])
def test_unusable_values_fall_back_to_the_default(settings: QSettings, bad: str) -> None:
    settings.setValue("momentum/meeting_grace_days", bad)
    assert momentum_thresholds(settings).meeting_grace_days == 7


def test_round_trip(settings: QSettings) -> None:
    chosen = MomentumThresholds(meeting_grace_days=3, public_update_days=10)
    save_momentum_thresholds(settings, chosen)
    settings.sync()
    assert momentum_thresholds(QSettings(settings.fileName(), QSettings.Format.IniFormat)) == chosen
    remember_initiative(settings, 4)
    assert last_initiative(settings) == 4
