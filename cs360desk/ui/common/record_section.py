"""What the People, Community map and Teams sections share: a list beside one record's editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import NotFoundError
from cs360desk.i18n import _
from cs360desk.ui.common.autosave import AutoSave
from cs360desk.ui.common.conflicts import seen_change
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.record_widgets import show_row
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession


class RecordSection(QObject):
    """Loads the list and the chosen record's detail, each answer only if it is still wanted.

    A subclass builds `_view` and `_autosave`, names its `record_kind`, and fills in
    `_list_work`, `_show_list`, `_detail_work`, `_record_id_of`, `_show_detail` and
    `_show_blank_detail`. `loaded` fires when the list has been (re)shown, `detail_loaded`
    when a record's detail has.
    """

    loaded = Signal()
    detail_loaded = Signal()
    record_kind = ""

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._detail: Any = None
        self._list_request = 0
        self._selecting = False
        self._detail_request = 0

    def _start(self, view: Any, autosave: AutoSave) -> None:
        """Takes the built view and its auto-save, and wires what every section wires."""
        self._view = view
        self._autosave = autosave
        view.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        autosave.saved.connect(self._on_saved)
        autosave.created.connect(self._on_created)
        autosave.watch(self.record_kind)  # the kind is the table's name
        autosave.reload_wanted.connect(self._load_detail)
        view.new_action.triggered.connect(self._on_new)
        view.delete_action.triggered.connect(self._on_delete)
        view.delete_key_action.triggered.connect(self._on_delete)

    @property
    def record_id(self) -> int | None:
        """The record in the editor (None while none is, or while a new one is unsaved)."""
        return self._autosave.record_id

    def refresh(self) -> None:
        self._load_list()
        if self.record_id is not None:
            self._load_detail(self.record_id)

    def refresh_live(self) -> None:
        """Someone else saved: the list follows; the form only while it holds no typing."""
        self._load_list()
        if self.record_id is not None and not self._autosave.has_unsaved_edits:
            self._load_detail(self.record_id)

    def open_record(self, kind: str, record_id: int) -> None:
        if kind == self.record_kind:
            self._show_record(record_id)
            self._load_list()

    # What each section fills in --------------------------------------------------------

    def _list_work(self) -> Any:
        """The function of a session that loads the list as it is asked for now."""
        raise NotImplementedError

    def _show_list(self, page: Any) -> None:
        raise NotImplementedError

    def _detail_work(self, session: WorkSession, record_id: int) -> Any:
        raise NotImplementedError

    def _record_id_of(self, detail: Any) -> int:
        raise NotImplementedError

    def _show_detail(self, detail: Any) -> None:
        raise NotImplementedError

    def _show_blank_detail(self) -> None:
        """The editor's parts beside the form, emptied for a record not yet saved."""
        raise NotImplementedError

    def _on_saved(self, saved: Any) -> None:
        raise NotImplementedError

    def _on_created(self, detail: Any) -> None:
        raise NotImplementedError

    def _on_new(self) -> None:
        raise NotImplementedError

    def _on_delete(self) -> None:
        raise NotImplementedError

    # Loading ---------------------------------------------------------------------------

    def _load_list(self) -> None:
        self._list_request += 1
        request = self._list_request
        self._context.runner.run(
            self._list_work(), on_success=lambda page: self._on_list_loaded(request, page)
        )

    def _on_list_loaded(self, request: int, page: Any) -> None:
        if request != self._list_request:
            return
        self._show_list(page)
        self.loaded.emit()

    def _select_row_of(self, record_id: int | None) -> None:
        self._selecting = True  # a selection made here is not the user choosing a row
        try:
            show_row(self._view.table, self._view.model.row_of(record_id))
        finally:
            self._selecting = False

    def _show_record(self, record_id: int) -> None:
        self._autosave.show_record(record_id)
        self._load_detail(record_id)

    def _load_detail(self, record_id: int) -> None:
        self._detail_request += 1
        request = self._detail_request
        kind, autosave = self.record_kind, self._autosave

        def work(session: WorkSession) -> Any:
            # Read first: a change landing in between is then taken for someone else's.
            seen = seen_change(session, kind, record_id)
            detail = self._detail_work(session, record_id)
            autosave.seen(record_id, seen)
            return detail

        self._context.runner.run(
            work,
            on_success=lambda detail: self._on_detail_loaded(request, detail),
            on_failure=lambda error: self._on_detail_failed(request, error),
        )

    def _on_detail_loaded(self, request: int, detail: Any) -> None:
        if request != self._detail_request or self._record_id_of(detail) != self.record_id:
            return
        self._show_detail(detail)
        self.detail_loaded.emit()

    def _on_detail_failed(self, request: int, error: BaseException) -> None:
        if request != self._detail_request:
            return
        if isinstance(error, NotFoundError):  # deleted, or its creation undone
            self._clear_editor()
        else:
            self._context.runner.report_failure(error)

    def _clear_editor(self) -> None:
        self._autosave.show_record(None)
        self._detail = None
        self._view.show_editor(False)
        self._select_row_of(None)
        self._update_actions()

    def _update_actions(self) -> None:
        can_delete = self.record_id is not None
        self._view.delete_action.setEnabled(can_delete)
        self._view.delete_key_action.setEnabled(can_delete)

    # Slots -----------------------------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows or self._selecting:
            return
        record_id = self._view.model.id_at(rows[0].row())
        if record_id != self.record_id or self._autosave.draft:
            self._show_record(record_id)

    def _start_draft(self, values: dict[str, Any], fixed: dict[str, Any] | None = None) -> None:
        """A blank editor for a new record, saved once its required field is filled."""
        self._detail = None
        self._detail_request += 1  # a detail still loading must not replace the blank form
        self._autosave.start_draft(values, fixed)
        self._show_blank_detail()
        self._select_row_of(None)
        self._view.show_editor(True)
        self._update_actions()

    def _delete_record(self, job: Callable[[WorkSession], Edit], record_id: int, name: str) -> None:
        """Delete with `job`, then say "Deleted {name}."; the editor closes if it showed it."""
        self._writer.write(
            lambda s: edit_only(job(s)),
            done=_("Deleted {name}.").format(name=name),
            on_saved=lambda _deleted: self._on_deleted(record_id),
        )

    def _on_deleted(self, record_id: int) -> None:
        if self.record_id == record_id:
            self._clear_editor()
        self._load_list()
