"""Starting the app safely: one writer, a damaged file restored, backups from the File menu."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cs360desk.db.backups import default_backup_folder, list_backups, take_backup
from cs360desk.db.locking import WorkspaceLock
from cs360desk.db.workspace import Workspace
from cs360desk.services.catalog import AGENCY
from cs360desk.ui.shell import application, opening
from cs360desk.ui.shell.backups_dialog import BackupsDialog
from cs360desk.ui.shell.main_window import MainWindow
from tests.workspace_support import transaction_in

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """run_gui with the app's event loop replaced: the window is kept for the test to read."""
    windows: list[MainWindow] = []
    real_build = opening.build_main_window

    def build_and_keep(*args: object, **kwargs: object) -> MainWindow:
        window = real_build(*args, **kwargs)  # type: ignore[arg-type]
        windows.append(window)
        return window

    def fake_exec(_app: QApplication) -> int:
        window = windows[-1]
        qtbot.waitUntil(lambda: window.controller.overview is not None, timeout=20_000)
        window.close()
        return 0

    monkeypatch.setattr(opening, "build_main_window", build_and_keep)
    monkeypatch.setattr(application, "app_settings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(opening, "_explain", lambda text, _details: pytest.fail(text))
    yield windows
    for window in windows:
        window.deleteLater()


def _agency_name(path: Path) -> str:
    with transaction_in(path) as session:
        return AGENCY.list(session)[0].name


def test_a_second_copy_opens_read_only_with_a_banner(
    sample_workspace: Workspace, shown: list[MainWindow]
) -> None:
    sample_workspace.close()
    with WorkspaceLock(sample_workspace.path) as first_copy:
        assert first_copy.acquire()
        assert application.run_gui(sample_workspace.path, ["cs360desk"]) == 0
    banner = shown[0].banner
    assert not banner.isHidden()
    assert "read-only" in banner.text() and "another copy" in banner.text()


def test_the_only_copy_opens_for_editing_without_a_banner(
    sample_workspace: Workspace, shown: list[MainWindow]
) -> None:
    sample_workspace.close()
    assert application.run_gui(sample_workspace.path, ["cs360desk"]) == 0
    assert shown[0].banner.isHidden(), shown[0].banner.text()
    # The lock is released when the app ends, so the next copy may edit again.
    assert WorkspaceLock(sample_workspace.path).acquire()


def test_a_damaged_workspace_offers_the_newest_good_backup(
    sample_workspace: Workspace, shown: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sample_workspace.path
    sample_workspace.close()
    expected = _agency_name(path)
    take_backup(path, default_backup_folder(path))
    _damage(path)
    asked: list[Path] = []
    monkeypatch.setattr(
        opening.RestoreOffer, "ask", classmethod(lambda _cls, _e, b: asked.append(b) or True)
    )
    assert application.run_gui(path, ["cs360desk"]) == 0
    assert len(asked) == 1 and asked[0].parent == default_backup_folder(path)
    assert shown and _agency_name(path) == expected
    assert list(path.parent.glob("*.pre-restore"))


def test_declining_the_restore_leaves_the_damaged_file_alone(
    sample_workspace: Workspace, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sample_workspace.path
    sample_workspace.close()
    take_backup(path, default_backup_folder(path))
    _damage(path)
    before = path.read_bytes()
    monkeypatch.setattr(application, "app_settings", lambda: settings)
    monkeypatch.setattr(opening.RestoreOffer, "ask", classmethod(lambda *_args: False))
    assert application.run_gui(path, ["cs360desk"]) == 1
    assert path.read_bytes() == before


def test_file_menu_opens_the_backups(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings
) -> None:
    window = opening.build_main_window(sample_workspace, settings, offer_first_run=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.controller.overview is not None, timeout=20_000)
    window.backup_action.trigger()
    dialog = window.backups_dialog
    assert isinstance(dialog, BackupsDialog) and dialog.isVisible()
    with qtbot.waitSignal(dialog.backed_up, timeout=20_000):
        dialog.backup_button.click()
    assert list_backups(default_backup_folder(sample_workspace.path), sample_workspace.path.stem)
    dialog.close()
    window.close()


def _damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk would."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    start = page_size * (len(data) // page_size // 2)
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    shutil.copyfile(path, path.with_name("damaged-copy.bin"))
