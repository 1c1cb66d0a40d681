"""The benchmark runner's own arithmetic: medians, ratios, verdicts, the table, the cache key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks.figures import (
    Figure,
    cache_file_name,
    cache_path,
    figures_json,
    format_table,
    format_value,
    median,
    ratios,
)


def test_median_of_odd_and_even_runs() -> None:
    assert median([5.0, 1.0, 3.0]) == 3.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5


def test_median_ignores_one_outlier() -> None:
    assert median([0.1, 0.1, 0.1, 0.1, 9.0]) == 0.1


def test_median_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        median([])


def test_ratios_pair_runs_in_order() -> None:
    assert ratios([2.0, 3.0], [1.0, 2.0]) == (2.0, 1.5)


@pytest.mark.parametrize(("measured", "baseline"), [([1.0], [1.0, 2.0]), ([], []), ([1.0], [0.0])])
def test_ratios_refuse_mismatched_or_empty_or_zero_baselines(
    measured: list[float], baseline: list[float]
) -> None:
    with pytest.raises(ValueError):
        ratios(measured, baseline)


def test_a_figure_passes_on_its_target_and_fails_above_it() -> None:
    assert Figure("f", "ms", (100.0, 90.0, 200.0), 100).passed
    assert not Figure("f", "ms", (101.0, 150.0, 99.0), 100).passed


def test_values_are_shown_in_their_unit() -> None:
    assert format_value(2.5, "x") == "2.50 ×"
    assert format_value(42.4, "ms") == "42 ms"
    assert format_value(4.25, "ms") == "4.2 ms"
    assert format_value(1.234, "s") == "1.23 s"
    assert format_value(230.8, "MB") == "231 MB"


def test_the_table_has_one_aligned_row_per_figure() -> None:
    table = format_table(
        [Figure("dashboard", "ms", (40.0,) * 5, 100), Figure("cold start", "x", (4.0,) * 5, 3)]
    )
    lines = table.splitlines()
    assert lines[0].split("|")[1:5] == [" figure     ", " median ", " target   ", " result "]
    assert "| dashboard  | 40 ms  | ≤ 100 ms | pass   |" in lines
    assert "| cold start | 4.00 × | ≤ 3.00 × | FAIL   |" in lines
    assert len({len(line) for line in lines}) == 1


def test_json_holds_runs_median_and_verdict() -> None:
    text = figures_json([Figure("pdf", "s", (1.0, 3.0, 2.0), 2.0)], {"seed": 1})
    data = json.loads(text)
    assert data["seed"] == 1
    (figure,) = data["figures"]
    assert figure["runs"] == [1.0, 3.0, 2.0]
    assert (figure["median"], figure["passed"], figure["target"]) == (2.0, True, 2.0)


def test_the_cache_key_changes_with_seed_and_schema() -> None:
    assert cache_file_name(1, "0004") == "large-seed1-0004.cs360"
    names = {cache_file_name(seed, head) for seed in (1, 2) for head in ("0003", "0004")}
    assert len(names) == 4
    assert cache_path(Path(".cache/bench"), 7, "ab/c") == Path(
        ".cache/bench/large-seed7-ab_c.cs360"
    )
