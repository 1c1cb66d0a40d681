"""The Recommendations tab: the scanning recommendations, their decisions and action items."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from cs360desk.domain.evidence_views import CommunityInputPage, RecommendationLine
from cs360desk.domain.records import RecommendationRecord
from cs360desk.i18n import _
from cs360desk.services.community_input import (
    create_recommendation,
    delete_recommendation,
    link_action_item,
    save_recommendation_field,
    unlink_action_item,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.field_widgets import fill_choices
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.common.record_lists import ListEditor
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.community.view import RecommendationsTab


def _values(line: RecommendationLine) -> dict[str, Any]:
    return dataclasses.asdict(line.recommendation)


class RecommendationsController(QObject):
    """Owned by the CommunityController, which loads the page and passes it on."""

    def __init__(
        self,
        context: SectionContext,
        tab: RecommendationsTab,
        reload: Callable[[], None],
        initiative_id: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._tab = tab
        self._reload = reload
        self._initiative_id = initiative_id
        self._page: CommunityInputPage | None = None
        self._pending_select: int | None = None
        self.editor = ListEditor(
            context,
            tab.model,
            tab.table,
            tab.fields,
            save_recommendation_field,
            id_of=lambda line: line.recommendation.id,
            values_of=_values,
            parent=self,
        )
        self.editor.selected.connect(self._on_selected)
        self.editor.saved.connect(lambda _record: self._reload())
        tab.new_button.clicked.connect(self._on_new)
        tab.new_action.triggered.connect(self._on_new)
        tab.delete_button.clicked.connect(self._on_delete)
        tab.link_button.clicked.connect(self._on_link)
        tab.unlink_button.clicked.connect(self._on_unlink)
        tab.items.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self._on_selected(None)

    def clear(self) -> None:
        self._page = None
        self.editor.set_rows(())

    def show_page(self, page: CommunityInputPage) -> None:
        self._page = page
        self._tab.fields.set_choices("owner_id", page.people)
        select, self._pending_select = self._pending_select, None
        self.editor.set_rows(page.recommendations, select=select)
        self._show_items(self.editor.current_row)

    def _on_selected(self, line: RecommendationLine | None) -> None:
        self._show_items(line)

    def _show_items(self, line: RecommendationLine | None) -> None:
        tab = self._tab
        items = line.action_items if line else ()
        tab.items_model.set_rows(items)
        linked = {item.id for item in items}
        offered = [c for c in (self._page.action_items if self._page else ()) if c.id not in linked]
        fill_choices(tab.item_choice, offered, _("(choose an open action item)"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        tab = self._tab
        chosen = self.editor.current_id is not None
        tab.delete_button.setEnabled(chosen)
        tab.item_choice.setEnabled(chosen and tab.item_choice.count() > 1)
        tab.link_button.setEnabled(chosen and tab.item_choice.count() > 1)
        tab.unlink_button.setEnabled(chosen and tab.items.selectionModel().hasSelection())

    def _on_new(self) -> None:
        page = self._page
        if page is None:
            return
        themes = [theme.theme for theme in page.themes]
        texts = TextPrompt.ask_several(
            self._tab,
            _("New recommendation"),
            [(_("&Recommendation:"), ()), (_("Source the&me:"), themes)],
        )
        if texts is None:
            return
        text, theme = texts
        initiative_id = self._initiative_id()
        if initiative_id is None:
            return
        self._writer.write(
            lambda s: create_recommendation(s, initiative_id, text, source_theme=theme),
            done=_("Saved: a new recommendation"),
            on_saved=self._on_created,
        )

    def _on_created(self, record: RecommendationRecord) -> None:
        self._pending_select = record.id
        self._reload()

    def _on_delete(self) -> None:
        line = self.editor.current_row
        if line is None:
            return
        if not Confirmation.ask(
            self._tab, _("Delete recommendation"), _("Delete this recommendation?")
        ):
            return
        recommendation_id = line.recommendation.id
        self._writer.write(
            lambda s: edit_only(delete_recommendation(s, recommendation_id)),
            done=_("Saved: the recommendation was deleted"),
            on_saved=lambda _deleted: self._reload(),
        )

    def _on_link(self) -> None:
        recommendation_id = self.editor.current_id
        item_id = self._tab.item_choice.currentData()
        if recommendation_id is None or item_id is None:
            self._context.show_status(_("Choose an action item to link first."))
            return
        title = self._tab.item_choice.currentText()
        self._writer.write(
            lambda s: link_action_item(s, recommendation_id, item_id),
            done=_("Saved: linked “{title}”").format(title=title),
            on_saved=lambda _none: self._reload(),
        )

    def _on_unlink(self) -> None:
        recommendation_id = self.editor.current_id
        rows = self._tab.items.selectionModel().selectedRows()
        if recommendation_id is None or not rows:
            return
        item = self._tab.items_model.row_at(rows[0].row())
        self._writer.write(
            lambda s: unlink_action_item(s, recommendation_id, item.id),
            done=_("Saved: unlinked “{title}”").format(title=item.title),
            on_saved=lambda _none: self._reload(),
        )
