"""Read-only, every section, tab and main dialog is toured and no control that would change the
workspace is left enabled (issue 19): edits are disabled up front, not left to fail on use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.i18n import _
from cs360desk.ui.common.read_only_mode import KEEPS_WORKING, READ_ONLY_TIP
from cs360desk.ui.shell.backups_dialog import BackupsDialog
from cs360desk.ui.shell.main_window import MainWindow
from tests.ui.conftest import ready_main_window
from tests.ui.tour_support import (
    DELETE_OPENERS,
    MODAL_OPENERS,
    ModalCatcher,
    inside_calendar,
    look_at_agenda,
    look_at_backups,
    look_at_drafts,
    look_at_generated_report,
    look_at_search,
    look_at_sections,
    look_at_settings,
    main_controller,
    open_modals,
)

pytestmark = pytest.mark.gui

# Enabled on purpose in a read-only workspace, by role; each matched (case-insensitive) against
# the control's objectName, accessibleName and text (menu mnemonics removed). Keep it small.
ALLOWED = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(close|cancel|ok)$",  # leaving a dialog changes nothing
        r"refresh",  # loads again
        r"^(search|filter)",  # finding and narrowing what is shown
        r"export|print|pdf|copy",  # writes outside the workspace, or to the clipboard
        r"^initiative$",  # the initiative chooser: which one is shown
        r"^back up now",  # a backup is a copy beside the workspace, not a change to it
        r"^(go to |about|quit)",  # View and Help menus, quitting
        r"^settings…$",  # opens the settings dialog, itself read-only (toured here)
        r"^sidebar$",  # choosing a section
    )
)


def _allowed(*names: str) -> bool:
    return any(
        pattern.search(name.replace("&", "")) for name in names if name for pattern in ALLOWED
    )


def _kept(widget: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None:
        if current.property(KEEPS_WORKING):
            return True
        current = current.parentWidget()
    return False


def _writes(widget: QWidget) -> bool:
    """Enabled and able to change what it shows (so the workspace) if the user used it."""
    if not widget.isVisible() or not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractButton | QComboBox):
        return True
    if isinstance(widget, QAbstractItemView):
        return widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    return False


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""


class Offenders:
    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def look(self, top: QWidget, where: str) -> None:
        for widget in [top, *top.findChildren(QWidget)]:
            parent = widget.parentWidget()
            if isinstance(parent, QTabBar | QComboBox | QAbstractSpinBox) or inside_calendar(
                widget
            ):
                continue  # parts of composite widgets follow their owner
            if isinstance(widget, QTabBar | QHeaderView) or not _writes(widget) or _kept(widget):
                continue
            name, label, text = widget.objectName(), widget.accessibleName(), _text(widget)
            if _allowed(name, label, text):
                continue
            key = f"{type(widget).__name__} name={name!r} accessible={label!r} text={text!r}"
            self.found.setdefault(key, where)
        for action in top.findChildren(QAction):
            if action.isSeparator() or not action.text() or not action.isEnabled() or action.menu():
                continue
            if not action.isVisible() or action.property(KEEPS_WORKING):
                continue
            owner = action.parent()
            if isinstance(owner, QWidget) and _kept(owner):
                continue
            if _allowed(action.objectName(), action.text()):
                continue
            key = f"QAction name={action.objectName()!r} text={action.text()!r}"
            self.found.setdefault(key, where)

    def report(self) -> str:
        return "\n".join(f"{key}  (in {where})" for key, where in sorted(self.found.items()))


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


def test_no_control_that_writes_is_enabled_anywhere(
    qtbot: QtBot, read_only_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = read_only_window
    offenders = Offenders()
    ModalCatcher(offenders.look).install(monkeypatch)
    look_at_sections(qtbot, window, offenders.look)
    look_at_generated_report(qtbot, window, offenders.look)
    look_at_agenda(qtbot, window, offenders.look)
    look_at_drafts(qtbot, window, offenders.look)
    look_at_settings(qtbot, window, offenders.look)
    look_at_backups(qtbot, window, offenders.look)
    look_at_search(qtbot, window, offenders.look)
    assert not offenders.found, "enabled in a read-only workspace:\n" + offenders.report()
    seen: list[str] = []  # each button that would ask for a new record or a delete is off
    open_modals(qtbot, window, seen, (*MODAL_OPENERS, *DELETE_OPENERS))
    assert seen == [], f"read-only, these asked for an edit: {seen}"
    history = main_controller(window).history
    assert not history.undo_action.isEnabled() and not history.redo_action.isEnabled()


def test_menu_actions_that_write_are_disabled(qtbot: QtBot, read_only_window: MainWindow) -> None:
    """File, Edit, View and Help: only looking, backing up, settings (shown read-only) left."""
    window = read_only_window
    history = main_controller(window).history
    assert not history.undo_action.isEnabled() and not history.redo_action.isEnabled()
    left_on = [
        action.text()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if action.isVisible() and action.isEnabled() and action.text() and action.menu() is None
        if not action.property(KEEPS_WORKING) and not _allowed(action.objectName(), action.text())
    ]
    assert left_on == []


def test_backups_can_be_made_but_not_restored(qtbot: QtBot, read_only_window: MainWindow) -> None:
    window = read_only_window
    runner = main_controller(window).runner
    window.backup_action.trigger()
    backups = window.backups_dialog
    assert isinstance(backups, BackupsDialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=15_000)
    backups.reload()  # as after a backup: it enables Restore when there is one to restore
    for locked in (backups.restore_button, backups.restore_file_button):
        assert not locked.isEnabled() and _(READ_ONLY_TIP) in locked.toolTip()
    assert backups.backup_button.isEnabled() and not backups.second_folder_edit.isReadOnly()
    backups.close()
