"""Behaviour of the action item editor: load one item, save each field, add items and notes."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.action_item_views import ActionItemDetail
from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import (
    ConflictError,
    NotFoundError,
    UserFacingError,
    ValidationError,
    field_label,
)
from cs360desk.domain.views import ActionItemRow
from cs360desk.i18n import _
from cs360desk.services.action_item_changes import change_action_item, create_action_item
from cs360desk.services.action_items import action_item_detail
from cs360desk.services.progress_log import add_progress_note
from cs360desk.ui.action_items.editor import ActionItemEditor
from cs360desk.ui.common.conflicts import check_unchanged, resolve_conflict
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession


def _saved_detail(
    session: WorkSession, edit: Edit, item_id: int, today: date
) -> tuple[ActionItemDetail, Edit]:
    return action_item_detail(session, item_id, today=today), edit


KIND = "action_item"


class ActionItemEditorController(QObject):
    """Saves what the editor reports; tells the list about rows it saved or created."""

    row_saved = Signal(object)  # ActionItemRow
    created = Signal(object)  # ActionItemRow
    closed = Signal()

    def __init__(
        self, context: SectionContext, editor: ActionItemEditor, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._editor = editor
        self._request = 0
        editor.field_committed.connect(self._on_field_committed)
        editor.create_requested.connect(self._on_create_requested)
        editor.note_requested.connect(self._on_note_requested)
        editor.close_requested.connect(self._on_close_requested)

    @property
    def editor(self) -> ActionItemEditor:
        return self._editor

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    # -- what the list controller calls -----------------------------------------------------

    def open(self, item_id: int) -> None:
        """Load the item and show it; the editor keeps showing the old one until it arrives."""
        self._request += 1
        request, today = self._request, self._today()
        self._context.runner.run(
            lambda s: action_item_detail(s, item_id, today=today),
            on_success=lambda detail: self._on_loaded(request, detail),
            on_failure=lambda error: self._on_load_failed(request, error),
        )

    def show_detail(self, detail: ActionItemDetail) -> None:
        self._request += 1
        self._editor.show_detail(detail)

    def new(self, initiative_id: int, defaults: dict[str, Any]) -> None:
        self._request += 1
        self._editor.show_new(initiative_id, defaults)

    def reload(self) -> None:
        if self._editor.item_id is not None and not self._editor.isHidden():
            self.open(self._editor.item_id)

    def item_saved(self, row: ActionItemRow) -> None:
        if self._editor.item_id == row.item.id:
            self._editor.show_row(row)

    def items_deleted(self, item_ids: Collection[int]) -> None:
        if self._editor.item_id in item_ids:
            self._on_close_requested()

    # -- slots ------------------------------------------------------------------------------

    def _on_loaded(self, request: int, detail: ActionItemDetail) -> None:
        if request == self._request:
            self._editor.show_detail(detail)

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(error, NotFoundError):
            self._context.show_status(_("That action item no longer exists."))
            self._on_close_requested()
        else:
            self._context.runner.report_failure(error)

    def _on_field_committed(self, field: str, value: object) -> None:
        detail = self._editor.detail
        if detail is None:
            return
        self._editor.clear_errors(field)
        self._save_field(detail.row.item.id, detail.row.item.version, field, value)

    def _save_field(
        self, item_id: int, version: int | None, field: str, value: object, seen: int = 0
    ) -> None:
        """Save one field over `version`; None: over the stored version, unless the item
        changed since its change `seen` (what the user was told of in a conflict)."""
        today = self._today()

        def work(session: WorkSession) -> tuple[ActionItemRow, Edit]:
            expected = version
            if expected is None:
                check_unchanged(session, KIND, item_id, seen)
                expected = action_item_detail(session, item_id, today=today).row.item.version
            return change_action_item(
                session, item_id, today=today, expected_version=expected, **{field: value}
            )

        self._writer.write(
            work,
            done=lambda row, _edit: _("Saved: {field} of “{title}”.").format(
                field=field_label(field), title=row.item.title
            ),
            on_saved=self._on_field_saved,
            on_failed=lambda error: self._on_field_refused(error, item_id, field, value),
        )

    def _on_field_refused(
        self, error: BaseException, item_id: int, field: str, value: object
    ) -> None:
        """Someone else saved the item since it was opened: ask whose change wins."""
        if not isinstance(error, ConflictError):
            self._on_refused(error, field)
            return
        self._context.show_status(_("Not saved: {error}").format(error=error))
        resolve_conflict(
            self._context,
            KIND,
            item_id,
            keep_mine=lambda seen: self._save_field(item_id, None, field, value, seen),
            reload_theirs=lambda: self._reload_theirs(item_id),
        )

    def _reload_theirs(self, item_id: int) -> None:
        """The stored values replace what was typed, in every field."""
        self._request += 1
        request, today = self._request, self._today()
        self._context.runner.run(
            lambda s: action_item_detail(s, item_id, today=today),
            on_success=lambda detail: self._on_theirs_loaded(request, detail),
            on_failure=lambda error: self._on_load_failed(request, error),
        )

    def _on_theirs_loaded(self, request: int, detail: ActionItemDetail) -> None:
        if request != self._request:
            return
        self._editor.show_detail(detail)
        self._editor.show_row(detail.row, keep_typing=False)
        self.row_saved.emit(detail.row)  # the list shows the stored row too

    def _on_field_saved(self, row: ActionItemRow) -> None:
        self.item_saved(row)
        self.row_saved.emit(row)

    def _on_create_requested(self) -> None:
        initiative_id = self._editor.initiative_id
        if initiative_id is None:
            return
        values = self._editor.values()
        today = self._today()
        self._editor.clear_errors()

        def work(session: WorkSession) -> tuple[ActionItemDetail, Edit]:
            row, edit = create_action_item(
                session, today=today, initiative_id=initiative_id, **values
            )
            return _saved_detail(session, edit, row.item.id, today)

        self._writer.write(
            work,
            done=lambda detail, _edit: _("Saved: new action item “{title}”.").format(
                title=detail.row.item.title
            ),
            on_saved=self._on_created,
            on_failed=lambda error: self._on_refused(error, ""),
        )

    def _on_created(self, detail: ActionItemDetail) -> None:
        self.show_detail(detail)
        self.created.emit(detail.row)

    def _on_note_requested(self, noted_on: date, text: str) -> None:
        item_id = self._editor.item_id
        if item_id is None:
            return
        today = self._today()

        def work(session: WorkSession) -> tuple[ActionItemDetail, Edit]:
            _note, edit = add_progress_note(session, item_id, noted_on=noted_on, text=text)
            return _saved_detail(session, edit, item_id, today)

        self._writer.write(
            work,
            done=lambda detail, _edit: _("Saved: progress note on “{title}”.").format(
                title=detail.row.item.title
            ),
            on_saved=self._on_note_saved,
            on_failed=self._on_note_refused,
        )

    def _on_note_saved(self, detail: ActionItemDetail) -> None:
        self._editor.note_added(self._today())
        self.show_detail(detail)

    def _on_note_refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._editor.show_note_error(str(error))
            self._context.show_status(str(error))
        else:
            self._context.runner.report_failure(error)

    def _on_refused(self, error: BaseException, field: str) -> None:
        """Bad input is shown next to its field, the typed text stays for the user to fix."""
        if isinstance(error, ValidationError):
            self._editor.show_field_error(error.field or field, error.problem)
            self._context.show_status(str(error))
            return
        if isinstance(error, UserFacingError):
            self._context.show_status(str(error))
        self._context.runner.report_failure(error)
        if isinstance(error, ConflictError | NotFoundError):
            self.reload()

    def _on_close_requested(self) -> None:
        self._request += 1
        self._editor.hide()
        self.closed.emit()
