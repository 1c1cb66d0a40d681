"""The Goals & measures page's layout: goals and measures on the left, the measure on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Direction, Frequency, GoalDimension, MeasureKind
from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import CHOICE, DATE, ENUM, LINE, NUMBER, TEXT, FieldSpec
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import (
    button,
    button_row,
    column_panel,
    data_table,
    heading,
    list_panel,
    note_label,
    page_layout,
    side_by_side,
    stretch_column,
    wrap_rows,
)
from cs360desk.ui.goals.chart import MeasureChart, TrendPanel
from cs360desk.ui.goals.models import GoalTableModel, MeasurementTableModel, MeasureTableModel

GOAL_FIELDS = (
    FieldSpec("dimension", N_("Dimen&sion"), ENUM, GoalDimension),
    FieldSpec("statement", N_("&Goal"), TEXT, lines=3),
    FieldSpec("problem_id", N_("&Problem"), CHOICE, none_text=N_("(the whole initiative)")),
)
MEASURE_FIELDS = (
    FieldSpec("name", N_("&Name"), LINE),
    FieldSpec("unit", N_("&Unit"), LINE, placeholder=N_("calls per month, %, events")),
    FieldSpec("data_source", N_("Data s&ource"), LINE),
    FieldSpec("kind", N_("&Kind"), ENUM, MeasureKind),
    FieldSpec("direction", N_("&Better when it"), ENUM, Direction),
    FieldSpec("frequency", N_("Fre&quency"), ENUM, Frequency),
    FieldSpec("baseline_value", N_("B&aseline value"), NUMBER),
    FieldSpec("baseline_period", N_("Baseline pe&riod"), LINE, placeholder=N_("e.g. 2021–2023")),
    FieldSpec("target_value", N_("&Target value"), NUMBER),
    FieldSpec("target_date", N_("Target &date"), DATE),
)
PASTE_HINT = N_(
    "Type a value in the last row, or copy a column from a spreadsheet and press Ctrl+V: "
    "date and value side by side, or values alone into the selected rows."
)


class ValuesTable(QTableView):
    """Keyboard entry as in any table; Ctrl+V hands the clipboard's text to `paste_requested`."""

    paste_requested = Signal()
    delete_requested = Signal()
    _latest_pending = False

    def show_latest(self) -> None:
        """The last rows (latest values and the next period), now or once the page is shown."""
        self._latest_pending = not self.isVisible()
        self.scrollToBottom()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._latest_pending:
            self._latest_pending = False
            QTimer.singleShot(0, self.scrollToBottom)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
        elif event.matches(QKeySequence.StandardKey.Delete) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            self.delete_requested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


def _values_table(model: MeasurementTableModel) -> ValuesTable:
    table = ValuesTable()
    table.setObjectName("MeasureValues")
    table.setAccessibleName(_("Values"))
    table.setModel(model)
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 1.9))
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch_column(table, 2)
    return table


class GoalsView(QWidget):
    """Layout only; GoalsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Goals and measures"))
        self.summary = note_label()
        self.goal_model = GoalTableModel()
        self.goals = data_table(_("Goals"), self.goal_model)
        stretch_column(self.goals, 1)
        wrap_rows(self.goals)
        self.goal_fields = Fields(GOAL_FIELDS, self)
        self.new_goal = button(_("Ne&w goal…"), _("Add a goal (Ctrl+N)"))
        self.delete_goal = button(_("Delete goal"), _("Delete the chosen goal and its measures"))
        self.measure_model = MeasureTableModel()
        self.measures = data_table(_("Measures of the goal"), self.measure_model)
        stretch_column(self.measures, 0)
        wrap_rows(self.measures)
        self.new_measure = button(_("New &measure…"), _("Add a measure to the chosen goal"))
        self.delete_measure = button(
            _("Delete measure"), _("Delete the chosen measure and its values")
        )
        self.measure_title = heading(_("Measure"), 1.35)
        self.chart = MeasureChart()
        self.trend = TrendPanel()
        self.value_model = MeasurementTableModel(self)
        self.values = _values_table(self.value_model)
        self.values_error = plain_label(name="FieldError", wrap=True)
        self.values_error.setAccessibleName(_("Values error"))
        self.values_error.hide()
        self.measure_fields = Fields(MEASURE_FIELDS, self)
        self.new_action = QAction(_("New goal"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        panels = (self._goals_panel(), self._measure_panel())
        page_layout(self).addWidget(side_by_side(*panels, sizes=[500, 740]))

    def _goals_panel(self) -> QWidget:
        panel, layout = list_panel(_("Goals & measures"))
        layout.addWidget(self.summary)
        layout.addWidget(self.goals, 2)
        layout.addLayout(button_row(self.new_goal, self.delete_goal))
        layout.addLayout(self.goal_fields.form([spec.name for spec in GOAL_FIELDS]))
        layout.addSpacing(6)
        layout.addWidget(heading(_("Measures")))
        layout.addWidget(self.measures, 2)
        layout.addLayout(button_row(self.new_measure, self.delete_measure))
        return panel

    def _measure_panel(self) -> QWidget:
        panel, layout = column_panel((12, 0, 0, 0))
        layout.addWidget(self.measure_title)
        top = QHBoxLayout()
        top.addWidget(self.chart, 3)
        top.addWidget(self.trend, 2)
        layout.addLayout(top, 5)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Measure parts"))
        values = QWidget()
        values_layout = QVBoxLayout(values)
        values_layout.addWidget(note_label(_(PASTE_HINT)))
        values_layout.addWidget(self.values, 1)
        values_layout.addWidget(self.values_error)
        details = QWidget()
        columns = QHBoxLayout(details)
        columns.setSpacing(24)
        names = [spec.name for spec in MEASURE_FIELDS]
        columns.addLayout(self.measure_fields.form(names[:6]), 1)
        columns.addLayout(self.measure_fields.form(names[6:]), 1)
        self.tabs.addTab(values, _("Values"))
        self.tabs.addTab(details, _("Details"))
        layout.addWidget(self.tabs, 4)
        return panel
