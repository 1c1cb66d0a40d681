"""The dashboard view: an initiative's momentum signals, its next meetings, its overdue work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.momentum import Signal
from cs360desk.domain.views import ActionItemRow, UpcomingMeeting
from cs360desk.i18n import N_, _, ngettext, pgettext
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import plain_table
from cs360desk.ui.common.style import level_text, level_word, scaled_font
from cs360desk.ui.dashboard.models import OverdueItemTableModel, UpcomingMeetingTableModel

CARD_MIN_WIDTH = 230
GAP = 16


@dataclass(frozen=True)
class CardAction:
    """A button on the card of one signal: what it says (with its Alt key) and its tip, each
    marked with N_() and translated when the card is made."""

    text: str
    tip: str
    name: str  # what screen readers say: both update cards' buttons draft an update


# The update cards offer the drafted update, built from what the records say was done.
CARD_ACTIONS = {
    "public_update": CardAction(
        N_("&Draft update…"),
        N_("Draft a short public post and a longer public update from the records"),
        N_("Draft public update"),
    ),
    "staff_update": CardAction(
        N_("Draft &briefing…"),
        N_("Draft a staff briefing from the records"),
        N_("Draft staff briefing"),
    ),
}


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, loaded in one go off the UI thread."""

    initiative_id: int
    initiative_name: str
    stage_label: str
    champion_name: str
    started_on: date
    signals: tuple[Signal, ...]
    upcoming: tuple[UpcomingMeeting, ...]
    overdue: tuple[ActionItemRow, ...]
    overdue_total: int
    today: date


class SignalCard(QFrame):
    """One momentum signal: title, big value, level word and the detail behind it."""

    def __init__(
        self, signal: Signal, action: CardAction | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.signal = signal
        self.action_button: QPushButton | None = None
        if action is not None:
            self.action_button = QPushButton(_(action.text))
            self.action_button.setToolTip(_(action.tip))
            self.action_button.setAccessibleName(_(action.name))
            keeps_working(self.action_button)  # drafts open to be read and copied
        self.setObjectName("SignalCard")
        self.setProperty("level", signal.level.value)
        self.setAccessibleName(signal.title)
        self.setAccessibleDescription(
            f"{signal.value}. {signal.detail}. {level_word(signal.level)}."
        )
        self.title_label = plain_label(signal.title, name="SignalTitle", wrap=True)
        self.title_label.setFont(scaled_font(self, 1.0, bold=True))
        self.value_label = plain_label(signal.value, name="SignalValue")
        self.value_label.setFont(scaled_font(self, 1.9, bold=True))
        self.level_label = plain_label(level_text(signal.level), name="LevelBadge")
        self.level_label.setProperty("level", signal.level.value)
        self.detail_label = plain_label(signal.detail, name="SignalDetail", wrap=True)
        self.detail_label.setFont(scaled_font(self, 0.92))
        parts = {
            "title": self.title_label,
            "value": self.value_label,
            "level": self.level_label,
            "detail": self.detail_label,
        }
        spoken = {
            "title": pgettext("signal card part", "title"),
            "value": pgettext("signal card part", "value"),
            "level": pgettext("signal card part", "level"),
            "detail": pgettext("signal card part", "detail"),
        }
        for part, label in parts.items():
            label.setAccessibleName(f"{signal.title}: {spoken[part]}")
        self._build()

    def minimumSizeHint(self) -> QSize:
        """CARD_MIN_WIDTH, or wider when the big value needs it ("vence en 9 días")."""
        return super().minimumSizeHint().expandedTo(QSize(CARD_MIN_WIDTH, 0))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 16, 16)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.level_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(2)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        if self.action_button is not None:
            layout.addSpacing(4)
            layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignLeft)


