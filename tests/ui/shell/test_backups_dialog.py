"""The Backups dialog: list, Back up now, restore with confirmation, settings, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from cs360desk.db.backups import list_backups, take_backup
from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog
from cs360desk.ui.common.settings import backup_plan
from cs360desk.ui.shell.backups_dialog import (
    BackupFilePicker,
    BackupsDialog,
    RestoreConfirmation,
    size_text,
)
from tests.sqlite_support import person_names

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def names(path: Path) -> list[str]:
    return person_names(path)


@pytest.fixture
def dialog(qtbot: QtBot, harness: Any, workspace: Workspace, settings: QSettings) -> BackupsDialog:
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="Nguyễn Thị Hoa")
    made = BackupsDialog(workspace.path, harness.runner, settings)
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    return made


def back_up(qtbot: QtBot, dialog: BackupsDialog) -> None:
    with qtbot.waitSignal(dialog.backed_up, timeout=TIMEOUT_MS):
        dialog.backup_button.click()


def test_back_up_now_lists_the_new_backup(
    qtbot: QtBot, dialog: BackupsDialog, qtmodeltester: Any, workspace: Workspace
) -> None:
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    back_up(qtbot, dialog)
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    assert dialog.status_label.text().startswith("Backed up to ")
    assert names(dialog.model.row_at(0).path) == ["Nguyễn Thị Hoa"]
    assert dialog.model.index(0, 1).data().endswith("KB")


def test_restore_selected_after_confirmation(
    qtbot: QtBot, dialog: BackupsDialog, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    back_up(qtbot, dialog)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="Later")
    monkeypatch.setattr(RestoreConfirmation, "ask", classmethod(lambda cls, *a: True))
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=TIMEOUT_MS):
        dialog.restore_button.click()
    assert names(workspace.path) == ["Nguyễn Thị Hoa"]
    assert names(workspace.path.with_name(workspace.path.name + ".pre-restore")) == [
        "Nguyễn Thị Hoa",
        "Later",
    ]
    with workspace.session_factory.begin() as session:
        assert [p.full_name for p in catalog.PERSON.list(session)] == ["Nguyễn Thị Hoa"]


def test_declined_restore_changes_nothing(
    qtbot: QtBot, dialog: BackupsDialog, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    back_up(qtbot, dialog)
    monkeypatch.setattr(RestoreConfirmation, "ask", classmethod(lambda cls, *a: False))
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    qtbot.wait(50)
    assert not workspace.path.with_name(workspace.path.name + ".pre-restore").exists()


def test_restoring_a_non_workspace_is_refused_untouched(
    qtbot: QtBot,
    dialog: BackupsDialog,
    harness: Any,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bogus = tmp_path / "holiday photos.cs360"
    bogus.write_bytes(b"\x89PNG not a database" * 20)
    monkeypatch.setattr(BackupFilePicker, "choose", classmethod(lambda cls, *a: bogus))
    monkeypatch.setattr(RestoreConfirmation, "ask", classmethod(lambda cls, *a: True))
    dialog.restore_file_button.click()
    qtbot.waitUntil(lambda: bool(harness.failures), timeout=TIMEOUT_MS)
    assert "not a CS360 Desk workspace" in str(harness.failures[0])
    assert dialog.status_label.text().startswith("Not done:")
    assert names(workspace.path) == ["Nguyễn Thị Hoa"]


def test_an_unusable_second_folder_is_a_clear_failure(
    qtbot: QtBot, dialog: BackupsDialog, harness: Any, tmp_path: Path
) -> None:
    (tmp_path / "stick").write_text("a file, not a folder")
    dialog.second_folder_edit.setText(str(tmp_path / "stick"))
    dialog.second_folder_edit.editingFinished.emit()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: bool(harness.failures), timeout=TIMEOUT_MS)
    assert "cannot write backups to" in str(harness.failures[0])
    assert dialog.backup_button.isEnabled()


def test_settings_are_kept(
    qtbot: QtBot, dialog: BackupsDialog, settings: QSettings, workspace: Workspace, tmp_path: Path
) -> None:
    dialog.keep_last_spin.setValue(4)
    dialog.keep_weeks_spin.setValue(2)
    dialog.second_folder_edit.setText(str(tmp_path / "usb"))
    dialog.second_folder_edit.editingFinished.emit()
    plan = backup_plan(settings, workspace.path)
    assert (plan.policy.keep_last, plan.policy.keep_weeks) == (4, 2)
    assert plan.second_folder == tmp_path / "usb"
    back_up(qtbot, dialog)
    assert len(list_backups(tmp_path / "usb", workspace.path.stem)) == 1


def test_bad_settings_values_fall_back_to_defaults(settings: QSettings, tmp_path: Path) -> None:
    settings.setValue("backups/keep_last", "lots")
    settings.setValue("backups/keep_weeks", -3)
    plan = backup_plan(settings, tmp_path / "w.cs360")
    assert (plan.policy.keep_last, plan.policy.keep_weeks) == (10, 8)
    assert plan.second_folder is None and plan.folder == tmp_path / "w-backups"


def test_sizes() -> None:
    assert size_text(10) == "1 KB"
    assert size_text(50 * 1024) == "50 KB"
    assert size_text(3 * 1024 * 1024) == "3.0 MB"


def test_screenshot(qtbot: QtBot, dialog: BackupsDialog, workspace: Workspace) -> None:
    take_backup(workspace.path, dialog.plan.folder)
    back_up(qtbot, dialog)
    dialog.table.selectRow(0)
    qtbot.wait(50)
    assert dialog.grab().save("/tmp/backups_dialog.png")
