"""The Communications page's layout: the log of updates beside the editor of the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.records import CommunicationRecord
from cs360desk.i18n import N_, _, count_of, ngettext, pgettext
from cs360desk.ui.common.field_widgets import DATE, ENUM, TEXT, FieldSpec
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.linked_models import one_line
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
)
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.table_models import Column, DtoTableModel

SHORT_POST = 280  # what a short social media post may hold
FIELDS = (
    FieldSpec("channel", N_("&Channel"), ENUM, Channel),
    FieldSpec("audience", N_("&Audience"), ENUM, Audience),
    FieldSpec("status", N_("&Status"), ENUM, CommunicationStatus),
    FieldSpec("planned_on", N_("&Planned on"), DATE),
    FieldSpec("posted_on", N_("P&osted on"), DATE),
    FieldSpec(
        "text", N_("&Text"), TEXT, lines=9, placeholder=N_("The update as it will be posted")
    ),
)


def when_text(record: CommunicationRecord) -> str:
    if record.posted_on is not None:
        return _("Posted {date}").format(date=format_date(record.posted_on))
    if record.planned_on is not None:
        return _("Planned {date}").format(date=format_date(record.planned_on))
    return _("Not scheduled")


class CommunicationTableModel(DtoTableModel[CommunicationRecord]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("When"), when_text, lambda c: c.posted_on or c.planned_on),
                Column(N_("Channel"), lambda c: c.channel.label),
                Column(N_("Audience"), lambda c: c.audience.label),
                Column(N_("Status"), lambda c: c.status.label),
                Column(N_("Text"), lambda c: one_line(c.text)),
            )
        )


def length_text(text: str, channel: object) -> str:
    """How long the text is, and for social media whether it fits a short post."""
    count = len(text)
    said = count_of(count, "{n} character", "{n} characters")
    if channel != Channel.SOCIAL_MEDIA.value:
        return said
    if count <= SHORT_POST:
        return _("{length}: fits a {limit}-character post").format(length=said, limit=SHORT_POST)
    over = count - SHORT_POST
    return ngettext(
        "{length}: {n} over a {limit}-character post",
        "{length}: {n} over a {limit}-character post",
        over,
    ).format(length=said, n=over, limit=SHORT_POST)


class CommunicationsView(QWidget):
    """Layout only; CommunicationsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Communications"))
        self.summary = note_label()
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Show status"))
        self.status_filter.addItem(_("All statuses"), None)
        for status in CommunicationStatus:
            self.status_filter.addItem(status.label, status.value)
        keeps_working(self.status_filter)
        self.count_label = note_label()
        self.model = CommunicationTableModel()
        self.table = data_table(_("Communications log"), self.model)
        stretch_column(self.table, 4)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the latest first
        self.new_button = button(_("&New update…"), _("Add a draft update (Ctrl+N)"))
        self.delete_button = button(_("&Delete"), _("Delete the chosen update (Delete)"))
        self.draft_button = button(
            _("Draft &update…"),
            _(
                "Draft a short public post, a longer public update and a staff briefing from "
                "what the records say was done"
            ),
        )
        keeps_working(self.draft_button)  # drafts can be read and copied in a read-only file
        self.editor_title = heading(pgettext("communication", "Update"))
        self.fields = Fields(FIELDS, self)
        self.length_label = note_label()
        self.length_label.setWordWrap(False)
        self.length_label.setAccessibleName(_("Text length"))
        self.empty_label = note_label(_("Choose an update in the log, or add a new one."))
        self.new_action = QAction(_("New update"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.delete_action = QAction(_("Delete update"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action, owner in ((self.new_action, self), (self.delete_action, self.table)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
        page_layout(self).addWidget(side_by_side(self._log(), self._editor(), sizes=[760, 520]))

    def _log(self) -> QWidget:
        panel, layout = list_panel(_("Communications"))
        layout.addWidget(self.summary)
        filters = QHBoxLayout()
        show = QLabel(_("Sho&w:"))
        show.setBuddy(self.status_filter)
        filters.addWidget(show)
        filters.addWidget(self.status_filter)
        filters.addSpacing(12)
        filters.addWidget(self.count_label, 1)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        buttons = button_row(self.new_button, self.delete_button)
        buttons.addWidget(self.draft_button)
        layout.addLayout(buttons)
        return panel

    def _editor(self) -> QWidget:
        panel, layout = column_panel((12, 0, 0, 0))
        layout.addWidget(self.editor_title)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.fields.form([spec.name for spec in FIELDS]))
        layout.addWidget(self.length_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return panel
