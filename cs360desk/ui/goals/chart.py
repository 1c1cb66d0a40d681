"""A measure's chart (values over time with baseline and target) and its trend in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLegend, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QLocale, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from cs360desk.domain.enums import Direction, MeasureKind
from cs360desk.domain.momentum import Level
from cs360desk.domain.problem_views import MeasureStanding
from cs360desk.domain.trend import Verdict, number_text
from cs360desk.i18n import N_, _
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.linked_models import value_text
from cs360desk.ui.common.palette import app_colours, chart_in_palette
from cs360desk.ui.common.style import scaled_font

# Told by a word and a symbol as well as colour: the app's momentum badge styles.
VERDICT_BADGES = {
    Verdict.IMPROVING: (Level.OK, N_("✓ Going the right way")),
    Verdict.STEADY: (Level.WATCH, N_("● Holding steady")),
    Verdict.WORSENING: (Level.ALERT, N_("▲ Going the wrong way")),
    Verdict.UNKNOWN: (Level.WATCH, N_("● Too early to tell")),
}
# Whole phrases for the figures' last line, one per direction and kind of measure.
BETTER_WHEN = {
    Direction.INCREASE: N_("Increase is better"),
    Direction.DECREASE: N_("Decrease is better"),
}
KIND_OF_MEASURE = {
    MeasureKind.OUTPUT: N_("Output measure"),
    MeasureKind.OUTCOME: N_("Outcome measure"),
}


def _msecs(day: date) -> float:
    noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    return float(noon.toMSecsSinceEpoch())


def _level_line(
    name: str, colour: str, value: float, start: date, end: date, style: Qt.PenStyle
) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    pen = QPen(QColor(colour))
    pen.setWidth(2)
    pen.setStyle(style)
    line.setPen(pen)
    line.append(_msecs(start), value)
    line.append(_msecs(end), value)
    return line


class MeasureChart(QChartView):
    """Values as a line with points; baseline and target as dashed lines across the span."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Measure chart"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.series: dict[str, QLineSeries] = {}
        self.show_measure(None)

    def show_measure(self, standing: MeasureStanding | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.setLocale(QLocale())  # month names on the time axis in the screens' language
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # Lines told apart by their dashes and names in the legend, not by colour alone.
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.series = {}
        if standing is not None and standing.values:
            self._fill(chart, standing)
        else:
            chart.legend().hide()
            chart.setTitle(_("No values yet") if standing is not None else "")
        chart_in_palette(chart)
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
        values.setName(measure.name if len(measure.name) < 40 else _("Values"))
        values.setPointsVisible(True)
        colours = app_colours().chart
        values.setPen(QPen(QColor(colours.values), 2))
        for value in standing.values:
            values.append(_msecs(value.period_end), value.value)
        self.series["values"] = values
        if measure.baseline_value is not None:
            label = _("Baseline {value}").format(value=number_text(measure.baseline_value))
            self.series["baseline"] = _level_line(
                label, colours.baseline, measure.baseline_value, start, end, Qt.PenStyle.DashLine
            )
        if measure.target_value is not None:
            label = _("Target {value}").format(value=number_text(measure.target_value))
            self.series["target"] = _level_line(
                label, colours.target, measure.target_value, start, end, Qt.PenStyle.DotLine
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
        self.setAccessibleName(_("Trend"))
        self.badge = plain_label(name="LevelBadge")
        self.words = plain_label(name="TrendWords", wrap=True)
        self.words.setFont(scaled_font(self, 1.15, bold=True))
        self.words.setAccessibleName(_("Trend in words"))
        self.figures = plain_label(name="TrendFigures", wrap=True)
        self.figures.setAccessibleName(_("Latest, baseline and target"))
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
            self.words.setText(_("Choose a measure to see its values and trend."))
            self.figures.clear()
            return
        level, text = VERDICT_BADGES[standing.trend.verdict]
        if standing.trend.target_met:
            level, text = Level.OK, N_("✓ Target met")
        self.badge.setText(_(text))
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
        lines.append(
            _("Latest: {value} ({date})").format(
                value=value_text(latest.value, unit), date=format_date(latest.period_end)
            )
        )
    if measure.baseline_value is not None:
        baseline = value_text(measure.baseline_value, unit)
        if measure.baseline_period:
            lines.append(
                _("Baseline: {value} ({period})").format(
                    value=baseline, period=measure.baseline_period
                )
            )
        else:
            lines.append(_("Baseline: {value}").format(value=baseline))
    if measure.target_value is not None:
        target = value_text(measure.target_value, unit)
        if measure.target_date:
            lines.append(
                _("Target: {value} by {date}").format(
                    value=target, date=format_date(measure.target_date)
                )
            )
        else:
            lines.append(_("Target: {value}").format(value=target))
    lines.append(f"{_(BETTER_WHEN[measure.direction])} · {_(KIND_OF_MEASURE[measure.kind])}")
    if measure.data_source:
        lines.append(_("Source: {source}").format(source=measure.data_source))
    return "\n".join(lines)
