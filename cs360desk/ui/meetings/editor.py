"""The meeting editor's layout: details, agenda, attendance and minutes of one meeting."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import MeetingMode, MeetingStatus
from cs360desk.domain.meeting_views import MeetingSheet
from cs360desk.domain.records import MeetingRecord
from cs360desk.ui.common.formatting import format_meeting_time
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.meetings.agenda_model import AgendaTableModel
from cs360desk.ui.meetings.attendance_model import AttendanceTableModel, attendance_summary
from cs360desk.ui.meetings.fields import (
    FieldBox,
    OrderedTable,
    PlainTextField,
    date_time_format,
    from_qdatetime,
    to_qdatetime,
)

MAX_DURATION = 24 * 60
# The meeting's own columns the editor saves one by one, as the service names them.
MEETING_FIELDS = (
    "title",
    "starts_at",
    "duration_minutes",
    "mode",
    "status",
    "location",
    "video_link",
    "minutes_summary",
    "decisions",
)


def _button(text: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    return button


Table = TypeVar("Table", bound=QTableView)


def _table(name: str, table: Table) -> Table:
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 1.9))
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _labelled(text: str, box: FieldBox) -> QLabel:
    label = QLabel(text)
    label.setBuddy(box.editor)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 4, 0, 0)
    return label


class MeetingEditorView(QWidget):
    """Layout only: the controllers fill it and save what the user changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Meeting")
        self.empty_label = plain_label("Choose a meeting in the list.", name="EmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = plain_label(name="MeetingHeading", wrap=True)
        self.heading.setFont(scaled_font(self, 1.35, bold=True))
        self.heading.setAccessibleName("Meeting title")
        self.subtitle = plain_label(name="MeetingSummary", wrap=True)
        self.subtitle.setAccessibleName("Meeting summary")
        self.general_error = plain_label(name="FieldError", wrap=True)
        self.general_error.setAccessibleName("Problem")
        self.general_error.hide()
        self._build_fields()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Meeting parts")
        self.tabs.addTab(self._details_page(), "D&etails")
        self.tabs.addTab(self._agenda_page(), "A&genda")
        self.tabs.addTab(self._attendance_page(), "Atte&ndance")
        self.tabs.addTab(self._minutes_page(), "Minutes && &decisions")
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
            *(self.fields[name].editor for name in MEETING_FIELDS[:7]),
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
        self.title_edit = QLineEdit()
        self.starts_edit = QDateTimeEdit()
        self.starts_edit.setCalendarPopup(True)
        self.starts_edit.setDisplayFormat(date_time_format())
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(1, MAX_DURATION)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" min")
        self.mode_box = QComboBox()
        for mode in MeetingMode:
            self.mode_box.addItem(mode.label, mode.value)
        self.status_box = QComboBox()
        for status in MeetingStatus:
            self.status_box.addItem(status.label, status.value)
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText("Room and address, for in-person and hybrid")
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://… for virtual and hybrid")
        self.minutes_edit = PlainTextField()
        self.minutes_edit.setPlaceholderText("What was discussed, in a few sentences.")
        self.decisions_edit = PlainTextField()
        self.decisions_edit.setPlaceholderText("What the team decided, one decision a line.")
        editors: dict[str, tuple[QWidget, str]] = {
            "title": (self.title_edit, "Title"),
            "starts_at": (self.starts_edit, "Date and time"),
            "duration_minutes": (self.duration_spin, "Duration"),
            "mode": (self.mode_box, "Mode"),
            "status": (self.status_box, "Status"),
            "location": (self.location_edit, "Location"),
            "video_link": (self.link_edit, "Video link"),
            "minutes_summary": (self.minutes_edit, "Minutes summary"),
            "decisions": (self.decisions_edit, "Decisions"),
        }
        self.fields = {name: FieldBox(editor, label) for name, (editor, label) in editors.items()}

    def _content(self) -> QWidget:
        self.mark_held_button = _button("Mark &held", "The meeting took place")
        self.schedule_next_button = _button(
            "Schedule ne&xt meeting",
            "One cadence later, same place, open action items carried forward",
        )
        self.new_action_button = _button(
            "New &action item…", "An action item agreed at this meeting"
        )
        self.agenda_pdf_button = _button("A&genda PDF…", "Preview, print or save the agenda")
        self.minutes_pdf_button = _button("&Minutes PDF…", "Preview, print or save the minutes")
        keeps_working(self.agenda_pdf_button, self.minutes_pdf_button)
        self.cancel_button = _button("&Cancel meeting", "Keep it on record as cancelled")
        self.delete_button = _button("De&lete meeting", "Remove it (Ctrl+Z brings it back)")
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in (self.mark_held_button, self.schedule_next_button, self.new_action_button):
            actions.addWidget(button)
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
        rows = (
            (("title", "&Title"),),
            (("starts_at", "Date && &time"), ("duration_minutes", "D&uration")),
            (("mode", "M&ode"), ("status", "&Status")),
            (("location", "Locat&ion"),),
            (("video_link", "&Video link"),),
        )
        for row, pairs in enumerate(rows):
            for column, (name, text) in enumerate(pairs):
                grid.addWidget(_labelled(text, self.fields[name]), row, column * 2)
                span = 3 if len(pairs) == 1 else 1
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
        self.agenda_table = _table("Agenda", OrderedTable())
        self.agenda_table.setModel(self.agenda_model)
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
            "Double-click or F2 to edit; drag rows or press Ctrl+Up/Ctrl+Down to reorder"
        )

    def _agenda_page(self) -> QWidget:
        self._build_agenda_table()
        self.add_item_button = _button("Add &item", "A new item at the end of the agenda")
        self.remove_item_button = _button("&Remove item", "Remove the selected item (Delete)")
        self.move_up_button = _button("Move &up", "Ctrl+Up")
        self.move_down_button = _button("Move do&wn", "Ctrl+Down")
        self.agenda_error = plain_label(name="FieldError", wrap=True)
        self.agenda_error.setAccessibleName("Agenda problem")
        self.agenda_error.hide()
        self.notes_edit = PlainTextField()
        self.notes_edit.setPlaceholderText("Notes on the selected item, for the minutes.")
        self.notes_box = FieldBox(self.notes_edit, "Agenda item notes")
        notes_label = QLabel("N&otes on the selected item")
        notes_label.setBuddy(self.notes_edit)
        buttons = QHBoxLayout()
        for button in (self.add_item_button, self.remove_item_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.move_up_button, self.move_down_button):
            buttons.addWidget(button)
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
        self.attendance_table = _table("Attendance", OrderedTable())
        self.attendance_table.setModel(self.attendance_model)
        self.attendance_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.attendance_table.setToolTip("Double-click or F2 to change the status")
        self.attendance_summary = plain_label(name="AttendanceSummary")
        self.attendance_summary.setAccessibleName("Attendance summary")
        self.fill_button = _button("&Fill from team", "List every current member as present")
        self.guest_edit = QLineEdit()
        self.guest_edit.setPlaceholderText("Guest's name")
        self.guest_box = FieldBox(self.guest_edit, "Guest name")
        self.add_guest_button = _button("Add &guest")
        self.remove_attendee_button = _button("&Remove from list", "Delete")
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
        for name, text in (("minutes_summary", "Minutes s&ummary"), ("decisions", "Dec&isions")):
            column = QVBoxLayout()
            label = QLabel(text)
            label.setBuddy(self.fields[name].editor)
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
        for name in MEETING_FIELDS:
            self.fields[name].clear_error()
            self.set_field_value(name, getattr(sheet.detail.meeting, name))
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
        self.subtitle.setText(
            f"{team_name}   ·   {format_meeting_time(meeting.starts_at)}   ·   "
            f"{meeting.duration_minutes} min   ·   {meeting.status.label}"
        )
        status = meeting.status
        self.mark_held_button.setEnabled(status is not MeetingStatus.HELD)
        self.cancel_button.setEnabled(status is MeetingStatus.SCHEDULED)

    def field_value(self, name: str) -> Any:
        """What the user has in a field, in the type the service takes."""
        editor = self.fields[name].editor
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, PlainTextField):
            return editor.toPlainText()
        if isinstance(editor, QDateTimeEdit):
            return from_qdatetime(editor.dateTime())
        if isinstance(editor, QSpinBox):
            return editor.value()
        assert isinstance(editor, QComboBox)
        return editor.currentData()

    def set_field_value(self, name: str, value: Any) -> None:
        editor = self.fields[name].editor
        editor.blockSignals(True)
        if isinstance(editor, QLineEdit):
            editor.setText(value)
            editor.setCursorPosition(0)
        elif isinstance(editor, PlainTextField):
            editor.setPlainText(value)
        elif isinstance(editor, QDateTimeEdit):
            assert isinstance(value, datetime)
            editor.setDateTime(to_qdatetime(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(str(value))))
        editor.blockSignals(False)
