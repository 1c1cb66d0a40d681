"""The drafts dialog's layout: initiative and period on top, the three drafts side by side
(or as tabs when the dialog is narrow), the checklist of facts below them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.update_drafts import DraftKind
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import column_panel, heading, note_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import STYLE_SHEET
from cs360desk.ui.community.drafts_facts import FactChecklist
from cs360desk.ui.community.drafts_panel import PANEL_KEYS, DraftPanel

WIDE_LAYOUT_WIDTH = 1100  # narrower than this, three columns of text are too cramped to read
# The drafts' share of the height; the checklist of facts has the rest.
DRAFTS_SHARE_WIDE, DRAFTS_SHARE_NARROW = 0.55, 0.5
DRAFTS_STYLE = """
QLabel#DraftCounter[warning="true"] {
    background: #fde7e7; color: #7f1d1d; border-radius: 10px; padding: 2px 10px;
    font-weight: 600;
}
QFrame#DraftReasonBox {
    background: palette(window); border: 1px dashed palette(mid); border-radius: 4px;
}
QLabel#PeriodError { color: #b3261e; }
"""


def _labelled(caption: str, widget: QWidget) -> QLabel:
    label = QLabel(caption)
    label.setBuddy(widget)
    return label


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    return edit


class DraftsView(QDialog):
    """Layout only; DraftsDialog gives it behaviour."""

    def __init__(self, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Draft update")
        self.setAccessibleName("Draft update")
        self.setStyleSheet(STYLE_SHEET + DRAFTS_STYLE)
        self.setMinimumSize(720, 560)
        self.setSizeGripEnabled(True)
        self.initiative_box = QComboBox()
        self.initiative_box.setAccessibleName("Initiative")
        self.initiative_box.setMinimumContentsLength(30)
        self.initiative_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.start_edit = _date_edit("From")
        self.end_edit = _date_edit("To")
        self.loading_label = plain_label("Loading…", name="LoadingIndicator")
        self.summary = plain_label(name="DraftsSummary", wrap=True)
        self.summary.setAccessibleName("About these drafts")
        self.period_error = plain_label(name="PeriodError", wrap=True)
        self.period_error.hide()
        self.feedback = note_label()
        self.feedback.setAccessibleName("What was just done")
        self.panels = {kind: DraftPanel(kind, read_only=read_only) for kind in DraftKind}
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.setHandleWidth(14)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Drafts")
        self._drafts = QStackedWidget()
        self._drafts.addWidget(self.columns)
        self._drafts.addWidget(self.tabs)
        self.facts = FactChecklist()
        self.facts_note = note_label(
            "Untick a fact to leave it out of every draft (Space ticks and unticks). Facts "
            "that may not be public say why; only the staff briefing uses them."
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText("&Close")
        self.buttons.rejected.connect(self.reject)
        keeps_working(self)  # copying works in a read-only workspace; Save says why it is off
        self._wide: bool | None = None
        self._build()
        self.set_wide(True)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """1280×800 where the screen has room; an older laptop's smaller screen, nearly all."""
        width, height = 1280, 800
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, int(room.width() * 0.95))
            height = min(height, int(room.height() * 0.92))
        self.resize(width, height)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(_labelled("&Initiative:", self.initiative_box))
        top.addWidget(self.initiative_box, 1)
        top.addSpacing(16)
        top.addWidget(_labelled("&From:", self.start_edit))
        top.addWidget(self.start_edit)
        top.addWidget(_labelled("&To:", self.end_edit))
        top.addWidget(self.end_edit)
        top.addSpacing(12)
        top.addWidget(self.loading_label)
        self.loading_label.hide()
        facts, facts_layout = column_panel((0, 10, 0, 0))
        facts_heading = heading("Facts from th&e records", 1.1)
        facts_heading.setTextFormat(Qt.TextFormat.AutoText)  # our own words: the Alt key shows
        facts_heading.setBuddy(self.facts)
        facts_layout.addWidget(facts_heading)
        facts_layout.addWidget(self.facts_note)
        facts_layout.addWidget(self.facts, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.setChildrenCollapsible(False)
        body.addWidget(self._drafts)
        body.addWidget(facts)
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.period_error)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [self.initiative_box, self.start_edit, self.end_edit]
        for panel in self.panels.values():
            order += [panel.editor, panel.rebuild_button, panel.copy_button, panel.save_button]
        order += [self.facts, self.close_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def wide(self) -> bool:
        """The drafts are shown side by side (else as tabs)."""
        return bool(self._wide)

    def set_wide(self, wide: bool) -> None:
        if wide == self._wide:
            return
        focused = self.focusWidget()
        current = self.tabs.currentIndex()
        self._wide = wide
        if wide:
            self.tabs.clear()  # leaves the panels alive, to be placed in the columns
            for index, panel in enumerate(self.panels.values()):
                self.columns.addWidget(panel)
                self.columns.setStretchFactor(index, 1)
                panel.heading.show()
                panel.show()  # the tabs hid all but their current one
            self.columns.setSizes([1000] * len(self.panels))  # equal shares of the width
            self._drafts.setCurrentWidget(self.columns)
        else:
            for kind, panel in self.panels.items():
                panel.heading.hide()  # the tab says it, with the same Alt key
                self.tabs.addTab(panel, PANEL_KEYS[kind].title)
            self.tabs.setCurrentIndex(max(0, current))
            self._drafts.setCurrentWidget(self.tabs)
        # Once the layout has the new size: one draft at a time needs less height than three.
        QTimer.singleShot(0, lambda: self._share_height(wide))
        self._set_tab_order()  # moving the panels put them last in the focus chain
        if focused is not None and focused.isVisible():
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _share_height(self, wide: bool) -> None:
        total = sum(self.body.sizes())
        drafts = int(total * (DRAFTS_SHARE_WIDE if wide else DRAFTS_SHARE_NARROW))
        self.body.setSizes([drafts, total - drafts])

    def show_draft_kind(self, kind: DraftKind) -> None:
        """Bring one draft forward (its tab when narrow) and put the cursor in it."""
        panel = self.panels[kind]
        if not self.wide:
            self.tabs.setCurrentWidget(panel)
        target = panel.editor if panel.shows_text else panel.copy_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_wide(event.size().width() >= WIDE_LAYOUT_WIDTH)
