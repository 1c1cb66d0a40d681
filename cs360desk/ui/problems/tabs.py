"""The problem editor's four SARA tabs: Scanning, Analysis, Response and Assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import AssessmentDecision, ProblemStatus, ResponseStatus, SaraPhase
from cs360desk.domain.problem_views import CHEERS, MAX_SCORE, WORKSHEET
from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import (
    CHECK,
    CHOICE,
    DATE,
    ENUM,
    LINE,
    OPTIONAL_ENUM,
    SCORE,
    TEXT,
    FieldSpec,
)
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.linked_models import LinkedItemTableModel
from cs360desk.ui.common.page_widgets import (
    ItemLinker,
    button,
    button_row,
    data_table,
    heading,
    note_label,
    stretch_column,
    wrap_rows,
)
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.problems.models import RankingTableModel, ResponseTableModel, StandingTableModel

ANALYSIS = (
    ("offender", N_("&Offender"), N_("Who causes it: their routines, what they gain")),
    (
        "handler",
        N_("Han&dler"),
        N_("Who can influence the offenders: family, probation, coaches"),
    ),
    ("victim", N_("Victi&m"), N_("Who is harmed, and what makes them vulnerable")),
    ("guardian", N_("&Guardian"), N_("Who can protect the victims: neighbours, staff, patrol")),
    ("place", N_("Pla&ce"), N_("Where it happens, and why there")),
    (
        "manager",
        N_("Ma&nager"),
        N_("Who is responsible for the place: owner, city department"),
    ),
)
PROBLEM_FIELDS = (
    FieldSpec("title", N_("&Title"), LINE),
    FieldSpec("phase", N_("SARA &phase"), ENUM, SaraPhase),
    FieldSpec("status", N_("&Status"), ENUM, ProblemStatus),
    FieldSpec("area", N_("A&rea"), LINE, placeholder=N_("Where: beats, blocks, places")),
    FieldSpec("statement", N_("Problem state&ment"), TEXT, lines=5),
    *(FieldSpec(name, short, CHECK) for name, short, _question in CHEERS),
    *(FieldSpec(name, label, SCORE, maximum=MAX_SCORE) for name, label in WORKSHEET),
    *(FieldSpec(name, label, TEXT, lines=3, placeholder=hint) for name, label, hint in ANALYSIS),
    FieldSpec("hypothesis", N_("H&ypothesis"), TEXT, lines=5),
    FieldSpec(
        "data_used", N_("Data &used"), TEXT, lines=5, placeholder=N_("Sources, periods, counts")
    ),
    FieldSpec(
        "process_evaluation",
        N_("Pro&cess evaluation"),
        TEXT,
        lines=5,
        placeholder=N_("Were the responses carried out as planned?"),
    ),
    FieldSpec(
        "impact_evaluation",
        N_("Imp&act evaluation"),
        TEXT,
        lines=5,
        placeholder=N_("Did the measures move, against their baseline?"),
    ),
    FieldSpec(
        "assessment_decision",
        N_("&Decision"),
        OPTIONAL_ENUM,
        AssessmentDecision,
        none_text=N_("(not decided yet)"),
    ),
)
TAB_MARGIN = 10
TREND_COLUMN = 4  # of StandingTableModel
RESPONSE_FIELDS = (
    FieldSpec("title", N_("Respo&nse"), LINE),
    FieldSpec("focus_area", N_("F&ocus"), LINE, placeholder=N_("Place, offenders, victims, guns…")),
    FieldSpec("lead_id", N_("&Lead"), CHOICE, none_text=N_("(no lead yet)")),
    FieldSpec("status", N_("Stat&us"), ENUM, ResponseStatus),
    FieldSpec("starts_on", N_("St&arts on"), DATE),
    FieldSpec("ends_on", N_("En&ds on"), DATE),
    FieldSpec("partners", N_("Partners"), TEXT, lines=2),
    FieldSpec("description", N_("Description"), TEXT, lines=2),
)


def _column(*widgets: QWidget, margins: tuple[int, int, int, int] = (0, 0, 0, 0)) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(*margins)
    layout.setSpacing(8)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


class ScanningTab(QWidget):
    """The statement, the CHEERS test and the priority worksheet with the ranking."""

    def __init__(self, fields: Fields) -> None:
        super().__init__()
        self.cheers_count = note_label()
        self.total_label = plain_label(name="WorksheetTotal")
        self.total_label.setFont(scaled_font(self, 1.15, bold=True))
        self.total_label.setAccessibleName(_("Worksheet total"))
        self.ranking_model = RankingTableModel()
        self.ranking = data_table(
            _("Candidate problems ranked by the worksheet"), self.ranking_model
        )
        stretch_column(self.ranking, 1)
        wrap_rows(self.ranking)
        left = _column(heading(_("Problem statement")))
        left.addWidget(fields.row("statement"))
        left.addWidget(heading(_("CHEERS test")))
        # The question beside each box wraps, so the worksheet keeps its share of the width.
        checklist = QGridLayout()
        checklist.setHorizontalSpacing(12)
        checklist.setColumnStretch(1, 1)
        for position, (name, _short, question) in enumerate(CHEERS):
            fields.row(name).set_help(_(question))
            checklist.addWidget(fields.row(name), position, 0, Qt.AlignmentFlag.AlignTop)
            checklist.addWidget(note_label(_(question)), position, 1, Qt.AlignmentFlag.AlignTop)
        left.addLayout(checklist)
        left.addWidget(self.cheers_count)
        left.addStretch(1)
        right = _column(heading(_("Priority worksheet")))
        right.addWidget(note_label(_("Score each from 0 (none) to 5 (very high).")))
        right.addLayout(fields.form([name for name, _label in WORKSHEET]))
        right.addWidget(self.total_label)
        right.addSpacing(6)
        right.addWidget(heading(_("Candidates ranked by total")))
        right.addWidget(self.ranking, 1)
        layout = QHBoxLayout(self)
        layout.setSpacing(28)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)


class AnalysisTab(QWidget):
    """The problem analysis triangle, its controllers, the hypothesis and the data used."""

    def __init__(self, fields: Fields) -> None:
        super().__init__()
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(4)
        for position, (name, label, _hint) in enumerate(ANALYSIS):
            row, column = divmod(position, 2)
            caption = QLabel(_(label))
            caption.setBuddy(fields.widget(name))
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(fields.row(name), row * 2 + 1, column)
        lower = QHBoxLayout()
        lower.setSpacing(20)
        for name in ("hypothesis", "data_used"):
            stack = QVBoxLayout()
            stack.setSpacing(4)  # not the 20 between the two columns
            caption = QLabel(_(fields.row(name).spec.label))
            caption.setBuddy(fields.widget(name))
            stack.addWidget(caption)
            stack.addWidget(fields.row(name))
            lower.addLayout(stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note_label(_("Offender, victim and place, and who can control each.")))
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(lower)
        layout.addStretch(1)


class ResponseTab(QWidget):
    """The responses; the chosen one's fields and the action items that carry it out."""

    def __init__(self, response_fields: Fields) -> None:
        super().__init__()
        self.fields = response_fields
        self.model = ResponseTableModel()
        self.table = data_table(_("Responses"), self.model)
        stretch_column(self.table, 0)
        self.new_button = button(_("Add response…"), _("Add a response to this problem"))
        self.delete_button = button(_("Delete response"), _("Delete the chosen response"))
        self.items_model = LinkedItemTableModel()
        self.items = data_table(_("Action items of the response"), self.items_model)
        stretch_column(self.items, 0)
        self.add_item_button = button(
            _("New a&ction item…"), _("Add an action item for this response")
        )
        self.linker = ItemLinker(
            _("Link the chosen action item to this response"), self.add_item_button
        )
        self.item_choice = self.linker.item_choice
        self.link_button = self.linker.link_button
        self.unlink_button = self.linker.unlink_button
        names = [spec.name for spec in RESPONSE_FIELDS]
        form = QHBoxLayout()
        form.setSpacing(24)
        form.addLayout(response_fields.form(names[:4]), 1)
        form.addLayout(response_fields.form(names[4:]), 1)
        # One column, full width, scrolling with the tab: every table stays readable.
        _rows_high(self.table, 7)
        _rows_high(self.items, 5)
        layout = _column(margins=(TAB_MARGIN,) * 4)
        self.setLayout(layout)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.new_button, self.delete_button))
        layout.addWidget(heading(_("Response")))
        layout.addLayout(form)
        layout.addWidget(heading(_("Action items carrying it out")))
        layout.addWidget(self.items)
        layout.addWidget(self.linker)
        layout.addStretch(1)


