"""The action item table: a paged Qt model that knows the total and asks for rows as they show."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from cs360desk.domain.action_item_views import ActionItemPage
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.views import ActionItemFilter, ActionItemRow
from cs360desk.i18n import N_, _, count_of, pgettext
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.palette import Tone, app_colours

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
# Pages kept in memory; scrolling far away forgets the oldest, which load again when seen.
CACHED_PAGES = 30
# Pages asked for at once; fast scrolling asks again for what is still on screen.
PAGES_IN_FLIGHT = 3
LOADING_TEXT = N_("Loading…")
OVERDUE_MARK = "⚠"
EDIT_ROLE = Qt.ItemDataRole.EditRole
DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
# Roles as plain ints: a paint asks data() for seven roles of every visible cell, and looking
# up an enum member costs more than answering.
_DISPLAY, _EDIT = int(DISPLAY_ROLE), int(EDIT_ROLE)
_SPOKEN, _TIP = int(Qt.ItemDataRole.AccessibleTextRole), int(Qt.ItemDataRole.ToolTipRole)
_INK, _FILL = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.BackgroundRole)
_ANSWERED = frozenset({_DISPLAY, _SPOKEN, _EDIT, _TIP, _INK, _FILL})
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class ListQuery:
    """What the table shows: the filter, the day "overdue" is judged on, and the order."""

    where: ActionItemFilter
    today: date
    sort: str = "due_on"
    descending: bool = False


@dataclass(frozen=True)
class ItemColumn:
    header: str  # marked with N_(); translated where it is shown
    sort: str  # the key find_action_items sorts by
    text: Callable[[ActionItemRow], str]
    field: str = ""  # the action item field edited in place, if any
    value: Callable[[ActionItemRow], Any] | None = None


def due_text_for(due: date | None, *, overdue: bool) -> str:
    when = format_date(due)
    return _("{mark} {date} · overdue").format(mark=OVERDUE_MARK, date=when) if overdue else when


def due_text(row: ActionItemRow) -> str:
    return due_text_for(row.item.due_on, overdue=row.overdue)


COLUMNS: tuple[ItemColumn, ...] = (
    ItemColumn(N_("Title"), "title", lambda r: r.item.title),
    ItemColumn(N_("Owner"), "owner", lambda r: r.owner_name, "owner_id", lambda r: r.item.owner_id),
    ItemColumn(N_("Due"), "due_on", due_text, "due_on", lambda r: r.item.due_on),
    ItemColumn(
        N_("Status"), "status", lambda r: r.item.status.label, "status", lambda r: r.item.status
    ),
    ItemColumn(
        N_("Priority"),
        "priority",
        lambda r: r.item.priority.label,
        "priority",
        lambda r: r.item.priority,
    ),
    ItemColumn(N_("Team"), "team", lambda r: r.team_name),
    ItemColumn(N_("Problem"), "problem", lambda r: r.problem_title),
    ItemColumn(N_("Source meeting"), "meeting", lambda r: r.meeting_title),
)
TITLE, OWNER, DUE, STATUS, PRIORITY, TEAM, PROBLEM, MEETING = range(len(COLUMNS))


def overdue_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Text and background for overdue cells (which also say "⚠ … overdue"), from the app's
    semantic colours: a dark tint on a dark base, the palette's own in high contrast."""
    swatch = app_colours(palette)[Tone.OVERDUE]
    return QColor(swatch.ink), QColor(swatch.paper)


