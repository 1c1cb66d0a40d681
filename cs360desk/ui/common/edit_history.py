"""Undo and redo of the edits made in the app's views (Ctrl+Z, Ctrl+Shift+Z)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from cs360desk.domain.edits import Edit
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.ui.common.tasks import TaskRunner, WorkSession

LIMIT = 200


class EditHistory(QObject):
    """Views `record()` each saved edit; undo/redo replay it on the worker, then `applied`."""

    applied = Signal(object)  # the Edit just undone or redone: views reload what they show
    recorded = Signal(object)  # a view saved this Edit: the other views may now be stale
    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        show_status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._show_status = show_status
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._running = False
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(_("&Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self._update_actions()

    def record(self, edit: Edit) -> None:
        if not edit:
            return
        self._done.append(edit)
        del self._done[:-LIMIT]
        self._undone.clear()
        self._update_actions()
        self.recorded.emit(edit)

    def can_undo(self) -> bool:
        return bool(self._done) and not self._running

    def can_redo(self) -> bool:
        return bool(self._undone) and not self._running

    def undo(self) -> None:
        if self.can_undo():
            self._replay(self._done.pop(), edits.undo, self._undone, _("Undone: {edit}"))

    def redo(self) -> None:
        if self.can_redo():
            self._replay(self._undone.pop(), edits.redo, self._done, _("Redone: {edit}"))

    def _replay(
        self,
        edit: Edit,
        step: Callable[[WorkSession, Edit], None],
        target: list[Edit],
        said: str,
    ) -> None:
        """`said` is the status line, translated, with the edit's label for {edit}."""
        self._running = True
        self._update_actions()

        def succeeded(_result: object) -> None:
            target.append(edit)
            self._running = False
            self._update_actions()
            self._show_status(said.format(edit=edit.label))
            self.applied.emit(edit)

        def failed(error: BaseException) -> None:
            # The database refused (someone changed the rows since): drop it, say why.
            self._running = False
            self._update_actions()
            self._runner.report_failure(error)

        self._runner.run(lambda s: step(s, edit), on_success=succeeded, on_failure=failed)

    def _update_actions(self) -> None:
        self.undo_action.setEnabled(self.can_undo())
        self.redo_action.setEnabled(self.can_redo())
        self.undo_action.setText(
            _("&Undo {edit}").format(edit=self._done[-1].label) if self._done else _("&Undo")
        )
        self.redo_action.setText(
            _("&Redo {edit}").format(edit=self._undone[-1].label) if self._undone else _("&Redo")
        )
        self.changed.emit()
