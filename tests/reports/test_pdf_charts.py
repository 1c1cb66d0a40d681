"""The trend chart's scale and drawing: values, baseline and target always in view."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String

from cs360desk.reports.pdf_charts import short_number, trend_chart, value_scale


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
