"""The Problems page's layout: the ranked list beside the editor with one tab per SARA phase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from cs360desk.domain.enums import SaraPhase
from cs360desk.i18n import _
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.page_widgets import (
    button,
    button_row,
    column_panel,
    data_table,
    list_panel,
    note_label,
    page_layout,
    side_by_side,
    stretch_column,
    wrap_rows,
)
from cs360desk.ui.problems.models import ProblemTableModel
from cs360desk.ui.problems.tabs import (
    PROBLEM_FIELDS,
    RESPONSE_FIELDS,
    AnalysisTab,
    AssessmentTab,
    ResponseTab,
    ScanningTab,
)

PHASES: tuple[SaraPhase, ...] = tuple(SaraPhase)


def _scrolling(page: QWidget, name: str) -> QScrollArea:
    """A tab that scrolls rather than squeezing its fields on a small laptop screen; `name`
    is what a screen reader says when Tab lands on it."""
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll


class ProblemsView(QWidget):
    """Layout only; ProblemsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Problems"))
        self.model = ProblemTableModel()
        self.table = data_table(_("Problems"), self.model)
        stretch_column(self.table, 1)
        wrap_rows(self.table)
        self.count_label = note_label()
        self.new_button = button(_("Ne&w problem…"), _("Add a candidate problem (Ctrl+N)"))
        self.delete_button = button(
            _("Delete problem"), _("Delete the chosen problem and its responses")
        )
        self.fields = Fields(PROBLEM_FIELDS, self)
        self.response_fields = Fields(RESPONSE_FIELDS, self)
        self.scanning = ScanningTab(self.fields)
        self.analysis = AnalysisTab(self.fields)
        self.response = ResponseTab(self.response_fields)
        self.assessment = AssessmentTab(self.fields)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("SARA phases"))
        pages = (self.scanning, self.analysis, self.response, self.assessment)
        for phase, page in zip(PHASES, pages, strict=True):
            self.tabs.addTab(_scrolling(page, phase.label), "")
        self.empty_label = note_label(_("Choose a problem in the list, or add a new one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_action = QAction(_("New problem"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        self._editor_stack = QStackedWidget()
        self._editor_stack.addWidget(self.empty_label)
        self._editor_stack.addWidget(self._editor())
        panels = (self._list(), self._editor_stack)
        page_layout(self).addWidget(side_by_side(*panels, sizes=[360, 880]))
        self.mark_phase(None)

    def _list(self) -> QWidget:
        panel, layout = list_panel(_("Problems"))
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.new_button, self.delete_button))
        return panel

    def _editor(self) -> QWidget:
        panel, layout = column_panel((12, 0, 0, 0))
        header = QHBoxLayout()
        header.setSpacing(20)
        header.addLayout(self.fields.form(["title", "area"]), 3)
        header.addLayout(self.fields.form(["phase", "status"]), 2)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        return panel

    def show_editor(self, shown: bool) -> None:
        self._editor_stack.setCurrentIndex(1 if shown else 0)

    def mark_phase(self, phase: SaraPhase | None) -> None:
        """Number the tabs and mark the phase the problem is in with a word, not colour."""
        for position, each in enumerate(PHASES):
            number, name = position + 1, each.label
            if each is phase:
                text = _("&{number} {phase} (current)").format(number=number, phase=name)
            else:
                text = _("&{number} {phase}").format(number=number, phase=name)
            self.tabs.setTabText(position, text)

    def show_phase(self, phase: SaraPhase) -> None:
        self.tabs.setCurrentIndex(PHASES.index(phase))
