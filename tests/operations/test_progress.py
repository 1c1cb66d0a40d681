"""Progress of long operations: nobody listening, and one step's share of the whole."""

from __future__ import annotations

import pytest

from cs360desk.operations.progress import notify, within


def test_notify_without_a_listener_does_nothing() -> None:
    notify(None, 50, "half way")


def test_notify_passes_percent_and_message_on() -> None:
    seen: list[tuple[int, str]] = []
    notify(lambda percent, message: seen.append((percent, message)), 7, "Lectura de datos")
    assert seen == [(7, "Lectura de datos")]


def test_within_maps_a_step_onto_its_share() -> None:
    seen: list[tuple[int, str]] = []
    step = within(lambda percent, message: seen.append((percent, message)), 5, 65)
    assert step is not None
    for percent in (0, 50, 100):
        step(percent, f"{percent}")
    assert seen == [(5, "0"), (35, "50"), (65, "100")]


def test_within_nobody_listening_stays_nobody() -> None:
    assert within(None, 5, 65) is None


def test_a_listener_that_raises_stops_the_step() -> None:
    class Stop(Exception):
        pass

    def cancelled(_percent: int, _message: str) -> None:
        raise Stop

    step = within(cancelled, 0, 10)
    assert step is not None
    with pytest.raises(Stop):
        step(1, "")
