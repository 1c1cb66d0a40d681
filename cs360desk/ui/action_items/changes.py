"""Writes started from the action item table: a cell edited in place, or the selected rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.errors import ConflictError, UserFacingError, field_label
from cs360desk.domain.views import ActionItemRow
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.services.action_item_changes import (
    change_action_item,
    change_action_items,
    delete_action_items,
)
from cs360desk.services.action_items import action_item_ids
from cs360desk.ui.action_items.model import ActionItemTableModel, ListQuery
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession

Ranges = list[tuple[int, int]]


def confirm_delete(parent: QWidget, count: int) -> bool:
    """Ask before deleting; tests replace this function."""
    question = ngettext(
        "Delete this action item and their progress notes?\n\nUndo (Ctrl+Z) brings them back.",
        "Delete these {n} action items and their progress notes?\n\n"
        "Undo (Ctrl+Z) brings them back.",
        count,
    ).format(n=count)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Delete action items"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName(_("Delete action items"))
    return box.exec() == QMessageBox.StandardButton.Yes


def selected_ranges(table: QTableView) -> Ranges:
    """The selected rows as (first, count) runs, merged, without visiting every row."""
    selection = table.selectionModel().selection()
    parts = (selection.at(i) for i in range(selection.size()))
    spans = sorted((part.top(), part.bottom()) for part in parts if part.isValid())
    merged: list[list[int]] = []
    for top, bottom in spans:
        if merged and top <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    return [(top, bottom - top + 1) for top, bottom in merged]


def _selected_ids(ranges: Ranges, query: ListQuery) -> Callable[[WorkSession], list[int]]:
    def ids(session: WorkSession) -> list[int]:
        return action_item_ids(
            session,
            query.where,
            ranges,
            today=query.today,
            sort=query.sort,
            descending=query.descending,
        )

    return ids


class ActionItemChanges(QObject):
    """Saves in-place edits and bulk changes; says when the list must be read again."""

    list_changed = Signal()
    row_saved = Signal(object)  # ActionItemRow
    items_deleted = Signal(object)  # set of ids

    def __init__(
        self,
        context: SectionContext,
        table: QTableView,
        model: ActionItemTableModel,
        query: Callable[[], ListQuery],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._table = table
        self._model = model
        self._query = query
        model.edit_requested.connect(self._on_edit_requested)

    # -- the selection ----------------------------------------------------------------------

    def selected_count(self) -> int:
        return sum(count for _first, count in selected_ranges(self._table))

    def set_status(self, status: ActionStatus) -> None:
        def saved(count: int) -> str:
            return ngettext(
                "Saved: {n} action item set to {status}.",
                "Saved: {n} action items set to {status}.",
                count,
            ).format(n=count, status=status.label)

        self._change_selected(saved, status=status)

    def mark_done(self) -> None:
        def saved(count: int) -> str:
            return count_of(
                count, "Saved: {n} action item marked done.", "Saved: {n} action items marked done."
            )

        self._change_selected(saved, status=ActionStatus.DONE)

    def set_owner(self, owner_id: int | None, owner_name: str) -> None:
        def saved(count: int) -> str:
            if not owner_id:
                return count_of(
                    count,
                    "Saved: {n} action item left without an owner.",
                    "Saved: {n} action items left without an owner.",
                )
            return ngettext(
                "Saved: {n} action item given to {owner}.",
                "Saved: {n} action items given to {owner}.",
                count,
            ).format(n=count, owner=owner_name)

        self._change_selected(saved, owner_id=owner_id)

    def delete(self) -> None:
        ranges = self._ranges()
        count = sum(n for _first, n in ranges)
        if not count:
            return
        if not confirm_delete(self._table, count):
            self._context.show_status(_("Nothing was deleted."))
            return
        ids_of = _selected_ids(ranges, self._query())

        def work(session: WorkSession) -> tuple[list[int], Edit]:
            ids = ids_of(session)
            return ids, delete_action_items(session, ids)

        self._writer.write(
            work,
            done=lambda ids, _edit: count_of(
                len(ids),
                "Deleted {n} action item. Undo (Ctrl+Z) brings them back.",
                "Deleted {n} action items. Undo (Ctrl+Z) brings them back.",
            ),
            on_saved=self._on_deleted,
            on_failed=self._on_refused,
        )

    def _ranges(self) -> Ranges:
        ranges = selected_ranges(self._table)
        if not ranges:
            self._context.show_status(_("Select one or more action items first."))
        return ranges

    def _change_selected(self, outcome: Callable[[int], str], **changes: Any) -> None:
        """Apply `changes` to the selected items; `outcome(count)` says what was saved."""
        ranges = self._ranges()
        if not ranges:
            return
        ids_of = _selected_ids(ranges, self._query())

        def work(session: WorkSession) -> tuple[list[int], Edit]:
            ids = ids_of(session)
            return ids, change_action_items(session, ids, **changes)

        self._writer.write(
            work,
            done=lambda ids, _edit: outcome(len(ids)),
            on_saved=lambda _ids: self.list_changed.emit(),
            on_failed=self._on_refused,
        )

    def _on_deleted(self, ids: Sequence[int]) -> None:
        self.items_deleted.emit(set(ids))
        self.list_changed.emit()

    def _on_refused(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self._context.show_status(str(error))
        self._context.runner.report_failure(error)
        self.list_changed.emit()

    # -- one cell ---------------------------------------------------------------------------

    def _on_edit_requested(self, row: ActionItemRow, field: str, value: object) -> None:
        item = row.item
        today = self._query().today
        self._writer.write(
            lambda s: change_action_item(
                s, item.id, today=today, expected_version=item.version, **{field: value}
            ),
            done=lambda row, _edit: _("Saved: {field} of “{title}”.").format(
                field=field_label(field), title=row.item.title
            ),
            on_saved=lambda row: self._on_cell_saved(field, row),
            on_failed=lambda error: self._on_cell_refused(item.id, field, error),
        )

    def _on_cell_saved(self, field: str, row: ActionItemRow) -> None:
        self._model.edit_finished(row.item.id, field, row)
        self.row_saved.emit(row)

    def _on_cell_refused(self, item_id: int, field: str, error: BaseException) -> None:
        """The cell shows its stored value again and the user is told why."""
        self._model.edit_finished(item_id, field, None)
        if isinstance(error, UserFacingError):
            self._context.show_status(str(error))
        self._context.runner.report_failure(error)
        if isinstance(error, ConflictError):
            self.list_changed.emit()  # read the newer version, so the next edit can succeed
