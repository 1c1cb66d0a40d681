"""Behaviour of the action items section: filters, paged loading, keyboard, opening records."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView

from cs360desk.domain.action_item_views import ActionItemChoices, ActionItemPage
from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.views import ActionItemFilter
from cs360desk.i18n import N_, _, npgettext
from cs360desk.ui.action_items.changes import ActionItemChanges
from cs360desk.ui.action_items.delegates import DueDateDelegate
from cs360desk.ui.action_items.editor_controller import ActionItemEditorController
from cs360desk.ui.action_items.filters import (
    default_filter,
    filter_of,
    is_filtered,
    reset_filters,
)
from cs360desk.ui.action_items.jobs import ListLoad, Located, load_list, locate, page_at
from cs360desk.ui.action_items.model import (
    COLUMNS,
    DUE,
    OWNER,
    PAGE_SIZE,
    PRIORITY,
    STATUS,
    ListQuery,
)
from cs360desk.ui.action_items.view import ActionItemsView
from cs360desk.ui.common.choice_delegate import ChoiceDelegate
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.sections import SectionContext

SEARCH_DELAY_MS = 250
KIND = "action_item"
NO_INITIATIVE = N_(
    "This workspace has no initiative yet, so there are no action items to show.\n"
    "Set up the agency and its first initiative, or explore the sample agency."
)


def _empty_text(where: ActionItemFilter) -> str:
    if where == default_filter(where.initiative_id):
        return _(
            "Nothing left to do: no action item is open, in progress or blocked.\n"
            "Press Ctrl+N to add one, or choose “Any status” to see finished ones."
        )
    if is_filtered(where):
        return _("No action item matches these filters. Clear filters to see them all.")
    return _("No action items yet for this initiative. Press Ctrl+N to add the first one.")


class ActionItemsController(QObject):
    """The "Action items" section; opens records of kind "action_item"."""

    loaded = Signal()  # each time a fresh list is shown

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = ActionItemsView(self._today())
        self._model = self._view.model
        self._initiative_id: int | None = None
        self._request = 0
        self._shown = ListQuery(ActionItemFilter(), self._today())
        self._choices = ActionItemChoices((), (), ())
        # Whether the next list load reads the people, teams and problems again: on showing
        # and refreshing the section, not on each keystroke in the search box.
        self._choices_stale = True
        self._reselect: set[int] = set()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self.editing = ActionItemEditorController(context, self._view.editor, self)
        self.changes = ActionItemChanges(
            context, self._view.table, self._model, lambda: self._shown, self
        )
        self._install_delegates()
        self._connect()
        self._install_shortcuts()
        self._view.set_selection_count(0)
        self._view.show_message(_("Loading…"))

    @property
    def view(self) -> ActionItemsView:
        return self._view

    @property
    def shown_query(self) -> ListQuery:
        return self._shown

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    # -- wiring -----------------------------------------------------------------------------

    def _install_delegates(self) -> None:
        table = self._view.table

        def people() -> list[tuple[str, int | None]]:
            return [(_("(no owner)"), None)] + [(c.name, c.id) for c in self._choices.people]

        owner_list = ChoiceDelegate(people, _(COLUMNS[OWNER].header), table)
        table.setItemDelegateForColumn(OWNER, owner_list)
        statuses = [(status.label, status) for status in ActionStatus]
        status_list = ChoiceDelegate(lambda: statuses, _(COLUMNS[STATUS].header), table)
        table.setItemDelegateForColumn(STATUS, status_list)
        priorities = [(priority.label, priority) for priority in Priority]
        priority_list = ChoiceDelegate(lambda: priorities, _(COLUMNS[PRIORITY].header), table)
        table.setItemDelegateForColumn(PRIORITY, priority_list)
        table.setItemDelegateForColumn(DUE, DueDateDelegate(self._today, table))

    def _connect(self) -> None:
        view = self._view
        view.search_box.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_filters_changed)
        view.search_box.returnPressed.connect(self._on_search_entered)
        for box in (view.status_box, view.owner_box, view.team_box, view.problem_box):
            box.currentIndexChanged.connect(self._on_filters_changed)
        view.overdue_box.toggled.connect(self._on_filters_changed)
        view.week_box.toggled.connect(self._on_filters_changed)
        view.clear_button.clicked.connect(self._on_clear_filters)
        view.new_button.clicked.connect(self._on_new)
        view.open_button.clicked.connect(self._on_open_current)
        view.done_button.clicked.connect(self.changes.mark_done)
        view.delete_button.clicked.connect(self.changes.delete)
        for status, action in view.bulk_status_actions.items():
            action.triggered.connect(lambda _checked=False, s=status: self.changes.set_status(s))
        view.bulk_owner_button.clicked.connect(self._on_bulk_owner)
        view.table.activated.connect(self._on_activated)
        view.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._model.page_requested.connect(self._on_page_requested)
        self._model.sort_changed.connect(lambda _key, _descending: self._reload(top=True))
        self.changes.list_changed.connect(self.refresh)
        self.changes.row_saved.connect(self.editing.item_saved)
        self.changes.items_deleted.connect(self.editing.items_deleted)
        self.editing.row_saved.connect(self._model.replace_row)
        self.editing.created.connect(lambda row: self._show_item(row.item.id, open_editor=False))
        self.editing.closed.connect(self._on_editor_closed)

    def _install_shortcuts(self) -> None:
        view, table = self._view, self._view.table
        section = Qt.ShortcutContext.WidgetWithChildrenShortcut
        only_table = Qt.ShortcutContext.WidgetShortcut
        for keys, target, context, slot in (
            ("Ctrl+N", view, section, self._on_new),
            ("Ctrl+D", view, section, self.changes.mark_done),
            ("Ctrl+Return", table, only_table, self.changes.mark_done),
            ("Delete", table, only_table, self.changes.delete),
            ("F6", view, section, self._on_switch_focus),
            ("Ctrl+L", view, section, self._on_switch_focus),
        ):
            shortcut = QShortcut(QKeySequence(keys), target)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            if slot == self._on_switch_focus:
                keeps_working(shortcut)  # moving the focus changes nothing

    # -- Section ----------------------------------------------------------------------------

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._initiative_id = initiative_id
            # Teams and problems belong to the initiative left behind.
            self._reset_filters(everything=False)
            self._view.hide_editor()
        self._choices_stale = True
        self._reload(top=True)

    def refresh(self) -> None:
        self._choices_stale = True
        self._reload(top=False)
        self.editing.reload()

    def open_record(self, kind: str, record_id: int) -> None:
        if kind == KIND:
            self._show_item(record_id, open_editor=True)

    # -- loading ----------------------------------------------------------------------------

    def current_filter(self) -> ActionItemFilter:
        return filter_of(self._view, self._initiative_id, self._today())

    def _query(self) -> ListQuery:
        return ListQuery(
            self.current_filter(), self._today(), self._model.sort_key, self._model.descending
        )

    def _reload(self, *, top: bool) -> None:
        """Read the count and the page in view again; `top` starts from the first row."""
        self._request += 1
        self._search_timer.stop()
        if self._initiative_id is None:
            self._model.reset(0)
            self._view.show_message(_(NO_INITIATIVE))
            return
        request, query, initiative_id = self._request, self._query(), self._initiative_id
        table = self._view.table
        first_row = 0 if top else max(0, table.rowAt(0))
        scroll = 0 if top else table.verticalScrollBar().value()
        self._reselect = set() if top else self._selected_ids()
        choices = self._choices_stale
        self._context.runner.run(
            lambda s: load_list(s, query, first_row, initiative_id, choices=choices),
            on_success=lambda load: self._on_loaded(request, query, load, scroll),
            on_failure=lambda error: self._on_load_failed(request, error),
        )

    def _on_loaded(self, request: int, query: ListQuery, load: ListLoad, scroll: int) -> None:
        if request != self._request:
            return  # the filters or the initiative changed since
        if load.choices is not None:
            self._apply_choices(load.choices)
        self._show_page(query, load.page)
        self._view.table.verticalScrollBar().setValue(scroll)
        for item_id in self._reselect:
            self._select_item(item_id, clear=False)
        self.loaded.emit()

    def _show_page(self, query: ListQuery, page: ActionItemPage) -> None:
        self._shown = query
        self._model.reset(page.total, (page,) if page.rows else (), query.today)
        # Lay the rows and the scroll bar out now rather than after the first paint, which
        # would then paint the list a second time.
        self._view.table.doItemsLayout()
        total = page.total
        count = npgettext("action items", "{n} item", "{n} items", total)
        count = count.format(n=QLocale().toString(total))
        self._view.set_count(count)
        self._view.show_list(total, _empty_text(query.where))
        self._on_selection_changed()

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._view.show_message(_("The action items could not be loaded."))
            self._context.runner.report_failure(error)

    def _on_page_requested(self, generation: int, number: int) -> None:
        query = self._shown
        self._context.runner.run(
            lambda s: page_at(s, query, number * PAGE_SIZE),
            on_success=lambda page: self._on_page_loaded(generation, page),
            on_failure=lambda error: self._on_page_failed(generation, number, error),
        )

    def _on_page_loaded(self, generation: int, page: ActionItemPage) -> None:
        if not self._model.put_page(generation, page) and generation == self._model.generation:
            self._reload(top=False)  # the list grew or shrank elsewhere: count it again

    def _on_page_failed(self, generation: int, number: int, error: BaseException) -> None:
        self._model.page_failed(generation, number)
        self._context.runner.report_failure(error)

    def _apply_choices(self, choices: ActionItemChoices) -> None:
        self._choices_stale = False
        if choices == self._choices:
            return  # refilling boxes of 2,000 people costs each keystroke ~100 ms
        self._choices = choices
        view = self._view
        view.owner_box.set_choices(choices.people)
        view.team_box.set_choices(choices.teams)
        view.problem_box.set_choices(choices.problems)
        view.bulk_owner_box.set_choices(choices.people)
        view.editor.set_choices(choices)
        self._model.set_people({choice.id: choice.name for choice in choices.people})

    # -- filters ----------------------------------------------------------------------------

    def _on_filters_changed(self, *_args: Any) -> None:
        self._reload(top=True)

    def _on_search_entered(self) -> None:
        if self._search_timer.isActive():
            self._reload(top=True)

    def _reset_filters(self, *, everything: bool) -> None:
        reset_filters(self._view, everything=everything)
        self._search_timer.stop()

    def _on_clear_filters(self) -> None:
        self._reset_filters(everything=True)
        self._reload(top=True)

    # -- selection, editor, keyboard --------------------------------------------------------

    def _selected_ids(self) -> set[int]:
        model, ids = self._model, set()
        for index in self._view.table.selectionModel().selectedRows():
            row = model.row_at(index.row())
            if row is not None:
                ids.add(row.item.id)
        return ids

    def _select_item(self, item_id: int, *, clear: bool = True) -> bool:
        at = self._model.row_of_item(item_id)
        if at is None:
            return False
        table = self._view.table
        index = self._model.index(at, 0)
        flags = table.selectionModel().SelectionFlag.Rows
        if clear:
            flags |= table.selectionModel().SelectionFlag.ClearAndSelect
        else:
            flags |= table.selectionModel().SelectionFlag.Select
        table.selectionModel().setCurrentIndex(index, flags)
        table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _on_selection_changed(self, *_args: Any) -> None:
        self._view.set_selection_count(self.changes.selected_count())

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        editor = self.editing.editor
        row = self._model.row_at(current.row()) if current.isValid() else None
        following = row is not None and not editor.isHidden() and not editor.is_new
        if following and row is not None and editor.item_id != row.item.id:
            self.editing.open(row.item.id)

    def _on_activated(self, index: QModelIndex) -> None:
        row = self._model.row_at(index.row())
        if row is None:
            return
        self.editing.open(row.item.id)
        self._view.show_editor()
        self._view.editor.title_edit.setFocus()

    def _on_open_current(self) -> None:
        self._on_activated(self._view.table.currentIndex())

    def _on_new(self) -> None:
        if self._initiative_id is None:
            self._context.show_status(_("Add an initiative first; action items belong to one."))
            return
        where = self.current_filter()
        defaults = {"owner_id": where.owner_id, "team_id": where.team_id}
        defaults["problem_id"] = where.problem_id
        self.editing.new(self._initiative_id, defaults)
        self._view.show_editor()
        self._view.editor.title_edit.setFocus()

    def _on_editor_closed(self) -> None:
        self._view.hide_editor()
        self._view.table.setFocus()

    def _on_bulk_owner(self) -> None:
        box = self._view.bulk_owner_box
        self.changes.set_owner(box.value(), box.currentText())

    def _on_switch_focus(self) -> None:
        view = self._view
        if view.filter_bar.isAncestorOf(view.focusWidget() or view):
            view.table.setFocus()
        else:
            view.search_box.setFocus()
            view.search_box.selectAll()

    # -- one record -------------------------------------------------------------------------

    def _show_item(self, item_id: int, *, open_editor: bool) -> None:
        """Bring the item into the list (clearing filters that hide it) and select it."""
        self._request += 1
        request, query, initiative_id = self._request, self._query(), self._initiative_id
        self._context.runner.run(
            lambda s: locate(s, query, item_id, initiative_id),
            on_success=lambda found: self._on_located(request, found, open_editor),
            on_failure=lambda error: self._on_load_failed(request, error),
        )

    def _on_located(self, request: int, found: Located, open_editor: bool) -> None:
        if request != self._request:
            return
        self._apply_choices(found.choices)
        if found.filters_cleared:
            self._reset_filters(everything=True)
            self._context.show_status(_("Filters cleared to show the action item."))
        detail = found.location.detail
        if found.page is not None:
            self._show_page(found.query, found.page)
            self._select_item(detail.row.item.id)
            self._view.table.setFocus()
        elif self._initiative_id is not None:
            self._context.show_status(
                _("This action item belongs to the initiative “{initiative}”.").format(
                    initiative=detail.initiative_name
                )
            )
        if open_editor:
            self.editing.show_detail(detail)
            self._view.show_editor()
        self.loaded.emit()
