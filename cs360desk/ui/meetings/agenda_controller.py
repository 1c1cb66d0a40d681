"""Behaviour of the agenda tab: add, remove, edit, reorder (keyboard or drag) and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject

from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.views import AgendaLine
from cs360desk.i18n import N_, _
from cs360desk.services import edits
from cs360desk.services.catalog import AGENDA_ITEM
from cs360desk.services.meeting_planning import move_agenda_item
from cs360desk.ui.common.choice_delegate import ChoiceDelegate
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.meetings.agenda_model import NO_PRESENTER, PRESENTER, TITLE
from cs360desk.ui.meetings.dialogs import not_on_team
from cs360desk.ui.meetings.editor import MeetingEditorView
from cs360desk.ui.meetings.open_meeting import OpenMeeting
from cs360desk.ui.meetings.tables import TextDelegate

NEW_ITEM_TITLE = N_("New agenda item")


class AgendaController(QObject):
    def __init__(
        self,
        editor: OpenMeeting,
        view: MeetingEditorView,
        writer: EditWriter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._view = view
        self._writer = writer
        self._notes_item: int | None = None
        self._pending_move: tuple[int, int] | None = None
        self._select_after: int | None = None
        self._edit_after = False
        table, model = view.agenda_table, view.agenda_model
        table.setItemDelegateForColumn(TITLE, TextDelegate(_("Agenda item title"), table))
        table.setItemDelegateForColumn(
            PRESENTER, ChoiceDelegate(self._presenter_choices, _("Presenter"), table)
        )
        model.edit_requested.connect(self._on_edit_requested)
        model.move_requested.connect(self._on_move_requested)
        table.move_requested.connect(self._on_move_by)
        table.remove_requested.connect(self._on_remove)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._on_current_changed())
        model.modelReset.connect(self._on_current_changed)
        view.add_item_button.clicked.connect(self._on_add)
        view.remove_item_button.clicked.connect(self._on_remove)
        view.move_up_button.clicked.connect(lambda: self._on_move_by(-1))
        view.move_down_button.clicked.connect(lambda: self._on_move_by(1))
        view.notes_edit.editing_finished.connect(self._on_notes_finished)

    def _presenter_choices(self) -> list[tuple[str, Any]]:
        sheet = self._editor.sheet
        people = sheet.people if sheet else ()
        choices: list[tuple[str, Any]] = [(_(NO_PRESENTER), None)]
        choices += [(p.name if p.is_member else not_on_team(p.name), p.person_id) for p in people]
        return choices

    @property
    def _meeting_id(self) -> int | None:
        return self._editor.meeting_id

    def show(self, *, keep_selection: bool) -> None:
        """After the agenda was (re)loaded: select what the user was working on."""
        self._view.agenda_error.hide()
        model, table = self._view.agenda_model, self._view.agenda_table
        wanted = self._select_after if self._select_after is not None else self._notes_item
        row = model.row_of(wanted) if (wanted is not None and keep_selection) else -1
        if row < 0 and model.rowCount():
            row = 0
        if row >= 0:
            table.selectionModel().setCurrentIndex(
                model.index(row, TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if self._edit_after and row >= 0:
            table.edit(model.index(row, TITLE))
        self._select_after, self._edit_after = None, False
        self._on_current_changed()

    def current_line(self) -> AgendaLine | None:
        row = self._view.agenda_table.currentIndex().row()
        model = self._view.agenda_model
        return model.line_at(row) if 0 <= row < model.rowCount() else None

    def _on_current_changed(self) -> None:
        line = self.current_line()
        notes, box = self._view.notes_edit, self._view.notes_box
        item_id = line.item.id if line else None
        if item_id != self._notes_item or not notes.hasFocus():
            self._notes_item = item_id
            notes.setPlainText(line.item.notes if line else "")
            box.clear_error()
        notes.setEnabled(line is not None)
        for button in (self._view.remove_item_button, self._view.move_up_button):
            button.setEnabled(line is not None)
        self._view.move_down_button.setEnabled(line is not None)

    def _after_save(self, item_id: int | None = None, *, edit: bool = False) -> None:
        self._select_after, self._edit_after = item_id, edit
        self._editor.reload_parts()

    def _refused(self, error: UserFacingError) -> None:
        label = self._view.agenda_error
        label.setText(_("Not saved: {problem}").format(problem=error))
        label.show()

    def _on_add(self) -> None:
        meeting_id = self._meeting_id
        if meeting_id is None:
            return
        title = _(NEW_ITEM_TITLE)  # the user's language, at the moment it is added
        self._writer.write(
            lambda s: edits.create(s, AGENDA_ITEM, meeting_id=meeting_id, title=title),
            done=_("Agenda item added; type its title"),
            on_saved=lambda record: self._after_save(record.id, edit=True),
            on_refused=self._refused,
        )

    def _on_remove(self) -> None:
        line = self.current_line()
        if line is None:
            return
        row, item_id = self._view.agenda_table.currentIndex().row(), line.item.id
        model = self._view.agenda_model
        neighbour = model.line_at(row + 1 if row + 1 < model.rowCount() else row - 1).item.id
        self._writer.write(
            lambda s: edit_only(edits.delete(s, AGENDA_ITEM, item_id)),
            done=_("Agenda item removed: {title}").format(title=line.item.title),
            on_saved=lambda _saved: self._after_save(neighbour if neighbour != item_id else None),
            on_refused=self._refused,
        )

    def _on_edit_requested(self, item_id: int, field: str, value: Any) -> None:
        self._writer.write(
            lambda s: edits.update(s, AGENDA_ITEM, item_id, **{field: value}),
            done=_("Saved"),
            on_saved=lambda _record: self._after_save(item_id),
            on_refused=lambda error: self._on_edit_refused(item_id, field, value, error),
        )

    def _on_edit_refused(
        self, item_id: int, field: str, value: Any, error: UserFacingError
    ) -> None:
        self._view.agenda_model.refuse(item_id, field, value, str(error))
        self._refused(error)

    def _on_notes_finished(self) -> None:
        item_id = self._notes_item
        model = self._view.agenda_model
        row = model.row_of(item_id) if item_id is not None else -1
        text = self._view.notes_edit.toPlainText()
        if item_id is None or row < 0:
            return
        if text == model.line_at(row).item.notes and not self._view.notes_box.has_error:
            return
        box = self._view.notes_box

        def saved(_record: object) -> None:
            box.clear_error()
            self._after_save(item_id)

        self._writer.write(
            lambda s: edits.update(s, AGENDA_ITEM, item_id, notes=text),
            done=_("Saved"),
            on_saved=saved,
            on_refused=lambda error: box.show_error(
                _("Not saved: {problem}").format(problem=error), warning_sign=False
            ),
        )

    def _on_move_by(self, delta: int) -> None:
        line = self.current_line()
        if line is None:
            return
        item_id, row = line.item.id, self._view.agenda_table.currentIndex().row()
        if self._pending_move is not None and self._pending_move[0] == item_id:
            row = self._pending_move[1]  # keys pressed faster than the saves come back
        target = row + delta
        if 0 <= target < self._view.agenda_model.rowCount():
            self._on_move_requested(item_id, target)

    def _on_move_requested(self, item_id: int, position: int) -> None:
        self._pending_move = (item_id, position)

        def saved(_changed: object) -> None:
            if self._pending_move == (item_id, position):
                self._pending_move = None
                self._after_save(item_id)

        def refused(error: UserFacingError) -> None:
            self._pending_move = None
            self._refused(error)
            self._after_save(item_id)

        self._writer.write(
            lambda s: edit_only(move_agenda_item(s, item_id, position)),
            done=_("Agenda item moved to position {position}").format(position=position + 1),
            on_saved=saved,
            on_refused=refused,
        )
