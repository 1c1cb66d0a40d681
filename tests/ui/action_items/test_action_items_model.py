"""The paged action item model, checked with qtmodeltester and without any window or database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs360desk.domain.action_item_views import ActionItemPage
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.views import ActionItemRow
from cs360desk.ui.action_items.model import (
    CACHED_PAGES,
    COLUMNS,
    DUE,
    LOADING_TEXT,
    OWNER,
    PAGE_SIZE,
    PAGES_IN_FLIGHT,
    STATUS,
    TITLE,
    ActionItemTableModel,
    overdue_colours,
)
from tests.ui.record_support import open_action_item

pytestmark = pytest.mark.gui
TODAY = date(2026, 3, 15)
STAMP = datetime(2026, 3, 1, tzinfo=UTC)
DISPLAY = Qt.ItemDataRole.DisplayRole


def make_row(item_id: int, *, due: date | None = None, overdue: bool = False) -> ActionItemRow:
    item = open_action_item(
        item_id,
        title=f"Item {item_id}",
        details="" if item_id % 2 else "Call first; then write.",
        owner_id=7 if item_id % 3 else None,
        due_on=due,
        updated_at=STAMP,
    )
    owner = "Ana Ruiz" if item.owner_id else ""
    return ActionItemRow(item, owner, "Eastside PST", "Gun crime", "Feb PST", overdue=overdue)


def page(offset: int, count: int, total: int) -> ActionItemPage:
    rows = tuple(make_row(offset + n + 1) for n in range(count))
    return ActionItemPage(total=total, offset=offset, rows=rows)


def text(model: ActionItemTableModel, row: int, column: int) -> object:
    return model.data(model.index(row, column), DISPLAY)


def test_model_passes_qtmodeltester_empty_partial_and_full(qtmodeltester: ModelTester) -> None:
    model = ActionItemTableModel()
    qtmodeltester.check(model)
    model.reset(450, (page(0, PAGE_SIZE, 450),), TODAY)
    qtmodeltester.check(model)
    model.put_page(model.generation, page(PAGE_SIZE, PAGE_SIZE, 450))
    model.put_page(model.generation, page(2 * PAGE_SIZE, 50, 450))
    qtmodeltester.check(model)
    assert model.rowCount() == 450
    assert model.columnCount() == len(COLUMNS)


def test_rows_not_yet_fetched_say_loading_and_ask_for_their_page(qtbot: QtBot) -> None:
    model = ActionItemTableModel()
    model.reset(1000, (page(0, PAGE_SIZE, 1000),), TODAY)
    assert text(model, 0, TITLE) == "Item 1"
    assert text(model, 3 * PAGE_SIZE + 5, TITLE) == LOADING_TEXT
    assert text(model, 3 * PAGE_SIZE + 5, OWNER) == ""
    with qtbot.waitSignal(model.page_requested) as asked:
        text(model, 3 * PAGE_SIZE + 6, TITLE)  # the same page is asked for once
    assert asked.args == [model.generation, 3]


def test_pages_asked_for_are_capped_and_newest_first(qtbot: QtBot) -> None:
    model = ActionItemTableModel()
    model.reset(20 * PAGE_SIZE, (), TODAY)
    asked: list[int] = []
    model.page_requested.connect(lambda _generation, number: asked.append(number))
    for number in range(10):
        text(model, number * PAGE_SIZE, TITLE)
    qtbot.waitUntil(lambda: len(asked) == PAGES_IN_FLIGHT)
    assert asked == [9, 8, 7]


def test_stale_pages_and_pages_of_a_changed_list_are_refused() -> None:
    model = ActionItemTableModel()
    model.reset(500, (), TODAY)
    old = model.generation
    model.reset(500, (), TODAY)
    assert not model.put_page(old, page(0, PAGE_SIZE, 500))
    assert not model.put_page(model.generation, page(0, PAGE_SIZE, 499))
    assert model.loaded_row_count == 0
    assert model.put_page(model.generation, page(0, PAGE_SIZE, 500))
    assert model.loaded_row_count == PAGE_SIZE


def test_memory_is_bounded_however_far_the_user_scrolls() -> None:
    total = (CACHED_PAGES + 10) * PAGE_SIZE
    model = ActionItemTableModel()
    model.reset(total, (), TODAY)
    for number in range(CACHED_PAGES + 10):
        model.put_page(model.generation, page(number * PAGE_SIZE, PAGE_SIZE, total))
    assert model.loaded_row_count == CACHED_PAGES * PAGE_SIZE
    assert model.row_at(0) is None  # the oldest page was let go
    assert model.row_at(total - 1) is not None


def test_overdue_is_marked_by_words_and_colour(qtbot: QtBot) -> None:
    model = ActionItemTableModel()
    late = make_row(1, due=TODAY - timedelta(days=3), overdue=True)
    on_time = make_row(2, due=TODAY + timedelta(days=3))
    model.reset(2, (ActionItemPage(2, 0, (late, on_time)),), TODAY)
    shown = str(text(model, 0, DUE))
    assert shown.startswith("⚠") and "overdue" in shown
    assert "overdue" not in str(text(model, 1, DUE))
    background = model.data(model.index(0, DUE), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor)
    assert model.data(model.index(1, DUE), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, TITLE), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, TITLE), Qt.ItemDataRole.ForegroundRole) is None
    ink = model.data(model.index(0, DUE), Qt.ItemDataRole.ForegroundRole)
    assert (ink, background) == overdue_colours(QGuiApplication.palette())
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole):
        assert model.data(model.index(0, DUE), role) is None
    tip = model.data(model.index(0, DUE), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Overdue by 3 days"
    spoken = model.data(model.index(0, DUE), Qt.ItemDataRole.AccessibleTextRole)
    assert "overdue" in str(spoken)


@pytest.mark.parametrize("base", ["#ffffff", "#1e1e1e"])
def test_overdue_colours_keep_contrast_on_light_and_dark_bases(base: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    ink, background = overdue_colours(palette)
    assert abs(ink.lightness() - background.lightness()) > 100


def test_an_edit_is_shown_at_once_then_kept_or_taken_back(qtbot: QtBot) -> None:
    model = ActionItemTableModel()
    model.reset(3, (page(0, 3, 3),), TODAY)
    model.set_people({9: "Bao Tran"})
    index = model.index(1, OWNER)
    with qtbot.waitSignal(model.edit_requested) as asked:
        assert model.setData(index, 9, Qt.ItemDataRole.EditRole)
    row, field, value = asked.args
    assert (row.item.id, field, value) == (2, "owner_id", 9)
    assert text(model, 1, OWNER) == "Bao Tran"
    model.edit_finished(2, "owner_id", None)  # refused: the stored owner returns
    assert text(model, 1, OWNER) == "Ana Ruiz"
    status = model.index(0, STATUS)
    assert model.setData(status, ActionStatus.DONE, Qt.ItemDataRole.EditRole)
    assert text(model, 0, STATUS) == "Done"
    assert not model.setData(model.index(0, TITLE), "x", Qt.ItemDataRole.EditRole)


def test_only_loaded_rows_of_editable_columns_are_editable() -> None:
    model = ActionItemTableModel()
    model.reset(500, (page(0, PAGE_SIZE, 500),), TODAY)
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, STATUS)) & editable
    assert not model.flags(model.index(0, TITLE)) & editable
    assert not model.flags(model.index(PAGE_SIZE + 1, STATUS)) & editable
    assert not model.setData(model.index(PAGE_SIZE + 1, STATUS), ActionStatus.DONE)


def test_sorting_is_asked_of_the_database_not_done_here(qtbot: QtBot) -> None:
    model = ActionItemTableModel()
    model.reset(3, (page(0, 3, 3),), TODAY)
    with qtbot.waitSignal(model.sort_changed) as asked:
        model.sort(OWNER, Qt.SortOrder.DescendingOrder)
    assert asked.args == ["owner", True]
    assert text(model, 0, TITLE) == "Item 1"  # rows stay until the new order arrives
    with qtbot.assertNotEmitted(model.sort_changed):
        model.sort(OWNER, Qt.SortOrder.DescendingOrder)
        model.sort(99)


def test_a_saved_row_replaces_the_shown_one() -> None:
    model = ActionItemTableModel()
    model.reset(3, (page(0, 3, 3),), TODAY)
    saved = make_row(3, due=TODAY)
    model.replace_row(saved)
    assert model.row_at(2) == saved
    assert model.row_of_item(3) == 2
    assert model.row_of_item(99) is None
