"""Global search from the main window and app-wide undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cs360desk.services import catalog, edits
from cs360desk.ui.shell.opening import build_main_window
from cs360desk.ui.shell.search_dialog import SearchDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sample_workspace, settings, now):
    main = build_main_window(sample_workspace, settings, now=lambda: now, offer_first_run=False)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    controller = main.controller
    qtbot.waitUntil(lambda: controller.overview is not None, timeout=10_000)
    yield main
    main.close()  # stops its task runner before the workspace closes


def test_ctrl_k_searches_and_enter_opens_the_record(qtbot, window, sample_workspace) -> None:
    controller = window.controller
    opened: list[tuple[str, int]] = []
    controller.open_record = lambda kind, record_id: opened.append((kind, record_id))
    with sample_workspace.session_factory.begin() as session:
        person = catalog.PERSON.list(session)[0]
    controller.search_action.trigger()
    dialog = controller.search_dialog
    assert isinstance(dialog, SearchDialog) and dialog.isVisible()
    dialog._open_record = controller.open_record
    dialog.query.setText(person.full_name)  # QTest can only type ASCII; names are not
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5_000)
    first = dialog.model.hit_at(0)
    assert (first.kind, first.title) == ("person", person.full_name)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert opened == [("person", person.id)]
    assert not dialog.isVisible()


def test_search_says_when_nothing_is_found(qtbot, window) -> None:
    window.controller.search_action.trigger()
    dialog = window.controller.search_dialog
    qtbot.keyClicks(dialog.query, "zzqx no such thing")
    qtbot.waitUntil(lambda: dialog.summary.text() == "Nothing found.", timeout=5_000)
    assert dialog.model.rowCount() == 0


def test_undo_and_redo_replay_a_recorded_edit(qtbot, window, sample_workspace) -> None:
    controller = window.controller
    with sample_workspace.session_factory.begin() as session:
        item = catalog.ACTION_ITEM.list(session)[0]
        _record, edit = edits.update(session, catalog.ACTION_ITEM, item.id, title="Renamed")
    controller.history.record(edit)
    assert controller.history.undo_action.isEnabled()
    assert "Change action item" in controller.history.undo_action.text()
    with qtbot.waitSignal(controller.history.applied, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with sample_workspace.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, item.id).title == item.title
    assert controller.history.redo_action.isEnabled()
    with qtbot.waitSignal(controller.history.applied, timeout=5_000):
        controller.history.redo_action.trigger()
    with sample_workspace.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, item.id).title == "Renamed"
    assert not controller.history.redo_action.isEnabled()


def test_a_save_elsewhere_reloads_a_section_when_it_is_next_shown(
    qtbot, window, sample_workspace
) -> None:
    controller = window.controller
    titles = list(controller.sections)
    people = titles.index("People")
    reloads: list[str] = []
    section = controller.sections["People"]
    original = section.refresh
    section.refresh = lambda: (reloads.append("People"), original())  # type: ignore[method-assign]
    with sample_workspace.session_factory.begin() as session:
        item = catalog.ACTION_ITEM.list(session)[0]
        _record, edit = edits.update(session, catalog.ACTION_ITEM, item.id, title="Renamed")
    controller.history.record(edit)  # as the Action items section does after a save
    assert reloads == []  # nothing reloads behind the user's back
    window.sidebar.setCurrentRow(people)
    assert reloads == ["People"]
    window.sidebar.setCurrentRow(0)
    window.sidebar.setCurrentRow(people)
    assert reloads == ["People"]  # once is enough until the next save
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=20_000)


def test_f5_reloads_the_section_shown(qtbot, window) -> None:
    controller = window.controller
    reloads: list[str] = []
    section = controller.sections["Dashboard"]
    original = section.refresh
    section.refresh = lambda: (reloads.append("Dashboard"), original())  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "Dashboard" in reloads
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=20_000)
