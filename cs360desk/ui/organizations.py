"""The Community map section: stakeholder organizations, how engaged they are, who is in them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Signal

from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import Engagement, OrgScope
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.people_views import (
    OrganizationDetail,
    OrganizationRow,
    engagement_summary,
)
from cs360desk.services import edits
from cs360desk.services.catalog import ORGANIZATION
from cs360desk.services.organizations import (
    find_organizations,
    organization_detail,
    organization_row,
    organizations_by_engagement,
)
from cs360desk.ui.autosave import AutoSave
from cs360desk.ui.formatting import plural
from cs360desk.ui.organizations_view import OrganizationsView
from cs360desk.ui.record_widgets import DeleteConfirmation, people_count, resort, show_row
from cs360desk.ui.sections import SectionContext
from cs360desk.ui.tasks import WorkSession

NEW_ORGANIZATION = {"scope": OrgScope.EXTERNAL, "engagement": Engagement.UNKNOWN}


@dataclass(frozen=True)
class CommunityMap:
    rows: tuple[OrganizationRow, ...]
    engagement: tuple[tuple[Engagement, int], ...]


@dataclass(frozen=True)
class SavedOrganization:
    """A saved organization's row and the engagement counts, which it may have changed."""

    row: OrganizationRow
    engagement: tuple[tuple[Engagement, int], ...]


def load_community_map(session: WorkSession) -> CommunityMap:
    return CommunityMap(
        tuple(find_organizations(session)), tuple(organizations_by_engagement(session))
    )


def save_organization_field(
    session: WorkSession, organization_id: int, name: str, value: Any
) -> tuple[SavedOrganization, Edit]:
    _, edit = edits.update(session, ORGANIZATION, organization_id, **{name: value})
    saved = SavedOrganization(
        organization_row(session, organization_id), tuple(organizations_by_engagement(session))
    )
    return saved, edit


def create_organization(
    session: WorkSession, values: dict[str, Any]
) -> tuple[OrganizationDetail, Edit]:
    record, edit = edits.create(session, ORGANIZATION, **values)
    return organization_detail(session, record.id), edit


def delete_organization(session: WorkSession, organization_id: int) -> Edit:
    name = ORGANIZATION.get(session, organization_id).name
    return combine(f"Delete {name}", edits.delete(session, ORGANIZATION, organization_id))


