"""The Community input page's layout: input and findings, the theme summary, recommendations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Decision, InputKind, RecommendationStatus
from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import CHOICE, COUNT, DATE, ENUM, LINE, TEXT, FieldSpec
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.linked_models import LinkedItemTableModel
from cs360desk.ui.common.page_widgets import (
    ItemLinker,
    button,
    button_row,
    column_panel,
    data_table,
    heading,
    note_label,
    page_layout,
    side_by_side,
    stretch_column,
)
from cs360desk.ui.community.models import (
    ActivityTableModel,
    FindingTableModel,
    RecommendationTableModel,
    ThemeChart,
    ThemeTableModel,
)

ACTIVITY_FIELDS = (
    FieldSpec("kind", N_("&Kind"), ENUM, InputKind),
    FieldSpec("held_on", N_("Held &on"), DATE),
    FieldSpec("participants", N_("&Participants"), COUNT),
    FieldSpec(
        "summary",
        N_("S&ummary"),
        TEXT,
        lines=4,
        placeholder=N_("Who took part and what was asked"),
    ),
)
FINDING_FIELDS = (
    FieldSpec("theme", N_("The&me"), LINE, placeholder=N_("A short theme the summary counts by")),
    FieldSpec("text", N_("Fin&ding"), TEXT, lines=3),
)
RECOMMENDATION_FIELDS = (
    FieldSpec("text", N_("&Recommendation"), TEXT, lines=4),
    FieldSpec("source_theme", N_("Source the&me"), LINE),
    FieldSpec("delivered_on", N_("De&livered on"), DATE),
    FieldSpec("decision", N_("&Decision"), ENUM, Decision),
    FieldSpec("owner_id", N_("&Owner"), CHOICE),
    FieldSpec("status", N_("&Status"), ENUM, RecommendationStatus),
)


def _shortcut(owner: QWidget, text: str, keys: QKeySequence.StandardKey) -> QAction:
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(action)
    return action


class InputTab(QWidget):
    """Activities on the left; the chosen one's fields and findings on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.activity_model = ActivityTableModel()
        self.activities = data_table(_("Input activities"), self.activity_model)
        stretch_column(self.activities, 1)
        self.activities.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.new_activity = button(_("Ne&w activity…"), _("Add an input activity (Ctrl+N)"))
        self.delete_activity = button(_("Delete activity"), _("Delete the chosen activity"))
        self.activity_fields = Fields(ACTIVITY_FIELDS, self)
        self.finding_model = FindingTableModel()
        self.findings = data_table(_("Findings"), self.finding_model)
        stretch_column(self.findings, 1)
        self.finding_fields = Fields(FINDING_FIELDS, self)
        self.new_finding = button(_("&Add finding…"), _("Add a finding of this activity"))
        self.delete_finding = button(_("Delete finding"), _("Delete the chosen finding (Delete)"))
        self.new_action = _shortcut(self, _("New activity"), QKeySequence.StandardKey.New)
        self.delete_finding_action = _shortcut(
            self.findings, _("Delete finding"), QKeySequence.StandardKey.Delete
        )
        left, left_layout = column_panel((0, 0, 12, 0))
        left_layout.addWidget(heading(_("Input activities")))
        left_layout.addWidget(self.activities, 1)
        left_layout.addLayout(button_row(self.new_activity, self.delete_activity))
        right, right_layout = column_panel((12, 0, 0, 0))
        right_layout.addWidget(heading(_("Activity")))
        right_layout.addLayout(self.activity_fields.form([s.name for s in ACTIVITY_FIELDS]))
        right_layout.addSpacing(8)
        right_layout.addWidget(heading(_("Findings")))
        right_layout.addWidget(self.findings, 1)
        right_layout.addLayout(self.finding_fields.form([s.name for s in FINDING_FIELDS]))
        right_layout.addLayout(button_row(self.new_finding, self.delete_finding))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(side_by_side(left, right, sizes=[480, 760]))


class ThemesTab(QWidget):
    """The scanning summary: findings counted per theme, as a table and as bars."""

    def __init__(self) -> None:
        super().__init__()
        self.model = ThemeTableModel()
        self.table = data_table(_("Theme summary"), self.model)
        stretch_column(self.table, 0)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.chart = ThemeChart()
        self.note = note_label(
            _(
                "Themes are counted however they are capitalized; the chart is what the scanning "
                "report prints."
            )
        )
        left, left_layout = column_panel((0, 0, 12, 0))
        left_layout.addWidget(heading(_("Theme summary")))
        left_layout.addWidget(self.note)
        left_layout.addWidget(self.table, 1)
        right, right_layout = column_panel((12, 0, 0, 0))
        right_layout.addWidget(heading(_("Findings per theme")))
        right_layout.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(side_by_side(left, right, sizes=[480, 760]))


class RecommendationsTab(QWidget):
    """Recommendations to the department, the chosen one's fields and its action items."""

    def __init__(self) -> None:
        super().__init__()
        self.model = RecommendationTableModel()
        self.table = data_table(_("Recommendations"), self.model)
        stretch_column(self.table, 0)
        self.new_button = button(_("Ne&w recommendation…"), _("Add a recommendation (Ctrl+N)"))
        self.delete_button = button(_("Delete"), _("Delete the chosen recommendation"))
        self.fields = Fields(RECOMMENDATION_FIELDS, self)
        self.items_model = LinkedItemTableModel()
        self.items = data_table(_("Action items carrying it out"), self.items_model)
        stretch_column(self.items, 0)
        self.linker = ItemLinker(_("Link the chosen action item to this recommendation"))
        self.item_choice = self.linker.item_choice
        self.link_button = self.linker.link_button
        self.unlink_button = self.linker.unlink_button
        self.new_action = _shortcut(self, _("New recommendation"), QKeySequence.StandardKey.New)
        top, top_layout = column_panel((0, 0, 0, 8))
        top_layout.addWidget(heading(_("Recommendations to the department")))
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(button_row(self.new_button, self.delete_button))
        fields, fields_layout = column_panel((0, 8, 12, 0))
        fields_layout.addWidget(heading(_("Recommendation")))
        fields_layout.addLayout(self.fields.form([s.name for s in RECOMMENDATION_FIELDS]))
        fields_layout.addStretch(1)
        items, items_layout = column_panel((12, 8, 0, 0))
        items_layout.addWidget(heading(_("Action items carrying it out")))
        items_layout.addWidget(self.items, 1)
        items_layout.addWidget(self.linker)
        # The table spans the page so each recommendation is readable; the editor sits below.
        below = side_by_side(fields, items, sizes=[560, 660])
        page = QSplitter(Qt.Orientation.Vertical)
        page.setChildrenCollapsible(False)
        page.addWidget(top)
        page.addWidget(below)
        page.setSizes([350, 350])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(page)


class CommunityView(QWidget):
    """Layout only; CommunityController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Community input"))
        self.summary = note_label()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Community input parts"))
        self.input_tab = InputTab()
        self.themes_tab = ThemesTab()
        self.recommendations_tab = RecommendationsTab()
        self.tabs.addTab(self.input_tab, _("Input and fi&ndings"))
        self.tabs.addTab(self.themes_tab, _("&Themes"))
        self.tabs.addTab(self.recommendations_tab, _("Re&commendations"))
        layout = page_layout(self)
        layout.addWidget(heading(_("Community input"), 1.5))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
