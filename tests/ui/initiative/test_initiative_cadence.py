"""The initiative's own update cadence: shown against the agency's default, saved, undone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import ValidationError
from cs360desk.services import catalog
from cs360desk.services.agency_settings import agency_settings, save_agency_settings
from cs360desk.ui.common.read_only_mode import ReadOnlyGuard
from cs360desk.ui.initiative.controller import InitiativeController, save_page_field
from cs360desk.ui.shell.main_window import MainWindow
from tests.ui.section_support import first_initiative, read
from tests.ui.section_support import open_section as show_section

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
PUBLIC, STAFF = "public_update_days", "staff_update_days"


def stored(workspace: Workspace, initiative_id: int, name: str) -> int | None:
    return read(workspace, lambda s: getattr(catalog.INITIATIVE.get(s, initiative_id), name))


def set_initiative(workspace: Workspace, **values: Any) -> None:
    initiative_id = first_initiative(workspace)
    read(workspace, lambda s: catalog.INITIATIVE.update(s, initiative_id, **values))


def set_agency_defaults(workspace: Workspace, public: int, staff: int) -> None:
    read(
        workspace,
        lambda s: save_agency_settings(s, public_update_days=public, staff_update_days=staff),
    )


def open_section(qtbot: QtBot, harness: Any, workspace: Workspace) -> InitiativeController:
    controller = InitiativeController(harness.context)
    initiative_id = first_initiative(workspace)
    return show_section(qtbot, controller, initiative_id, refresh_after_undo=harness)


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace) -> InitiativeController:
    set_agency_defaults(sample_workspace, 45, 10)  # not the stock 30 and 14: read, not assumed
    return open_section(qtbot, sample_harness, sample_workspace)


def spin(section: InitiativeController, name: str) -> QSpinBox:
    return section.view.cadence_spin(name)


def type_days(qtbot: QtBot, box: QSpinBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    if text:
        qtbot.keyClicks(box, text)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # editing finishes: the field saves at once


def test_without_a_cadence_of_its_own_the_agencys_default_is_shown(
    section: InitiativeController, sample_workspace: Workspace
) -> None:
    initiative_id = first_initiative(sample_workspace)
    assert stored(sample_workspace, initiative_id, PUBLIC) is None
    public, staff = spin(section, PUBLIC), spin(section, STAFF)
    assert (public.value(), public.text()) == (0, "agency default (45 days)")
    assert (staff.value(), staff.text()) == (0, "agency default (10 days)")
    assert (public.minimum(), public.maximum()) == (0, 365)
    assert public.accessibleName() == "Public update every"
    assert staff.accessibleName() == "Staff briefing every"
    assert "agency's default" in public.toolTip() and public.accessibleDescription()
    # The box is as wide as its longest text, so "agency default (…)" is never cut.
    assert public.width() >= public.fontMetrics().horizontalAdvance(public.text())


def test_an_initiatives_own_cadence_is_shown_as_stored(
    qtbot: QtBot, sample_harness: Any, sample_workspace: Workspace
) -> None:
    set_initiative(sample_workspace, public_update_days=21, staff_update_days=7)
    section = open_section(qtbot, sample_harness, sample_workspace)
    assert spin(section, PUBLIC).text() == "21 days"
    assert spin(section, STAFF).text() == "7 days"


def test_a_typed_cadence_is_saved_and_undo_restores_the_default(
    qtbot: QtBot, section: InitiativeController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    initiative_id = first_initiative(sample_workspace)
    type_days(qtbot, spin(section, PUBLIC), "21")
    sample_harness.wait_idle(qtbot)
    assert stored(sample_workspace, initiative_id, PUBLIC) == 21
    assert stored(sample_workspace, initiative_id, STAFF) is None  # the other one left alone
    assert sample_harness.statuses[-1] == "Saved"
    assert sample_harness.failures == []
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert stored(sample_workspace, initiative_id, PUBLIC) is None
    assert spin(section, PUBLIC).text() == "agency default (45 days)"
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.redo()
    assert spin(section, PUBLIC).text() == "21 days"


def test_arrow_presses_make_one_edit_after_the_pause(
    qtbot: QtBot, section: InitiativeController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    box = spin(section, STAFF)
    box.setFocus()
    for _press in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.text() == "3 days"
    qtbot.waitUntil(lambda: sample_harness.statuses[-1:] == ["Saved"], timeout=TIMEOUT_MS)
    sample_harness.wait_idle(qtbot)
    assert stored(sample_workspace, first_initiative(sample_workspace), STAFF) == 3
    sample_harness.history.undo()  # one step back, however many presses it took
    sample_harness.wait_idle(qtbot)
    assert stored(sample_workspace, first_initiative(sample_workspace), STAFF) is None
    assert not sample_harness.history.can_undo()


@pytest.mark.parametrize("clear", ["", "0", "down"])
def test_emptying_the_box_goes_back_to_the_agencys_default(
    qtbot: QtBot,
    sample_harness: Any,
    sample_workspace: Workspace,
    clear: str,
) -> None:
    set_initiative(sample_workspace, public_update_days=1)
    set_agency_defaults(sample_workspace, 45, 10)
    section = open_section(qtbot, sample_harness, sample_workspace)
    box = spin(section, PUBLIC)
    assert box.text() == "1 days"
    if clear == "down":
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    else:
        type_days(qtbot, box, clear)
    sample_harness.wait_idle(qtbot)
    assert box.text() == "agency default (45 days)"
    assert stored(sample_workspace, first_initiative(sample_workspace), PUBLIC) is None
    assert sample_harness.failures == []
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    assert stored(sample_workspace, first_initiative(sample_workspace), PUBLIC) == 1
    assert box.text() == "1 days"


def test_more_than_a_year_cannot_be_typed(
    qtbot: QtBot, section: InitiativeController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    type_days(qtbot, spin(section, PUBLIC), "4000")  # the box takes no digit past 365
    sample_harness.wait_idle(qtbot)
    assert spin(section, PUBLIC).text() == "40 days"
    assert stored(sample_workspace, first_initiative(sample_workspace), PUBLIC) == 40


@pytest.mark.parametrize("bad", [-3, 366, "fourteen", 2.5])
def test_the_save_refuses_what_the_box_would_never_send(
    sample_workspace: Workspace, bad: object
) -> None:
    initiative_id = first_initiative(sample_workspace)
    with pytest.raises(ValidationError) as refused:
        read(sample_workspace, lambda s: save_page_field(s, initiative_id, PUBLIC, bad))
    assert refused.value.field == PUBLIC
    assert stored(sample_workspace, initiative_id, PUBLIC) is None


def test_zero_from_the_box_is_stored_as_none_and_other_fields_keep_their_zero(
    sample_workspace: Workspace,
) -> None:
    initiative_id = first_initiative(sample_workspace)
    read(sample_workspace, lambda s: save_page_field(s, initiative_id, STAFF, 9))
    record, edit = read(sample_workspace, lambda s: save_page_field(s, initiative_id, STAFF, 0))
    assert record.staff_update_days is None and edit
    with pytest.raises(ValidationError):  # a name is text: 0 is not turned into None for it
        read(sample_workspace, lambda s: save_page_field(s, initiative_id, "name", 0))


def test_a_new_agency_default_shows_when_the_page_is_loaded_again(
    qtbot: QtBot, section: InitiativeController, sample_workspace: Workspace
) -> None:
    set_agency_defaults(sample_workspace, 60, 7)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.refresh()
    assert spin(section, PUBLIC).text() == "agency default (60 days)"
    assert spin(section, STAFF).text() == "agency default (7 days)"


def test_read_only_leaves_the_cadence_boxes_locked(
    qtbot: QtBot, section: InitiativeController, sample_harness: Any, sample_workspace: Workspace
) -> None:
    ReadOnlyGuard(section.view)
    for name in (PUBLIC, STAFF):
        box = spin(section, name)
        assert box.isReadOnly(), name
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Up)
        qtbot.keyClicks(box, "9")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert box.value() == 0
    qtbot.wait(700)  # past the spin boxes' save delay
    sample_harness.wait_idle(qtbot)
    assert not sample_harness.history.can_undo()
    assert stored(sample_workspace, first_initiative(sample_workspace), PUBLIC) is None


def test_the_boxes_have_mnemonics_and_follow_the_commitment_in_tab_order(
    qtbot: QtBot, section: InitiativeController
) -> None:
    view = section.view
    buddies = {label.buddy(): label.text() for label in view.findChildren(QLabel)}
    assert buddies[spin(section, PUBLIC)] == "&Public update every"
    assert buddies[spin(section, STAFF)] == "Staff &briefing every"
    keys = [text.split("&")[1][0].lower() for text in buddies.values() if "&" in text]
    assert len(keys) == len(set(keys)), keys
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT_MS)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert spin(section, PUBLIC).hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert spin(section, STAFF).hasFocus()
    commitment = view.fields.widget("commitment")
    commitment.setFocus()
    for name in (PUBLIC, STAFF):  # Tab goes on from the commitment to the two boxes in turn
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        assert spin(section, name).hasFocus(), name


@pytest.fixture
def window(sample_window: MainWindow) -> MainWindow:
    return sample_window


def _visit(qtbot: QtBot, window: MainWindow, title: str) -> Any:
    controller = window.controller
    assert controller is not None
    window.sidebar.setCurrentRow(controller.sections.index(title))
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
    return controller.sections[title]


def _update_cards(window: MainWindow) -> dict[str, str]:
    controller = window.controller
    assert controller is not None
    dashboard = controller.sections["Dashboard"].view
    return {
        card.signal.key: card.detail_label.text()
        for card in dashboard.cards.cards
        if card.signal.key in ("public_update", "staff_update")
    }


def test_the_dashboard_counts_down_to_the_cadence_saved_here(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    agency = read(sample_workspace, agency_settings)
    assert _update_cards(window)["public_update"].endswith(
        f"one every {agency.public_update_days} days"
    )
    initiative = _visit(qtbot, window, "Initiative")
    qtbot.waitUntil(lambda: initiative.page is not None, timeout=TIMEOUT_MS)
    type_days(qtbot, initiative.view.cadence_spin(PUBLIC), "9")
    type_days(qtbot, initiative.view.cadence_spin(STAFF), "3")
    qtbot.waitUntil(lambda: window.controller.history.can_undo(), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)
    _visit(qtbot, window, "Dashboard")
    qtbot.waitUntil(
        lambda: _update_cards(window).get("staff_update", "").endswith("one every 3 days"),
        timeout=TIMEOUT_MS,
    )
    assert _update_cards(window)["public_update"].endswith("one every 9 days")
