"""A read-only workspace: edit controls are disabled (not left to fail); looking, filtering,
opening and exporting keep working, in every section and for controls made later."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.ui.common.read_only_mode import (
    KEEPS_WORKING,
    READ_ONLY_TIP,
    ReadOnlyGuard,
    keeps_working,
)
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow
from tests.ui.conftest import ready_main_window

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def read_only_window(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[MainWindow]:
    path = sample_workspace.path
    sample_workspace.close()
    workspace = open_workspace(path, read_only=True, read_only_reason="a test asked for it")
    window = ready_main_window(qtbot, workspace, settings, now)
    yield window
    window.close()
    workspace.close()


def _visit(qtbot: QtBot, window: MainWindow, title: str) -> QWidget:
    controller = window.controller
    window.sidebar.setCurrentRow(controller.sections.index(title))
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
    return controller.sections[title].view


def _kept(widget: QWidget, root: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not root.parentWidget():
        if current.property(KEEPS_WORKING):
            return True
        current = current.parentWidget()
    return False


def _left_on(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractButton | QComboBox):
        return widget.isEnabled()
    if isinstance(widget, QAbstractItemView):
        return widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    return False


def _edit_controls_left_on(view: QWidget) -> list[str]:
    """Every control under the view that could still change the workspace."""
    found = []
    for widget in view.findChildren(QWidget):
        if _kept(widget, view) or isinstance(widget.parentWidget(), QTabBar | QComboBox):
            continue
        if _left_on(widget):
            found.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    for action in view.findChildren(QAction):
        owner = action.parent()
        kept = action.property(KEEPS_WORKING) or (isinstance(owner, QWidget) and _kept(owner, view))
        if action.isEnabled() and action.text() and not kept:
            found.append(f"action {action.text()!r}")
    return found


def test_no_section_leaves_an_edit_control_on(qtbot: QtBot, read_only_window: MainWindow) -> None:
    window = read_only_window
    assert window.banner.isVisible() and "read-only" in window.banner.text()
    for spec in SECTIONS:
        view = _visit(qtbot, window, spec.title)
        if spec.edits:
            assert _edit_controls_left_on(view) == [], spec.title


def test_looking_filtering_and_exporting_keep_working(
    qtbot: QtBot, read_only_window: MainWindow
) -> None:
    window = read_only_window
    people = _visit(qtbot, window, "People")
    assert not people.search_edit.isReadOnly() and people.team_filter.isEnabled()
    assert not people.new_action.isEnabled() and not people.new_button.isEnabled()
    items = _visit(qtbot, window, "Action items")
    items.table.selectRow(0)
    assert items.status_box.isEnabled() and items.open_button.isEnabled()
    assert not items.new_button.isEnabled() and not items.done_button.isEnabled()
    assert READ_ONLY_TIP in items.new_button.toolTip()
    assert "Ctrl+N" in items.new_button.toolTip()  # what it would do is still said
    shortcuts = {s.key().toString(): s.isEnabled() for s in items.findChildren(QShortcut)}
    assert shortcuts["F6"] and shortcuts["Ctrl+L"]  # moving the focus still works
    assert not shortcuts["Ctrl+N"] and not shortcuts["Del"] and not shortcuts["Ctrl+D"]
    tracker = _visit(qtbot, window, "Excel & calendar")
    assert tracker.export_button.isEnabled() and tracker.calendar_button.isEnabled()
    assert not tracker.import_button.isEnabled()
    reports = _visit(qtbot, window, "Reports")
    assert reports.generate_button.isEnabled()
    assert not window.restore_action.isEnabled() and window.backup_action.isEnabled()


def test_a_control_a_section_enables_later_stays_off(
    qtbot: QtBot, read_only_window: MainWindow
) -> None:
    window = read_only_window
    view = _visit(qtbot, window, "People")
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)
    section = window.controller.sections["People"]
    qtbot.waitUntil(lambda: section.record_id is not None, timeout=TIMEOUT_MS)
    assert _edit_controls_left_on(view) == []
    fields = [edit for edit in view.findChildren(QLineEdit) if not _kept(edit, view)]
    assert fields and all(edit.isReadOnly() for edit in fields)
    assert any(edit.text() for edit in fields)  # the chosen person is shown, not blanked


def test_a_writable_workspace_keeps_every_control(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> None:
    window = ready_main_window(qtbot, sample_workspace, settings, now)
    items = _visit(qtbot, window, "Action items")
    assert items.new_button.isEnabled() and READ_ONLY_TIP not in items.new_button.toolTip()
    tracker = _visit(qtbot, window, "Excel & calendar")
    assert tracker.import_button.isEnabled()
    assert window.restore_action.isEnabled()
    window.close()


def test_the_guard_locks_what_is_made_added_or_enabled_later(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    save, search, notes = QPushButton("Save"), QLineEdit(), QPlainTextEdit("typed")
    keeps_working(search)
    for widget in (save, search, notes):
        layout.addWidget(widget)
    ReadOnlyGuard(root)
    root.show()
    assert not save.isEnabled() and not search.isReadOnly() and notes.isReadOnly()
    save.setEnabled(True)  # as a controller does when a row is chosen
    assert not save.isEnabled()
    later = QPushButton("Delete")
    layout.addWidget(later)
    later.show()
    assert not later.isEnabled()
    action = QAction("New", root)
    root.addAction(action)
    assert not action.isEnabled()
    action.setEnabled(True)
    assert not action.isEnabled()
    assert notes.toPlainText() == "typed"


def test_locked_text_cannot_be_typed_into(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    field = QLineEdit("Ana Núñez", root)
    ReadOnlyGuard(root)
    root.show()
    qtbot.keyClicks(field, "x")
    assert field.text() == "Ana Núñez"


def test_settings_path_is_not_touched_by_a_read_only_open(tmp_path: Path) -> None:
    """The guard is a UI matter: opening read-only writes nothing beside the file."""
    path = tmp_path / "w.cs360"
    open_workspace(path).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    open_workspace(path, read_only=True).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