def _rows_high(table: QTableView, rows: int) -> None:
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    table.setFixedHeight(height + rows * table.verticalHeader().defaultSectionSize())


class AssessmentTab(QWidget):
    """Was it done as planned, did the measures move, and what the PST decided."""

    def __init__(self, fields: Fields) -> None:
        super().__init__()
        self.model = StandingTableModel()
        self.table = data_table(_("Measures against baseline"), self.model)
        # The measure and its trend (a sentence, a third longer in Spanish) share what the
        # numbers leave, both wrapping: the trend alone at its widest would squeeze the name.
        stretch_column(self.table, 0)
        stretch_column(self.table, TREND_COLUMN)
        wrap_rows(self.table)
        self.table.setMinimumHeight(150)
        self.no_measures = note_label(
            _(
                "No goal is linked to this problem yet: link one under Goals & measures to see "
                "its measures here."
            )
        )
        evaluations = QHBoxLayout()
        evaluations.setSpacing(20)
        for name in ("process_evaluation", "impact_evaluation"):
            column = QVBoxLayout()
            column.setSpacing(4)
            caption = QLabel(_(fields.row(name).spec.label))
            caption.setBuddy(fields.widget(name))
            column.addWidget(caption)
            column.addWidget(fields.row(name))
            evaluations.addLayout(column, 1)
        decision = QHBoxLayout()
        decision.addLayout(fields.form(["assessment_decision"]))
        decision.addStretch(1)
        layout = _column(margins=(TAB_MARGIN,) * 4)
        self.setLayout(layout)
        layout.addLayout(evaluations)
        layout.addLayout(decision)
        layout.addSpacing(6)
        layout.addWidget(heading(_("Measures against baseline")))
        layout.addWidget(self.no_measures)
        layout.addWidget(self.table, 1)
