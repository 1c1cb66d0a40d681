"""The action items section over the small sample agency: filters, edits, undo, the editor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.errors import ConflictError, ValidationError
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services.action_items import count_action_items, find_action_items
from cs360desk.services.catalog import ACTION_ITEM
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.action_items import changes as item_changes
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.action_items.filters import week_of
from cs360desk.ui.action_items.model import COLUMNS, DUE, OWNER, PAGE_SIZE, STATUS
from cs360desk.ui.action_items.view import STATUS_FILTERS
from cs360desk.ui.action_items.widgets import OptionalDateEdit
from cs360desk.ui.common.choice_delegate import ValueCombo
from cs360desk.ui.common.formatting import format_date

pytestmark = pytest.mark.gui
ANY_STATUS = 0


@dataclass
class Section:
    controller: ActionItemsController
    harness: Any
    workspace: Workspace
    initiative_id: int
    today: date
    qtbot: QtBot

    @property
    def view(self):  # type: ignore[no-untyped-def]
        return self.controller.view

    @property
    def model(self):  # type: ignore[no-untyped-def]
        return self.controller.view.model

    def shown_ids(self) -> list[int]:
        """Every row of the list, fetching the pages not loaded yet as scrolling would."""
        model = self.model

        def missing() -> list[int]:
            return [n for n in range(0, model.rowCount(), PAGE_SIZE) if model.row_at(n) is None]

        for _attempt in range(20):
            if not missing():
                break
            for first in missing():
                model.want_row(first)
            # Generous: on a loaded CI machine a page of the filtered list can take seconds.
            self.qtbot.waitUntil(
                lambda: not self.harness.runner.busy and not missing(), timeout=30_000
            )
        return [model.row_at(n).item.id for n in range(model.rowCount())]

    def service_ids(self, where: ActionItemFilter) -> list[int]:
        query = self.controller.shown_query
        with self.workspace.session_factory.begin() as session:
            rows = find_action_items(
                session, where, today=self.today, sort=query.sort, descending=query.descending
            )
        return [row.item.id for row in rows]

    def item(self, item_id: int):  # type: ignore[no-untyped-def]
        with self.workspace.session_factory.begin() as session:
            return ACTION_ITEM.get(session, item_id)

    def select_rows(self, *rows: int) -> None:
        table, last = self.view.table, len(COLUMNS) - 1
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        table.clearSelection()
        for row in rows:
            selection = QItemSelection(self.model.index(row, 0), self.model.index(row, last))
            table.selectionModel().select(selection, flags)


@pytest.fixture
def section(qtbot: QtBot, sample_harness, sample_workspace: Workspace, now) -> Iterator[Section]:
    controller = ActionItemsController(sample_harness.context)
    qtbot.addWidget(controller.view)
    # As the main window does: after undo or redo every section reads its data again.
    sample_harness.history.applied.connect(lambda _edit: controller.refresh())
    with sample_workspace.session_factory.begin() as session:
        initiative_id = initiatives(session)[0].id
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(initiative_id)
    today = now.astimezone().date()
    yield Section(controller, sample_harness, sample_workspace, initiative_id, today, qtbot)
    sample_harness.wait_idle(qtbot)


def shown(qtbot: QtBot, section: Section) -> None:
    view = section.view
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitActive(view, timeout=10_000):
        view.activateWindow()
    view.table.setFocus()


def wait(qtbot: QtBot, section: Section) -> None:
    section.harness.wait_idle(qtbot)


# -- the list and its filters -----------------------------------------------------------------


def test_the_list_opens_on_what_is_still_to_do(section: Section) -> None:
    where = section.controller.current_filter()
    assert where.statuses == STATUS_FILTERS[1][1]
    assert section.shown_ids() == section.service_ids(where)
    assert section.view.count_label.text() == f"{len(section.shown_ids())} items"
    assert section.model.rowCount() > 0


def test_every_status_filter_matches_the_service(qtbot: QtBot, section: Section) -> None:
    everything = None
    for position, (_text, statuses) in enumerate(STATUS_FILTERS):
        section.view.status_box.setCurrentIndex(position)
        wait(qtbot, section)
        where = section.controller.current_filter()
        assert where.statuses == statuses
        assert section.shown_ids() == section.service_ids(where)
        everything = everything or len(section.shown_ids())
        if statuses:
            assert len(section.shown_ids()) < everything  # the filter narrows


def _pick_owner(section: Section) -> None:
    owner = section.model.row_at(0).item.owner_id
    section.view.owner_box.setCurrentIndex(section.view.owner_box.ids().index(owner))


@pytest.mark.parametrize(
    "narrow",
    [
        _pick_owner,
        lambda s: s.view.team_box.setCurrentIndex(1),
        lambda s: s.view.problem_box.setCurrentIndex(1),
        lambda s: s.view.overdue_box.setChecked(True),
        lambda s: s.view.week_box.setChecked(True),
    ],
    ids=["owner", "team", "problem", "overdue", "due this week"],
)
def test_each_filter_narrows_the_list_as_the_service_does(
    qtbot: QtBot, section: Section, narrow
) -> None:
    section.view.status_box.setCurrentIndex(ANY_STATUS)
    wait(qtbot, section)
    everything = section.shown_ids()
    narrow(section)
    wait(qtbot, section)
    where = section.controller.current_filter()
    assert where != ActionItemFilter(initiative_id=section.initiative_id)
    found = section.shown_ids()
    assert found == section.service_ids(where)
    assert set(found) < set(everything)
    assert section.view.count_label.text() == f"{len(found)} item{'' if len(found) == 1 else 's'}"


def test_due_this_week_follows_the_locale_week(qtbot: QtBot, section: Section) -> None:
    section.view.week_box.setChecked(True)
    wait(qtbot, section)
    where = section.controller.current_filter()
    first, last = week_of(section.today, QLocale().firstDayOfWeek().value)
    assert (where.due_from, where.due_to) == (first, last)
    assert (last - first).days == 6 and first <= section.today <= last
    for item_id in section.shown_ids():
        due = section.item(item_id).due_on
        assert due is not None and first <= due <= last


def test_search_waits_for_typing_to_pause_then_matches_title_or_details(
    qtbot: QtBot, section: Section
) -> None:
    section.view.status_box.setCurrentIndex(ANY_STATUS)
    wait(qtbot, section)
    with qtbot.waitSignal(section.controller.loaded, timeout=10_000):
        section.view.search_box.setText("surv")
        section.view.search_box.setText("survey")
        assert section.model.rowCount() > 1  # nothing reloads while the user types
    found = section.shown_ids()
    assert found and found == section.service_ids(section.controller.current_filter())
    for item_id in found:
        item = section.item(item_id)
        assert "survey" in (item.title + item.details).lower()


def test_the_filters_stay_put_as_the_count_changes(qtbot: QtBot, section: Section) -> None:
    view = section.view
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.status_box.setCurrentIndex(ANY_STATUS)
    wait(qtbot, section)
    before = (view.count_label.text(), view.problem_box.geometry(), view.status_box.geometry())
    with qtbot.waitSignal(section.controller.loaded, timeout=10_000):
        view.search_box.setText("survey")
    qtbot.waitUntil(lambda: view.count_label.text() != before[0], timeout=10_000)
    QApplication.processEvents()
    assert (view.problem_box.geometry(), view.status_box.geometry()) == before[1:]


def test_a_new_search_paints_the_list_once(qtbot: QtBot, section: Section) -> None:
    """Rows and scroll bar are laid out before the paint, so the list is not painted twice."""
    view = section.view
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.status_box.setCurrentIndex(ANY_STATUS)
    wait(qtbot, section)
    paints: list[int] = []

    class Count(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    def settle() -> None:
        for _turn in range(5):
            QApplication.processEvents()

    counter = Count()
    view.table.viewport().installEventFilter(counter)
    settle()
    for text in ("s", "e", "t"):  # each matches more rows than fit: the scroll bar stays
        paints.clear()
        with qtbot.waitSignal(section.controller.loaded, timeout=10_000):
            view.search_box.setText(text)
            view.search_box.returnPressed.emit()
        settle()
        assert len(paints) == 1, text
    view.table.viewport().removeEventFilter(counter)


def test_percent_and_underscore_are_searched_literally(qtbot: QtBot, section: Section) -> None:
    with section.workspace.session_factory.begin() as session:
        for title in ("Raise attendance by 100% next month", "Check a_b report", "Check axb"):
            ACTION_ITEM.create(session, initiative_id=section.initiative_id, title=title)
    for text, expected in (("%", ["Raise attendance by 100% next month"]),
                           ("a_b", ["Check a_b report"])):  # fmt: skip
        with qtbot.waitSignal(section.controller.loaded, timeout=10_000):
            section.view.search_box.setText(text)
        titles = [section.item(item_id).title for item_id in section.shown_ids()]
        assert titles == expected


def test_clear_filters_shows_every_item_and_an_empty_result_says_why(
    qtbot: QtBot, section: Section
) -> None:
    with qtbot.waitSignal(section.controller.loaded, timeout=10_000):
        section.view.search_box.setText("no action item says this, zqxj")
    assert section.model.rowCount() == 0
    assert "No action item matches these filters" in section.view.list_message.text()
    section.view.clear_button.click()
    wait(qtbot, section)
    with section.workspace.session_factory.begin() as session:
        total = count_action_items(
            session, ActionItemFilter(initiative_id=section.initiative_id), today=section.today
        )
    assert section.model.rowCount() == total
    assert section.view.search_box.text() == ""


def test_sorting_by_a_header_asks_the_database(qtbot: QtBot, section: Section) -> None:
    section.view.table.sortByColumn(OWNER, Qt.SortOrder.DescendingOrder)
    wait(qtbot, section)
    assert section.controller.shown_query.sort == "owner"
    assert section.controller.shown_query.descending
    assert section.shown_ids() == section.service_ids(section.controller.current_filter())


def test_no_initiative_is_said_in_words(qtbot: QtBot, harness) -> None:
    controller = ActionItemsController(harness.context)
    qtbot.addWidget(controller.view)
    controller.show_initiative(None)
    assert not controller.view.showing_list
    assert "no initiative yet" in controller.view.message_label.text()


# -- saving in place, in bulk, deleting -------------------------------------------------------


def test_status_edited_in_place_is_saved_and_undone(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    row = section.model.row_at(0)
    index = section.model.index(0, STATUS)
    section.view.table.setCurrentIndex(index)
    section.view.table.edit(index)
    combo = section.view.table.viewport().findChild(ValueCombo)
    assert isinstance(combo, ValueCombo) and combo.value() is row.item.status
    position = combo.values.index(ActionStatus.BLOCKED)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    wait(qtbot, section)
    assert section.item(row.item.id).status is ActionStatus.BLOCKED
    assert section.model.row_at(0).item.status is ActionStatus.BLOCKED
    assert section.harness.statuses[-1] == f"Saved: status of “{row.item.title}”."
    section.harness.history.undo()
    wait(qtbot, section)
    assert section.item(row.item.id).status is row.item.status
    assert section.model.data(section.model.index(0, STATUS)) == row.item.status.label


def test_an_edit_of_a_stale_row_reverts_and_says_why(qtbot: QtBot, section: Section) -> None:
    row = section.model.row_at(0)
    with section.workspace.session_factory.begin() as session:
        ACTION_ITEM.update(session, row.item.id, title="Changed in the tracker meanwhile")
    section.model.setData(section.model.index(0, STATUS), ActionStatus.DONE)
    wait(qtbot, section)
    assert section.item(row.item.id).status is row.item.status
    assert isinstance(section.harness.failures[-1], ConflictError)
    assert "changed elsewhere" in section.harness.statuses[-1]
    assert section.model.row_at(0).item.title == "Changed in the tracker meanwhile"
    assert not section.harness.history.can_undo()


def test_a_refused_edit_reverts_the_cell_and_says_why(qtbot: QtBot, section: Section) -> None:
    row = section.model.row_at(0)
    section.model.setData(section.model.index(0, OWNER), 987_654)  # nobody has this id
    wait(qtbot, section)
    assert section.item(row.item.id).owner_id == row.item.owner_id
    assert section.model.data(section.model.index(0, OWNER)) == row.owner_name
    assert isinstance(section.harness.failures[-1], ValidationError)
    assert section.harness.statuses[-1] == "owner: no person with id 987654"


def test_due_date_edited_in_place_can_be_removed_and_undone(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    row = section.model.row_at(0)
    assert row.item.due_on is not None
    index = section.model.index(0, DUE)
    section.view.table.setCurrentIndex(index)
    section.view.table.edit(index)
    editor = section.view.table.viewport().findChild(OptionalDateEdit)
    assert isinstance(editor, OptionalDateEdit) and editor.value() == row.item.due_on
    assert editor.displayFormat().count("y") == 4
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "No due date"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits (queued) and closes the editor
    qtbot.waitUntil(lambda: section.item(row.item.id).due_on is None)
    wait(qtbot, section)
    saved = section.model.row_of_item(row.item.id)
    assert saved is not None and section.model.data(section.model.index(saved, DUE)) == ""
    section.harness.history.undo()
    wait(qtbot, section)
    assert section.item(row.item.id).due_on == row.item.due_on


def test_owner_can_be_set_on_many_rows_and_undone_at_once(qtbot: QtBot, section: Section) -> None:
    rows = [section.model.row_at(n) for n in (0, 1, 2)]
    section.select_rows(0, 1, 2)
    assert section.view.selection_label.text() == "3 selected:"
    box = section.view.bulk_owner_box
    new_owner = next(i for i in box.ids() if i and all(r.item.owner_id != i for r in rows))
    box.setCurrentIndex(box.ids().index(new_owner))
    section.view.bulk_owner_button.click()
    wait(qtbot, section)
    assert all(section.item(r.item.id).owner_id == new_owner for r in rows)
    assert section.harness.statuses[-1].startswith("Saved: 3 action items given to")
    section.harness.history.undo()
    wait(qtbot, section)
    assert [section.item(r.item.id).owner_id for r in rows] == [r.item.owner_id for r in rows]
    assert not section.harness.history.can_undo()


def test_bulk_status_from_the_menu(qtbot: QtBot, section: Section) -> None:
    rows = [section.model.row_at(n) for n in (0, 1)]
    section.select_rows(0, 1)
    section.view.bulk_status_actions[ActionStatus.IN_PROGRESS].trigger()
    wait(qtbot, section)
    assert all(section.item(r.item.id).status is ActionStatus.IN_PROGRESS for r in rows)


def test_ctrl_d_marks_the_selection_done(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    rows = [section.model.row_at(n) for n in (0, 1)]
    section.select_rows(0, 1)
    qtbot.keyClick(section.view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    wait(qtbot, section)
    assert all(section.item(r.item.id).status is ActionStatus.DONE for r in rows)
    assert section.item(rows[0].item.id).completed_on is not None
    # Done items leave the "still to do" list.
    assert not {r.item.id for r in rows} & set(section.shown_ids())


def test_ctrl_return_in_the_table_marks_done_too(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    row = section.model.row_at(3)
    section.select_rows(3)
    qtbot.keyClick(section.view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait(qtbot, section)
    assert section.item(row.item.id).status is ActionStatus.DONE
    assert section.harness.statuses[-1] == "Saved: 1 action item marked done."


def test_delete_asks_first_and_undo_brings_the_items_back(
    qtbot: QtBot, section: Section, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(qtbot, section)
    asked: list[int] = []
    monkeypatch.setattr(
        item_changes, "confirm_delete", lambda _parent, count: asked.append(count) or True
    )
    rows = [section.model.row_at(n) for n in (0, 1)]
    before = section.model.rowCount()
    section.select_rows(0, 1)
    qtbot.keyClick(section.view.table, Qt.Key.Key_Delete)
    wait(qtbot, section)
    assert asked == [2]
    assert section.model.rowCount() == before - 2
    with section.workspace.session_factory.begin() as session:
        assert ACTION_ITEM.list(session, ACTION_ITEM.model.id.in_([r.item.id for r in rows])) == []
    section.harness.history.undo()
    wait(qtbot, section)
    assert section.model.rowCount() == before
    assert [section.item(r.item.id).title for r in rows] == [r.item.title for r in rows]


def test_delete_refused_at_the_question_deletes_nothing(
    qtbot: QtBot, section: Section, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(item_changes, "confirm_delete", lambda _parent, _count: False)
    before = section.shown_ids()
    section.select_rows(0)
    section.view.delete_button.click()
    wait(qtbot, section)
    assert section.shown_ids() == before
    assert section.harness.statuses[-1] == "Nothing was deleted."
    assert not section.harness.history.can_undo()


# -- the editor -------------------------------------------------------------------------------


def open_editor(qtbot: QtBot, section: Section, row: int = 0) -> None:
    section.view.table.setCurrentIndex(section.model.index(row, 0))
    section.view.open_button.click()
    wait(qtbot, section)
    assert section.view.editor.item_id == section.model.row_at(row).item.id


def test_enter_opens_the_editor_and_escape_closes_it(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    section.view.table.setCurrentIndex(section.model.index(1, 0))
    qtbot.keyClick(section.view.table, Qt.Key.Key_Return)
    wait(qtbot, section)
    editor = section.view.editor
    assert editor.isVisible()
    assert editor.item_id == section.model.row_at(1).item.id
    assert editor.title_edit.text() == section.model.row_at(1).item.title
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    assert editor.isHidden()


def test_ctrl_n_adds_an_item_through_the_editor(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    before = section.model.rowCount()
    qtbot.keyClick(section.view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = section.view.editor
    assert editor.isVisible() and editor.is_new
    editor.title_edit.setText("Walk Calle Ocho with Sra. Nguyễn")
    editor.details_edit.setPlainText("Bring the lighting map.\nAsk about the <b>bus</b> stop.")
    editor.add_button.click()
    wait(qtbot, section)
    assert not editor.is_new
    item = section.item(editor.item_id)
    assert item.title == "Walk Calle Ocho with Sra. Nguyễn"
    assert item.details == "Bring the lighting map.\nAsk about the <b>bus</b> stop."
    assert item.initiative_id == section.initiative_id
    assert section.model.rowCount() == before + 1
    assert section.controller.view.table.currentIndex().row() == section.model.row_of_item(item.id)
    assert section.harness.history.can_undo()


def test_an_empty_title_is_refused_next_to_the_field_and_typing_is_kept(
    qtbot: QtBot, section: Section
) -> None:
    before = section.model.rowCount()
    section.controller._on_new()
    editor = section.view.editor
    editor.details_edit.setPlainText("typed with care")
    editor.title_edit.setText("   ")
    editor.add_button.click()
    wait(qtbot, section)
    assert editor.is_new
    assert not editor.errors["title"].isHidden()
    assert "must not be empty" in editor.errors["title"].text()
    assert editor.details_edit.toPlainText() == "typed with care"
    assert editor.title_edit.text() == "   "
    assert section.model.rowCount() == before
    assert not section.harness.history.can_undo()


def test_a_field_of_a_stored_item_saves_when_left_and_errors_keep_the_text(
    qtbot: QtBot, section: Section
) -> None:
    open_editor(qtbot, section)
    editor = section.view.editor
    item_id = editor.item_id
    title = section.item(item_id).title
    editor.title_edit.setText("")
    editor.title_edit.editingFinished.emit()
    wait(qtbot, section)
    assert "must not be empty" in editor.errors["title"].text()
    assert editor.title_edit.text() == ""
    assert section.item(item_id).title == title
    editor.title_edit.setText(title + " (with the school board)")
    editor.title_edit.editingFinished.emit()
    wait(qtbot, section)
    assert editor.errors["title"].isHidden()
    assert section.item(item_id).title == title + " (with the school board)"
    assert section.model.row_at(0).item.title == title + " (with the school board)"
    editor.due_edit.set_value(None)
    editor.due_edit.editingFinished.emit()
    wait(qtbot, section)
    assert section.item(item_id).due_on is None


def test_progress_notes_are_added_and_listed_newest_first(qtbot: QtBot, section: Section) -> None:
    open_editor(qtbot, section)
    editor = section.view.editor
    for days_ago, text in ((1, "called the school district"), (9, "emailed the principal")):
        editor.note_date.setDate(editor.note_date.date().addDays(-days_ago))
        editor.note_text.setText(text)
        editor.note_button.click()
        wait(qtbot, section)
        assert editor.note_text.text() == ""
    lines = [editor.notes_list.item(n).text() for n in range(editor.notes_list.count())]
    newest = format_date(section.today - timedelta(days=1))
    assert lines[:2] == [
        f"{newest} — called the school district",
        f"{format_date(section.today - timedelta(days=9))} — emailed the principal",
    ]
    editor.note_text.setText("  ")
    editor.note_button.click()
    wait(qtbot, section)
    assert "must not be empty" in editor.note_error.text()
    section.harness.history.undo()  # the last note added goes
    wait(qtbot, section)
    lines = [editor.notes_list.item(n).text() for n in range(editor.notes_list.count())]
    assert lines[0] == f"{newest} — called the school district"
    assert not any("emailed the principal" in line for line in lines)


def test_the_field_being_typed_in_survives_a_save_of_another(
    qtbot: QtBot, section: Section
) -> None:
    shown(qtbot, section)
    open_editor(qtbot, section)
    editor = section.view.editor
    editor.status_box.set_value(ActionStatus.BLOCKED)
    editor.status_box.activated.emit(editor.status_box.currentIndex())
    editor.details_edit.setFocus()
    editor.details_edit.clear()
    qtbot.keyClicks(editor.details_edit, "half-typed thought")
    wait(qtbot, section)
    assert section.item(editor.item_id).status is ActionStatus.BLOCKED
    assert editor.details_edit.toPlainText() == "half-typed thought"
    editor.title_edit.setFocus()  # leaving the details saves them
    wait(qtbot, section)
    assert section.item(editor.item_id).details == "half-typed thought"


def test_a_bulk_change_keeps_the_open_editor_current(qtbot: QtBot, section: Section) -> None:
    open_editor(qtbot, section)
    section.select_rows(0)
    section.view.bulk_status_actions[ActionStatus.BLOCKED].trigger()
    wait(qtbot, section)
    editor = section.view.editor
    assert editor.status_box.value() is ActionStatus.BLOCKED
    editor.title_edit.setText("Renamed after the bulk change")
    editor.title_edit.editingFinished.emit()
    wait(qtbot, section)
    assert section.harness.failures == []  # the editor knew the new version
    assert section.item(editor.item_id).title == "Renamed after the bulk change"


def test_the_optional_date_starts_from_today_and_clears_with_delete(qtbot: QtBot) -> None:
    today = date(2026, 3, 15)
    edit = OptionalDateEdit(today)
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.text() == "No due date"
    edit.stepBy(1)
    assert edit.value() == today
    edit.stepBy(1)
    assert edit.value() == today + timedelta(days=1)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.value() is None
    edit.set_value(date(2025, 12, 31))
    assert edit.value() == date(2025, 12, 31)


def test_open_record_clears_hiding_filters_and_selects_the_item(
    qtbot: QtBot, section: Section
) -> None:
    with section.workspace.session_factory.begin() as session:
        done = find_action_items(
            session,
            ActionItemFilter(
                initiative_id=section.initiative_id, statuses=frozenset({ActionStatus.DONE})
            ),
            today=section.today,
            limit=1,
        )[0]
    assert done.item.id not in section.shown_ids()
    with qtbot.waitSignal(section.controller.loaded, timeout=5_000):
        section.controller.open_record("action_item", done.item.id)
    table = section.view.table
    assert section.model.row_at(table.currentIndex().row()).item.id == done.item.id
    assert section.view.status_box.currentIndex() == ANY_STATUS
    assert section.view.editor.item_id == done.item.id
    assert not section.view.editor.isHidden()
    section.controller.open_record("person", 1)  # not ours: nothing happens
    assert section.view.editor.item_id == done.item.id


def test_f6_moves_between_the_filters_and_the_table(qtbot: QtBot, section: Section) -> None:
    shown(qtbot, section)
    qtbot.keyClick(section.view.table, Qt.Key.Key_F6)
    assert section.view.search_box.hasFocus()
    qtbot.keyClick(section.view.search_box, Qt.Key.Key_F6)
    assert section.view.table.hasFocus()
    qtbot.keyClick(section.view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert section.view.search_box.hasFocus()


def test_every_control_has_an_accessible_name(section: Section) -> None:
    kinds = (QAbstractButton, QCheckBox, QComboBox, QDateEdit, QLineEdit, QListWidget,
             QPlainTextEdit, QTableView)  # fmt: skip
    controls = [w for w in section.view.findChildren(QWidget) if isinstance(w, kinds)]
    # Parts Qt builds inside a control (a combo's line edit, a table's corner button).
    inner = [
        w
        for w in controls
        if isinstance(w.parent(), QComboBox | QDateEdit | QLineEdit | QAbstractItemView)
    ]
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in controls
        if w not in inner and not w.accessibleName()
    ]
    assert len(controls) > 25
    assert nameless == []


def test_the_main_window_opens_records_here_and_undo_reloads_the_list(
    qtbot: QtBot, sample_workspace: Workspace, settings, now
) -> None:
    from cs360desk.ui.common.failures import FailureReporter
    from cs360desk.ui.common.sections import SectionSpec
    from cs360desk.ui.common.tasks import TaskRunner
    from cs360desk.ui.shell.main_controller import MainWindowController
    from cs360desk.ui.shell.main_window import MainWindow

    window = MainWindow(sample_workspace.path)
    qtbot.addWidget(window)
    runner = TaskRunner(sample_workspace.session_factory, FailureReporter(window).report, window)
    spec = SectionSpec("Action items", ActionItemsController, opens=("action_item",))
    main = MainWindowController(
        window, runner, settings, now=lambda: now, sections=(spec,), offer_first_run=False
    )
    section = main.sections["Action items"]
    assert isinstance(section, ActionItemsController)
    with qtbot.waitSignal(section.loaded, timeout=10_000):
        main.start()
    model = section.view.model
    first = model.row_at(0)
    main.open_record("action_item", first.item.id)
    qtbot.waitUntil(lambda: section.view.editor.item_id == first.item.id, timeout=5_000)
    model.setData(model.index(0, STATUS), ActionStatus.CANCELLED)
    qtbot.waitUntil(lambda: main.history.can_undo(), timeout=5_000)
    with qtbot.waitSignal(section.loaded, timeout=5_000):
        main.history.undo_action.trigger()  # Ctrl+Z, app-wide
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert model.row_at(0).item.status is first.item.status
    assert section.view.editor.status_box.value() is first.item.status
    window.close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
