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
from cs360desk.i18n import LANGUAGES, _
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import column_panel, heading, note_label
from cs360desk.ui.common.palette import Tone, app_colours, css
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import apply_style
from cs360desk.ui.community.drafts_facts import FactChecklist
from cs360desk.ui.community.drafts_panel import PANEL_KEYS, DraftPanel

WIDE_LAYOUT_WIDTH = 1100  # narrower than this, three columns of text are too cramped to read
# The drafts' share of the height; the checklist of facts has the rest.
DRAFTS_SHARE_WIDE, DRAFTS_SHARE_NARROW = 0.55, 0.5
DRAFTS_STYLE = """
QLabel#DraftCounter[warning="true"] {
    background: {paper}; color: {ink}; border-radius: 10px; padding: 2px 10px;
    font-weight: 600;
}
QFrame#DraftReasonBox {
    background: palette(window); border: 1px dashed palette(mid); border-radius: 4px;
}
QLabel#PeriodError { color: {error}; }
"""


def drafts_style() -> str:
    """The counter's warning ("▲ …") and the period's error in the palette's colours."""
    colours = app_colours()
    return (
        DRAFTS_STYLE.replace("{paper}", css(colours, Tone.ALERT, "paper"))
        .replace("{ink}", css(colours, Tone.ALERT, "ink"))
        .replace("{error}", css(colours, Tone.ERROR, "bare"))
    )


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
        self.setWindowTitle(_("Draft update"))
        self.setAccessibleName(_("Draft update"))
        apply_style(self, drafts_style)
        self.setMinimumSize(720, 560)
        self.setSizeGripEnabled(True)
        self.initiative_box = QComboBox()
        self.initiative_box.setAccessibleName(_("Initiative"))
        self.initiative_box.setMinimumContentsLength(30)
        self.initiative_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.start_edit = _date_edit(_("From"))
        self.end_edit = _date_edit(_("To"))
        # The drafts' own language: a Spanish post can be drafted from English screens.
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the drafts"))
        self.language_box.addItem(_("The agency's setting"), "")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.loading_label = plain_label(_("Loading…"), name="LoadingIndicator")
        self.summary = plain_label(name="DraftsSummary", wrap=True)
        self.summary.setAccessibleName(_("About these drafts"))
        self.period_error = plain_label(name="PeriodError", wrap=True)
        self.period_error.hide()
        self.feedback = note_label()
        self.feedback.setAccessibleName(_("What was just done"))
        self.panels = {kind: DraftPanel(kind, read_only=read_only) for kind in DraftKind}
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.setHandleWidth(14)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Drafts"))
        self._drafts = QStackedWidget()
        self._drafts.addWidget(self.columns)
        self._drafts.addWidget(self.tabs)
        self.facts = FactChecklist()
        self.facts_note = note_label(
            _(
                "Untick a fact to leave it out of every draft (Space ticks and unticks). Facts "
                "that may not be public say why; only the staff briefing uses them."
            )
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(_("&Close"))
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
        top.addWidget(_labelled(_("&Initiative:"), self.initiative_box))
        top.addWidget(self.initiative_box, 1)
        top.addSpacing(16)
        top.addWidget(_labelled(_("&From:"), self.start_edit))
        top.addWidget(self.start_edit)
        top.addWidget(_labelled(_("&To:"), self.end_edit))
        top.addWidget(self.end_edit)
        top.addSpacing(16)
        top.addWidget(_labelled(_("Lan&guage:"), self.language_box))
        top.addWidget(self.language_box)
        top.addSpacing(12)
        top.addWidget(self.loading_label)
        self.loading_label.hide()
        facts, facts_layout = column_panel((0, 10, 0, 0))
        facts_heading = heading(_("Facts from th&e records"), 1.1)
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
        order: list[QWidget] = [
            self.initiative_box, self.start_edit, self.end_edit, self.language_box,
        ]  # fmt: skip
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
                self.tabs.addTab(panel, _(PANEL_KEYS[kind].title))
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
