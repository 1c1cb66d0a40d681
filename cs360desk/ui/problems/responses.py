"""The Response tab: a problem's responses, each with the action items that carry it out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from cs360desk.domain.edits import Edit
from cs360desk.domain.problem_views import Choice, ProblemDetail, ResponseLine
from cs360desk.i18n import _, ngettext
from cs360desk.services.problems import (
    add_action_item_for_response,
    create_response,
    delete_response,
    link_to_response,
    save_response_field,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.field_widgets import fill_choices
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.common.record_lists import ListEditor
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.problems.tabs import ResponseTab


class ResponsesController(QObject):
    """Owned by the ProblemsController, which loads the problem and passes its detail on."""

    def __init__(
        self,
        context: SectionContext,
        tab: ResponseTab,
        reload: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._tab = tab
        self._reload = reload
        self._detail: ProblemDetail | None = None
        self._pending_select: int | None = None
        self.editor = ListEditor(
            context,
            tab.model,
            tab.table,
            tab.fields,
            save_response_field,
            id_of=lambda line: line.response.id,
            values_of=lambda line: dataclasses.asdict(line.response),
            parent=self,
        )
        self.editor.selected.connect(self._show_items)
        self.editor.saved.connect(lambda _record: self._reload())
        tab.new_button.clicked.connect(self._on_new)
        tab.delete_button.clicked.connect(self._on_delete)
        tab.link_button.clicked.connect(self._on_link)
        tab.unlink_button.clicked.connect(self._on_unlink)
        tab.add_item_button.clicked.connect(self._on_add_item)
        tab.items.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self._show_items(None)

    def show_detail(self, detail: ProblemDetail | None) -> None:
        same = (
            detail is not None
            and self._detail is not None
            and (detail.problem.id == self._detail.problem.id)
        )
        self._detail = detail
        if detail is None:
            self.editor.set_rows(())
            return
        self._tab.fields.set_choices("lead_id", detail.people)
        select, self._pending_select = self._pending_select, None
        if not same:
            self.editor.set_rows(())  # another problem: its first response, not the old id
        self.editor.set_rows(detail.responses, select=select)
        self._show_items(self.editor.current_row)

    def _show_items(self, line: ResponseLine | None) -> None:
        tab = self._tab
        tab.items_model.set_rows(line.action_items if line else ())
        linkable = self._detail.linkable_items if self._detail else ()
        fill_choices(
            tab.item_choice,
            [Choice(item.id, item.title) for item in linkable],
            _("(choose an open action item)"),
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        tab = self._tab
        chosen = self.editor.current_id is not None
        tab.new_button.setEnabled(self._detail is not None)
        tab.delete_button.setEnabled(chosen)
        tab.item_choice.setEnabled(chosen and tab.item_choice.count() > 1)
        tab.link_button.setEnabled(chosen and tab.item_choice.count() > 1)
        tab.unlink_button.setEnabled(chosen and tab.items.selectionModel().hasSelection())
        tab.add_item_button.setEnabled(chosen)

    def _run(
        self,
        work: Callable[[WorkSession], tuple[Any, Edit]],
        status: str,
        select: int | None = None,
    ) -> None:
        self._writer.write(
            work, done=status, on_saved=lambda _saved: self._reload_selecting(select)
        )

    def _reload_selecting(self, select: int | None) -> None:
        self._pending_select = select
        self._reload()

    def _on_new(self) -> None:
        detail = self._detail
        if detail is None:
            return
        title = TextPrompt.ask(self._tab, _("New response"), _("&Response:"))
        if title is None:
            return
        problem_id = detail.problem.id

        self._writer.write(
            lambda s: create_response(s, problem_id, title),
            done=_("Saved: a new response; name its lead and dates"),
            on_saved=lambda record: self._reload_selecting(record.id),
        )

    def _on_delete(self) -> None:
        line = self.editor.current_row
        if line is None:
            return
        count = len(line.action_items)
        title = line.response.title
        if count:
            question = ngettext(
                "Delete the response “{title}”? Its {n} action item(s) stay, "
                "no longer linked to it.",
                "Delete the response “{title}”? Its {n} action item(s) stay, "
                "no longer linked to it.",
                count,
            ).format(title=title, n=count)
        else:
            question = _("Delete the response “{title}”?").format(title=title)
        if Confirmation.ask(self._tab, _("Delete response"), question):
            response_id = line.response.id
            self._run(
                lambda s: edit_only(delete_response(s, response_id)),
                _("Saved: the response was deleted"),
            )

    def _on_link(self) -> None:
        response_id = self.editor.current_id
        item_id = self._tab.item_choice.currentData()
        if response_id is None or item_id is None:
            self._context.show_status(_("Choose an action item to link first."))
            return
        self._run(
            lambda s: edit_only(link_to_response(s, item_id, response_id)),
            _("Saved: the action item now carries out this response"),
            response_id,
        )

    def _on_unlink(self) -> None:
        response_id = self.editor.current_id
        rows = self._tab.items.selectionModel().selectedRows()
        if response_id is None or not rows:
            return
        item_id = self._tab.items_model.row_at(rows[0].row()).id
        self._run(
            lambda s: edit_only(link_to_response(s, item_id, None)),
            _("Saved: the action item was unlinked"),
            response_id,
        )

    def _on_add_item(self) -> None:
        response_id = self.editor.current_id
        if response_id is None:
            return
        title = TextPrompt.ask(self._tab, _("New action item"), _("&Action item:"))
        if title is None:
            return
        self._run(
            lambda s: add_action_item_for_response(s, response_id, title),
            _("Saved: a new action item for the response's lead"),
            response_id,
        )
