"""The one form framework: values of every kind of field, when they count as edited, errors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.domain.enums import MeetingMode, MemberRole
from cs360desk.domain.problem_views import Choice
from cs360desk.ui.common.choice_delegate import ChoiceDelegate, ValueCombo
from cs360desk.ui.common.field_widgets import (
    CHECK,
    CHOICE,
    DATE,
    DATE_TIME,
    ENUM,
    MINUTES,
    NUMBER,
    OPTIONAL_ENUM,
    TEXT,
    CommitTextEdit,
    FieldSpec,
)
from cs360desk.ui.common.forms import Fields

pytestmark = pytest.mark.gui
AnyIndex = QModelIndex | QPersistentModelIndex
SPECS = (
    FieldSpec("title", "&Title"),
    FieldSpec("notes", "&Notes", TEXT, column=1),
    FieldSpec("mode", "M&ode", ENUM, MeetingMode),
    FieldSpec("role", "&Role", OPTIONAL_ENUM, MemberRole, none_text="(no role)"),
    FieldSpec("owner_id", "O&wner", CHOICE),
    FieldSpec("due_on", "&Due", DATE),
    FieldSpec("value", "&Value", NUMBER),
    FieldSpec("starts_at", "Date && &time", DATE_TIME, spoken="Date and time"),
    FieldSpec("duration", "D&uration", MINUTES, maximum=240),
    FieldSpec("active", "&Active", CHECK, column=1),
)
STARTS = datetime(2026, 3, 5, 18, 30, tzinfo=UTC)
VALUES = {
    "title": "Walk Calle Ocho",
    "notes": "Bring the map.\nMeet at the church.",
    "mode": MeetingMode.HYBRID,
    "role": None,
    "owner_id": 7,
    "due_on": date(2026, 3, 31),
    "value": 12.5,
    "starts_at": STARTS,
    "duration": 90,
    "active": True,
}


@pytest.fixture
def fields(qtbot: QtBot) -> Iterator[Fields]:
    made = Fields(SPECS)
    holder = made.columns()  # it owns the rows; qtbot only keeps a weak reference
    qtbot.addWidget(holder)
    made.set_choices("owner_id", [Choice(7, "Nguyễn Thị Hoa"), Choice(9, "María López")])
    made.load(VALUES)
    yield made
    holder.close()


def test_every_kind_shows_and_gives_back_its_value(fields: Fields) -> None:
    assert fields.values() == VALUES
    assert fields.value("mode") is MeetingMode.HYBRID  # the member, not its text
    assert isinstance(fields.widget("notes"), CommitTextEdit)
    assert isinstance(fields.widget("starts_at"), QDateTimeEdit)
    assert isinstance(fields.widget("active"), QCheckBox)
    duration = fields.widget("duration")
    assert isinstance(duration, QSpinBox) and duration.suffix() == " min"
    assert not any(fields.is_changed(name) for name in fields.rows)


def test_names_come_from_the_labels_unless_spoken_differs(fields: Fields) -> None:
    assert fields.widget("title").accessibleName() == "Title"
    assert fields.widget("starts_at").accessibleName() == "Date and time"
    assert fields.row("starts_at").error.accessibleName() == "Date and time error"


def test_a_field_is_edited_when_changed_and_left(qtbot: QtBot, fields: Fields) -> None:
    title = fields.widget("title")
    assert isinstance(title, QLineEdit)
    with qtbot.assertNotEmitted(fields.edited):
        title.editingFinished.emit()  # left unchanged: nothing to save
    title.setText("Walk Calle Ocho at dusk")
    with qtbot.waitSignal(fields.edited) as edited:
        title.editingFinished.emit()
    assert edited.args == ["title"]
    fields.mark_saved("title", "Walk Calle Ocho at dusk")
    assert not fields.is_changed("title")


def test_a_field_showing_an_error_is_tried_again_when_left(qtbot: QtBot, fields: Fields) -> None:
    fields.show_error("title", "must not be empty")
    title = fields.widget("title")
    with qtbot.waitSignal(fields.edited):
        title.editingFinished.emit()  # the stored text is back: saving it clears the error


def test_text_that_is_not_a_date_is_refused_where_it_was_typed(fields: Fields) -> None:
    due = fields.widget("due_on")
    assert isinstance(due, QLineEdit)
    due.setText("next Tuesday")
    assert fields.is_changed("due_on")
    with pytest.raises(ValueError, match="is not a date"):
        fields.value("due_on")
    due.setText("2026-04-02")
    assert fields.value("due_on") == date(2026, 4, 2)


def test_an_error_is_said_in_words_beside_its_field(fields: Fields) -> None:
    row = fields.row("title")
    fields.show_error("title", "must not be empty")
    assert row.has_error and row.error.text() == "⚠ must not be empty"
    assert row.widget.accessibleDescription() == "Error: must not be empty"
    assert row.widget.property("invalid") is True
    row.show_error("Not saved: Title must not be empty", warning_sign=False)
    assert row.error.text() == "Not saved: Title must not be empty"
    fields.clear_errors()
    assert not row.has_error and row.widget.accessibleDescription() == ""
    assert row.widget.property("invalid") is False


def test_help_text_is_read_out_again_once_the_error_is_gone(fields: Fields) -> None:
    row = fields.row("active")
    row.set_help("Takes part in the work now")
    row.show_error("cannot be changed")
    row.clear_error()
    assert row.widget.accessibleDescription() == "Takes part in the work now"


def test_reloading_the_same_record_keeps_what_is_being_typed(fields: Fields) -> None:
    title = fields.widget("title")
    assert isinstance(title, QLineEdit)
    title.setText("Still typing")
    fields.update_values({**VALUES, "title": "Saved elsewhere", "duration": 120})
    assert title.text() == "Still typing"
    assert fields.value("duration") == 120


def test_choices_keep_the_one_chosen(fields: Fields) -> None:
    fields.set_choices("owner_id", [Choice(9, "María López"), Choice(7, "Hoa")])
    combo = fields.widget("owner_id")
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Hoa" and fields.value("owner_id") == 7
    assert combo.itemText(0) == "(none)"


class _Roles(QAbstractTableModel):
    """One member and their role, as the Teams roster shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.role = MemberRole.MEMBER

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.column() == 0:
            return "María López" if role == Qt.ItemDataRole.DisplayRole else None
        return self.role if role == Qt.ItemDataRole.EditRole else self.role.label

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        assert isinstance(value, MemberRole)
        self.role = value
        return True


def test_the_choice_delegate_commits_the_python_value(qtbot: QtBot) -> None:
    model = _Roles()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    roles = [(role.label, role) for role in MemberRole]
    delegate = ChoiceDelegate(
        lambda: roles, lambda index: f"Role of {index.siblingAtColumn(0).data()}", table
    )
    index = model.index(0, 1)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, ValueCombo)
    assert editor.accessibleName() == "Role of María López"
    delegate.setEditorData(editor, index)
    assert editor.value() is MemberRole.MEMBER
    editor.set_value(MemberRole.NOTE_TAKER)
    assert editor.findData(MemberRole.NOTE_TAKER) == editor.currentIndex()
    delegate.setModelData(editor, model, index)
    assert model.role is MemberRole.NOTE_TAKER
    assert isinstance(editor, QWidget)
