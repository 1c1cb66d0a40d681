"""The Goals & measures tables: goals, their measures, and a measure's values (editable)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from cs360desk.domain.enums import GoalDimension
from cs360desk.domain.evidence_views import GoalView
from cs360desk.domain.problem_views import MeasureStanding
from cs360desk.domain.records import MeasurementRecord
from cs360desk.domain.trend import number_text
from cs360desk.i18n import N_, _, pgettext
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.page_widgets import date_text
from cs360desk.ui.common.table_models import AnyIndex, Column, DtoTableModel

VERDICT_WORDS = {
    "improving": N_("Improving"),
    "worsening": N_("Worsening"),
    "steady": N_("Steady"),
    "unknown": N_("Too early"),
}


def dimension_short(dimension: GoalDimension) -> str:
    """The dimension in one word, for the goals table (its label is the whole phrase)."""
    words = {
        GoalDimension.CRIME: pgettext("goal dimension, short", "Crime"),
        GoalDimension.PARTNERS: pgettext("goal dimension, short", "Partners"),
        GoalDimension.ORGANIZATION: pgettext("goal dimension, short", "Organization"),
    }
    return words.get(dimension) or dimension.value.capitalize()


class GoalTableModel(DtoTableModel[GoalView]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(
                    _("Dimension"),
                    lambda g: dimension_short(g.goal.dimension),
                    lambda g: list(type(g.goal.dimension)).index(g.goal.dimension),
                ),
                Column(_("Goal"), lambda g: " ".join(g.goal.statement.split())),
            )
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            view = self.row_at(index.row())
            lines = [view.goal.dimension.label, view.goal.statement]
            if view.problem_title:
                lines.append(_("Problem: {title}").format(title=view.problem_title))
            return "\n".join(lines)
        return super().data(index, role)


class MeasureTableModel(DtoTableModel[MeasureStanding]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(_("Measure"), lambda m: m.measure.name),
                Column(
                    _("Latest"),
                    lambda m: number_text(m.latest.value) if m.latest else "",
                    lambda m: m.latest.value if m.latest else None,
                    True,
                ),
                Column(_("Trend"), lambda m: _(VERDICT_WORDS[m.trend.verdict.value])),
            )
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.row_at(index.row()).trend.words
        return super().data(index, role)


COLUMNS = ("period_end", "value", "note")
HEADERS = (N_("Period end"), N_("Value"), N_("Note"))


class MeasurementTableModel(QAbstractTableModel):
    """The values of one measure, oldest first, and a last row for the next period's value.

    Edits are not applied here: `edit_requested(row, field, text)` asks the controller to
    save, and the model is refilled once the workspace has the change.
    """

    edit_requested = Signal(int, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: list[MeasurementRecord] = []
        self.next_period: date | None = None

    def set_values(self, values: tuple[MeasurementRecord, ...], next_period: date | None) -> None:
        self.beginResetModel()
        self._values = list(values)
        self.next_period = next_period
        self.endResetModel()

    @property
    def values(self) -> list[MeasurementRecord]:
        return list(self._values)

    def value_at(self, row: int) -> MeasurementRecord | None:
        """None for the blank row at the end."""
        return self._values[row] if 0 <= row < len(self._values) else None

    def is_new_row(self, row: int) -> bool:
        return row == len(self._values) and self.next_period is not None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._values) + (1 if self.next_period is not None else 0)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractItemModel.CheckIndexOption.IndexIsValid):
            return None
        field = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), field, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._text(index.row(), field, False) or _("empty")
            return f"{_(HEADERS[index.column()])}: {shown}"
        if role == Qt.ItemDataRole.ToolTipRole and self.is_new_row(index.row()):
            return _("Type the next value here, or paste a column from a spreadsheet (Ctrl+V)")
        if role == Qt.ItemDataRole.FontRole and self.is_new_row(index.row()):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: int, field: str, editing: bool) -> str:
        value = self.value_at(row)
        if value is None:
            if field == "period_end" and self.next_period is not None:
                return date_text(self.next_period) if editing else format_date(self.next_period)
            return "" if editing else (_("type a value") if field == "value" else "")
        if field == "period_end":
            return date_text(value.period_end) if editing else format_date(value.period_end)
        if field == "value":
            return (
                number_text(value.value).replace(",", "") if editing else number_text(value.value)
            )
        return value.note

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _(HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not (self.is_new_row(index.row()) and COLUMNS[index.column()] == "note"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value)
        if text == self._text(index.row(), COLUMNS[index.column()], True):
            return False  # nothing changed: no save, no undo step
        self.edit_requested.emit(index.row(), COLUMNS[index.column()], text)
        return True
