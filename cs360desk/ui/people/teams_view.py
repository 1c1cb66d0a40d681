"""The Teams page's layout: the initiative's teams over the team editor and its roster."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import Cadence, MemberRole, TeamKind
from cs360desk.i18n import N_, _
from cs360desk.ui.common.choice_delegate import ChoiceDelegate
from cs360desk.ui.common.field_widgets import ENUM, TEXT, FieldSpec, enum_combo
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.record_widgets import (
    RecordPage,
    RecordTexts,
    data_table,
    editor_title,
    fit_headers,
    set_tab_chain,
    sub_heading,
    table_action,
)
from cs360desk.ui.people.people_view import FORM_COMBO_CHARS
from cs360desk.ui.people.teams_models import (
    ROLE_COLUMN,
    MemberTableModel,
    TeamTableModel,
    role_of,
)

TEAM_FIELDS = (
    FieldSpec("name", N_("Na&me"), placeholder=N_("e.g. Eastside Problem-Solving Team")),
    FieldSpec("kind", N_("&Kind"), ENUM, TeamKind),
    FieldSpec("cadence", N_("Mee&ts every"), ENUM, Cadence),
    FieldSpec("charter", N_("&Charter"), TEXT, placeholder=N_("What the team is for"), lines=6),
)
NO_SELECTION = N_("Choose a team in the list, or add one with Ctrl+N.")
TEAM_TEXTS = RecordTexts(
    new=N_("&New team"),
    delete=N_("&Delete team…"),
    delete_tip=N_("Delete the chosen team (Delete key in the list)"),
    editor=N_("Team editor"),
    details=N_("Team details"),
)


class RosterPanel(QWidget):
    """The members of the team shown, and the row that adds one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MemberTableModel(self)
        self.table = data_table(_("Members"), self.model)
        roles = [(role.label, role) for role in MemberRole]
        role_list = ChoiceDelegate(lambda: roles, role_of, self.table)
        self.table.setItemDelegateForColumn(ROLE_COLUMN, role_list)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setToolTip(_("Double-click a role (or press F2 on it) to change it"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fit_headers(self.table, 2)
        widest_role = max(self.table.fontMetrics().horizontalAdvance(r.label) for r in MemberRole)
        self.table.setColumnWidth(ROLE_COLUMN, widest_role + 40)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.remove_key_action = table_action(self.table, _("Remove member"), "Delete")
        self.person_box = QComboBox()
        self.person_box.setAccessibleName(_("Person to add"))
        self.person_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person_box.setMinimumContentsLength(16)
        self.role_box = enum_combo(MemberRole, _("Role of the new member"))
        self.role_box.setCurrentIndex(self.role_box.findData(MemberRole.MEMBER))
        self.add_button = QPushButton(_("&Add member"))
        self.add_button.setAccessibleName(_("Add member"))
        self.remove_button = QPushButton(_("&Remove member"))
        self.remove_button.setAccessibleName(_("Remove member"))
        self.remove_button.setToolTip(_("Take the chosen member off the team (Delete key)"))
        self.add_error = plain_label(name="FieldError", wrap=True)
        self.add_error.setAccessibleName(_("Add member error"))
        self.add_error.hide()
        self.empty_label = plain_label(_("Nobody sits on this team yet."), name="EmptyState")
        self._build()

    def _build(self) -> None:
        person_label = QLabel(_("&Person:"))
        person_label.setBuddy(self.person_box)
        role_label = QLabel(_("R&ole:"))
        role_label.setBuddy(self.role_box)
        adding = QHBoxLayout()
        adding.addWidget(person_label)
        adding.addWidget(self.person_box, 3)
        adding.addWidget(role_label)
        adding.addWidget(self.role_box, 2)
        adding.addWidget(self.add_button)
        footer = QHBoxLayout()
        footer.addWidget(self.empty_label)
        footer.addStretch(1)
        footer.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(sub_heading(_("Members"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        layout.addLayout(adding)
        layout.addWidget(self.add_error)

    def show_error(self, text: str) -> None:
        self.add_error.setText(f"⚠ {text}")
        self.add_error.setVisible(bool(text))
        described = _("Error: {error}").format(error=text) if text else ""
        self.person_box.setAccessibleDescription(described)


class TeamEditor(QWidget):
    """The team's fields beside its roster."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = editor_title(self, _("Team shown"))
        self.form = Fields(TEAM_FIELDS, self, combo_chars=FORM_COMBO_CHARS)
        self.roster = RosterPanel()
        columns = QHBoxLayout()
        columns.setSpacing(28)
        form_column = QVBoxLayout()
        form_column.addWidget(self.form.columns())
        form_column.addStretch(1)
        columns.addLayout(form_column, 2)
        columns.addWidget(self.roster, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addLayout(columns, 1)


class TeamsView(RecordPage):
    """Layout only; TeamsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Teams"), TEAM_TEXTS, _("Number of teams"), parent)
        self.model = TeamTableModel(self)
        self.table = data_table(_("Teams"), self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, self.table.fontMetrics().averageCharWidth() * 28)
        fit_headers(self.table, 2, 3)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.delete_key_action = table_action(self.table, _("Delete team"), "Delete")
        self.editor = TeamEditor()
        self._stack_editor(self.editor, _(NO_SELECTION))
        splitter = self._list_and_editor(self.table, Qt.Orientation.Vertical, (0, 1), [170, 500])
        self._page_layout().addWidget(splitter, 1)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        roster = self.editor.roster
        set_tab_chain(
            [
                self.table,
                *(self.editor.form.widget(spec.name) for spec in TEAM_FIELDS),
                roster.table,
                roster.remove_button,
                roster.person_box,
                roster.role_box,
                roster.add_button,
                self.new_button,
                self.delete_button,
            ]
        )
