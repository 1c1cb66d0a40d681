"""The Community map's layout: engagement summary, organizations table, organization editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Engagement, OrgScope
from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import ENUM, TEXT, FieldSpec
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.record_widgets import (
    RecordPage,
    RecordTexts,
    data_table,
    editor_title,
    fit_columns,
    fit_headers,
    set_column_widths,
    set_tab_chain,
    sub_heading,
    table_action,
)
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.people.organizations_models import MemberNameTableModel, OrganizationTableModel
from cs360desk.ui.people.people_view import FORM_COMBO_CHARS

ORGANIZATION_FIELDS = (
    FieldSpec("name", N_("Na&me"), placeholder=N_("e.g. Eastside Neighborhood Association")),
    FieldSpec("sector", N_("&Sector"), placeholder=N_("e.g. Faith community, Local government")),
    FieldSpec("scope", N_("Internal or e&xternal"), ENUM, OrgScope),
    FieldSpec("engagement", N_("En&gagement"), ENUM, Engagement),
    FieldSpec(
        "data_held", N_("Data it h&olds"), TEXT, placeholder=N_("e.g. 311 complaints by block")
    ),
    FieldSpec("notes", N_("No&tes"), TEXT),
)
NO_SELECTION = N_("Choose an organization in the list, or add one with Ctrl+N.")
ORGANIZATION_TEXTS = RecordTexts(
    new=N_("&New organization"),
    delete=N_("&Delete organization…"),
    delete_tip=N_("Delete the chosen organization (Delete key in the list)"),
    editor=N_("Organization editor"),
    details=N_("Organization details"),
)


class OrganizationEditor(QWidget):
    """The organization's fields and the people listed under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = editor_title(self, _("Organization shown"))
        self.form = Fields(ORGANIZATION_FIELDS, self, combo_chars=FORM_COMBO_CHARS)
        self.people_model = MemberNameTableModel(self)
        self.people_table = data_table(_("People of this organization"), self.people_model)
        self.people_table.setToolTip(_("Double-click a person to open them"))
        self.people_table.setMaximumHeight(self.people_table.fontMetrics().height() * 14)
        fit_columns(self.people_table, 0)
        self.no_people_label = plain_label(_("Nobody is listed under it yet."), name="EmptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.form.columns())
        layout.addWidget(sub_heading(_("People"), self))
        layout.addWidget(self.no_people_label)
        layout.addWidget(self.people_table)
        layout.addStretch(1)

    def show_people(self, has_people: bool) -> None:
        self.people_table.setVisible(has_people)
        self.no_people_label.setVisible(not has_people)


class OrganizationsView(RecordPage):
    """Layout only; OrganizationsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Community map"), ORGANIZATION_TEXTS, _("Number of organizations"), parent
        )
        self.summary_label = plain_label(name="EngagementSummary", wrap=True)
        self.summary_label.setAccessibleName(_("Organizations per engagement level"))
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = OrganizationTableModel(self)
        self.table = data_table(_("Organizations"), self.model)
        self._size_columns()
        self.delete_key_action = table_action(self.table, _("Delete organization"), "Delete")
        self.editor = OrganizationEditor()
        self._stack_editor(self.editor, _(NO_SELECTION))
        self._build_layout()
        self._set_tab_order()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        set_column_widths(self.table, 0, 18)
        fit_headers(self.table, 2, 3, 4)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _summary_strip(self) -> QFrame:
        strip = QFrame()
        strip.setObjectName("SummaryStrip")
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(strip)
        row.setContentsMargins(12, 8, 12, 8)
        caption = plain_label(_("Engagement:"))
        caption.setFont(scaled_font(self, 1.0, bold=True))
        row.addWidget(caption)
        row.addWidget(self.summary_label, 1)
        return strip

    def _build_layout(self) -> None:
        splitter = self._list_and_editor(self.table, Qt.Orientation.Horizontal, (2, 1), [700, 360])
        layout = self._page_layout()
        layout.addWidget(self._summary_strip())
        layout.addWidget(splitter, 1)

    def _set_tab_order(self) -> None:
        form = self.editor.form
        set_tab_chain(
            [
                self.table,
                *(form.widget(spec.name) for spec in ORGANIZATION_FIELDS),
                self.editor.people_table,
                self.new_button,
                self.delete_button,
            ]
        )
