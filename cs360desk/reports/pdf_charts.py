"""Small charts: a measure's values against baseline and target, and counts per month."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from babel.dates import get_month_names
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from cs360desk.domain.report_data import MonthCount
from cs360desk.i18n import _, cldr_locale, formats, pgettext
from cs360desk.reports.pdf_common import FONT, GOOD, MUTED, NAVY, RULE, register_fonts

LABEL_SIZE = 6.5
LEFT, RIGHT, TOP, BOTTOM = 24.0, 6.0, 14.0, 12.0
# Told apart by pattern as well as colour, for readers who print in black and white.
LineLook = tuple[Color, float, tuple[float, ...]]
Anchor = Literal["start", "middle", "end"]
BASELINE_LINE: LineLook = (MUTED, 0.8, (1.2, 1.6))
TARGET_LINE: LineLook = (GOOD, 1.0, (4.0, 2.0))
VALUE_LINE: LineLook = (NAVY, 1.3, ())
# A month only partly inside the period is paler: its short bar is not a slump.
PARTIAL_BAR = HexColor("#A9B8CC")
BAR_GAP = 0.28
# Narrower bars than this have no room for their count or for every month's name.
LABELLED_BAR = 13.0


@dataclass(frozen=True)
class _Scale:
    low: float
    high: float
    ticks: tuple[float, ...]


def _nice_step(span: float, steps: int) -> float:
    raw = span / max(1, steps)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def value_scale(values: Sequence[float], *, steps: int = 3) -> _Scale:
    """Round limits that hold every value with a little air; zero kept when it is near."""
    low, high = min(values), max(values)
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    if low >= 0 and low < (high - low) * 0.6:
        low = 0.0
    step = _nice_step(high - low, steps)
    # Air above and below: a line drawn on the frame reads as cut off.
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if low > 0 and math.isclose(low, min(values)):
        low -= step
    if math.isclose(high, max(values)):
        high += step
    ticks = []
    tick = low
    while tick <= high + step * 1e-6:
        ticks.append(round(tick, 10))
        tick += step
    return _Scale(low, high, tuple(ticks))


def short_number(value: float) -> str:
    if abs(value) >= 10_000:
        return f"{value / 1000:,.0f}k"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _month(day: date) -> str:
    """ "Jan 2026" · "ene 2026"."""
    return formats.short_month_year(day)


def _short_month_names() -> list[str]:
    """Jan … Dec in the current language, as a bar's label under it: "ene" … "dic"."""
    names = get_month_names("abbreviated", "stand-alone", locale=cldr_locale())
    return [names[number] for number in range(1, 13)]


@dataclass(frozen=True)
class _Plot:
    """The plotting area of a chart and its value scale."""

    width: float
    height: float
    scale: _Scale

    def y_of(self, value: float) -> float:
        span = self.scale.high - self.scale.low
        return BOTTOM + (value - self.scale.low) / span * self.height


def trend_chart(
    points: Sequence[tuple[date, float]],
    *,
    baseline: float | None,
    target: float | None,
    width: float,
    height: float,
) -> Drawing:
    """Values as a navy line, baseline grey dotted, target green dashed, legend on top."""
    register_fonts()
    drawing = Drawing(width, height)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    frame = Rect(LEFT, BOTTOM, plot_w, plot_h)
    frame.fillColor, frame.strokeColor, frame.strokeWidth = None, RULE, 0.4
    drawing.add(frame)
    _legend(drawing, width, height, baseline is not None, target is not None)
    if not points:
        empty = _("No values yet")
        drawing.add(_text(LEFT + plot_w / 2, BOTTOM + plot_h / 2 - 3, empty, "middle"))
        return drawing
    levels = [value for _, value in points] + [v for v in (baseline, target) if v is not None]
    plot = _Plot(plot_w, plot_h, value_scale(levels))
    _grid(drawing, plot)
    for value, look in ((baseline, BASELINE_LINE), (target, TARGET_LINE)):
        if value is not None:
            drawing.add(_line(LEFT, plot.y_of(value), LEFT + plot_w, look))
    _series(drawing, plot, points)
    return drawing


