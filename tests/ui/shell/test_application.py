"""Starting the app: a file that is not a workspace is explained, not opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.ui.shell import application, opening
from cs360desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def explained(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(opening, "_explain", lambda text, _details: messages.append(text))
    return messages


def test_a_file_that_is_not_a_workspace_is_explained(
    qtbot: QtBot, tmp_path: Path, explained: list[str]
) -> None:
    notes = tmp_path / "notes.cs360"
    notes.write_text("shopping list", encoding="utf-8")
    assert application.run_gui(notes, ["cs360desk"]) == 1
    assert len(explained) == 1
    assert "cannot be opened" in explained[0]
    assert "not a CS360 Desk workspace" in explained[0]
    assert notes.read_text(encoding="utf-8") == "shopping list"
    assert QCoreApplication.applicationName() == "CS360 Desk"
    assert QCoreApplication.organizationName() == "CS360 Desk"


def test_run_gui_shows_the_window_and_returns_the_exit_code(
    qtbot: QtBot,
    sample_workspace: Workspace,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    explained: list[str],
) -> None:
    sample_workspace.close()
    shown: list[MainWindow] = []

    def fake_exec(_app: QApplication) -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        shown.append(window)
        qtbot.waitUntil(lambda: window.controller.overview is not None, timeout=15_000)
        window.close()
        return 0

    monkeypatch.setattr(application, "app_settings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert application.run_gui(sample_workspace.path, ["cs360desk"]) == 0
    assert explained == []
    assert shown and shown[0].windowTitle().startswith("CS360 Desk — ")
    shown[0].deleteLater()
