"""Opening a workspace into the main window: the checks, the offers when it cannot open, and
the controller that loads the sections.

`ui.application` paints the window first and imports this module after, so the database
layer, the workspace check and the first queries run under a window the user already sees.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from cs360desk.db.backups import DamagedWorkspaceError, newest_sound_backup
from cs360desk.db.locking import SECOND_COPY_REASON, WorkspaceLock
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.ui.common.failures import BUG_TITLE, FailureReporter
from cs360desk.ui.common.settings import APPLICATION_NAME
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.shell.application import new_main_window
from cs360desk.ui.shell.backups_settings import backup_plan
from cs360desk.ui.shell.main_controller import MainWindowController, utc_now
from cs360desk.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from cs360desk.ui.shell.backups_dialog import BackupsDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    """A workspace open in the main window, with the lock that makes this copy its writer."""

    workspace: Workspace
    lock: WorkspaceLock

    def close(self) -> None:
        self.workspace.close()
        self.lock.release()


def open_into(window: MainWindow, settings: QSettings) -> Opened | None:
    """Open the window's workspace and load it there; None (having said why) when it cannot."""
    lock = WorkspaceLock(window.workspace_path)
    workspace = _open_or_explain(window.workspace_path, settings, lock)
    if workspace is None:
        lock.release()
        return None
    build_main_window(workspace, settings, window=window)
    return Opened(workspace, lock)


def build_main_window(
    workspace: Workspace,
    settings: QSettings,
    *,
    now: Callable[[], datetime] | None = None,
    offer_first_run: bool = True,
    window: MainWindow | None = None,
) -> MainWindow:
    """The main window over an open workspace (a new one, or `window` already shown), already
    loading its overview. With ``offer_first_run`` an empty workspace opens the first-run
    dialog once loaded.
    """
    window = window or new_main_window(workspace.path, settings)
    failures = FailureReporter(window, window.show_status)
    runner = TaskRunner(workspace.session_factory, failures.report, parent=window)
    controller = MainWindowController(
        window,
        runner,
        settings,
        now=now or utc_now,
        offer_first_run=offer_first_run,
        read_only=workspace.read_only,
    )
    window.controller = controller
    window.failures = failures
    window.show_notices(workspace.notices)
    # Another copy writes this workspace, or it cannot be written: nothing to restore over it.
    window.restore_action.setEnabled(not workspace.read_only)
    window.backup_action.triggered.connect(
        lambda: _show_backups(window, workspace, runner, settings, controller)
    )
    window.restore_action.triggered.connect(
        lambda: _show_backups(window, workspace, runner, settings, controller)
    )
    controller.start()
    return window


def _show_backups(
    window: MainWindow,
    workspace: Workspace,
    runner: TaskRunner,
    settings: QSettings,
    controller: MainWindowController,
) -> BackupsDialog:
    """Backups: list, back up now, restore one (every view reloads after a restore)."""
    from cs360desk.ui.shell.backups_dialog import BackupsDialog  # not needed to start

    dialog = BackupsDialog(workspace.path, runner, settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(controller.refresh)
    window.backups_dialog = dialog
    dialog.open()
    return dialog


def _open_or_explain(path: Path, settings: QSettings, lock: WorkspaceLock) -> Workspace | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A second copy of the app reads but never writes: one writer per workspace.
        second_copy = path.exists() and not lock.acquire()
        plan = None if second_copy else backup_plan(settings, path)
        return open_workspace(
            path, read_only=second_copy, daily_backup=plan, read_only_reason=SECOND_COPY_REASON
        )
    except DamagedWorkspaceError as error:
        QGuiApplication.restoreOverrideCursor()
        return _offer_restore(path, settings, lock, error)
    except (WorkspaceError, OSError) as error:
        _explain(f"The workspace cannot be opened.\n\n{error}", "")
    except Exception as error:  # a bug, not the user's doing: say so, keep the details
        details = "".join(traceback.format_exception(error))
        log.error("Opening %s failed:\n%s", path, details)
        _explain(f"{BUG_TITLE} while opening the workspace.\n\n{error!r}", details)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def _offer_restore(
    path: Path, settings: QSettings, lock: WorkspaceLock, error: DamagedWorkspaceError
) -> Workspace | None:
    """A damaged workspace: offer the newest backup that passes a full check."""
    plan = backup_plan(settings, path)
    folders = [plan.folder, *([plan.second_folder] if plan.second_folder else [])]
    backup = newest_sound_backup(folders, path.stem)
    if backup is None:
        _explain(f"The workspace is damaged and no sound backup was found.\n\n{error}", "")
        return None
    if not RestoreOffer.ask(error, backup.path):
        return None
    from cs360desk.db.restore import restore_backup  # only ever needed here

    kept = restore_backup(path, backup.path, backup_folder=plan.folder, policy=plan.policy)
    log.warning("Restored %s from %s; the damaged file is kept as %s", path, backup.path, kept)
    return _open_or_explain(path, settings, lock)


class RestoreOffer:
    """The question asked when the workspace is damaged; tests replace `ask`."""

    @classmethod
    def ask(cls, error: DamagedWorkspaceError, backup: Path) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, APPLICATION_NAME, str(error))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            f"Restore the newest good backup ({backup.name})? The damaged file is kept "
            "beside it as .pre-restore."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


def _explain(text: str, details: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