def _grid(drawing: Drawing, plot: _Plot) -> None:
    for tick in plot.scale.ticks:
        y = plot.y_of(tick)
        drawing.add(Line(LEFT, y, LEFT + plot.width, y, strokeColor=RULE, strokeWidth=0.3))
        drawing.add(_text(LEFT - 3, y - 2.2, short_number(tick), "end"))


def _series(drawing: Drawing, plot: _Plot, points: Sequence[tuple[date, float]]) -> None:
    """The values as a line ending in a dot, the first and last month under it."""
    xs = _x_positions(points, LEFT + 3, plot.width - 6)
    coords = [(x, plot.y_of(value)) for x, (_, value) in zip(xs, points, strict=True)]
    if len(coords) > 1:
        flat = [number for pair in coords for number in pair]
        drawing.add(PolyLine(flat, strokeColor=NAVY, strokeWidth=1.3, strokeLineJoin=1))
    last_x, last_y = coords[-1]
    drawing.add(Circle(last_x, last_y, 2.1, fillColor=NAVY, strokeColor=None))
    drawing.add(_text(LEFT, BOTTOM - 8.5, _month(points[0][0]), "start"))
    if len(points) > 1:
        drawing.add(_text(LEFT + plot.width, BOTTOM - 8.5, _month(points[-1][0]), "end"))


def _x_positions(points: Sequence[tuple[date, float]], left: float, span: float) -> list[float]:
    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    if last == first:
        return [left + span / 2 for _ in points]
    return [left + (day.toordinal() - first) / (last - first) * span for day, _ in points]


def _legend(drawing: Drawing, width: float, height: float, baseline: bool, target: bool) -> None:
    """Keys right-aligned above the plot, so the lines need no labels of their own."""
    keys: list[tuple[str, LineLook]] = [(pgettext("chart legend", "Value"), VALUE_LINE)]
    if baseline:
        keys.append((pgettext("chart legend", "Baseline"), BASELINE_LINE))
    if target:
        keys.append((pgettext("chart legend", "Target"), TARGET_LINE))
    x = width - RIGHT
    y = height - 8
    for label, (colour, line_width, dash) in reversed(keys):
        drawing.add(_text(x, y - 2.2, label, "end"))
        x -= _width(label) + 3
        drawing.add(_line(x - 11, y, x, (colour, line_width, dash)))
        x -= 20


def _width(text: str) -> float:
    return float(stringWidth(text, FONT, LABEL_SIZE))


def _line(x1: float, y: float, x2: float, look: LineLook) -> Line:
    colour, width, dash = look
    line = Line(x1, y, x2, y, strokeColor=colour, strokeWidth=width)
    if dash:
        line.strokeDashArray = list(dash)
    return line


def _text(x: float, y: float, text: str, anchor: Anchor) -> String:
    return String(
        x, y, text, fontName=FONT, fontSize=LABEL_SIZE, fillColor=MUTED, textAnchor=anchor
    )


def month_bars(months: Sequence[MonthCount], *, width: float, height: float) -> Drawing:
    """One bar per month with its count on top and the month's name below; years at January."""
    register_fonts()
    drawing = Drawing(width, height)
    if not months:
        return drawing
    top, bottom = 10.0, 18.0
    slot = width / len(months)
    tallest = max(1, max(month.done for month in months))
    every = max(1, math.ceil(LABELLED_BAR / slot))
    names = _short_month_names()
    drawing.add(Line(0, bottom, width, bottom, strokeColor=RULE, strokeWidth=0.6))
    for index, month in enumerate(months):
        x = index * slot + slot * BAR_GAP / 2
        bar_height = month.done / tallest * (height - top - bottom)
        colour = NAVY if month.whole else PARTIAL_BAR
        if bar_height > 0:
            bar = Rect(x, bottom, slot * (1 - BAR_GAP), bar_height)
            bar.fillColor, bar.strokeColor = colour, None
            drawing.add(bar)
        middle = index * slot + slot / 2
        if slot >= LABELLED_BAR:
            count = formats.number(month.done)
            drawing.add(_text(middle, bottom + bar_height + 2.5, count, "middle"))
        if index % every == 0:
            drawing.add(_text(middle, bottom - 8, names[month.first.month - 1], "middle"))
            if index == 0 or month.first.month <= every:  # the year's first label
                drawing.add(_text(middle, bottom - 16, str(month.first.year), "middle"))
    return drawing
