"""Opening a workspace into the main window: the checks, the offers when it cannot open, and
the controller that loads the sections.

`ui.shell.application` paints the window first and imports this module after, so the database
layer, the workspace check and the first queries run under a window the user already sees.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from cs360desk.domain.errors import WorkspaceError
from cs360desk.i18n import _
from cs360desk.operations.app_opening import AppWorkspace, NoSoundBackupError, open_for_app
from cs360desk.operations.backups import DamagedWorkspaceError
from cs360desk.operations.workspaces import Workspace
from cs360desk.ui.common.failures import FailureReporter
from cs360desk.ui.common.settings import APPLICATION_NAME, backup_plan
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.shell.main_controller import MainWindowController, utc_now
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.new_window import new_main_window

if TYPE_CHECKING:
    from cs360desk.ui.shell.backups_dialog import BackupsDialog

log = logging.getLogger(__name__)


def open_into(window: MainWindow, settings: QSettings) -> AppWorkspace | None:
    """Open the window's workspace and load it there; None (having said why) when it cannot."""
    opened = _open_or_explain(window.workspace_path, settings)
    if opened is not None:
        build_main_window(opened.workspace, settings, window=window)
    return opened


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
    runner = TaskRunner(
        workspace.session_factory, failures.report, parent=window, workspace=workspace
    )
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

    dialog = BackupsDialog(workspace.path, runner, settings, window, read_only=workspace.read_only)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(controller.refresh)
    window.backups_dialog = dialog
    dialog.open()
    return dialog


def _open_or_explain(path: Path, settings: QSettings) -> AppWorkspace | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_for_app(path, plan=backup_plan(settings, path), offer=_ask_to_restore)
    except NoSoundBackupError as error:
        _explain(
            _("The workspace is damaged and no sound backup was found.\n\n{error}").format(
                error=error
            ),
            "",
        )
    except (WorkspaceError, OSError) as error:
        _explain(_("The workspace cannot be opened.\n\n{error}").format(error=error), "")
    except Exception as error:  # a bug, not the user's doing: say so, keep the details
        details = "".join(traceback.format_exception(error))
        log.error("Opening %s failed:\n%s", path, details)
        _explain(
            _("Something went wrong while opening the workspace.\n\n{error}").format(
                error=repr(error)
            ),
            details,
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def _ask_to_restore(error: DamagedWorkspaceError, backup: Path) -> bool:
    # The question gets the normal cursor; the restore that may follow, the busy one again.
    QGuiApplication.restoreOverrideCursor()
    try:
        return RestoreOffer.ask(error, backup)
    finally:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


class RestoreOffer:
    """The question asked when the workspace is damaged; tests replace `ask`."""

    @classmethod
    def ask(cls, error: DamagedWorkspaceError, backup: Path) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, APPLICATION_NAME, str(error))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            _(
                "Restore the newest good backup ({backup})? The damaged file is kept "
                "beside it as .pre-restore."
            ).format(backup=backup.name)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


def _explain(text: str, details: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, APPLICATION_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()
