"""Saving an editor form field by field as each is left, creating the record from a draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import ValidationError
from cs360desk.i18n import _
from cs360desk.ui.common.conflicts import (
    ChangedElsewhereError,
    check_unchanged,
    resolve_conflict,
    seen_change,
)
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession

# save(session, record id, field, value) and create(session, values) return (result, Edit).
SaveField = Callable[[WorkSession, int, str, Any], tuple[Any, Edit]]
CreateRecord = Callable[[WorkSession, dict[str, Any]], tuple[Any, Edit]]


class AutoSave(QObject):
    """`saved(result)` after a field was stored, `created(result)` once a draft became a record.

    While a draft is being created, fields left in the meantime wait, then save one by one;
    a failed save shows its message beside the field and keeps what was typed.
    `required_problem` is already translated.
    """

    saved = Signal(object)
    created = Signal(object)
    reload_wanted = Signal(int)  # record id: the user chose its stored values over the edit

    def __init__(
        self,
        context: SectionContext,
        form: Fields,
        *,
        save: SaveField,
        create: CreateRecord,
        id_of: Callable[[Any], int],
        required: str,
        required_problem: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._form = form
        self._save = save
        self._create = create
        self._id_of = id_of
        self._required = required
        self._required_problem = required_problem
        self.record_id: int | None = None
        self.draft = False
        self._creating = False
        self._draft_serial = 0
        self._fixed: dict[str, Any] = {}
        self._entity = ""
        # Per record, the newest change the form knows of. Only jobs on the worker read and
        # write it, in the order they run: a save queued behind another sees what that saved.
        self._seen: dict[int, int] = {}
        form.edited.connect(self._on_field_edited)

    def watch(self, entity: str) -> None:
        """Refuse to save over changes of this table's record made elsewhere (see `seen`)."""
        self._entity = entity

    def seen(self, record_id: int, change_id: int) -> None:
        """The form is filled from the record as of its change `change_id`; called by the
        job that loaded it, on the worker."""
        self._seen[record_id] = change_id

    @property
    def has_unsaved_edits(self) -> bool:
        """Some field holds typing not yet saved: reloading the form would lose it."""
        form = self._form
        return self.draft or any(form.is_changed(name) for name in form.rows)

    def show_record(self, record_id: int | None) -> None:
        """The form now shows this record (the caller fills it); None shows nothing."""
        self.record_id = record_id
        self.draft = False

    def start_draft(self, values: dict[str, Any], fixed: dict[str, Any] | None = None) -> None:
        """A blank form; `fixed` values (not fields, e.g. the team's initiative) go along."""
        self.record_id = None
        self.draft = True
        self._fixed = dict(fixed or {})
        self._draft_serial += 1
        self._form.load(values)
        self._form.focus(self._required)

    def _on_field_edited(self, name: str) -> None:
        if self.draft:
            if not self._creating:  # edits made while it is being created follow after
                self._create_from_form()
            return
        record_id, value = self.record_id, self._form.value(name)
        if record_id is not None:
            self._save_field(record_id, name, value)

    def _save_field(self, record_id: int, name: str, value: Any, over: int | None = None) -> None:
        """Save one field; `over` is a newer change the user chose to save over."""
        save, entity, known = self._save, self._entity, self._seen
        checked: list[int] = []  # what the job found known, read when it runs, not before

        def job(session: WorkSession) -> tuple[Any, Edit]:
            if entity:
                seen = known.get(record_id) if over is None else over
                check_unchanged(session, entity, record_id, seen)
                checked.extend(() if seen is None else (seen,))
            saved, edit = save(session, record_id, name, value)
            if entity:
                known[record_id] = seen_change(session, entity, record_id)
            return saved, edit

        def failed(error: BaseException) -> None:
            if checked:  # rolled back: what it saw of its own save is undone too
                known[record_id] = min(known.get(record_id, checked[0]), checked[0])
            self._on_save_failed(record_id, name, value, error)

        self._writer.write(
            job,
            done=_("Saved"),
            on_saved=lambda saved: self._on_saved(record_id, name, value, saved),
            on_failed=failed,
        )

    def _on_save_failed(self, record_id: int, name: str, value: Any, error: BaseException) -> None:
        if not isinstance(error, ChangedElsewhereError) or record_id != self.record_id:
            self._on_failed(record_id == self.record_id, error)
            return
        self._context.show_status(_("Not saved: {error}").format(error=error))
        resolve_conflict(
            self._context,
            error.entity,
            record_id,
            keep_mine=lambda change_id: self._save_field(record_id, name, value, change_id),
            reload_theirs=lambda: self.reload_wanted.emit(record_id),
        )

    def _create_from_form(self) -> None:
        values = self._form.values()
        if not str(values[self._required]).strip():
            self._form.show_error(self._required, self._required_problem)
            return
        self._form.clear_errors()
        self._creating = True
        serial, create, fixed = self._draft_serial, self._create, self._fixed
        self._writer.write(
            lambda s: create(s, {**values, **fixed}),
            done=_("Saved"),
            on_saved=lambda created: self._on_created(serial, values, created),
            on_failed=lambda error: self._on_create_failed(serial, error),
        )

    def _on_create_failed(self, serial: int, error: BaseException) -> None:
        self._creating = False
        self._on_failed(self.draft and serial == self._draft_serial, error)

    def _on_created(self, serial: int, values: dict[str, Any], created: Any) -> None:
        self._creating = False
        if not self.draft or serial != self._draft_serial:
            return  # the user has moved on to something else meanwhile
        self.draft = False
        self.record_id = self._id_of(created)
        for name, value in values.items():
            self._form.mark_saved(name, value)
        self.created.emit(created)
        for name in values:
            if self._form.is_changed(name):
                self._on_field_edited(name)

    def _on_saved(self, record_id: int, name: str, value: Any, saved: Any) -> None:
        if record_id == self.record_id and not self.draft:
            self._form.mark_saved(name, value)
        self.saved.emit(saved)

    def _on_failed(self, still_shown: bool, error: BaseException) -> None:
        form = self._form
        if isinstance(error, ValidationError) and still_shown and form.has_field(error.field):
            form.show_error(error.field, error.problem)
            self._context.show_status(_("Not saved: {error}").format(error=error))
        else:
            self._context.runner.report_failure(error)
