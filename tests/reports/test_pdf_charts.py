"""The charts: a trend's scale and lines always in view, a month's bar and its labels."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String

from cs360desk.domain.report_data import MonthCount, ReportPeriod
from cs360desk.reports.pdf_charts import (
    PARTIAL_BAR,
    month_bars,
    short_number,
    trend_chart,
    value_scale,
)
from cs360desk.reports.pdf_common import NAVY


def test_scale_holds_every_value_with_air_and_round_ticks() -> None:
    scale = value_scale([5, 12, 11, 7])
    assert scale.low < 5 and scale.high > 12
    assert all(float(tick).is_integer() for tick in scale.ticks)
    assert scale.ticks[0] == scale.low


def test_scale_of_one_repeated_value_is_not_flat() -> None:
    scale = value_scale([3, 3, 3])
    assert scale.low < 3 < scale.high


def test_short_numbers() -> None:
    assert short_number(7.0) == "7"
    assert short_number(54.9) == "54.9"
    assert short_number(12_500) == "12k"


def _strings(drawing: Drawing) -> list[str]:
    return [item.text for item in drawing.contents if isinstance(item, String)]


def test_chart_draws_values_baseline_and_target() -> None:
    points = [(date(2026, month, 28), float(value)) for month, value in ((1, 9), (2, 7), (3, 6))]
    drawing = trend_chart(points, baseline=11, target=6, width=180, height=80)
    assert any(isinstance(item, PolyLine) for item in drawing.contents)
    dashed = [i for i in drawing.contents if isinstance(i, Line) and i.strokeDashArray]
    assert len(dashed) >= 4  # baseline and target lines, and their keys in the legend
    assert {"Value", "Baseline", "Target", "Jan 2026", "Mar 2026"} <= set(_strings(drawing))


def test_chart_without_values_says_so() -> None:
    drawing = trend_chart([], baseline=None, target=None, width=180, height=80)
    assert "No values yet" in _strings(drawing)
    assert "Baseline" not in _strings(drawing)


def _months(first: date, counts: list[int]) -> list[MonthCount]:
    spans = ReportPeriod(first, date(2100, 1, 1)).months()[: len(counts)]
    return [
        MonthCount(start, end, count) for (start, end), count in zip(spans, counts, strict=True)
    ]


def test_month_bars_one_per_month_with_counts_and_years_at_january() -> None:
    months = _months(date(2025, 11, 15), [2, 130, 0, 1_164])
    drawing = month_bars(months, width=400, height=80)
    bars = [item for item in drawing.contents if isinstance(item, Rect)]
    assert len(bars) == 3  # an empty month has no bar, only its count
    assert bars[0].fillColor == PARTIAL_BAR and bars[1].fillColor == NAVY
    assert bars[2].height > bars[1].height > bars[0].height
    texts = _strings(drawing)
    counts = [t for t in texts if t[0].isdigit() and t not in {"2025", "2026"}]
    assert counts == ["2", "130", "0", "1,164"]
    assert {"Nov", "Dec", "Jan", "Feb", "2025", "2026"} <= set(texts)


def test_month_bars_thin_their_labels_when_months_are_many() -> None:
    months = _months(date(2022, 1, 1), [5] * 48)
    texts = _strings(month_bars(months, width=200, height=80))
    assert "5" not in texts
    names = [t for t in texts if t.isalpha()]
    assert 0 < len(names) < 48
    assert {"2022", "2023", "2024", "2025"} <= set(texts)


def test_month_bars_of_nothing_draw_nothing() -> None:
    assert month_bars([], width=200, height=80).contents == []
