"""The PostgreSQL rows of the benchmark: their names, targets, the side-by-side table, and the
one line printed when no server can be started."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks import postgres_figures
from tests.benchmarks.figures import Figure
from tests.benchmarks.postgres_figures import SUFFIX, side_by_side

KEYSTROKE = "action items: free-text filter keystroke"


def test_shared_rows_keep_the_file_target_unless_issue_17_sets_one() -> None:
    page = postgres_figures._as_shared(Figure("action items: first page shown", "ms", (1.0,), 300))
    keystroke = postgres_figures._as_shared(Figure(KEYSTROKE, "ms", (60.0,), 50))
    assert (page.name, page.target) == ("action items: first page shown" + SUFFIX, 300)
    assert (keystroke.name, keystroke.target, keystroke.passed) == (KEYSTROKE + SUFFIX, 100, True)


def test_each_shared_row_stands_beside_its_file_row() -> None:
    table = side_by_side(
        [
            Figure("pdf", "s", (0.3,) * 5, 2.0),
            Figure("pdf" + SUFFIX, "s", (2.5,) * 5, 2.0),
            Figure("page" + SUFFIX, "ms", (30.0,) * 5, 300),
        ]
    )
    lines = table.splitlines()
    assert len(lines) == 4
    assert "| pdf    | 0.30 s  | 2.50 s     | ≤ 2.00 s          | FAIL   |" in lines
    assert "| page   | not run | 30 ms      | ≤ 300 ms          | pass   |" in lines


def test_without_postgresql_the_rows_are_skipped_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres_figures, "unavailable_reason", lambda: "no initdb here")

    def never(_: object) -> list[Figure]:
        raise AssertionError("nothing is measured without a server")

    figures, note = postgres_figures.shared_figures(Path("unused.cs360"), never, never)
    assert figures == []
    assert note == "PostgreSQL rows skipped: no initdb here"
