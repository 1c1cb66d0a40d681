"""The action items page: filters over a paged table, bulk actions, and the item editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import ActionStatus
from cs360desk.i18n import N_, _, ngettext, npgettext, pgettext
from cs360desk.ui.action_items.editor import ActionItemEditor
from cs360desk.ui.action_items.model import (
    DUE,
    MEETING,
    OWNER,
    PRIORITY,
    PROBLEM,
    STATUS,
    TEAM,
    TITLE,
    ActionItemTableModel,
    due_text_for,
)
from cs360desk.ui.action_items.widgets import ChoiceCombo
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import EDIT_IN_PLACE, plain_table
from cs360desk.ui.common.style import scaled_font

# The status filter's entries: the text users read and the statuses each one keeps. The
# texts are English (a single status by its stored value: labels are read where shown);
# `status_filter_text` gives them in the current language.
STILL_TO_DO = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED})
STATUS_FILTERS: tuple[tuple[str, frozenset[ActionStatus]], ...] = (
    (N_("Any status"), frozenset()),
    (N_("Still to do"), STILL_TO_DO),
    *((status.value, frozenset({status})) for status in ActionStatus),
)


def status_filter_text(text: str, statuses: frozenset[ActionStatus]) -> str:
    """An entry of STATUS_FILTERS as the user reads it: one status is named by its label."""
    if len(statuses) == 1:
        (status,) = statuses
        return status.label
    return _(text)


DEFAULT_STATUS_FILTER = 1  # "Still to do": what a champion follows up on
# Shown in the table only while the editor, which shows them for the chosen item, is closed.
WIDE_ONLY_COLUMNS = (TEAM, PROBLEM, MEETING)
# Widths in average characters; the title takes what is left. Team and problem are names
# that elide; narrow enough that "Reunión de origen" leaves the title its room in Spanish.
COLUMN_CHARS = {OWNER: 18, STATUS: 12, PRIORITY: 9, TEAM: 15, PROBLEM: 15, MEETING: 18}


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _size_columns(table: QTableView) -> None:
    """Widths from the font, so larger system fonts widen the columns too."""
    metrics = table.fontMetrics()
    width = metrics.averageCharWidth()
    for column, chars in COLUMN_CHARS.items():  # never narrower than the heading: HeadingRoom
        table.setColumnWidth(column, chars * width + 24)
    # The widest due text there can be: the locale's longest date, marked overdue.
    longest = due_text_for(date(2026, 12, 28), overdue=True)
    table.setColumnWidth(DUE, metrics.horizontalAdvance(longest) + 32)
    table.horizontalHeader().setMinimumSectionSize(6 * width)


class ActionItemsView(QWidget):
    """Layout only; the ActionItemsController decides what to show and what each control does."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Action items"))
        self.model = ActionItemTableModel(self)
        self.message_label = plain_label(_("Loading…"), name="EmptyState", wrap=True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setFont(scaled_font(self, 1.2))
        self._build_filters()
        self._build_actions()
        self._build_table()
        self.editor = ActionItemEditor(today)
        self.editor.hide()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.message_label)
        self._pages.addWidget(self._build_content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)
        self._set_tab_order()

    def _build_filters(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setAccessibleName(_("Search action items"))
        self.search_box.setPlaceholderText(_("Search titles and details"))
        self.search_box.setClearButtonEnabled(True)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(_("Status filter"))
        for text, statuses in STATUS_FILTERS:
            self.status_box.addItem(status_filter_text(text, statuses))
        self.status_box.setCurrentIndex(DEFAULT_STATUS_FILTER)
        self.owner_box = ChoiceCombo(N_("Anyone"), N_("Owner filter"))
        self.team_box = ChoiceCombo(N_("Any team"), N_("Team filter"))
        self.problem_box = ChoiceCombo(N_("Any problem"), N_("Problem filter"))
        self.overdue_box = QCheckBox(_("&Overdue only"))
        self.overdue_box.setAccessibleName(_("Overdue only"))
        self.week_box = QCheckBox(_("Due this &week"))
        self.week_box.setAccessibleName(_("Due this week"))
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.setAccessibleName(_("Clear filters"))
        self.count_label = plain_label(name="ItemCount")
        self.count_label.setAccessibleName(_("Number of items"))
        self.count_label.setFont(scaled_font(self, 1.0, bold=True))
        # A fixed size with room for any count: the filters beside it stay put, and a new count
        # at each keystroke does not lay the page out (and paint it) again.
        widest = npgettext("action items", "{n} item", "{n} items", 888_888)
        widest = widest.format(n=QLocale().toString(888_888))
        _fix_size(self.count_label, widest)
        keeps_working(
            self.search_box, self.status_box, self.owner_box, self.team_box, self.problem_box,
            self.overdue_box, self.week_box, self.clear_button,
        )  # fmt: skip

    def _build_actions(self) -> None:
        self.new_button = QPushButton(_("&New item"))
        self.new_button.setToolTip(_("Add an action item (Ctrl+N)"))
        self.open_button = QPushButton(pgettext("verb", "Open"))
        self.open_button.setToolTip(_("Open the selected item (Enter)"))
        keeps_working(self.open_button)
        self.done_button = QPushButton(_("Mark &done"))
        self.done_button.setToolTip(_("Mark the selected items done (Ctrl+D)"))
        self.delete_button = QPushButton(_("Delete…"))
        self.delete_button.setToolTip(_("Delete the selected items (Delete)"))
        self.bulk_status_button = QToolButton()
        self.bulk_status_button.setText(_("Set status"))
        self.bulk_status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_status_menu = QMenu(self.bulk_status_button)
        self.bulk_status_actions: dict[ActionStatus, QAction] = {}
        for status in ActionStatus:
            self.bulk_status_actions[status] = self.bulk_status_menu.addAction(status.label)
        self.bulk_status_button.setMenu(self.bulk_status_menu)
        self.bulk_owner_box = ChoiceCombo(N_("(no owner)"), N_("Owner for the selected items"))
        self.bulk_owner_button = QPushButton(_("Set owner"))
        self.selection_label = plain_label(name="SelectionCount")
        widest = ngettext("{n} selected:", "{n} selected:", 888_888)
        _fix_size(self.selection_label, widest.format(n=QLocale().toString(888_888)))
        for button, name in (
            (self.new_button, _("New action item")),
            (self.open_button, _("Open the selected item")),
            (self.done_button, _("Mark the selected items done")),
            (self.delete_button, _("Delete the selected items")),
            (self.bulk_status_button, _("Set the status of the selected items")),
            (self.bulk_owner_button, _("Set the owner of the selected items")),
        ):
            button.setAccessibleName(name)

    def _build_table(self) -> None:
        table = plain_table(QTableView(), _("Action items"), self.model)
        table.setObjectName("ActionItemTable")
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(EDIT_IN_PLACE)
        # Fixed heights: the view never measures rows it has not loaded.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(DUE, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        _size_columns(table)
        table.setSortingEnabled(True)
        self.table = table
        self.list_message = plain_label(name="EmptyState", wrap=True)
        self.list_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_message.setAccessibleName(_("No action items"))
        self._table_stack = QStackedWidget()
        self._table_stack.addWidget(self.table)
        self._table_stack.addWidget(self.list_message)

    def _build_content(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(20, 16, 12, 16)
        column.setSpacing(8)
        column.addWidget(self._build_filter_bar())
        column.addLayout(self._build_action_row())
        column.addWidget(self._table_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        return self.splitter

    def _build_filter_bar(self) -> QWidget:
        first = QHBoxLayout()
        first.addWidget(_labelled(_("Searc&h:"), self.search_box))
        first.addWidget(self.search_box, 1)
        for widget in (self.overdue_box, self.week_box, self.clear_button):
            first.addSpacing(12)
            first.addWidget(widget)
        second = QHBoxLayout()
        for text, box in (
            (_("St&atus:"), self.status_box),
            (_("Own&er:"), self.owner_box),
            (_("&Team:"), self.team_box),
            (_("&Problem:"), self.problem_box),
        ):
            second.addWidget(_labelled(text, box))
            second.addWidget(box, 1)
            second.addSpacing(8)
        second.addWidget(self.count_label)
        self.filter_bar = QWidget()
        self.filter_bar.setObjectName("FilterBar")
        self.filter_bar.setAccessibleName(_("Filters"))
        filters = QVBoxLayout(self.filter_bar)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addLayout(first)
        filters.addLayout(second)
        return self.filter_bar

    def _build_action_row(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.done_button, self.delete_button):
            actions.addWidget(button)
        actions.addSpacing(24)
        actions.addWidget(self.selection_label)
        actions.addWidget(self.bulk_status_button)
        actions.addSpacing(8)
        actions.addWidget(self.bulk_owner_box)
        actions.addWidget(self.bulk_owner_button)
        actions.addStretch(1)
        return actions

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search_box, self.status_box, self.owner_box, self.team_box, self.problem_box,
            self.overdue_box, self.week_box, self.clear_button, self.new_button, self.open_button,
            self.done_button, self.delete_button, self.bulk_status_button, self.bulk_owner_box,
            self.bulk_owner_button, self.table, self.editor.title_edit,
        ]  # fmt: skip
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- what the controller calls ----------------------------------------------------------

    @property
    def showing_list(self) -> bool:
        return self._pages.currentIndex() == 1

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self._pages.setCurrentIndex(0)

    def show_list(self, total: int, message: str) -> None:
        """The table, or in its place a sentence saying why it is empty."""
        self._pages.setCurrentIndex(1)
        if not total:  # set only when shown: a hidden label's new text still relays the page out
            self.list_message.setText(message)
        self._table_stack.setCurrentIndex(0 if total else 1)

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)

    def set_selection_count(self, count: int) -> None:
        self.selection_label.setText(
            ngettext("{n} selected:", "{n} selected:", count).format(n=count)
            if count
            else _("Selected:")
        )
        for widget in (
            self.open_button,
            self.done_button,
            self.delete_button,
            self.bulk_status_button,
            self.bulk_owner_box,
            self.bulk_owner_button,
        ):
            widget.setEnabled(count > 0)
        self.open_button.setEnabled(count == 1)

    def show_editor(self) -> None:
        if self.editor.isHidden():
            self.editor.show()
            width = max(self.splitter.width(), 900)
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        self._show_wide_columns(False)

    def hide_editor(self) -> None:
        self.editor.hide()
        self._show_wide_columns(True)

    def _show_wide_columns(self, shown: bool) -> None:
        for column in WIDE_ONLY_COLUMNS:
            self.table.setColumnHidden(column, not shown)


def _fix_size(label: QLabel, widest: str) -> None:
    """A label whose text changes often, sized once for the widest text it will show."""
    metrics = label.fontMetrics()
    label.setFixedSize(metrics.horizontalAdvance(widest) + 4, label.sizeHint().height())