class OrganizationsController(QObject):
    """Behaviour of the Community map page; `loaded` fires when the table has been shown."""

    loaded = Signal()
    detail_loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = OrganizationsView()
        self._detail: OrganizationDetail | None = None
        self._autosave = AutoSave(
            context,
            self._view.editor.form,
            save=save_organization_field,
            create=create_organization,
            id_of=lambda detail: detail.organization.id,
            required="name",
            required_problem="type the organization's name to save it",
            parent=self,
        )
        self._list_request = 0
        self._selecting = False
        self._detail_request = 0
        self._connect()
        self._update_actions()

    def _connect(self) -> None:
        view = self._view
        view.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.new_action.triggered.connect(self._on_new)
        view.delete_action.triggered.connect(self._on_delete)
        view.delete_key_action.triggered.connect(self._on_delete)
        view.editor.people_table.doubleClicked.connect(self._on_person_opened)
        self._autosave.saved.connect(self._on_saved)
        self._autosave.created.connect(self._on_created)

    @property
    def view(self) -> OrganizationsView:
        return self._view

    @property
    def organization_id(self) -> int | None:
        return self._autosave.record_id

    def show_initiative(self, _initiative_id: int | None) -> None:
        self._load_list()  # the community map is the agency's, not one initiative's

    def refresh(self) -> None:
        self._load_list()
        if self.organization_id is not None:
            self._load_detail(self.organization_id)

    def open_record(self, kind: str, record_id: int) -> None:
        if kind == "organization":
            self._show_organization(record_id)
            self._load_list()

    def _load_list(self) -> None:
        self._list_request += 1
        request = self._list_request
        self._context.runner.run(
            load_community_map, on_success=lambda page: self._on_list_loaded(request, page)
        )

    def _on_list_loaded(self, request: int, page: CommunityMap) -> None:
        if request != self._list_request:
            return
        view = self._view
        view.model.set_rows(page.rows)
        resort(view.table)
        view.count_label.setText(plural(len(page.rows), "organization"))
        self._show_engagement(page.engagement)
        self._select_row_of(self.organization_id)
        self.loaded.emit()

    def _show_engagement(self, counts: tuple[tuple[Engagement, int], ...]) -> None:
        self._view.summary_label.setText(engagement_summary(list(counts)))

    def _select_row_of(self, organization_id: int | None) -> None:
        self._selecting = True  # a selection made here is not the user choosing a row
        try:
            show_row(self._view.table, self._view.model.row_of(organization_id))
        finally:
            self._selecting = False

    def _show_organization(self, organization_id: int) -> None:
        self._autosave.show_record(organization_id)
        self._load_detail(organization_id)

    def _load_detail(self, organization_id: int) -> None:
        self._detail_request += 1
        request = self._detail_request
        self._context.runner.run(
            lambda s: organization_detail(s, organization_id),
            on_success=lambda detail: self._on_detail_loaded(request, detail),
            on_failure=lambda error: self._on_detail_failed(request, error),
        )

    def _on_detail_loaded(self, request: int, detail: OrganizationDetail) -> None:
        if request != self._detail_request or detail.organization.id != self.organization_id:
            return
        self._show_detail(detail)
        self.detail_loaded.emit()

    def _show_detail(self, detail: OrganizationDetail) -> None:
        self._detail = detail
        editor = self._view.editor
        editor.form.load(dataclasses.asdict(detail.organization))
        editor.title_label.setText(detail.organization.name)
        editor.people_model.set_rows(detail.people)
        editor.show_people(bool(detail.people))
        self._view.show_editor(True)
        self._update_actions()

    def _on_detail_failed(self, request: int, error: BaseException) -> None:
        if request != self._detail_request:
            return
        if isinstance(error, NotFoundError):
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
        can_delete = self.organization_id is not None
        self._view.delete_action.setEnabled(can_delete)
        self._view.delete_key_action.setEnabled(can_delete)

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows or self._selecting:
            return
        organization_id = self._view.model.id_at(rows[0].row())
        if organization_id != self.organization_id or self._autosave.draft:
            self._show_organization(organization_id)

    def _on_person_opened(self, index: QModelIndex) -> None:
        self._context.open_record("person", self._view.editor.people_model.id_at(index.row()))

    def _on_new(self) -> None:
        self._detail = None
        self._detail_request += 1
        editor = self._view.editor
        self._autosave.start_draft(NEW_ORGANIZATION)
        editor.title_label.setText("New organization")
        editor.people_model.set_rows(())
        editor.show_people(False)
        self._select_row_of(None)
        self._view.show_editor(True)
        self._update_actions()
        editor.form.focus_field("name")
        self._context.show_status("Type the organization's name; it is saved when you move on.")

    def _on_created(self, detail: OrganizationDetail) -> None:
        self._detail = detail
        self._view.editor.title_label.setText(detail.organization.name)
        self._update_actions()
        self._load_list()

    def _on_saved(self, saved: SavedOrganization) -> None:
        self._view.model.replace(saved.row)
        self._show_engagement(saved.engagement)
        organization = saved.row.organization
        if organization.id == self.organization_id and self._detail is not None:
            self._detail = dataclasses.replace(self._detail, organization=organization)
            self._view.editor.title_label.setText(organization.name)

    def _on_delete(self) -> None:
        detail = self._detail
        if detail is None or self.organization_id is None:
            return
        name = detail.organization.name
        question = f"Delete {name}?"
        if detail.people:
            question += (
                f" The {people_count(len(detail.people))} listed under it stay, "
                "with no organization."
            )
        if not DeleteConfirmation.ask(self._view, f"Delete {name}", question):
            return
        organization_id = detail.organization.id
        self._context.runner.run(
            lambda s: delete_organization(s, organization_id),
            on_success=lambda edit: self._on_deleted(name, organization_id, edit),
        )

    def _on_deleted(self, name: str, organization_id: int, edit: Edit) -> None:
        self._context.history.record(edit)
        self._context.show_status(f"Deleted {name}.")
        if self.organization_id == organization_id:
            self._clear_editor()
        self._load_list()
