"""File → Back up now / Restore…: the workspace's backups, a second folder, and restore."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _
from cs360desk.operations.backups import BackupFile, BackupPolicy, back_up, backups_in, restore
from cs360desk.ui.common.page_widgets import button, note_label
from cs360desk.ui.common.read_only_mode import ReadOnlyGuard, keeps_working
from cs360desk.ui.common.record_widgets import data_table, heading, resort, set_column_widths
from cs360desk.ui.common.settings import MAX_KEPT, backup_plan, save_backup_plan
from cs360desk.ui.common.table_models import Column, DtoTableModel
from cs360desk.ui.common.tasks import TaskRunner
from cs360desk.ui.history.models import format_when


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size, 1024) // 1024} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


class BackupFileModel(DtoTableModel[BackupFile]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(_("Taken"), lambda b: format_when(b.taken_at), lambda b: b.taken_at),
                Column(_("Size"), lambda b: size_text(b.size), lambda b: b.size, numeric=True),
                Column(_("File"), lambda b: str(b.path)),
            )
        )


class RestoreConfirmation:
    """The question before a restore replaces the workspace; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, backup: Path, workspace: WorkspaceLocation | Path) -> bool:
        location = WorkspaceLocation.parse(workspace)
        if location.path is not None:
            question = _(
                "Replace everything in {workspace} with the backup {backup}?\n\n"
                "The workspace as it is now is kept as {workspace}.pre-restore."
            ).format(workspace=location.path.name, backup=backup.name)
        else:
            question = _(
                "Replace everything in the shared workspace {workspace} with the backup "
                "{backup}, for everyone who uses it?\n\n"
                "The workspace as it is now is kept as a backup first."
            ).format(workspace=location.describe(), backup=backup.name)
        answer = QMessageBox.warning(
            parent,
            _("Restore a backup"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class BackupFilePicker:
    """Choosing a backup file that is not in the list (from a USB stick); tests replace it."""

    @classmethod
    def choose(cls, parent: QWidget, folder: Path) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Restore which backup?"),
            str(folder),
            _("CS360 Desk workspaces (*.cs360)"),
        )
        return Path(chosen) if chosen else None


class BackupsDialog(QDialog):
    """`restored` fires after a restore: every view must reload what it shows."""

    restored = Signal()
    backed_up = Signal(object)  # the new BackupFile

    def __init__(
        self,
        workspace: WorkspaceLocation | Path,
        runner: TaskRunner,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backups"))
        self.setAccessibleName(_("Backups"))
        # A shared workspace's location carries its password: back_up and restore log in.
        self._workspace = WorkspaceLocation.parse(workspace)
        self._runner = runner
        self._settings = settings
        self.plan = backup_plan(settings, workspace)
        self.model = BackupFileModel()
        self.table = data_table(_("Backups"), self.model)
        set_column_widths(self.table, 18, 9)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.status_label = note_label()
        self._build_settings()
        self._build_layout()
        self.reload()
        if read_only:  # backing up and its settings (kept outside the file) still work
            keeps_working(
                self.second_folder_edit,
                self.keep_last_spin,
                self.keep_weeks_spin,
                self.choose_button,
                self.backup_button,
                self.close_box,
            )
            self._guard = ReadOnlyGuard(self)

    def _build_settings(self) -> None:
        self.second_folder_edit = QLineEdit(str(self.plan.second_folder or ""))
        self.second_folder_edit.setPlaceholderText(_("none (for example a USB stick)"))
        self.second_folder_edit.setAccessibleName(_("Second backup folder"))
        self.keep_last_spin = self._spin(_("Backups kept"), self.plan.policy.keep_last)
        self.keep_weeks_spin = self._spin(
            _("Weeks with one backup kept"), self.plan.policy.keep_weeks
        )
        self.choose_button = button(_("C&hoose…"), _("Choose the second backup folder"))
        self.backup_button = button(_("&Back up now"), _("Make a backup of the workspace now"))
        self.restore_button = button(
            _("&Restore selected…"), _("Replace the workspace with a backup")
        )
        self.restore_file_button = button(
            _("Restore from &file…"), _("Restore a backup from elsewhere")
        )
        self.choose_button.clicked.connect(self._on_choose_folder)
        self.backup_button.clicked.connect(self._on_back_up)
        self.restore_button.clicked.connect(self._on_restore_selected)
        self.restore_file_button.clicked.connect(self._on_restore_file)
        for field in (self.keep_last_spin, self.keep_weeks_spin):
            field.valueChanged.connect(self._on_settings_changed)
        self.second_folder_edit.editingFinished.connect(self._on_settings_changed)

    def _spin(self, name: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_KEPT)
        spin.setValue(value)
        spin.setAccessibleName(name)
        spin.setMaximumWidth(90)
        return spin

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_("Workspace:"), note_label(self._workspace.describe()))
        form.addRow(_("Backup folder:"), note_label(str(self.plan.folder)))
        second = QHBoxLayout()
        second.addWidget(self.second_folder_edit, 1)
        second.addWidget(self.choose_button)
        form.addRow(_buddy(_("&Second folder:"), self.second_folder_edit), second)
        form.addRow(_buddy(_("&Keep the last:"), self.keep_last_spin), self.keep_last_spin)
        form.addRow(
            _buddy(_("…and one a week for (&weeks):"), self.keep_weeks_spin),
            self.keep_weeks_spin,
        )
        buttons = QHBoxLayout()
        for pushed in (self.backup_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(pushed)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.close_box = close
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Backups"), self))
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        layout.addWidget(close)

    def reload(self) -> None:
        self.model.set_rows(backups_in(workspace=self._workspace, folder=self.plan.folder))
        resort(self.table)
        self.restore_button.setEnabled(self.model.rowCount() > 0)

    def selected_backup(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # Slots -----------------------------------------------------------------------------

    def _on_settings_changed(self, *_args: object) -> None:
        text = self.second_folder_edit.text().strip()
        policy = BackupPolicy(self.keep_last_spin.value(), self.keep_weeks_spin.value())
        second = Path(text).expanduser() if text else None
        self.plan = dataclasses.replace(self.plan, policy=policy, second_folder=second)
        save_backup_plan(self._settings, self.plan)

    def _on_choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Second backup folder"))
        if chosen:
            self.second_folder_edit.setText(chosen)
            self._on_settings_changed()

    def _on_back_up(self) -> None:
        workspace, plan = self._workspace, self.plan
        self.backup_button.setEnabled(False)
        self.status_label.setText(_("Backing up…"))
        self._runner.run(
            lambda _session: back_up(workspace=workspace, plan=plan),
            on_success=self._on_backed_up,
            on_failure=self._on_failed,
        )

    def _on_backed_up(self, made: BackupFile) -> None:
        self.backup_button.setEnabled(True)
        self.status_label.setText(_("Backed up to {path}").format(path=made.path))
        self.reload()
        self.backed_up.emit(made)

    def _on_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status_label.setText(_("Not done: {error}").format(error=error))
        self._runner.report_failure(error)

    def _on_restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is not None:
            self._restore(chosen.path)

    def _on_restore_file(self) -> None:
        chosen = BackupFilePicker.choose(self, self.plan.folder)
        if chosen is not None:
            self._restore(chosen)

    def _restore(self, backup: Path) -> None:
        if not RestoreConfirmation.ask(self, backup, self._workspace):
            return
        workspace, plan = self._workspace, self.plan
        self.status_label.setText(_("Restoring…"))
        self._runner.run(
            lambda _session: restore(workspace=workspace, backup=backup, plan=plan),
            on_success=lambda kept: self._on_restored(backup, kept),
            on_failure=self._on_failed,
        )

    def _on_restored(self, backup: Path, kept: Path | None) -> None:
        self.status_label.setText(
            _("Restored {backup}; the previous workspace is kept as {kept}").format(
                backup=backup.name, kept=kept
            )
        )
        self.reload()
        self.restored.emit()
