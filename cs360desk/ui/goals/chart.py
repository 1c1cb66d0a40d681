"""A measure's chart (values over time with baseline and target) and its trend in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from cs360desk.domain.momentum import Level
from cs360desk.domain.problem_views import MeasureStanding
from cs360desk.domain.trend import Verdict, number_text
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.linked_models import value_text
from cs360desk.ui.common.style import scaled_font

VALUES_COLOUR = "#3b6ea5"
BASELINE_COLOUR = "#6b6b6b"
TARGET_COLOUR = "#2e7d32"
# Told by a word and a symbol as well as colour: the app's momentum badge styles.
VERDICT_BADGES = {
    Verdict.IMPROVING: (Level.OK, "✓ Going the right way"),
    Verdict.STEADY: (Level.WATCH, "● Holding steady"),
    Verdict.WORSENING: (Level.ALERT, "▲ Going the wrong way"),
    Verdict.UNKNOWN: (Level.WATCH, "● Too early to tell"),
}


def _msecs(day: date) -> float:
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    return float(noon.toMSecsSinceEpoch())


def _level_line(name: str, colour: str, value: float, start: date, end: date) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    pen = QPen(QColor(colour))
    pen.setWidth(2)
    pen.setStyle(Qt.PenStyle.DashLine)
    line.setPen(pen)
    line.append(_msecs(start), value)
    line.append(_msecs(end), value)
    return line


class MeasureChart(QChartView):
    """Values as a line with points; baseline and target as dashed lines across the span."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Measure chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.series: dict[str, QLineSeries] = {}
        self.show_measure(None)

    def show_measure(self, standing: MeasureStanding | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.series = {}
        if standing is not None and standing.values:
            self._fill(chart, standing)
        else:
            chart.legend().hide()
            chart.setTitle("No values yet" if standing is not None else "")
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()  # the view lets go of its previous chart without deleting it
        self.setAccessibleDescription(standing.trend.words if standing else "")

    def _fill(self, chart: QChart, standing: MeasureStanding) -> None:
        measure = standing.measure
        days = [value.period_end for value in standing.values]
        # The span of the values only: a target date years ahead would squash them.
        start, end = days[0], days[-1]
        values = QLineSeries()
        values.setName(measure.name if len(measure.name) < 40 else "Values")
        values.setPointsVisible(True)
        values.setPen(QPen(QColor(VALUES_COLOUR), 2))
        for value in standing.values:
            values.append(_msecs(value.period_end), value.value)
        self.series["values"] = values
        if measure.baseline_value is not None:
            label = f"Baseline {number_text(measure.baseline_value)}"
            self.series["baseline"] = _level_line(
                label, BASELINE_COLOUR, measure.baseline_value, start, end
            )
        if measure.target_value is not None:
            label = f"Target {number_text(measure.target_value)}"
            self.series["target"] = _level_line(
                label, TARGET_COLOUR, measure.target_value, start, end
            )
        x_axis = _time_axis(start, end, len(days))
        y_axis = _value_axis(standing)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in self.series.values():
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)


def _time_axis(start: date, end: date, count: int) -> QDateTimeAxis:
    axis = QDateTimeAxis()
    axis.setFormat("MMM yy")
    axis.setTickCount(min(5, max(2, count)))
    if end > start:
        first = QDateTime.fromMSecsSinceEpoch(int(_msecs(start)))
        axis.setRange(first, QDateTime.fromMSecsSinceEpoch(int(_msecs(end))))
    return axis


def _value_axis(standing: MeasureStanding) -> QValueAxis:
    """From zero (for counts and rates) to a little above the highest of values and lines."""
    measure = standing.measure
    levels = [v.value for v in standing.values]
    levels += [x for x in (measure.baseline_value, measure.target_value) if x is not None]
    low, high = min(levels), max(levels)
    pad = (high - low) * 0.1 or max(1.0, abs(high) * 0.1)
    axis = QValueAxis()
    axis.setRange(0.0 if low >= 0 else low - pad, high + pad)
    axis.applyNiceNumbers()
    axis.setLabelFormat("%g")
    return axis


class TrendPanel(QFrame):
    """Beside the chart: whether the measure goes the right way, and the figures behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Trend")
        self.badge = plain_label(name="LevelBadge")
        self.words = plain_label(name="TrendWords", wrap=True)
        self.words.setFont(scaled_font(self, 1.15, bold=True))
        self.words.setAccessibleName("Trend in words")
        self.figures = plain_label(name="TrendFigures", wrap=True)
        self.figures.setAccessibleName("Latest, baseline and target")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.words)
        layout.addWidget(self.figures)
        layout.addStretch(1)
        self.show_measure(None)

    def show_measure(self, standing: MeasureStanding | None) -> None:
        if standing is None:
            self.badge.hide()
            self.words.setText("Choose a measure to see its values and trend.")
            self.figures.clear()
            return
        level, text = VERDICT_BADGES[standing.trend.verdict]
        if standing.trend.target_met:
            level, text = Level.OK, "✓ Target met"
        self.badge.setText(text)
        self.badge.setProperty("level", level.value)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        self.badge.show()
        self.words.setText(standing.trend.words)
        self.figures.setText(_figures(standing))


def _figures(standing: MeasureStanding) -> str:
    measure = standing.measure
    unit = measure.unit
    lines = []
    latest = standing.latest
    if latest is not None:
        lines.append(f"Latest: {value_text(latest.value, unit)} ({format_date(latest.period_end)})")
    if measure.baseline_value is not None:
        period = f" ({measure.baseline_period})" if measure.baseline_period else ""
        lines.append(f"Baseline: {value_text(measure.baseline_value, unit)}{period}")
    if measure.target_value is not None:
        by = f" by {format_date(measure.target_date)}" if measure.target_date else ""
        lines.append(f"Target: {value_text(measure.target_value, unit)}{by}")
    lines.append(f"{measure.direction.label} is better · {measure.kind.label} measure")
    if measure.data_source:
        lines.append(f"Source: {measure.data_source}")
    return "\n".join(lines)
