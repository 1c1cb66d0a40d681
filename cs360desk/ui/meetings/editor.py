"""The meeting editor's layout: details, agenda, attendance and minutes of one meeting."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import MeetingMode, MeetingStatus
from cs360desk.domain.meeting_views import MeetingSheet
from cs360desk.domain.records import MeetingRecord
from cs360desk.i18n import N_, _, count_of
from cs360desk.ui.common.field_widgets import (
    CHECK,
    DATE_TIME,
    ENUM,
    MINUTES,
    TEXT,
    CommitTextEdit,
    FieldRow,
    FieldSpec,
)
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import button
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import EDIT_IN_PLACE, plain_table
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.meetings.agenda_model import AgendaTableModel
from cs360desk.ui.meetings.attendance_model import AttendanceTableModel, attendance_summary
from cs360desk.ui.meetings.list_model import long_meeting_time
from cs360desk.ui.meetings.tables import OrderedTable

MAX_DURATION = 24 * 60
# The meeting's own columns the editor saves one by one, as the service names them.
MEETING_SPECS = (
    FieldSpec("title", N_("&Title")),
    FieldSpec("starts_at", N_("Date && &time"), DATE_TIME, spoken=N_("Date and time")),
    FieldSpec("duration_minutes", N_("D&uration"), MINUTES, maximum=MAX_DURATION),
    FieldSpec("mode", N_("M&ode"), ENUM, MeetingMode),
    FieldSpec("status", N_("&Status"), ENUM, MeetingStatus),
    FieldSpec(
        "location", N_("Locat&ion"), placeholder=N_("Room and address, for in-person and hybrid")
    ),
    FieldSpec("video_link", N_("&Video link"), placeholder=N_("https://… for virtual and hybrid")),
    FieldSpec("open_to_public", N_("Open to the pu&blic"), CHECK),
    FieldSpec(
        "minutes_summary",
        N_("Minutes s&ummary"),
        TEXT,
        lines=0,
        placeholder=N_("What was discussed, in a few sentences."),
    ),
    FieldSpec(
        "decisions",
        N_("Dec&isions"),
        TEXT,
        lines=0,
        placeholder=N_("What the team decided, one decision a line."),
    ),
)
MEETING_FIELDS = tuple(spec.name for spec in MEETING_SPECS)
DETAIL_ROWS = (
    ("title",),
    ("starts_at", "duration_minutes"),
    ("mode", "status"),
    ("location",),
    ("video_link",),
    ("open_to_public",),
)
DETAIL_FIELDS = tuple(name for names in DETAIL_ROWS for name in names)
OPEN_TO_PUBLIC_HELP = N_(
    "Drafted public updates invite people only to meetings open to the public, and give the "
    "place only for those."
)


def _table(name: str, model: QAbstractItemModel) -> OrderedTable:
    table = plain_table(OrderedTable(), name, model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(EDIT_IN_PLACE)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _labelled(row: FieldRow) -> QLabel:
    label = QLabel(row.spec.shown_label)
    label.setBuddy(row.widget)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 4, 0, 0)
    return label


class MeetingEditorView(QWidget):
    """Layout only: the controllers fill it and save what the user changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Meeting"))
        self.empty_label = plain_label(_("Choose a meeting in the list."), name="EmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = plain_label(name="MeetingHeading", wrap=True)
        self.heading.setFont(scaled_font(self, 1.35, bold=True))
        self.heading.setAccessibleName(_("Meeting title"))
        self.subtitle = plain_label(name="MeetingSummary", wrap=True)
        self.subtitle.setAccessibleName(_("Meeting summary"))
        self.general_error = plain_label(name="FieldError", wrap=True)
        self.general_error.setAccessibleName(_("Problem"))
        self.general_error.hide()
        self._build_fields()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Meeting parts"))
        self.tabs.addTab(self._details_page(), _("D&etails"))
        self.tabs.addTab(self._agenda_page(), _("A&genda"))
        self.tabs.addTab(self._attendance_page(), _("Atte&ndance"))
        self.tabs.addTab(self._minutes_page(), _("Minutes && &decisions"))
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Actions, then the tabs, then the open tab's fields top to bottom."""
        chain: list[QWidget] = [
            self.mark_held_button,
            self.schedule_next_button,
            self.new_action_button,
            self.agenda_pdf_button,
            self.minutes_pdf_button,
            self.cancel_button,
            self.delete_button,
            self.tabs.tabBar(),
            *(self.form.widget(name) for name in DETAIL_FIELDS),
            self.agenda_table,
            self.add_item_button,
            self.remove_item_button,
            self.move_up_button,
            self.move_down_button,
            self.notes_edit,
            self.attendance_table,
            self.fill_button,
            self.guest_edit,
            self.add_guest_button,
            self.remove_attendee_button,
            self.minutes_edit,
            self.decisions_edit,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def first_tab_stop(self) -> QWidget:
        return self.mark_held_button

    def _build_fields(self) -> None:
        self.form = Fields(MEETING_SPECS, self, combo_chars=0)  # short, fixed entries
        self.fields = self.form.rows
        self.title_edit = self.form.widget("title")
        self.starts_edit = self.form.widget("starts_at")
        self.status_box = self.form.widget("status")
        self.minutes_edit = self.form.widget("minutes_summary")
        self.decisions_edit = self.form.widget("decisions")
        self.form.row("open_to_public").set_help(_(OPEN_TO_PUBLIC_HELP))

    def _content(self) -> QWidget:
        self.mark_held_button = button(_("Mark &held"), _("The meeting took place"))
        self.schedule_next_button = button(
            _("Schedule ne&xt meeting"),
            _("One cadence later, same place, open action items carried forward"),
        )
        self.new_action_button = button(
            _("New &action item…"), _("An action item agreed at this meeting")
        )
        self.agenda_pdf_button = button(_("A&genda PDF…"), _("Preview, print or save the agenda"))
        self.minutes_pdf_button = button(
            _("&Minutes PDF…"), _("Preview, print or save the minutes")
        )
        keeps_working(self.agenda_pdf_button, self.minutes_pdf_button)
        self.cancel_button = button(_("&Cancel meeting"), _("Keep it on record as cancelled"))
        self.delete_button = button(_("De&lete meeting"), _("Remove it (Ctrl+Z brings it back)"))
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for pushed in (self.mark_held_button, self.schedule_next_button, self.new_action_button):
            actions.addWidget(pushed)
        actions.addSpacing(12)
        actions.addWidget(self.agenda_pdf_button)
        actions.addWidget(self.minutes_pdf_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.delete_button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(self.general_error)
        layout.addWidget(self.tabs, 1)
        return content

    def _details_page(self) -> QWidget:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        for row, names in enumerate(DETAIL_ROWS):
            for column, name in enumerate(names):
                if self.fields[name].spec.kind != CHECK:  # a check box says what it is itself
                    grid.addWidget(_labelled(self.fields[name]), row, column * 2)
                span = 3 if len(names) == 1 else 1
                grid.addWidget(self.fields[name], row, column * 2 + 1, 1, span)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(grid)
        layout.addStretch(1)
        return page

    def _build_agenda_table(self) -> None:
        self.agenda_model = AgendaTableModel(self)
        self.agenda_table = _table(_("Agenda"), self.agenda_model)
        self.agenda_table.setDragEnabled(True)
        self.agenda_table.setAcceptDrops(True)
        self.agenda_table.setDropIndicatorShown(True)
        self.agenda_table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agenda_table.setDragDropOverwriteMode(False)
        header = self.agenda_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 160)
        self.agenda_table.setToolTip(
            _("Double-click or F2 to edit; drag rows or press Ctrl+Up/Ctrl+Down to reorder")
        )

    def _agenda_page(self) -> QWidget:
        self._build_agenda_table()
        self.add_item_button = button(_("Add &item"), _("A new item at the end of the agenda"))
        self.remove_item_button = button(_("&Remove item"), _("Remove the selected item (Delete)"))
        self.move_up_button = button(_("Move &up"), _("Ctrl+Up"))
        self.move_down_button = button(_("Move do&wn"), _("Ctrl+Down"))
        self.agenda_error = plain_label(name="FieldError", wrap=True)
        self.agenda_error.setAccessibleName(_("Agenda problem"))
        self.agenda_error.hide()
        self.notes_edit = CommitTextEdit()
        self.notes_edit.setPlaceholderText(_("Notes on the selected item, for the minutes."))
        self.notes_box = FieldRow(
            FieldSpec("notes", N_("Agenda item notes"), TEXT, lines=0), self.notes_edit
        )
        notes_label = QLabel(_("N&otes on the selected item"))
        notes_label.setBuddy(self.notes_edit)
        buttons = QHBoxLayout()
        for pushed in (self.add_item_button, self.remove_item_button):
            buttons.addWidget(pushed)
        buttons.addStretch(1)
        for pushed in (self.move_up_button, self.move_down_button):
            buttons.addWidget(pushed)
        left = QVBoxLayout()
        left.addWidget(self.agenda_table, 1)
        left.addLayout(buttons)
        left.addWidget(self.agenda_error)
        right = QVBoxLayout()
        right.addWidget(notes_label)
        right.addWidget(self.notes_box, 1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 2)
        layout.addLayout(right, 1)
        return page

    def _attendance_page(self) -> QWidget:
        self.attendance_model = AttendanceTableModel(self)
        self.attendance_table = _table(_("Attendance"), self.attendance_model)
        self.attendance_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.attendance_table.setToolTip(_("Double-click or F2 to change the status"))
        self.attendance_summary = plain_label(name="AttendanceSummary")
        self.attendance_summary.setAccessibleName(_("Attendance summary"))
        self.fill_button = button(_("&Fill from team"), _("List every current member as present"))
        self.guest_edit = QLineEdit()
        self.guest_edit.setPlaceholderText(_("Guest's name"))
        self.guest_box = FieldRow(FieldSpec("guest_name", N_("Guest name")), self.guest_edit)
        self.add_guest_button = button(_("Add &guest"))
        self.remove_attendee_button = button(_("&Remove from list"), _("Delete"))
        side = QVBoxLayout()
        side.addWidget(self.fill_button)
        side.addSpacing(12)
        side.addWidget(self.guest_box)
        side.addWidget(self.add_guest_button)
        side.addSpacing(12)
        side.addWidget(self.remove_attendee_button)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.attendance_summary)
        left.addWidget(self.attendance_table, 1)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 3)
        layout.addLayout(side, 1)
        return page

    def _minutes_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        for name in ("minutes_summary", "decisions"):
            column = QVBoxLayout()
            label = QLabel(self.fields[name].spec.shown_label)
            label.setBuddy(self.fields[name].widget)
            column.addWidget(label)
            column.addWidget(self.fields[name], 1)
            layout.addLayout(column, 1)
        return page

    # Showing a meeting

    @property
    def has_meeting(self) -> bool:
        return self._stack.currentIndex() == 1

    def show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self._stack.setCurrentIndex(0)

    def show_sheet(self, sheet: MeetingSheet) -> None:
        """Everything, the form included: when a meeting is opened or reloaded after undo."""
        meeting = sheet.detail.meeting
        self.form.load({name: getattr(meeting, name) for name in MEETING_FIELDS})
        self.general_error.hide()
        self.show_parts(sheet)
        self._stack.setCurrentIndex(1)

    def show_parts(self, sheet: MeetingSheet) -> None:
        """Heading, agenda and attendance; leaves the form alone so nothing typed is lost."""
        self.show_heading(sheet.detail.meeting, sheet.detail.team_name)
        self.agenda_model.set_agenda(sheet.detail.agenda, sheet.people)
        self.attendance_model.set_lines(sheet.detail.attendance)
        self.attendance_summary.setText(attendance_summary(sheet.detail.attendance))

    def show_heading(self, meeting: MeetingRecord, team_name: str) -> None:
        self.heading.setText(meeting.title)
        duration = count_of(meeting.duration_minutes, "{n} min", "{n} min")
        self.subtitle.setText(
            _("{team}   ·   {when}   ·   {duration}   ·   {status}").format(
                team=team_name,
                when=long_meeting_time(meeting.starts_at),
                duration=duration,
                status=meeting.status.label,
            )
        )
        status = meeting.status
        self.mark_held_button.setEnabled(status is not MeetingStatus.HELD)
        self.cancel_button.setEnabled(status is MeetingStatus.SCHEDULED)
