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
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _
from cs360desk.operations.app_opening import AppWorkspace, NoSoundBackupError, open_for_app
from cs360desk.operations.backups import DamagedWorkspaceError
from cs360desk.operations.server_passwords import (
    PasswordTrouble,
    forget_password,
    password_trouble,
    remember_password,
    remembered_password,
)
from cs360desk.operations.workspaces import Workspace
from cs360desk.ui.common.failures import FailureReporter
from cs360desk.ui.common.settings import (
    APPLICATION_NAME,
    backup_plan,
    remember_workspace,
)
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.shell.main_controller import MainWindowController, utc_now
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.new_window import new_main_window
from cs360desk.ui.shell.server_dialogs import (
    PasswordPrompt,
    SharedWorkspaceDialog,
    SharedWorkspaceRequest,
)

if TYPE_CHECKING:
    from cs360desk.operations.backups import BackupPlan
    from cs360desk.ui.shell.backups_dialog import BackupsDialog
    from cs360desk.ui.shell.server_dialogs import PasswordAnswer

log = logging.getLogger(__name__)


def open_into(window: MainWindow, settings: QSettings) -> AppSession | None:
    """Open the window's workspace and load it there; None (having said why) when it cannot."""
    opened = _open_or_explain(window.location, settings, window)
    if opened is None:
        return None
    build_main_window(opened.workspace, settings, window=window)
    return AppSession(opened, window, settings)


class AppSession:
    """The workspace the app has open and the window over it. File → Open… opens another
    and then replaces both: the new window shows, the old one closes (its tasks finish), and
    the old workspace closes last; a workspace that fails to open leaves the old one as it is.
    """

    def __init__(self, opened: AppWorkspace, window: MainWindow, settings: QSettings) -> None:
        self.opened = opened
        self.window = window
        self.settings = settings
        self.shared_dialog: SharedWorkspaceDialog | None = None
        self._connect(window)

    def close(self) -> None:
        self.opened.close()

    def _connect(self, window: MainWindow) -> None:
        window.open_file_action.triggered.connect(self._on_open_file)
        window.open_shared_action.triggered.connect(self._on_open_shared)

    def _on_open_file(self) -> None:
        chosen = WorkspaceFilePicker.choose(self.window, self.window.location)
        if chosen is None or chosen == self.window.location:
            return
        opened = _open_or_explain(chosen, self.settings, self.window)
        if opened is not None:
            self.switch_to(opened, chosen)

    def _on_open_shared(self) -> None:
        dialog = SharedWorkspaceDialog(
            lambda request: open_shared(request, self.settings),
            current=self.window.location,
            keychain_problem=_keychain_problem(),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.workspace_opened.connect(
            lambda opened, request: self.switch_to(opened, request.location)
        )
        self.shared_dialog = dialog
        dialog.open()

    def switch_to(self, opened: AppWorkspace, location: WorkspaceLocation) -> MainWindow:
        """The window and workspace replaced by `opened` (at `location`, without a password),
        which the next start opens again."""
        old_window, old = self.window, self.opened
        window = new_main_window(location, self.settings)
        build_main_window(opened.workspace, self.settings, window=window)
        window.show()
        self.window, self.opened, self.shared_dialog = window, opened, None
        self._connect(window)
        remember_workspace(self.settings, location)
        old_window.close()  # its task runner stops before the workspace under it closes
        old_window.deleteLater()
        old.close()
        return window


class WorkspaceFilePicker:
    """File → Open workspace file…: which file; tests replace `choose`."""

    @classmethod
    def choose(cls, parent: QWidget, current: WorkspaceLocation) -> WorkspaceLocation | None:
        folder = str(current.path.parent) if current.path is not None else ""
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Open workspace file"),
            folder,
            _("CS360 Desk workspaces (*.cs360)"),
        )
        return WorkspaceLocation.file(chosen) if chosen else None


def _keychain_problem() -> str | None:
    # Any address will do: a keychain that cannot be read says so for every one.
    probe = WorkspaceLocation.parse("postgresql://cs360desk@localhost/cs360desk")
    return remembered_password(probe).problem


def open_shared(request: SharedWorkspaceRequest, settings: QSettings) -> AppWorkspace:
    """Open a shared workspace as the dialog asked, with the password typed or else the one
    remembered; a password that worked is remembered, or forgotten, as the user chose."""
    location = request.location
    password = request.password or remembered_password(location).password
    opened = open_for_app(
        location,
        plan=backup_plan(settings, location),
        offer=_no_restore,
        password=password,
        acting_user=request.acting_user or None,
    )
    assert opened is not None  # only a damaged file can be declined
    if request.password:
        _keep_or_forget(location, request.password, remember=request.remember)
    return opened


def _keep_or_forget(location: WorkspaceLocation, password: str, *, remember: bool) -> None:
    if not remember:
        forget_password(location)
    elif (problem := remember_password(location, password)) is not None:
        log.warning("Not remembered: %s", problem)


def _no_restore(_error: DamagedWorkspaceError, _backup: Path) -> bool:
    return False


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
    window = window or new_main_window(workspace.location, settings)
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

    dialog = BackupsDialog(
        workspace.location, runner, settings, window, read_only=workspace.read_only
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(controller.refresh)
    window.backups_dialog = dialog
    dialog.open()
    return dialog


def _open_or_explain(
    location: WorkspaceLocation, settings: QSettings, parent: QWidget | None = None
) -> AppWorkspace | None:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    plan = backup_plan(settings, location)
    try:
        if not location.is_file:
            return _open_shared_asking(location, plan, parent)
        return open_for_app(location, plan=plan, offer=_ask_to_restore)
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
        log.error("Opening %s failed:\n%s", location, details)
        _explain(
            _("Something went wrong while opening the workspace.\n\n{error}").format(
                error=repr(error)
            ),
            details,
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def _open_shared_asking(
    location: WorkspaceLocation, plan: BackupPlan, parent: QWidget | None
) -> AppWorkspace | None:
    """A shared workspace with the password remembered, else asked for until the server takes
    it; None when the user gives up asking."""
    remembered = remembered_password(location)
    password, answer = remembered.password, None
    while True:
        try:
            opened = open_for_app(location, plan=plan, offer=_no_restore, password=password)
        except WorkspaceError as error:
            trouble = password_trouble(error)
            if trouble is None:
                raise
            answer = _ask_password(parent, location, trouble, remembered.problem)
            if answer is None:
                return None
            password = answer.password
            continue
        if answer is not None and answer.password:
            _keep_or_forget(location, answer.password, remember=answer.remember)
        return opened


def _ask_password(
    parent: QWidget | None,
    location: WorkspaceLocation,
    trouble: PasswordTrouble,
    keychain_problem: str | None,
) -> PasswordAnswer | None:
    QGuiApplication.restoreOverrideCursor()
    try:
        return PasswordPrompt.ask(
            parent,
            location,
            refused=trouble is PasswordTrouble.REFUSED,
            keychain_problem=keychain_problem,
        )
    finally:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


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
