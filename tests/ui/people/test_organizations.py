"""The Community map: engagement summary, editing organizations field by field, deleting."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Engagement, OrgScope
from cs360desk.domain.people_views import engagement_summary
from cs360desk.services import catalog
from cs360desk.services.organizations import organizations_by_engagement
from cs360desk.ui.common.record_widgets import DeleteConfirmation
from cs360desk.ui.people.organizations import OrganizationsController
from tests.ui.section_support import focusable_controls, open_section, read, type_into

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def make_controller(qtbot: QtBot, harness: Any) -> OrganizationsController:
    controller = OrganizationsController(harness.context)
    return open_section(qtbot, controller, None, resize=False, show=False)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def open_organization(qtbot: QtBot, controller: OrganizationsController, org_id: int) -> None:
    with qtbot.waitSignal(controller.detail_loaded, timeout=TIMEOUT_MS):
        controller.open_record("organization", org_id)


def test_summary_shows_every_level_zero_included(
    qtbot: QtBot, harness: Any, workspace: Workspace
) -> None:
    def seed(session: Any) -> None:
        catalog.ORGANIZATION.create(session, name="Iglesia Nueva Esperanza", engagement="champion")
        catalog.ORGANIZATION.create(session, name="Chamber of Commerce")

    read(workspace, seed)
    controller = make_controller(qtbot, harness)
    assert controller.view.summary_label.text() == (
        "Champion 1 · Supporter 0 · Neutral 0 · Skeptic 0 · Unknown 1"
    )
    assert controller.view.count_label.text() == "2 organizations"


def test_summary_on_the_sample_matches_the_service(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace
) -> None:
    controller = make_controller(qtbot, sample_harness)
    counts = read(sample_workspace, organizations_by_engagement)
    assert controller.view.summary_label.text() == engagement_summary(counts)
    assert sum(n for _, n in counts) == controller.view.model.rowCount()


def test_changing_engagement_saves_updates_the_summary_and_undoes(
    qtbot: QtBot, harness: Any, workspace: Workspace
) -> None:
    org = read(workspace, lambda s: catalog.ORGANIZATION.create(s, name="Hội Người Việt"))
    controller = make_controller(qtbot, harness)
    open_organization(qtbot, controller, org.id)
    combo = controller.view.editor.form.widget("engagement")
    assert isinstance(combo, QComboBox)
    choose(combo, Engagement.SKEPTIC)
    qtbot.waitUntil(lambda: "Skeptic 1" in controller.view.summary_label.text(), timeout=TIMEOUT_MS)
    assert "Unknown 0" in controller.view.summary_label.text()
    assert read(workspace, lambda s: catalog.ORGANIZATION.get(s, org.id).engagement) is (
        Engagement.SKEPTIC
    )
    assert harness.statuses[-1] == "Saved"
    row = controller.view.model.row_of(org.id)
    assert controller.view.model.index(row, 3).data() == "Skeptic"
    harness.history.undo()
    harness.wait_idle(qtbot)
    with qtbot.waitSignal(controller.detail_loaded, timeout=TIMEOUT_MS):
        controller.refresh()
    assert controller.view.editor.form.value("engagement") is Engagement.UNKNOWN
    assert "Unknown 1" in controller.view.summary_label.text()


def test_new_organization_through_the_editor(
    qtbot: QtBot, harness: Any, workspace: Workspace
) -> None:
    read(workspace, lambda s: catalog.ORGANIZATION.create(s, name="City of Port Serena"))
    controller = make_controller(qtbot, harness)
    form = controller.view.editor.form
    controller.view.new_action.trigger()
    choose(form.widget("scope"), OrgScope.INTERNAL)  # type: ignore[arg-type]
    assert form.rows["name"].error.isVisibleTo(controller.view)
    type_into(qtbot, form.widget("name"), "City of Port Serena")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "already" in form.rows["name"].error.text(), timeout=TIMEOUT_MS)
    assert form.value("name") == "City of Port Serena"
    type_into(qtbot, form.widget("name"), "Iglesia Bautista Nueva Esperanza")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: controller.organization_id is not None, timeout=TIMEOUT_MS)
    type_into(qtbot, form.widget("sector"), "Faith community")  # type: ignore[arg-type]
    harness.wait_idle(qtbot)
    saved = read(workspace, lambda s: catalog.ORGANIZATION.get(s, controller.organization_id))
    assert (saved.name, saved.sector, saved.scope) == (
        "Iglesia Bautista Nueva Esperanza", "Faith community", OrgScope.INTERNAL,
    )  # fmt: skip
    qtbot.waitUntil(lambda: controller.view.model.rowCount() == 2, timeout=TIMEOUT_MS)
    assert harness.failures == []


def test_delete_detaches_people_and_undo_reattaches(
    qtbot: QtBot, harness: Any, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def seed(session: Any) -> tuple[int, int]:
        org = catalog.ORGANIZATION.create(session, name="Our Lady of La Vang")
        person = catalog.PERSON.create(session, full_name="Trần Hữu Tâm", organization_id=org.id)
        return org.id, person.id

    org_id, person_id = read(workspace, seed)
    controller = make_controller(qtbot, harness)
    open_organization(qtbot, controller, org_id)
    assert controller.view.editor.people_model.rowCount() == 1
    questions: list[str] = []

    def fake_ask(_cls: type, _parent: QWidget, _title: str, question: str) -> bool:
        questions.append(question)
        return True

    monkeypatch.setattr(DeleteConfirmation, "ask", classmethod(fake_ask))
    controller.view.delete_key_action.trigger()
    qtbot.waitUntil(lambda: controller.organization_id is None, timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert "The 1 person listed under it stay" in questions[0]
    assert read(workspace, lambda s: catalog.PERSON.get(s, person_id).organization_id) is None
    assert controller.view.model.rowCount() == 0
    harness.history.undo()
    harness.wait_idle(qtbot)
    assert read(workspace, lambda s: catalog.PERSON.get(s, person_id).organization_id) == org_id


def test_the_people_list_opens_a_person(qtbot: QtBot, harness: Any, workspace: Workspace) -> None:
    def seed(session: Any) -> tuple[int, int]:
        org = catalog.ORGANIZATION.create(session, name="Parks")
        person = catalog.PERSON.create(session, full_name="Joshua White", organization_id=org.id)
        return org.id, person.id

    org_id, person_id = read(workspace, seed)
    controller = make_controller(qtbot, harness)
    open_organization(qtbot, controller, org_id)
    people = controller.view.editor.people_table
    people.doubleClicked.emit(controller.view.editor.people_model.index(0, 0))
    assert harness.opened == [("person", person_id)]


def test_models_and_accessible_names(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace, qtmodeltester: Any
) -> None:
    controller = make_controller(qtbot, sample_harness)
    org_id = controller.view.model.id_at(0)
    open_organization(qtbot, controller, org_id)
    qtmodeltester.check(controller.view.model)
    qtmodeltester.check(controller.view.editor.people_model)
    view = controller.view
    controls = focusable_controls(view)
    assert len(controls) > 8
    assert [w for w in controls if not w.accessibleName()] == []
