"""The Community input page's tables and its bar chart of findings per theme."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from cs360desk.domain.evidence_views import ActivityRow, RecommendationLine, ThemeCount
from cs360desk.domain.records import FindingRecord
from cs360desk.i18n import N_, _
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.linked_models import items_text, one_line
from cs360desk.ui.common.palette import app_colours, chart_in_palette
from cs360desk.ui.common.table_models import AnyIndex, Column, DtoTableModel

MAX_THEME_LABEL = 34  # longer theme names are cut in the chart (the table has them whole)


class ActivityTableModel(DtoTableModel[ActivityRow]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(
                    N_("Date"),
                    lambda r: format_date(r.activity.held_on),
                    lambda r: r.activity.held_on,
                ),
                Column(N_("Kind"), lambda r: r.activity.kind.label),
                Column(
                    N_("Findings"), lambda r: str(r.findings), lambda r: r.findings, numeric=True
                ),
            )
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.row_at(index.row()).activity.summary or None
        return super().data(index, role)


class FindingTableModel(DtoTableModel[FindingRecord]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Theme"), lambda f: f.theme),
                Column(N_("Finding"), lambda f: one_line(f.text)),
            )
        )


class ThemeTableModel(DtoTableModel[ThemeCount]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Theme"), lambda t: t.theme),
                Column(
                    N_("Findings"), lambda t: str(t.findings), lambda t: t.findings, numeric=True
                ),
                Column(
                    N_("Activities"),
                    lambda t: str(t.activities),
                    lambda t: t.activities,
                    numeric=True,
                ),
            )
        )


class RecommendationTableModel(DtoTableModel[RecommendationLine]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Recommendation"), lambda r: one_line(r.recommendation.text)),
                Column(
                    N_("Delivered"),
                    lambda r: format_date(r.recommendation.delivered_on),
                    lambda r: r.recommendation.delivered_on,
                ),
                Column(N_("Decision"), lambda r: r.recommendation.decision.label),
                Column(N_("Owner"), lambda r: r.owner_name),
                Column(N_("Status"), lambda r: r.recommendation.status.label),
                Column(
                    N_("Action items"),
                    lambda r: items_text(r.action_items),
                    lambda r: len(r.action_items),
                ),
            )
        )


def _short(theme: str) -> str:
    return theme if len(theme) <= MAX_THEME_LABEL else theme[: MAX_THEME_LABEL - 1] + "…"


class ThemeChart(QChartView):
    """Findings per theme as horizontal bars, the most frequent on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Findings per theme chart"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.series: QHorizontalBarSeries | None = None
        self.set_themes(())

    def set_themes(self, themes: Sequence[ThemeCount]) -> None:
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        shown = list(reversed(themes))  # categories run bottom-up
        bars = QBarSet(_("Findings"))
        colours = app_colours().chart
        bars.setColor(QColor(colours.bar))
        bars.append([float(t.findings) for t in shown])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([_short(t.theme) for t in shown])
        values = QValueAxis()
        values.setRange(0, max([t.findings for t in themes], default=1) + 1)
        values.setLabelFormat("%d")
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickInterval(max(1, (max([t.findings for t in themes], default=1) + 4) // 5))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        bars.setLabelColor(QColor(colours.bar_label))
        chart_in_palette(chart)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()  # the view lets go of its previous chart without deleting it
        self.series = series
        self.setAccessibleDescription(
            "; ".join(f"{t.theme}: {t.findings}" for t in themes) or _("No findings yet")
        )
