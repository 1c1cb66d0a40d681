"""The buy-in signals: levels at and around each threshold."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from cs360desk.domain.momentum import (
    Level,
    MomentumFacts,
    MomentumThresholds,
    OwnerLoad,
    Signal,
    signals,
)

DEFAULTS = MomentumThresholds()
KEYS = (
    "pst_meeting",
    "overdue",
    "measures",
    "public_update",
    "staff_update",
    "stage",
    "recommendations",
)

HEALTHY = MomentumFacts(
    initiative_name="Gun violence reduction",
    stage_label="Scanning",
    days_since_pst_meeting=10,
    pst_cadence_days=31,
    open_items=10,
    overdue_items=0,
    owners=(OwnerLoad(1, "Ana Ruiz", 6, 0), OwnerLoad(2, "Bao Tran", 4, 0)),
    measures_total=4,
    measures_without_value=(),
    days_since_public_update=5,
    days_since_staff_update=5,
    days_in_stage=20,
    recommendations_undecided=0,
    recommendations_not_acted=0,
)


def signal_of(key: str, limits: MomentumThresholds = DEFAULTS, **facts: Any) -> Signal:
    found = {s.key: s for s in signals(replace(HEALTHY, **facts), limits)}
    return found[key]


def test_healthy_initiative_is_all_ok() -> None:
    result = signals(HEALTHY, DEFAULTS)
    assert tuple(s.key for s in result) == KEYS
    assert {s.level for s in result} == {Level.OK}


@pytest.mark.parametrize(
    ("days", "level"),
    [(0, Level.OK), (38, Level.OK), (39, Level.WATCH), (76, Level.WATCH), (77, Level.ALERT)],
)
def test_meeting_levels_use_cadence_plus_grace(days: int, level: Level) -> None:
    assert signal_of("pst_meeting", days_since_pst_meeting=days).level is level


def test_meeting_never_held_is_alert() -> None:
    signal = signal_of("pst_meeting", days_since_pst_meeting=None)
    assert (signal.value, signal.level) == ("never", Level.ALERT)


def test_no_pst_says_so() -> None:
    signal = signal_of("pst_meeting", days_since_pst_meeting=None, pst_cadence_days=None)
    assert signal.value == "no team"
    assert "no Problem-Solving Team" in signal.detail
    assert signal.level is Level.ALERT


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (None, "never posted"),
        (0, "due in 30 days"),
        (29, "due in 1 day"),
        (30, "due today"),
        (31, "1 day overdue"),
        (39, "9 days overdue"),
    ],
)
def test_update_texts_count_down_to_the_cadence(days: int | None, text: str) -> None:
    assert signal_of("public_update", days_since_public_update=days).value == text


def test_update_detail_says_when_it_was_last_posted() -> None:
    signal = signal_of("staff_update", days_since_staff_update=12)
    assert signal.title == "Staff briefing"
    assert signal.detail == "last posted 12 days ago; one every 14 days"


@pytest.mark.parametrize(
    ("days", "level"),
    [(None, Level.ALERT), (29, Level.OK), (30, Level.WATCH), (60, Level.WATCH), (61, Level.ALERT)],
)
def test_update_levels(days: int | None, level: Level) -> None:
    assert signal_of("public_update", days_since_public_update=days).level is level


@pytest.mark.parametrize(
    ("days", "level"), [(13, Level.OK), (14, Level.WATCH), (28, Level.WATCH), (29, Level.ALERT)]
)
def test_staff_briefings_are_due_every_14_days_by_default(days: int, level: Level) -> None:
    assert signal_of("staff_update", days_since_staff_update=days).level is level


def test_an_initiatives_own_cadence_wins_over_the_default() -> None:
    signal = signal_of("public_update", days_since_public_update=10, public_update_every=7)
    assert signal.value == "3 days overdue"
    signal = signal_of("staff_update", days_since_staff_update=5, staff_update_every=30)
    assert signal.value == "due in 25 days"


@pytest.mark.parametrize(
    ("overdue", "open_items", "level"),
    [
        (0, 0, Level.OK),
        (1, 10, Level.OK),
        (2, 10, Level.WATCH),
        (1, 4, Level.WATCH),
        (3, 10, Level.ALERT),
        (5, 5, Level.ALERT),
    ],
)
def test_overdue_levels_follow_the_share(overdue: int, open_items: int, level: Level) -> None:
    signal = signal_of("overdue", overdue_items=overdue, open_items=open_items)
    assert signal.level is level
    assert signal.value == str(overdue)


def test_overdue_detail_names_the_worst_owner() -> None:
    owners = (OwnerLoad(1, "Ana Ruiz", 6, 1), OwnerLoad(2, "Nguyễn Thị Hoa", 4, 2))
    signal = signal_of("overdue", overdue_items=3, owners=owners)
    assert signal.detail == "10 open in all; most overdue: Nguyễn Thị Hoa (2)"


def test_overdue_detail_without_overdue_items() -> None:
    assert signal_of("overdue").detail == "10 open in all"


@pytest.mark.parametrize(
    ("missing", "total", "level"),
    [(0, 4, Level.OK), (1, 4, Level.WATCH), (2, 4, Level.ALERT), (1, 2, Level.ALERT)],
)
def test_measure_levels(missing: int, total: int, level: Level) -> None:
    names = tuple(f"M{n}" for n in range(missing))
    signal = signal_of("measures", measures_without_value=names, measures_total=total)
    assert signal.level is level
    assert signal.value == f"{missing} of {total}"


def test_measure_detail_lists_three_and_counts_the_rest() -> None:
    names = ("A", "B", "C", "D", "E")
    signal = signal_of("measures", measures_without_value=names, measures_total=5)
    assert signal.detail == "A, B, C and 2 more"
    assert signal_of("measures").detail == "all measures are current"


@pytest.mark.parametrize(
    ("undecided", "not_acted", "level"),
    [(0, 0, Level.OK), (1, 1, Level.WATCH), (0, 2, Level.WATCH), (2, 1, Level.ALERT)],
)
def test_recommendation_levels(undecided: int, not_acted: int, level: Level) -> None:
    signal = signal_of(
        "recommendations", recommendations_undecided=undecided, recommendations_not_acted=not_acted
    )
    assert signal.level is level
    assert signal.value == str(undecided + not_acted)
    assert signal.detail == (
        f"{undecided} awaiting a decision, {not_acted} accepted but not started"
    )


def test_stage_signal() -> None:
    signal = signal_of("stage", days_in_stage=181)
    assert signal.title == "Stage: Scanning"
    assert signal.value == "181 days"
    assert signal.level is Level.WATCH


def test_thresholds_change_the_levels() -> None:
    facts = {
        "days_since_pst_meeting": 40,
        "days_since_public_update": 10,
        "days_since_staff_update": 10,
        "days_in_stage": 100,
    }
    strict = MomentumThresholds(
        meeting_grace_days=0, public_update_days=4, staff_update_days=7, stage_stale_days=60
    )
    loose = MomentumThresholds(meeting_grace_days=10)
    keys = ("pst_meeting", "public_update", "staff_update", "stage")
    assert [signal_of(key, DEFAULTS, **facts).level for key in keys] == [
        Level.WATCH,
        Level.OK,
        Level.OK,
        Level.OK,
    ]
    assert [signal_of(key, strict, **facts).level for key in keys] == [
        Level.WATCH,
        Level.ALERT,
        Level.WATCH,
        Level.WATCH,
    ]
    assert signal_of("pst_meeting", loose, **facts).level is Level.OK
    assert "every 4 days" in signal_of("public_update", strict, **facts).detail