class ActionItemTableModel(QAbstractTableModel):
    """Rows are pages of ActionItemRow DTOs fetched on demand; sorting is asked of the database.

    The model never reads the workspace itself: it emits `page_requested` and is handed pages
    with `put_page`, and it emits `edit_requested` for an in-place edit and shows the new value
    until `edit_finished` says whether it was saved.
    """

    page_requested = Signal(int, int)  # generation, page number
    sort_changed = Signal(str, bool)  # sort key, descending
    edit_requested = Signal(object, str, object)  # ActionItemRow, field, new value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.generation = 0
        self._total = 0
        self._pages: OrderedDict[int, tuple[ActionItemRow, ...]] = OrderedDict()
        self._in_flight: set[int] = set()
        self._wanted: list[int] = []
        self._pending: dict[tuple[int, str], Any] = {}
        self._names: dict[int, str] = {}
        self.sort_column = DUE
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(0)
        self._ask_timer.timeout.connect(self._ask_for_pages)

    # -- what the controller hands in -------------------------------------------------------

    def reset(
        self, total: int, pages: tuple[ActionItemPage, ...] = (), today: date | None = None
    ) -> None:
        """Forget every row and start a new generation (new filter, sort or reload)."""
        self.beginResetModel()
        self.generation += 1
        self.today = today or self.today
        self._total = max(0, total)
        self._pages.clear()
        self._in_flight.clear()
        self._wanted.clear()
        self._pending.clear()
        for page in pages:
            self._store(page)
        self.endResetModel()

    def put_page(self, generation: int, page: ActionItemPage) -> bool:
        """Show a requested page; False when it is stale or the list has changed size since."""
        number = page.offset // PAGE_SIZE
        if generation != self.generation:
            return False
        self._in_flight.discard(number)
        if page.total != self._total:
            return False
        self._store(page)
        if page.rows:
            last = min(self._total, page.offset + len(page.rows)) - 1
            self.dataChanged.emit(self.index(page.offset, 0), self.index(last, len(COLUMNS) - 1))
        return True

    def page_failed(self, generation: int, number: int) -> None:
        if generation == self.generation:
            self._in_flight.discard(number)

    def set_people(self, names: dict[int, str]) -> None:
        """Owner names, to show an owner picked in place before the save comes back."""
        self._names = dict(names)

    def edit_finished(self, item_id: int, field: str, saved: ActionItemRow | None) -> None:
        """Replace the row with the saved one, or drop the shown value so the old one returns."""
        self._pending.pop((item_id, field), None)
        if saved is not None:
            self.replace_row(saved)
        else:
            self._changed(item_id)

    def replace_row(self, saved: ActionItemRow) -> None:
        at = self.row_of_item(saved.item.id)
        if at is None:
            return
        number, position = divmod(at, PAGE_SIZE)
        updated = list(self._pages[number])
        updated[position] = saved
        self._pages[number] = tuple(updated)
        self._changed(saved.item.id)

    # -- what the controller reads ----------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded_row_count(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    @property
    def sort_key(self) -> str:
        return COLUMNS[self.sort_column].sort

    @property
    def descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def row_at(self, row: int) -> ActionItemRow | None:
        if not 0 <= row < self._total:
            return None
        rows = self._pages.get(row // PAGE_SIZE)
        position = row % PAGE_SIZE
        return rows[position] if rows is not None and position < len(rows) else None

    def row_of_item(self, item_id: int) -> int | None:
        for number, rows in self._pages.items():
            for position, row in enumerate(rows):
                if row.item.id == item_id:
                    return number * PAGE_SIZE + position
        return None

    def want_row(self, row: int) -> None:
        """Make sure the page holding `row` is (being) loaded."""
        if 0 <= row < self._total and self.row_at(row) is None:
            self._want(row // PAGE_SIZE)

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = DISPLAY_ROLE) -> Any:
        # Most roles a paint asks for (font, alignment, decoration…) are answered first.
        if role not in _ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role in (_INK, _FILL) and column != DUE:
            return None
        row = self.row_at(index.row())
        if row is None:
            self._want(index.row() // PAGE_SIZE)
            shown = _(LOADING_TEXT) if column == TITLE else ""
            return shown if role in (_DISPLAY, _SPOKEN) else None
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _SPOKEN:
            return _("{column}: {value}").format(
                column=_(COLUMNS[column].header),
                value=self._text(row, column) or pgettext("empty cell", "none"),
            )
        if role == _EDIT:
            return self._value(row, column)
        if role == _TIP:
            return self._tooltip(row, column)
        if row.overdue:
            ink, background = overdue_colours(QGuiApplication.palette())
            return ink if role == _INK else background
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (DISPLAY_ROLE, Qt.ItemDataRole.AccessibleTextRole):
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            column = _(COLUMNS[section].header).lower()
            if COLUMNS[section].field:
                tip = _("Sort by {column}. Double-click or press F2 on a cell to change it.")
                return tip.format(column=column)
            return _("Sort by {column}.").format(column=column)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if COLUMNS[index.column()].field and self.row_at(index.row()) is not None:
            return _EDITABLE
        return _SELECTABLE

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT_ROLE) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        field = COLUMNS[index.column()].field if index.isValid() else ""
        if role != EDIT_ROLE or row is None or not field:
            return False
        if value == self._value(row, index.column()):
            return False
        self._pending[(row.item.id, field)] = value
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(row, field, value)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.sort_column, self.sort_order = column, order
        self.sort_changed.emit(self.sort_key, self.descending)

    # -- inside -----------------------------------------------------------------------------

    def _store(self, page: ActionItemPage) -> None:
        number = page.offset // PAGE_SIZE
        self._pages[number] = page.rows
        self._pages.move_to_end(number)
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)

    def _changed(self, item_id: int) -> None:
        at = self.row_of_item(item_id)
        if at is not None:
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))

    def _want(self, number: int) -> None:
        if number in self._in_flight or number in self._wanted:
            return
        self._wanted.append(number)
        self._ask_timer.start()

    def _ask_for_pages(self) -> None:
        # The most recently painted pages first: they are what the user is looking at now.
        wanted, self._wanted = self._wanted[::-1], []
        for number in wanted:
            if len(self._in_flight) >= PAGES_IN_FLIGHT:
                break
            if number not in self._pages and number * PAGE_SIZE < self._total:
                self._in_flight.add(number)
                self.page_requested.emit(self.generation, number)

    def _value(self, row: ActionItemRow, column: int) -> Any:
        spec = COLUMNS[column]
        if spec.field and (row.item.id, spec.field) in self._pending:
            return self._pending[(row.item.id, spec.field)]
        return spec.value(row) if spec.value else spec.text(row)

    def _text(self, row: ActionItemRow, column: int) -> str:
        spec = COLUMNS[column]
        if not spec.field or (row.item.id, spec.field) not in self._pending:
            return spec.text(row)
        value = self._pending[(row.item.id, spec.field)]
        if spec.field == "owner_id":
            return self._names.get(value, "") if value is not None else ""
        if spec.field == "due_on":
            return format_date(value)
        return value.label if isinstance(value, ActionStatus | Priority) else str(value)

    def _tooltip(self, row: ActionItemRow, column: int) -> str:
        if column == TITLE and row.item.details.strip():
            details = row.item.details.strip()
            return f"{row.item.title}\n\n{details[:400]}{'…' if len(details) > 400 else ''}"
        if column == DUE and row.overdue:
            days = (self.today - row.item.due_on).days if row.item.due_on else 0
            return count_of(days, "Overdue by {n} day", "Overdue by {n} days")
        return self._text(row, column)
