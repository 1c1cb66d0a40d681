"""The Meetings section's layout: team filter, upcoming/past switch, the list, the editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.meeting_views import TeamChoice
from cs360desk.i18n import N_, _
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import plain_table
from cs360desk.ui.common.style import follow_palette
from cs360desk.ui.meetings.editor import MeetingEditorView
from cs360desk.ui.meetings.list_model import MeetingTableModel
from cs360desk.ui.meetings.tables import invalid_rules

ALL_TEAMS = N_("All teams")
LIST_SHARE = 42  # per cent of the height for the list; the editor's tabs get the rest
TOGGLE_RULES = """
QPushButton#WhenToggle {
    background: palette(button); border: 1px solid palette(mid); padding: 4px 16px;
}
QPushButton#WhenToggle:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QPushButton#WhenToggle:focus { border: 2px solid palette(dark); }
"""
TEAM_COLUMN, TITLE_COLUMN, PLACE_COLUMN = 1, 2, 4
# Team and place each get this share of what the short columns leave; the title the rest.
SIDE_SHARE = 0.28
MIN_SIDE_WIDTH = 90


class MeetingTable(QTableView):
    """Keeps the title the widest of the long columns at any window width; all elide."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.share_width()

    def share_width(self) -> None:
        header = self.horizontalHeader()
        long_columns = (TEAM_COLUMN, TITLE_COLUMN, PLACE_COLUMN)
        fixed = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in long_columns and not header.isSectionHidden(column)
        )
        spare = self.viewport().width() - fixed
        for column in (TEAM_COLUMN, PLACE_COLUMN):
            header.resizeSection(column, max(MIN_SIDE_WIDTH, int(spare * SIDE_SHARE)))


def _meeting_table(model: MeetingTableModel) -> MeetingTable:
    table = plain_table(MeetingTable(), _("Meetings"), model)
    table.setObjectName("MeetingList")
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in (TEAM_COLUMN, PLACE_COLUMN):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
    return table


class MeetingsView(QWidget):
    """Layout only; MeetingsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Meetings"))
        follow_palette(self, lambda: invalid_rules() + TOGGLE_RULES)
        self.team_box = QComboBox()
        self.team_box.setAccessibleName(_("Team"))
        self.team_box.setMinimumContentsLength(22)
        self.team_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.upcoming_button = self._toggle(
            _("&Upcoming"), _("Upcoming meetings"), _("Show meetings still to come")
        )
        self.past_button = self._toggle(
            _("&Past"), _("Past meetings"), _("Show meetings that have taken place")
        )
        self.upcoming_button.setChecked(True)
        self.when_group = QButtonGroup(self)
        self.when_group.setExclusive(True)
        self.when_group.addButton(self.upcoming_button)
        self.when_group.addButton(self.past_button)
        self.new_action = QAction(_("&New meeting"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.new_action)
        self.new_button = QPushButton(_("&New meeting"))
        self.new_button.setAccessibleName(_("New meeting"))
        self.new_button.setToolTip(_("A meeting of the chosen team on its usual cadence (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_action.trigger)
        self.list_model = MeetingTableModel(self)
        self.table = _meeting_table(self.list_model)
        self.list_empty = plain_label(name="EmptyState", wrap=True)
        self.list_empty.setAccessibleName(_("No meetings"))
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._list_stack = QStackedWidget()
        self._list_stack.addWidget(self.table)
        self._list_stack.addWidget(self.list_empty)
        self.loading_label = plain_label(_("Loading…"), name="LoadingIndicator")
        self.loading_label.hide()
        self.editor = MeetingEditorView()
        self._sized = False
        keeps_working(self.team_box, self.upcoming_button, self.past_button)
        self._build()

    def _toggle(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setObjectName("WhenToggle")
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    def _build(self) -> None:
        team_label = QLabel(_("&Team:"))
        team_label.setBuddy(self.team_box)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(team_label)
        bar.addWidget(self.team_box)
        bar.addSpacing(12)
        toggles = QHBoxLayout()
        toggles.setSpacing(0)
        toggles.addWidget(self.upcoming_button)
        toggles.addWidget(self.past_button)
        bar.addLayout(toggles)
        bar.addSpacing(12)
        bar.addWidget(self.loading_label)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self._list_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setAccessibleName(_("Meeting list and editor"))
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self.splitter)
        QWidget.setTabOrder(self.team_box, self.upcoming_button)
        QWidget.setTabOrder(self.upcoming_button, self.past_button)
        QWidget.setTabOrder(self.past_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.table)
        QWidget.setTabOrder(self.table, self.editor.first_tab_stop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            height = max(self.splitter.height(), 100)
            share = height * LIST_SHARE // 100
            self.splitter.setSizes([share, height - share])

    @property
    def upcoming(self) -> bool:
        return self.upcoming_button.isChecked()

    def set_upcoming(self, upcoming: bool) -> None:
        (self.upcoming_button if upcoming else self.past_button).setChecked(True)

    @property
    def team_id(self) -> int | None:
        data = self.team_box.currentData()
        return int(data) if data is not None else None

    def set_teams(self, teams: Sequence[TeamChoice], selected: int | None) -> None:
        box = self.team_box
        box.blockSignals(True)
        box.clear()
        box.addItem(_(ALL_TEAMS), None)
        for team in teams:
            box.addItem(team.name, team.team_id)
        found = box.findData(selected) if selected is not None else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)
        # One team chosen: its name on every row would only take the title's room.
        self.table.setColumnHidden(TEAM_COLUMN, found > 0)

    def show_list(self, empty_text: str) -> None:
        """The table, or a sentence saying why it would be empty."""
        has_rows = self.list_model.rowCount() > 0
        self.list_empty.setText(empty_text)
        self._list_stack.setCurrentWidget(self.table if has_rows else self.list_empty)
        self.table.share_width()
