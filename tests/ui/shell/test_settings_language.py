"""Edit → Settings…: the screens' language, a preference of this computer kept in QSettings
(not in the workspace, not an undo step), applied the next time the app starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.i18n import LANGUAGES, ui_language
from cs360desk.ui.common.settings import chosen_language
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.settings_dialog import SettingsDialog
from tests.ui.shell.conftest import open_settings

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def _ok(qtbot: QtBot, window: MainWindow, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not dialog.isVisible() and not window.controller.runner.busy, timeout=TIMEOUT_MS
    )


def _choose(dialog: SettingsDialog, code: str) -> None:
    index = dialog.language.findData(code)
    assert index >= 0, code
    dialog.language.setCurrentIndex(index)


def _buddy_label(dialog: SettingsDialog, widget: QWidget) -> QLabel:
    found = [label for label in dialog.findChildren(QLabel) if label.buddy() is widget]
    assert len(found) == 1
    return found[0]


def test_the_choices_are_the_languages_each_named_in_itself(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_settings(qtbot, window)
    box = dialog.language
    shown = [(box.itemData(i), box.itemText(i)) for i in range(box.count())]
    assert shown == list(LANGUAGES.items()) == [("en", "English"), ("es", "Español")]
    # Nothing chosen yet: the language the screens speak now.
    assert chosen_language(window.controller.settings) is None
    assert box.currentData() == ui_language() == "en"
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Applies the next time CS360 Desk starts." in notes
    dialog.reject()


def test_choosing_espanol_and_ok_keeps_it_for_the_next_start(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    recorded: list[object] = []
    window.controller.history.recorded.connect(recorded.append)
    dialog = open_settings(qtbot, window)
    _choose(dialog, "es")
    assert dialog.changes() == {}  # nothing of the workspace's own
    _ok(qtbot, window, dialog)
    assert settings.value("ui/language") == "es"
    assert chosen_language(settings) == "es"
    assert recorded == []  # a preference of this computer, not an undo step
    assert ui_language() == "en"  # the screens change the next time the app starts
    assert window.controller.settings_action.text() == "&Settings…"
    dialog = open_settings(qtbot, window)
    assert dialog.language.currentData() == "es"  # shown as chosen when opened again
    dialog.reject()


def test_cancel_keeps_the_language_as_it_was(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    dialog = open_settings(qtbot, window)
    _choose(dialog, "es")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert settings.value("ui/language") is None
    dialog = open_settings(qtbot, window)
    assert dialog.language.currentData() == "en"  # what was picked and cancelled is gone
    dialog.reject()


def test_a_stored_choice_is_shown_and_saved_with_the_workspace_changes(
    qtbot: QtBot, window: MainWindow, settings: QSettings, sample_workspace: Workspace
) -> None:
    settings.setValue("ui/language", "es")
    dialog = open_settings(qtbot, window)
    assert dialog.language.currentText() == "Español"
    _choose(dialog, "en")
    name = dialog.fields.widget("name")
    assert isinstance(name, QLineEdit)
    name.setText("Elm Ridge PD")
    _ok(qtbot, window, dialog)
    assert settings.value("ui/language") == "en"
    qtbot.waitUntil(lambda: window.windowTitle() == "CS360 Desk — Elm Ridge PD", timeout=TIMEOUT_MS)


def test_the_language_has_a_mnemonic_label_and_is_reached_by_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_settings(qtbot, window)
    box = dialog.language
    label = _buddy_label(dialog, box)
    assert label.text() == "L&anguage" and box.accessibleName() == "Language"
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Its Alt key is its own among the dialog's labels and buttons.
    texts = [lab.text() for lab in dialog.findChildren(QLabel) if lab.buddy() is not None]
    texts += [dialog.choose_logo_button.text(), dialog.remove_logo_button.text()]
    keys = [text.split("&")[1][0].lower() for text in texts if "&" in text.replace("&&", "")]
    assert keys.count("a") == 1, keys
    # Tab goes from the paper size to the language, then on to the time zone.
    paper = dialog.fields.widget("paper_size")
    chain: list[QWidget] = []
    widget: QWidget = paper
    for _step in range(50):
        widget = widget.nextInFocusChain()
        if widget in (box, dialog.time_zone):
            chain.append(widget)
        if widget is dialog.time_zone:
            break
    assert chain == [box, dialog.time_zone]
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.focusWidget() is box, timeout=TIMEOUT_MS)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == "es"
    dialog.reject()