class CardGrid(QWidget):
    """Lays the cards out in as many columns as the width allows; `action_requested` carries
    the key of the signal whose card button was pressed."""

    action_requested = QtSignal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(GAP)
        self._cards: list[SignalCard] = []
        self._widest = CARD_MIN_WIDTH  # the widest card's minimum, measured once per set
        self._columns = 0

    @property
    def cards(self) -> list[SignalCard]:
        return list(self._cards)

    def set_signals(self, signals: tuple[Signal, ...]) -> None:
        for card in self._cards:
            card.deleteLater()
        self._cards = [SignalCard(signal, CARD_ACTIONS.get(signal.key), self) for signal in signals]
        for card in self._cards:
            if card.action_button is not None:
                key = card.signal.key
                card.action_button.clicked.connect(lambda _=False, k=key: self._on_action(k))
        self._widest = max(
            [CARD_MIN_WIDTH, *(card.minimumSizeHint().width() for card in self._cards)]
        )
        self._columns = 0
        self._reflow()

    def card(self, key: str) -> SignalCard | None:
        return next((card for card in self._cards if card.signal.key == key), None)

    def _on_action(self, key: str) -> None:
        self.action_requested.emit(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        columns = max(1, min(4, (self.width() + GAP) // (self._widest + GAP)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for position, card in enumerate(self._cards):
            self._grid.addWidget(card, position // columns, position % columns)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)


def _table(
    object_name: str, name: str, model: QAbstractItemModel, *stretch_columns: int
) -> QTableView:
    table = plain_table(QTableView(), name, model, row_lines=2)
    table.setObjectName(object_name)
    table.setSortingEnabled(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch_columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def _fit_height(table: QTableView) -> None:
    """Show every row: the page scrolls, not each table inside it."""
    rows = table.model().rowCount()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(row) for row in range(rows)) or 0
    table.setFixedHeight(height + 2)


class TablePanel(QWidget):
    """A heading over a table, or over a sentence saying the table would be empty (both
    translated)."""

    def __init__(self, title: str, table: QTableView, empty_text: str) -> None:
        super().__init__()
        self.table = table
        self.heading = plain_label(title, name="PanelHeading")
        self.heading.setFont(scaled_font(self, 1.25, bold=True))
        self.note = plain_label(wrap=True)
        self.empty_label = plain_label(empty_text, name="EmptyState")
        self.empty_label.setAccessibleName(empty_text)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self._stack)

    @property
    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty_label

    def refresh(self, note: str = "") -> None:
        header = self.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        has_rows = self.table.model().rowCount() > 0
        self._stack.setCurrentWidget(self.table if has_rows else self.empty_label)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        _fit_height(self.table)
        self._stack.setFixedHeight(
            self.table.height() if has_rows else self.empty_label.sizeHint().height()
        )


class DashboardView(QWidget):
    """Layout only; the DashboardController decides what to show and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Dashboard"))
        self.status_label = plain_label(_("Loading…"), name="DashboardStatus", wrap=True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setFont(scaled_font(self, 1.2))
        self.title_label = plain_label(name="InitiativeName", wrap=True)
        self.title_label.setFont(scaled_font(self, 1.7, bold=True))
        self.subtitle_label = plain_label(name="InitiativeSummary", wrap=True)
        self.loading_label = plain_label(_("Loading…"), name="LoadingIndicator")
        self.cards = CardGrid()
        self.meetings_model = UpcomingMeetingTableModel(self)
        self.overdue_model = OverdueItemTableModel(date.today(), self)
        self.meetings = TablePanel(
            _("Upcoming meetings"),
            _table("UpcomingMeetings", _("Upcoming meetings"), self.meetings_model, 2, 4),
            _("No meetings scheduled."),
        )
        self.overdue = TablePanel(
            _("Overdue action items"),
            _table("OverdueActionItems", _("Overdue action items"), self.overdue_model, 0),
            _("No overdue action items."),
        )
        self.meetings.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.overdue.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.status_label)
        self._pages.addWidget(self._build_content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)
        self.has_content = False

    def _build_content(self) -> QScrollArea:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignTop)
        self.loading_label.hide()
        momentum = plain_label(_("Momentum"), name="PanelHeading")
        momentum.setFont(scaled_font(self, 1.25, bold=True))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 24, 28, 28)
        layout.setSpacing(GAP)
        layout.addLayout(header)
        layout.addWidget(self.subtitle_label)
        layout.addSpacing(4)
        layout.addWidget(momentum)
        layout.addWidget(self.cards)
        layout.addSpacing(8)
        layout.addWidget(self.meetings)
        layout.addSpacing(8)
        layout.addWidget(self.overdue)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("DashboardScroll")
        scroll.setAccessibleName(_("Dashboard content"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def show_loading(self) -> None:
        if self.has_content:
            self.loading_label.show()
        else:
            self.show_message(_("Loading…"))

    def show_message(self, text: str) -> None:
        self.has_content = False
        self.loading_label.hide()
        self.status_label.setText(text)
        self._pages.setCurrentIndex(0)

    def show_dashboard(self, data: DashboardData) -> None:
        self.title_label.setText(data.initiative_name)
        champion = data.champion_name or _("no champion named yet")
        self.subtitle_label.setText(
            _("Stage: {stage}   ·   Champion: {champion}   ·   Started {date}").format(
                stage=data.stage_label, champion=champion, date=format_date(data.started_on)
            )
        )
        self.cards.set_signals(data.signals)
        self.meetings_model.set_rows(data.upcoming)
        self.meetings.refresh()
        self.overdue_model.show_items(data.overdue, data.today)
        shown = len(data.overdue)
        note = (
            ngettext(
                "The {shown} most overdue of {total}.",
                "The {shown} most overdue of {total}.",
                shown,
            ).format(shown=shown, total=data.overdue_total)
            if data.overdue_total > shown
            else ""
        )
        self.overdue.refresh(note)
        self.loading_label.hide()
        self.has_content = True
        self._pages.setCurrentIndex(1)
