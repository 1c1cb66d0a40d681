"""The Problems page's tables: the list, the ranking, responses, and measures against baseline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from cs360desk.domain.problem_views import (
    MAX_TOTAL,
    MeasureStanding,
    ProblemRow,
    RankedProblem,
    ResponseLine,
)
from cs360desk.domain.trend import number_text
from cs360desk.i18n import N_, _
from cs360desk.ui.common.linked_models import items_text, value_text
from cs360desk.ui.common.table_models import AnyIndex, Column, DtoTableModel


def _phase_order(row: ProblemRow) -> int:
    return list(type(row.problem.phase)).index(row.problem.phase)


class ProblemTableModel(DtoTableModel[ProblemRow]):
    """Every problem of the initiative with its priority rank and SARA phase."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("#"), lambda r: str(r.rank), lambda r: r.rank, numeric=True),
                Column(N_("Problem"), lambda r: r.problem.title),
                Column(N_("Phase"), lambda r: r.problem.phase.label, _phase_order),
            )
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_at(index.row())
            return _(
                "{title}\n{status}, {phase}; worksheet total {total}; {responses} responses, "
                "{items} open action items"
            ).format(
                title=row.problem.title,
                status=row.problem.status.label,
                phase=row.problem.phase.label,
                total=row.total,
                responses=row.responses,
                items=row.open_items,
            )
        return super().data(index, role)

    def row_of(self, problem_id: int | None) -> int:
        for position in range(self.rowCount()):
            if self.row_at(position).problem.id == problem_id:
                return position
        return -1


class RankingTableModel(DtoTableModel[RankedProblem]):
    """Candidates by worksheet total; the problem being edited is shown in bold."""

    def __init__(self) -> None:
        self.current_id: int | None = None
        super().__init__(
            (
                Column(N_("#"), lambda r: str(r.rank), lambda r: r.rank, numeric=True),
                Column(N_("Candidate problem"), lambda r: r.problem.title),
                Column(
                    N_("Total"),
                    lambda r: f"{r.total} / {MAX_TOTAL}",
                    lambda r: r.total,
                    numeric=True,
                ),
            )
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            ranked = self.row_at(index.row())
            return _("{title}\n{status}, total {total}").format(
                title=ranked.problem.title, status=ranked.problem.status.label, total=ranked.total
            )
        current = index.isValid() and self.row_at(index.row()).problem.id == self.current_id
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class ResponseTableModel(DtoTableModel[ResponseLine]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Response"), lambda r: r.response.title),
                Column(N_("Lead"), lambda r: r.lead_name),
                Column(N_("Status"), lambda r: r.response.status.label),
                Column(
                    N_("Action items"),
                    lambda r: items_text(r.action_items),
                    lambda r: len(r.action_items),
                ),
            )
        )


class StandingTableModel(DtoTableModel[MeasureStanding]):
    """The impact evaluation's evidence: each measure's latest value against its baseline."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Measure"), lambda m: m.measure.name),
                Column(
                    N_("Baseline"),
                    lambda m: value_text(m.measure.baseline_value),
                    lambda m: m.measure.baseline_value,
                    True,
                ),
                Column(
                    N_("Latest"),
                    lambda m: number_text(m.latest.value) if m.latest else "",
                    lambda m: m.latest.value if m.latest else None,
                    True,
                ),
                Column(
                    N_("Target"),
                    lambda m: value_text(m.measure.target_value),
                    lambda m: m.measure.target_value,
                    True,
                ),
                Column(N_("Trend"), lambda m: m.trend.words),
            )
        )
