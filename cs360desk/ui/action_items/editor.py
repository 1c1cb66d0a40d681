"""The panel beside the action item table: one item's fields and its dated progress log."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.action_item_views import ActionItemChoices, ActionItemDetail
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.views import ActionItemRow
from cs360desk.i18n import N_, _, pgettext
from cs360desk.ui.action_items.widgets import ChoiceCombo, OptionalDateEdit
from cs360desk.ui.common.choice_delegate import ValueCombo
from cs360desk.ui.common.field_widgets import CommitTextEdit
from cs360desk.ui.common.formatting import date_format, format_date, from_qdate, to_qdate
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import scaled_font

FIELDS = ("title", "details", "owner_id", "due_on", "status", "priority", "team_id", "problem_id")


def _field_row(widget: QWidget, error: QLabel) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return holder


class ActionItemEditor(QFrame):
    """Layout and the translation of widget events into field changes; saving is elsewhere.

    For a stored item each field is saved as soon as the user leaves it (`field_committed`);
    a new item is added with the Add button (`create_requested`).
    """

    field_committed = Signal(str, object)
    create_requested = Signal()
    note_requested = Signal(object, str)  # date, text
    close_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ActionItemEditor")
        self.setAccessibleName(_("Action item editor"))
        self.detail: ActionItemDetail | None = None
        self.initiative_id: int | None = None
        self.heading = plain_label(_("Action item"), name="EditorHeading", wrap=True)
        self.heading.setFont(scaled_font(self, 1.25, bold=True))
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAccessibleName(_("Close the editor"))
        self.close_button.setToolTip(_("Close the editor (Esc)"))
        keeps_working(self.close_button)
        self._build_fields(today)
        self._build_notes(today)
        self._build_layout()
        self._connect()

    def _build_fields(self, today: date) -> None:
        self.title_edit = QLineEdit()
        self.details_edit = CommitTextEdit()
        self.details_edit.setFixedHeight(self.fontMetrics().height() * 5)
        self.owner_box = ChoiceCombo(N_("(no owner)"), N_("Owner"))
        self.due_edit = OptionalDateEdit(today)
        self.status_box = ValueCombo([(s.label, s) for s in ActionStatus])
        self.priority_box = ValueCombo([(p.label, p) for p in Priority])
        self.team_box = ChoiceCombo(N_("(no team)"), N_("Team"))
        self.problem_box = ChoiceCombo(N_("(no problem)"), N_("Problem"))
        self.meeting_label = plain_label(name="SourceMeeting", wrap=True)
        self.completed_label = plain_label(name="CompletedOn")
        self.add_button = QPushButton(_("Add action item"))
        self.add_button.setAccessibleName(_("Add action item"))
        self.add_button.setDefault(True)
        self.inputs: dict[str, QWidget] = {
            "title": self.title_edit,
            "details": self.details_edit,
            "owner_id": self.owner_box,
            "due_on": self.due_edit,
            "status": self.status_box,
            "priority": self.priority_box,
            "team_id": self.team_box,
            "problem_id": self.problem_box,
        }
        self.errors: dict[str, QLabel] = {}
        for field in FIELDS:
            error = plain_label(name="FieldError", wrap=True)
            error.hide()
            self.errors[field] = error

    def _build_notes(self, today: date) -> None:
        self.notes_heading = plain_label(_("Progress log"), name="PanelHeading")
        self.notes_heading.setFont(scaled_font(self, 1.1, bold=True))
        self.notes_list = QListWidget()
        self.notes_list.setObjectName("ProgressLog")
        self.notes_list.setAccessibleName(_("Progress log, newest first"))
        self.notes_list.setWordWrap(True)
        self.notes_list.setSpacing(3)
        self.notes_list.setMinimumHeight(self.fontMetrics().height() * 6)
        self.note_date = QDateEdit(to_qdate(today))
        self.note_date.setDisplayFormat(date_format())
        self.note_date.setCalendarPopup(True)
        self.note_date.setAccessibleName(_("Date of the note"))
        self.note_date.setToolTip(_("When it happened (today unless you change it)"))
        self.note_text = QLineEdit()
        self.note_text.setAccessibleName(_("New progress note"))
        self.note_text.setPlaceholderText(_("What happened?"))
        self.note_button = QPushButton(_("Add note"))
        self.note_button.setAccessibleName(_("Add note"))
        self.note_error = plain_label(name="FieldError", wrap=True)
        self.note_error.hide()
        self.notes_hint = plain_label(_("Add the item first; then notes can be logged."), wrap=True)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in (
            (_("&Title"), "title"),
            (_("D&etails"), "details"),
            (_("O&wner"), "owner_id"),
            (_("D&ue"), "due_on"),
            (_("&Status"), "status"),
            (_("Priorit&y"), "priority"),
            (_("Tea&m"), "team_id"),
            (_("Pro&blem"), "problem_id"),
        ):
            label = QLabel(text)
            label.setBuddy(self.inputs[field])
            self.inputs[field].setAccessibleName(text.replace("&", ""))
            form.addRow(label, _field_row(self.inputs[field], self.errors[field]))
        form.addRow(_("Source meeting"), self.meeting_label)
        form.addRow(pgettext("action item field", "Completed"), self.completed_label)
        return form

    def _build_layout(self) -> None:
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_date)
        note_row.addWidget(self.note_text, 1)
        note_row.addWidget(self.note_button)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addLayout(header)
        layout.addLayout(self._build_form())
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(8)
        for widget in (self.notes_heading, self.notes_hint):
            layout.addWidget(widget)
        layout.addLayout(note_row)
        layout.addWidget(self.note_error)
        layout.addWidget(self.notes_list, 1)
        scroll = QScrollArea()
        scroll.setObjectName("EditorScroll")
        scroll.setAccessibleName(_("Action item"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        chain: list[QWidget] = [
            *self.inputs.values(), self.add_button, self.note_date, self.note_text,
            self.note_button, self.notes_list, self.close_button,
        ]  # fmt: skip
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.title_edit.editingFinished.connect(lambda: self._on_edited("title"))
        self.details_edit.editing_finished.connect(lambda: self._on_edited("details"))
        self.due_edit.editingFinished.connect(lambda: self._on_edited("due_on"))
        for field in ("owner_id", "status", "priority", "team_id", "problem_id"):
            box = self.inputs[field]
            assert isinstance(box, ChoiceCombo | ValueCombo)
            box.activated.connect(lambda _i, f=field: self._on_edited(f))
        self.add_button.clicked.connect(self.create_requested)
        self.note_button.clicked.connect(self._on_note_clicked)
        self.note_text.returnPressed.connect(self._on_note_clicked)
        self.close_button.clicked.connect(self.close_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_requested)

    # -- what the controller calls ----------------------------------------------------------

    @property
    def is_new(self) -> bool:
        return self.detail is None

    @property
    def item_id(self) -> int | None:
        return self.detail.row.item.id if self.detail else None

    def set_choices(self, choices: ActionItemChoices) -> None:
        self.owner_box.set_choices(choices.people)
        self.team_box.set_choices(choices.teams)
        self.problem_box.set_choices(choices.problems)

    def show_new(self, initiative_id: int, defaults: dict[str, Any]) -> None:
        self.detail = None
        self.initiative_id = initiative_id
        self.heading.setText(_("New action item"))
        self.clear_errors()
        self.title_edit.clear()
        self.details_edit.setPlainText("")
        self.owner_box.set_value(defaults.get("owner_id"))
        self.due_edit.set_value(defaults.get("due_on"))
        self.status_box.set_value(ActionStatus.OPEN)
        self.priority_box.set_value(Priority.MEDIUM)
        self.team_box.set_value(defaults.get("team_id"))
        self.problem_box.set_value(defaults.get("problem_id"))
        self.meeting_label.setText("—")
        self.completed_label.setText("—")
        self._show_notes_part(False)
        self.notes_list.clear()
        self.add_button.show()
        self.title_edit.setFocus()

    def show_detail(self, detail: ActionItemDetail) -> None:
        same = self.item_id == detail.row.item.id
        self.detail = detail
        self.initiative_id = detail.row.item.initiative_id
        if not same:
            self.clear_errors()
        self.heading.setText(_("Action item"))
        self.add_button.hide()
        self._show_notes_part(True)
        self.show_row(detail.row, keep_typing=same)
        meeting = detail.row.meeting_title
        if meeting and detail.meeting_starts_at is not None:
            meeting = f"{meeting}, {format_date(detail.meeting_starts_at.astimezone().date())}"
        self.meeting_label.setText(meeting or "—")
        self.notes_list.clear()
        for note in detail.notes:
            self.notes_list.addItem(f"{format_date(note.noted_on)} — {note.text}")
        if not detail.notes:
            self.notes_list.addItem(_("No progress noted yet."))
            self.notes_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def show_row(self, row: ActionItemRow, *, keep_typing: bool = True) -> None:
        """Show the stored values (after a save here or in the table).

        Text the user has typed and not yet saved stays: a save of another field that comes
        back meanwhile must not wipe it.
        """
        same = self.detail is not None and self.detail.row.item.id == row.item.id
        keep = keep_typing and same
        if self.detail is not None and same:
            self.detail = dataclasses.replace(self.detail, row=row)
        item = row.item
        if not (keep and self.title_edit.isModified()) or self.title_edit.text() == item.title:
            self.title_edit.setText(item.title)
            self.title_edit.setCursorPosition(0)
        document = self.details_edit.document()
        if not (keep and document.isModified()) or self.details_edit.toPlainText() == item.details:
            if self.details_edit.toPlainText() != item.details:
                self.details_edit.setPlainText(item.details)
            document.setModified(False)
        self.owner_box.set_value(item.owner_id, row.owner_name)
        self.due_edit.set_value(item.due_on)
        self.status_box.set_value(item.status)
        self.priority_box.set_value(item.priority)
        self.team_box.set_value(item.team_id, row.team_name)
        self.problem_box.set_value(item.problem_id, row.problem_title)
        self.completed_label.setText(format_date(item.completed_on) or "—")

    def values(self) -> dict[str, Any]:
        return {field: self.value_of(field) for field in FIELDS}

    def value_of(self, field: str) -> Any:
        widget = self.inputs[field]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, CommitTextEdit):
            return widget.toPlainText()
        if isinstance(widget, OptionalDateEdit | ChoiceCombo | ValueCombo):
            return widget.value()
        raise KeyError(field)

    def show_field_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        if label is None:
            label = self.errors["title"]  # a field without a place of its own
        label.setText(message)
        label.show()
        widget = self.inputs.get(field, self.title_edit)
        widget.setProperty("invalid", True)
        widget.style().polish(widget)
        widget.setAccessibleDescription(message)

    def clear_errors(self, field: str | None = None) -> None:
        for name in (field,) if field else FIELDS:
            self.errors[name].hide()
            self.errors[name].clear()
            widget = self.inputs[name]
            widget.setProperty("invalid", False)
            widget.style().polish(widget)
        self.note_error.hide()

    def show_note_error(self, message: str) -> None:
        self.note_error.setText(message)
        self.note_error.show()

    def note_added(self, today: date) -> None:
        self.note_text.clear()
        self.note_date.setDate(to_qdate(today))
        self.note_error.hide()

    # -- inside -----------------------------------------------------------------------------

    def _show_notes_part(self, enabled: bool) -> None:
        for widget in (self.note_date, self.note_text, self.note_button, self.notes_list):
            widget.setEnabled(enabled)
        self.notes_hint.setVisible(not enabled)

    def _on_edited(self, field: str) -> None:
        if self.detail is None:
            return  # a new item is saved with the Add button
        value = self.value_of(field)
        stored = getattr(self.detail.row.item, field)
        if value != stored:
            self.field_committed.emit(field, value)

    def _on_note_clicked(self) -> None:
        self.note_requested.emit(from_qdate(self.note_date.date()), self.note_text.text())
