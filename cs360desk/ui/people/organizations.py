"""The Community map section: stakeholder organizations, how engaged they are, who is in them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject

from cs360desk.domain.edits import Edit, combine
from cs360desk.domain.enums import Engagement, OrgScope
from cs360desk.domain.people_views import (
    OrganizationDetail,
    OrganizationRow,
    engagement_summary,
)
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.services import edits
from cs360desk.services.catalog import ORGANIZATION
from cs360desk.services.organizations import (
    find_organizations,
    organization_detail,
    organization_row,
    organizations_by_engagement,
)
from cs360desk.ui.common.autosave import AutoSave
from cs360desk.ui.common.record_section import RecordSection
from cs360desk.ui.common.record_widgets import DeleteConfirmation, resort
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.people.organizations_view import OrganizationsView

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
    _record, edit = edits.update(session, ORGANIZATION, organization_id, **{name: value})
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
    return combine(
        _("Delete {name}").format(name=name),
        edits.delete(session, ORGANIZATION, organization_id),
    )


class OrganizationsController(RecordSection):
    """Behaviour of the Community map page; `loaded` fires when the table has been shown."""

    record_kind = "organization"
    _view: OrganizationsView

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        view = OrganizationsView()
        self._detail: OrganizationDetail | None = None
        autosave = AutoSave(
            context,
            view.editor.form,
            save=save_organization_field,
            create=create_organization,
            id_of=lambda detail: detail.organization.id,
            required="name",
            required_problem=_("type the organization's name to save it"),
            parent=self,
        )
        self._start(view, autosave)
        view.editor.people_table.doubleClicked.connect(self._on_person_opened)
        self._update_actions()

    @property
    def view(self) -> OrganizationsView:
        return self._view

    @property
    def organization_id(self) -> int | None:
        return self.record_id

    def show_initiative(self, _initiative_id: int | None) -> None:
        self._load_list()  # the community map is the agency's, not one initiative's

    def _list_work(self) -> Callable[[WorkSession], CommunityMap]:
        return load_community_map

    def _show_list(self, page: CommunityMap) -> None:
        view = self._view
        view.model.set_rows(page.rows)
        resort(view.table)
        view.count_label.setText(count_of(len(page.rows), "{n} organization", "{n} organizations"))
        self._show_engagement(page.engagement)
        self._select_row_of(self.organization_id)

    def _show_engagement(self, counts: tuple[tuple[Engagement, int], ...]) -> None:
        self._view.summary_label.setText(engagement_summary(list(counts)))

    def _detail_work(self, session: WorkSession, organization_id: int) -> OrganizationDetail:
        return organization_detail(session, organization_id)

    def _record_id_of(self, detail: OrganizationDetail) -> int:
        return detail.organization.id

    def _show_detail(self, detail: OrganizationDetail) -> None:
        self._detail = detail
        editor = self._view.editor
        editor.form.load(dataclasses.asdict(detail.organization))
        editor.title_label.setText(detail.organization.name)
        editor.people_model.set_rows(detail.people)
        editor.show_people(bool(detail.people))
        self._view.show_editor(True)
        self._update_actions()

    # Slots -----------------------------------------------------------------------------

    def _on_person_opened(self, index: QModelIndex) -> None:
        self._context.open_record("person", self._view.editor.people_model.id_at(index.row()))

    def _on_new(self) -> None:
        self._start_draft(NEW_ORGANIZATION)
        self._view.editor.form.focus("name")
        self._context.show_status(_("Type the organization's name; it is saved when you move on."))

    def _show_blank_detail(self) -> None:
        editor = self._view.editor
        editor.title_label.setText(_("New organization"))
        editor.people_model.set_rows(())
        editor.show_people(False)

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
        question = _("Delete {name}?").format(name=name)
        if detail.people:
            question = ngettext(
                "Delete {name}? The {n} person listed under it stay, with no organization.",
                "Delete {name}? The {n} people listed under it stay, with no organization.",
                len(detail.people),
            ).format(name=name, n=len(detail.people))
        title = _("Delete {name}").format(name=name)
        if not DeleteConfirmation.ask(self._view, title, question):
            return
        organization_id = detail.organization.id
        self._delete_record(
            lambda s: delete_organization(s, organization_id), organization_id, name
        )
