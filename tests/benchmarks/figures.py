"""Figures and their verdicts: medians, side-by-side ratios, the printed table and the JSON."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

MIN_RUNS = 5


@dataclass(frozen=True)
class Figure:
    """One measured figure: its runs, the median and the target it must meet.

    ``unit`` is "ms", "s", "MB" or "x" (a ratio to a baseline measured in the same run).
    """

    name: str
    unit: str
    runs: tuple[float, ...]
    target: float
    note: str = ""

    @property
    def median(self) -> float:
        return median(self.runs)

    @property
    def passed(self) -> bool:
        return self.median <= self.target


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("a median needs at least one value")
    return float(statistics.median(values))


def ratios(measured: Sequence[float], baseline: Sequence[float]) -> tuple[float, ...]:
    """Run-by-run ratios of interleaved measurements, so drift hits both sides alike."""
    if len(measured) != len(baseline) or not measured:
        raise ValueError("ratios need the same number of runs on both sides")
    if any(value <= 0 for value in baseline):
        raise ValueError("a baseline run took no time")
    return tuple(m / b for m, b in zip(measured, baseline, strict=True))


def format_value(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f} ×"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def format_table(figures: Sequence[Figure]) -> str:
    """A Markdown table: figure, median, target, pass/fail."""
    header = ("figure", "median", "target", "result")
    rows = [
        (
            figure.name,
            format_value(figure.median, figure.unit),
            "≤ " + format_value(figure.target, figure.unit),
            "pass" if figure.passed else "FAIL",
        )
        for figure in figures
    ]
    widths = [max(len(row[col]) for row in [header, *rows]) for col in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def figures_json(figures: Sequence[Figure], context: dict[str, object]) -> str:
    return json.dumps(
        {
            **context,
            "figures": [{**asdict(f), "median": f.median, "passed": f.passed} for f in figures],
        },
        indent=2,
        ensure_ascii=False,
    )


def cache_file_name(seed: int, schema_head: str) -> str:
    """The cached large workspace: rebuilt when the seed or the schema changes."""
    safe_head = "".join(ch if ch.isalnum() else "_" for ch in schema_head)
    return f"large-seed{seed}-{safe_head}.cs360"


def cache_path(cache_dir: Path, seed: int, schema_head: str) -> Path:
    return cache_dir / cache_file_name(seed, schema_head)
