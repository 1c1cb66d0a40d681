"""The Teams section: team fields, the roster (add, refuse duplicates, roles, remove) and undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Cadence, MemberRole, TeamKind
from cs360desk.domain.errors import ValidationError
from cs360desk.services import catalog
from cs360desk.services.teams import people_of_team
from cs360desk.ui.common.record_widgets import DeleteConfirmation
from cs360desk.ui.people.people import PeopleController
from cs360desk.ui.people.teams import TeamsController
from cs360desk.ui.people.teams_models import ROLE_COLUMN
from tests.ui.section_support import focusable_controls, open_section, read

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
HOA = "Nguyễn Thị Hoa"


def seed(workspace: Workspace) -> dict[str, int]:
    """An initiative with its PST and a steering committee, and three people."""

    def work(session: Any) -> dict[str, int]:
        initiative = catalog.INITIATIVE.create(
            session, name="Eastside gun violence", started_on=date(2026, 1, 5)
        )
        pst = catalog.TEAM.create(
            session, initiative_id=initiative.id, name="Eastside PST", kind="problem_solving_team"
        )
        steering = catalog.TEAM.create(
            session, initiative_id=initiative.id, name="Steering", kind="steering_committee"
        )
        ana = catalog.PERSON.create(session, full_name="Ana Ruiz")
        bao = catalog.PERSON.create(session, full_name="Bao Tran")
        catalog.MEMBERSHIP.create(
            session, team_id=pst.id, person_id=ana.id, role="chair", joined_on=date(2026, 1, 10)
        )
        return {
            "initiative": initiative.id, "pst": pst.id, "steering": steering.id,
            "ana": ana.id, "bao": bao.id,
        }  # fmt: skip

    return read(workspace, work)


@pytest.fixture
def ids(workspace: Workspace) -> dict[str, int]:
    return seed(workspace)


@pytest.fixture
def teams(qtbot: QtBot, harness: Any, ids: dict[str, int]) -> TeamsController:
    controller = TeamsController(harness.context)
    return open_section(qtbot, controller, ids["initiative"], resize=False, show=False)


def open_team(qtbot: QtBot, controller: TeamsController, team_id: int) -> None:
    with qtbot.waitSignal(controller.detail_loaded, timeout=TIMEOUT_MS):
        controller.open_record("team", team_id)


def roster(workspace: Workspace, team_id: int) -> list[tuple[str, MemberRole]]:
    lines = read(workspace, lambda s: people_of_team(s, team_id))
    return [(line.person.full_name, line.membership.role) for line in lines]


def shown_roster(controller: TeamsController) -> list[tuple[str, str]]:
    model = controller.view.editor.roster.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def pick(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def add(qtbot: QtBot, controller: TeamsController, person_id: int, role: MemberRole) -> None:
    panel = controller.view.editor.roster
    pick(panel.person_box, person_id)
    pick(panel.role_box, role)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)


def test_teams_of_the_initiative_with_member_counts(
    teams: TeamsController, ids: dict[str, int], qtmodeltester: Any
) -> None:
    model = teams.view.model
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert rows == [
        ["Eastside PST", "Problem-Solving Team", "Monthly", "1"],
        ["Steering", "Steering Committee", "Monthly", "0"],
    ]
    assert teams.view.count_label.text() == "2 teams"
    qtmodeltester.check(model)


def test_a_community_member_added_in_people_goes_on_the_pst(
    qtbot: QtBot, harness: Any, workspace: Workspace, ids: dict[str, int], qtmodeltester: Any
) -> None:
    people = PeopleController(harness.context)
    qtbot.addWidget(people.view)
    with qtbot.waitSignal(people.loaded, timeout=TIMEOUT_MS):
        people.show_initiative(ids["initiative"])
    people.view.new_action.trigger()
    name_edit = people.view.editor.form.widget("full_name")
    assert isinstance(name_edit, QLineEdit)
    name_edit.insert(HOA)
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: people.person_id is not None, timeout=TIMEOUT_MS)
    hoa = people.person_id
    assert hoa is not None

    teams = TeamsController(harness.context)
    qtbot.addWidget(teams.view)
    with qtbot.waitSignal(teams.loaded, timeout=TIMEOUT_MS):
        teams.show_initiative(ids["initiative"])
    open_team(qtbot, teams, ids["pst"])
    add(qtbot, teams, hoa, MemberRole.COMMUNITY_REPRESENTATIVE)
    qtbot.waitUntil(lambda: len(shown_roster(teams)) == 2, timeout=TIMEOUT_MS)
    assert shown_roster(teams) == [("Ana Ruiz", "Chair"), (HOA, "Community representative")]
    assert roster(workspace, ids["pst"]) == [
        ("Ana Ruiz", MemberRole.CHAIR),
        (HOA, MemberRole.COMMUNITY_REPRESENTATIVE),
    ]
    assert harness.statuses[-1] == f"Saved: Add {HOA} to Eastside PST"
    qtbot.waitUntil(lambda: teams.view.model.index(0, 3).data() == "2", timeout=TIMEOUT_MS)
    qtmodeltester.check(teams.view.editor.roster.model)

    with qtbot.waitSignal(people.detail_loaded, timeout=TIMEOUT_MS):
        people.refresh()
    seats = people.view.editor.seats_model
    assert [seats.index(0, c).data() for c in range(2)] == [
        "Eastside PST",
        "Community representative",
    ]


def test_a_duplicate_member_is_refused_with_a_message(
    qtbot: QtBot, teams: TeamsController, harness: Any, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["pst"])
    add(qtbot, teams, ids["ana"], MemberRole.MEMBER)
    error = teams.view.editor.roster.add_error
    qtbot.waitUntil(lambda: error.isVisibleTo(teams.view), timeout=TIMEOUT_MS)
    assert "Ana Ruiz is already a member of Eastside PST" in error.text()
    assert roster(workspace, ids["pst"]) == [("Ana Ruiz", MemberRole.CHAIR)]
    assert harness.failures == []


def test_one_person_sits_on_several_teams(
    qtbot: QtBot, teams: TeamsController, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["steering"])
    add(qtbot, teams, ids["ana"], MemberRole.FACILITATOR)
    qtbot.waitUntil(lambda: len(shown_roster(teams)) == 1, timeout=TIMEOUT_MS)
    assert roster(workspace, ids["steering"]) == [("Ana Ruiz", MemberRole.FACILITATOR)]
    assert roster(workspace, ids["pst"]) == [("Ana Ruiz", MemberRole.CHAIR)]


def test_remove_member_then_undo_and_redo(
    qtbot: QtBot, teams: TeamsController, harness: Any, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["pst"])
    panel = teams.view.editor.roster
    assert not panel.remove_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.remove_button.isEnabled()
    panel.remove_key_action.trigger()  # Delete in the members table
    qtbot.waitUntil(lambda: shown_roster(teams) == [], timeout=TIMEOUT_MS)
    assert roster(workspace, ids["pst"]) == []
    assert panel.empty_label.isVisibleTo(teams.view)
    kept = read(workspace, lambda s: people_of_team(s, ids["pst"], current_only=False))
    assert kept[0].membership.left_on == datetime.now(UTC).astimezone().date()

    harness.history.undo()
    harness.wait_idle(qtbot)
    with qtbot.waitSignal(teams.detail_loaded, timeout=TIMEOUT_MS):
        teams.refresh()
    assert shown_roster(teams) == [("Ana Ruiz", "Chair")]
    harness.history.redo()
    harness.wait_idle(qtbot)
    assert roster(workspace, ids["pst"]) == []


def test_someone_added_by_mistake_today_is_removed_without_a_trace(
    qtbot: QtBot, teams: TeamsController, harness: Any, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["steering"])
    add(qtbot, teams, ids["bao"], MemberRole.MEMBER)
    qtbot.waitUntil(lambda: len(shown_roster(teams)) == 1, timeout=TIMEOUT_MS)
    teams.view.editor.roster.table.selectRow(0)
    qtbot.mouseClick(teams.view.editor.roster.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_roster(teams) == [], timeout=TIMEOUT_MS)
    everyone = read(workspace, lambda s: people_of_team(s, ids["steering"], current_only=False))
    assert everyone == []


def test_role_is_chosen_in_the_table(
    qtbot: QtBot, teams: TeamsController, harness: Any, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["pst"])
    panel = teams.view.editor.roster
    index = panel.model.index(0, ROLE_COLUMN)
    assert panel.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    delegate = panel.table.itemDelegateForColumn(ROLE_COLUMN)
    editor = delegate.createEditor(panel.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert editor.accessibleName() == "Role of Ana Ruiz"
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Chair"
    pick(editor, MemberRole.NOTE_TAKER)
    delegate.setModelData(editor, panel.model, index)
    editor.deleteLater()
    qtbot.waitUntil(lambda: shown_roster(teams) == [("Ana Ruiz", "Note-taker")], timeout=TIMEOUT_MS)
    assert roster(workspace, ids["pst"]) == [("Ana Ruiz", MemberRole.NOTE_TAKER)]
    harness.history.undo()
    harness.wait_idle(qtbot)
    assert roster(workspace, ids["pst"]) == [("Ana Ruiz", MemberRole.CHAIR)]


def test_team_fields_save_as_they_are_left(
    qtbot: QtBot, teams: TeamsController, harness: Any, workspace: Workspace, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["pst"])
    form = teams.view.editor.form
    name = form.widget("name")
    assert isinstance(name, QLineEdit)
    name.selectAll()
    name.insert("")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.rows["name"].error.isVisibleTo(teams.view), timeout=TIMEOUT_MS)
    assert "must not be empty" in form.rows["name"].error.text()
    name.insert("PST — Eastside")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    cadence = form.widget("cadence")
    assert isinstance(cadence, QComboBox)
    pick(cadence, Cadence.BIWEEKLY)
    cadence.activated.emit(cadence.currentIndex())
    harness.wait_idle(qtbot)
    team = read(workspace, lambda s: catalog.TEAM.get(s, ids["pst"]))
    assert (team.name, team.cadence) == ("PST — Eastside", Cadence.BIWEEKLY)
    assert teams.view.editor.title_label.text() == "PST — Eastside"
    assert not form.rows["name"].error.isVisibleTo(teams.view)


def test_new_team_and_delete_it(
    qtbot: QtBot,
    teams: TeamsController,
    harness: Any,
    workspace: Workspace,
    ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    form = teams.view.editor.form
    teams.view.new_action.trigger()
    pick(form.widget("kind"), TeamKind.ADVISORY_TEAM)  # type: ignore[arg-type]
    name = form.widget("name")
    assert isinstance(name, QLineEdit)
    name.insert("Consejo Asesor de la Comunidad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: teams.view.model.rowCount() == 3, timeout=TIMEOUT_MS)
    created = read(workspace, lambda s: catalog.TEAM.get(s, teams.team_id))
    assert (created.name, created.kind, created.initiative_id) == (
        "Consejo Asesor de la Comunidad", TeamKind.ADVISORY_TEAM, ids["initiative"],
    )  # fmt: skip
    monkeypatch.setattr(DeleteConfirmation, "ask", classmethod(lambda *_a: True))
    teams.view.delete_action.trigger()
    qtbot.waitUntil(lambda: teams.view.model.rowCount() == 2, timeout=TIMEOUT_MS)
    assert teams.team_id is None


def test_a_team_with_meetings_cannot_be_deleted(
    qtbot: QtBot,
    teams: TeamsController,
    harness: Any,
    workspace: Workspace,
    ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    starts = datetime.now(UTC) + timedelta(days=3)
    read(
        workspace,
        lambda s: catalog.MEETING.create(s, team_id=ids["pst"], title="March", starts_at=starts),
    )
    open_team(qtbot, teams, ids["pst"])
    monkeypatch.setattr(DeleteConfirmation, "ask", classmethod(lambda *_a: True))
    teams.view.delete_action.trigger()
    qtbot.waitUntil(lambda: bool(harness.failures), timeout=TIMEOUT_MS)
    assert isinstance(harness.failures[0], ValidationError)
    assert "meeting" in str(harness.failures[0])
    assert read(workspace, lambda s: catalog.TEAM.get(s, ids["pst"])).name == "Eastside PST"


def test_keyboard_and_accessible_names(
    qtbot: QtBot, teams: TeamsController, ids: dict[str, int]
) -> None:
    open_team(qtbot, teams, ids["pst"])
    view = teams.view
    controls = focusable_controls(view)
    assert len(controls) > 10
    assert [w for w in controls if not w.accessibleName()] == []
    assert view.new_action.shortcut().toString() == "Ctrl+N"
    assert view.delete_key_action.shortcut().toString() == "Del"
