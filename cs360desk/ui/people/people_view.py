"""The People page's layout: search and filters, the people table, the person editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import NC_, Affiliation
from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import CHECK, CHOICE, ENUM, TEXT, FieldSpec
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import (
    RecordPage,
    RecordTexts,
    data_table,
    editor_title,
    fit_columns,
    set_column_widths,
    set_tab_chain,
    sub_heading,
    table_action,
)
from cs360desk.ui.people.people_models import PersonTableModel, SeatTableModel

JOB_TITLE = NC_("job title", "&Title")  # a person's job title, not a record's
PERSON_FIELDS = (
    FieldSpec("full_name", N_("Full &name"), placeholder=N_("e.g. Nguyễn Thị Hoa")),
    FieldSpec(
        "title",
        JOB_TITLE[1],
        context=JOB_TITLE[0],
        placeholder=N_("e.g. Pastor, Sergeant, Block captain"),
    ),
    FieldSpec("organization_id", N_("&Organization"), CHOICE),
    FieldSpec("affiliation", N_("&Affiliation"), ENUM, Affiliation),
    FieldSpec("phone", N_("&Phone"), placeholder=N_("e.g. (361) 555-0142"), column=1),
    FieldSpec("email", N_("E-&mail"), placeholder=N_("e.g. name@example.org"), column=1),
    FieldSpec("notes", N_("Note&s"), TEXT, lines=3, column=1),
    FieldSpec("active", N_("A&ctive: takes part in the work now"), CHECK, column=1),
    FieldSpec("contact_private", N_("&Keep phone and e-mail private"), CHECK, column=1),
    FieldSpec("named_in_public", N_("May be named in p&ublic updates"), CHECK, column=1),
)
FORM_COMBO_CHARS = 12
ORGANIZATION_COLUMN, EMAIL_COLUMN = 2, 6  # of PersonTableModel
ALL = "all"
ACTIVE_CHOICES = (
    (N_("Active and inactive"), ALL),
    (N_("Active only"), True),
    (N_("Inactive only"), False),
)
NO_SELECTION = N_("Choose a person in the list, or add someone new with Ctrl+N.")
PERSON_TEXTS = RecordTexts(
    new=N_("&New person"),
    delete=N_("&Delete person…"),
    delete_tip=N_("Delete the chosen person (Delete key in the list)"),
    editor=N_("Person editor"),
    details=N_("Person details"),
)


class PersonEditor(QWidget):
    """The person's fields beside the teams they sit on and what they answer for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = editor_title(self, _("Person shown"))
        self.form = Fields(PERSON_FIELDS, self, combo_chars=FORM_COMBO_CHARS)
        self.form.row("contact_private").set_help(
            _(
                'Lists show "(private)" instead of the phone and e-mail; '
                "public reports leave them out."
            )
        )
        self.form.row("named_in_public").set_help(
            _(
                "Drafted public updates give this person's name only when this is ticked and the "
                "contact details are not private; otherwise they name only the organization."
            )
        )
        self.holdings_label = plain_label(name="Holdings", wrap=True)
        self.holdings_label.setAccessibleName(_("Responsible for"))
        self.seats_model = SeatTableModel(self)
        self.seats_table = data_table(_("Teams of this person"), self.seats_model)
        self.seats_table.setToolTip(_("Double-click a team to open it"))
        fit_columns(self.seats_table, 0)
        self.seats_table.setMaximumHeight(self.seats_table.fontMetrics().height() * 12)
        self.no_seats_label = plain_label(_("Not on any team."), name="EmptyState")
        teams = QVBoxLayout()
        teams.setSpacing(6)
        teams.addWidget(sub_heading(_("Teams"), self))
        teams.addWidget(self.no_seats_label)
        teams.addWidget(self.seats_table)
        teams.addWidget(self.holdings_label)
        teams.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self.form.columns(), 5)
        columns.addLayout(teams, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addLayout(columns)

    def show_seats(self, has_seats: bool) -> None:
        self.seats_table.setVisible(has_seats)
        self.no_seats_label.setVisible(not has_seats)


class PeopleView(RecordPage):
    """Layout only; PeopleController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("People"), PERSON_TEXTS, _("Number of people shown"), parent)
        self._build_filters()
        self.model = PersonTableModel(self)
        self.table = data_table(_("People"), self.model)
        set_column_widths(self.table, 24)
        # Organization and e-mail: widths of their own, grown to their headings once shown
        # ("Organización", "Correo electrónico"), so that sharing cannot squeeze them.
        own_width = 20 * self.table.fontMetrics().averageCharWidth() + 24
        for column in (ORGANIZATION_COLUMN, EMAIL_COLUMN):
            self.table.setColumnWidth(column, own_width)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 4):  # the long texts (job title, teams) share the width left over
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (3, 5):  # affiliation and phone: short, and never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.delete_key_action = table_action(self.table, _("Delete person"), "Delete")
        self.editor = PersonEditor()
        self._stack_editor(self.editor, _(NO_SELECTION))
        self._build_layout()
        self._set_tab_order()

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(_("Search people"))
        self.search_edit.setPlaceholderText(_("Search name, title, organization, contact (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.find_action = QAction(_("Search people"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)
        self.affiliation_filter = QComboBox()
        self.affiliation_filter.setAccessibleName(_("Show affiliation"))
        self.affiliation_filter.addItem(_("All affiliations"), None)
        for affiliation in Affiliation:
            self.affiliation_filter.addItem(affiliation.label, affiliation)
        self.team_filter = QComboBox()
        self.team_filter.setAccessibleName(_("Show team"))
        self.team_filter.setMinimumContentsLength(18)
        self.team_filter.addItem(_("All teams"), None)
        self.active_filter = QComboBox()
        self.active_filter.setAccessibleName(_("Show active or inactive"))
        for text, value in ACTIVE_CHOICES:
            self.active_filter.addItem(_(text), value)
        keeps_working(
            self.search_edit,
            self.find_action,
            self.affiliation_filter,
            self.team_filter,
            self.active_filter,
        )

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for label_text, combo in (
            (_("Affiliation:"), self.affiliation_filter),
            (_("Team:"), self.team_filter),
            (_("Show:"), self.active_filter),
        ):
            label = QLabel(label_text)
            label.setBuddy(combo)
            filters.addSpacing(8)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        # The list over the editor: seven columns need the page's whole width.
        splitter = self._list_and_editor(self.table, Qt.Orientation.Vertical, (1, 0), [420, 260])
        layout = self._page_layout()
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _set_tab_order(self) -> None:
        form = self.editor.form
        set_tab_chain(
            [
                self.search_edit,
                self.affiliation_filter,
                self.team_filter,
                self.active_filter,
                self.table,
                *(form.widget(spec.name) for spec in PERSON_FIELDS),
                self.editor.seats_table,
                self.new_button,
                self.delete_button,
            ]
        )
