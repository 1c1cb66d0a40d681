"""Saving what the problem-solving pages edit: one field at a time, or a list and its editor."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import QTableView

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import ValidationError
from cs360desk.i18n import _
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.field_widgets import FieldInputError
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.page_widgets import select_row
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.table_models import DtoTableModel
from cs360desk.ui.common.tasks import WorkSession

R = TypeVar("R")
SaveWork = Callable[[WorkSession, int, str, Any], tuple[Any, Edit]]


class FieldSaver(QObject):
    """Saves each field edited in `fields` for the record shown, on the worker, undoably.

    `saved(record)` fires with the service's fresh record once the history has the edit.
    """

    saved = Signal(object)

    def __init__(
        self, context: SectionContext, fields: Fields, save: SaveWork, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._fields = fields
        self._save = save
        self.record_id: int | None = None
        fields.edited.connect(self._on_edited)

    def _on_edited(self, name: str) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        try:
            value = self._fields.value(name)
        except FieldInputError as error:
            self._fields.show_error(name, str(error))
            self._context.show_status(
                _("Not saved: {field}: {problem}").format(
                    field=self._fields.row(name).spec.plain_label, problem=error
                )
            )
            return
        save = self._save
        self._writer.write(
            lambda s: save(s, record_id, name, value),
            done=_("Saved"),
            on_saved=lambda record: self._on_saved(record_id, name, value, record),
            on_failed=lambda error: self._on_failed(record_id, error),
        )

    def _on_saved(self, record_id: int, name: str, value: Any, record: Any) -> None:
        if record_id == self.record_id:
            self._fields.mark_saved(name, value)
        self.saved.emit(record)

    def _on_failed(self, record_id: int, error: BaseException) -> None:
        fields = self._fields
        shown = record_id == self.record_id
        if isinstance(error, ValidationError) and shown and fields.has_field(error.field):
            fields.show_error(error.field, error.problem)
            self._context.show_status(_("Not saved: {error}").format(error=error))
        else:
            self._context.runner.report_failure(error)


class ListEditor(QObject, Generic[R]):
    """A table of rows and the form editing the selected one, field by field.

    `selected(row or None)` fires when the user picks another row; `saved(record)` after each
    field saved. Reloading the rows keeps the selection and any text still being typed.
    """

    selected = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        context: SectionContext,
        model: DtoTableModel[R],
        table: QTableView,
        fields: Fields,
        save: SaveWork,
        *,
        id_of: Callable[[R], int],
        values_of: Callable[[R], Mapping[str, Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.table, self.fields = model, table, fields
        self._id_of, self._values_of = id_of, values_of
        self.saver = FieldSaver(context, fields, save, self)
        self.saver.saved.connect(self.saved)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._show(None)

    @property
    def current_id(self) -> int | None:
        return self.saver.record_id

    @property
    def current_row(self) -> R | None:
        position = self.position_of(self.current_id)
        return self.model.row_at(position) if position >= 0 else None

    def position_of(self, record_id: int | None) -> int:
        for position in range(self.model.rowCount()):
            if self._id_of(self.model.row_at(position)) == record_id:
                return position
        return -1

    def set_rows(self, rows: Sequence[R], *, select: int | None = None) -> None:
        """New rows; `select` picks a record (a new one), else the current one stays."""
        wanted = select if select is not None else self.current_id
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if self.table.isSortingEnabled() and header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        position = self.position_of(wanted)
        if position < 0 and self.model.rowCount():
            position = 0  # an editor showing something beats an empty one
            wanted = self._id_of(self.model.row_at(0))
        select_row(self.table, position)
        row = self.model.row_at(position) if position >= 0 else None
        if row is not None and wanted == self.current_id and select is None:
            self.fields.update_values(self._values_of(row))
        else:
            self._show(row)
            self.selected.emit(row)

    def select(self, record_id: int) -> None:
        position = self.position_of(record_id)
        select_row(self.table, position)
        row = self.model.row_at(position) if position >= 0 else None
        self._show(row)
        self.selected.emit(row)

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.model.row_at(indexes[0].row())
        if self._id_of(row) != self.current_id:
            self.fields.flush()
            self._show(row)
            self.selected.emit(row)

    def _show(self, row: R | None) -> None:
        self.saver.record_id = None if row is None else self._id_of(row)
        self.fields.load(self._values_of(row) if row is not None else {})
        self.fields.set_enabled(row is not None)

    def focus_first_field(self) -> None:
        first = next(iter(self.fields.rows))
        self.fields.widget(first).setFocus(Qt.FocusReason.OtherFocusReason)
