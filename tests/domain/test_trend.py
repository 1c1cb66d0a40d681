"""The trend of a measure in words: direction, baseline, target, and the cases with too little."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs360desk.domain.enums import Direction
from cs360desk.domain.trend import MINUS, Verdict, judge_trend, number_text

DOWN, UP = Direction.DECREASE, Direction.INCREASE


def test_a_decrease_measure_falling_is_improving() -> None:
    trend = judge_trend(DOWN, 100, 75, [100, 90, 82])
    assert trend.verdict is Verdict.IMPROVING
    assert trend.words == f"Improving: 18% below baseline, target {MINUS}25%"
    assert not trend.target_met
    assert trend.change_percent == pytest.approx(-18)


def test_a_decrease_measure_rising_is_worsening() -> None:
    trend = judge_trend(DOWN, 10, 7, [12])
    assert trend.verdict is Verdict.WORSENING
    assert trend.words == f"Worsening: 20% above baseline, target {MINUS}30%"


def test_an_increase_measure_rising_is_improving_and_can_meet_its_target() -> None:
    trend = judge_trend(UP, 40, 50, [44, 52])
    assert trend.verdict is Verdict.IMPROVING
    assert trend.target_met
    assert trend.words == "Target met: 30% above baseline, target +25%"


def test_an_increase_measure_falling_is_worsening() -> None:
    trend = judge_trend(UP, 72, 85, [70, 65])
    assert trend.verdict is Verdict.WORSENING
    assert trend.words == "Worsening: 10% below baseline, target +18%"


def test_at_the_baseline_it_holds_steady() -> None:
    trend = judge_trend(DOWN, 11, 7, [11.02])
    assert trend.verdict is Verdict.STEADY
    assert trend.words == f"Holding steady: at baseline, target {MINUS}36%"


def test_without_a_target_only_the_change_is_said() -> None:
    assert judge_trend(DOWN, 10, None, [5]).words == "Improving: 50% below baseline"


def test_without_a_baseline_the_first_value_is_the_reference() -> None:
    trend = judge_trend(DOWN, None, 7, [10, 9, 8])
    assert trend.verdict is Verdict.IMPROVING
    assert trend.words == "Improving: 20% below the first value, target 7 (no baseline set)"


def test_without_a_baseline_one_value_says_nothing_yet() -> None:
    trend = judge_trend(UP, None, 5, [3])
    assert trend.verdict is Verdict.UNKNOWN
    assert trend.words == "No baseline set; one value so far."


def test_without_values_there_is_no_trend() -> None:
    trend = judge_trend(UP, 10, 20, [])
    assert trend.verdict is Verdict.UNKNOWN
    assert trend.words == "No values yet."


def test_a_zero_baseline_is_compared_in_units_not_percent() -> None:
    trend = judge_trend(UP, 0, 6, [4])
    assert trend.verdict is Verdict.IMPROVING
    assert trend.change_percent is None
    assert trend.words == "Improving: 4 above baseline, target 6"


def test_numbers_are_written_without_trailing_zeros() -> None:
    assert number_text(7.0) == "7"
    assert number_text(7.5) == "7.5"
    assert number_text(1234.25) == "1,234.25"
    assert number_text(-0.001) == "0"


@given(
    st.sampled_from(list(Direction)),
    st.floats(-1e6, 1e6) | st.none(),
    st.floats(-1e6, 1e6) | st.none(),
    st.lists(st.floats(-1e6, 1e6), max_size=6),
)
def test_every_measure_gets_a_sentence(
    direction: Direction, baseline: float | None, target: float | None, values: list[float]
) -> None:
    trend = judge_trend(direction, baseline, target, values)
    assert trend.words and trend.words[0].isupper()
    if trend.verdict is Verdict.IMPROVING and baseline is not None:
        latest = values[-1]
        assert latest < baseline if direction is DOWN else latest > baseline
