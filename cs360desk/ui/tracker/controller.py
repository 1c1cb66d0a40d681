"""Behaviour of the Excel & calendar section: export, import with a preview, calendars."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.tracker import (
    ImportBlockedError,
    ImportPreview,
    RowStatus,
    slug,
)
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.operations.calendar import export_calendar
from cs360desk.operations.tracker import (
    AppliedImport,
    ExportedTracker,
    LoadedImport,
    apply_import,
    export_tracker,
    preview_import,
)
from cs360desk.operations.workspaces import Workspace
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.settings import remember_tracker_folder, tracker_folder
from cs360desk.ui.common.tasks import Task, TaskJob
from cs360desk.ui.tracker.dialogs import TrackerFiles
from cs360desk.ui.tracker.jobs import TrackerPage, load_page
from cs360desk.ui.tracker.view import TrackerView


class TrackerController(QObject):
    """`preview_changed` fires when a preview is shown or cleared; `finished` after each job."""

    loaded = Signal()
    preview_changed = Signal()
    imported = Signal(object)  # the ImportResult
    finished = Signal()

    files = TrackerFiles

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = TrackerView()
        self._initiative_id: int | None = None
        self._page = TrackerPage("", ())
        self._loaded: LoadedImport | None = None
        self._task: Task[Any] | None = None
        view = self._view
        view.export_button.clicked.connect(self._on_export)
        view.import_button.clicked.connect(self._on_import)
        view.calendar_button.clicked.connect(self._on_calendar)
        view.apply_button.clicked.connect(lambda: self._on_apply(skip_errors=False))
        view.apply_skipping_button.clicked.connect(lambda: self._on_apply(skip_errors=True))
        view.discard_button.clicked.connect(self._on_discard)
        view.cancel_button.clicked.connect(self._on_cancel)
        view.show_unchanged.toggled.connect(self._on_show_unchanged)
        self._update_actions()

    @property
    def view(self) -> TrackerView:
        return self._view

    @property
    def preview(self) -> ImportPreview | None:
        return self._loaded.preview if self._loaded else None

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._clear_preview()
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        wanted = self._initiative_id
        self._context.runner.run(
            lambda s: load_page(s, wanted), on_success=lambda page: self._on_loaded(wanted, page)
        )

    def _on_loaded(self, initiative_id: int | None, page: TrackerPage) -> None:
        if initiative_id != self._initiative_id:
            return
        self._page = page
        box = self._view.team_box
        chosen = box.currentData()
        box.clear()
        box.addItem(_("All teams of this initiative"), None)
        for team_id, name in page.teams:
            box.addItem(name, team_id)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        self._update_actions()
        self.loaded.emit()

    # Jobs -------------------------------------------------------------------------------

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _folder(self) -> Path:
        return tracker_folder(self._context.settings)

    def _remember(self, path: Path) -> None:
        remember_tracker_folder(self._context.settings, path.parent)

    def _start(
        self,
        message: str,
        work: Callable[[Workspace, TaskJob], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._view.set_busy(True, message)

        def on_failure(error: BaseException) -> None:
            self._job_done()
            (failed or self._context.runner.report_failure)(error)

        def on_success(result: Any) -> None:
            self._job_done()
            done(result)

        # Every job here is an operation that opens its own transactions.
        self._task = self._context.runner.run_in_workspace(
            work, on_success=on_success, on_failure=on_failure, on_progress=self._on_progress
        )
        self._update_actions()

    def _job_done(self) -> None:
        self._task = None
        self._view.set_busy(False)
        self._update_actions()
        self.finished.emit()

    def _on_progress(self, percent: int, message: str) -> None:
        self._view.progress.setValue(percent)
        if message:
            self._view.progress_label.setText(message)

    def _on_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    # Export -----------------------------------------------------------------------------

    def _on_export(self) -> None:
        initiative_id, today = self._initiative_id, self._today()
        if initiative_id is None:
            return
        name = f"{slug(self._page.initiative_name)}-tracker-{today.isoformat()}.xlsx"
        target = self.files.save_tracker(self._view, self._folder() / name)
        if target is None:
            return
        self._remember(target)
        self._start(
            _("Exporting the tracker…"),
            lambda workspace, job: export_tracker(
                workspace=workspace,
                initiative_id=initiative_id,
                target=target,
                today=today,
                progress=job.progress,
            ),
            self._on_exported,
        )

    def _on_exported(self, exported: ExportedTracker) -> None:
        self._context.show_status(_("Tracker written to {path}").format(path=exported.path))

    def _on_calendar(self) -> None:
        initiative_id, team_id = self._initiative_id, self._view.team_box.currentData()
        stem = slug(self._view.team_box.currentText() if team_id else self._page.initiative_name)
        target = self.files.save_calendar(self._view, self._folder() / f"{stem}-meetings.ics")
        if target is None:
            return
        self._remember(target)
        self._start(
            _("Exporting the calendar…"),
            lambda workspace, job: export_calendar(
                workspace=workspace,
                target=target,
                team_id=team_id,
                initiative_id=initiative_id,
                progress=job.progress,
            ),
            lambda count: self._context.show_status(
                ngettext(
                    "{n} meeting written to {path}", "{n} meetings written to {path}", count
                ).format(n=count, path=target)
            ),
        )

    # Import -----------------------------------------------------------------------------

    def _on_import(self) -> None:
        source = self.files.open_tracker(self._view, self._folder())
        if source is None:
            return
        self._remember(source)
        today = self._today()
        self._start(
            _("Reading the tracker…"),
            lambda workspace, job: preview_import(
                workspace=workspace, source=source, today=today, progress=job.progress
            ),
            self._show_loaded,
        )

    def _show_loaded(self, loaded: LoadedImport) -> None:
        self._loaded = loaded
        preview = loaded.preview
        view = self._view
        view.file_label.setText(
            _("{file}: tracker of {initiative}").format(
                file=loaded.path.name, initiative=preview.initiative_name
            )
        )
        view.summary_label.setText(preview.summary())
        view.notes_label.setText("\n".join(preview.notes))
        view.notes_label.setVisible(bool(preview.notes))
        view.advice_label.setText(_advice(preview))
        self._fill_table()
        view.show_preview(True)
        self._update_actions()
        self.preview_changed.emit()

    def _fill_table(self) -> None:
        preview = self.preview
        rows = preview.rows if preview else ()
        if not self._view.show_unchanged.isChecked():
            rows = tuple(r for r in rows if r.status is not RowStatus.UNCHANGED or r.notes)
        self._view.model.set_outcomes(rows)

    def _on_show_unchanged(self, _checked: bool) -> None:
        self._fill_table()

    def _on_apply(self, *, skip_errors: bool) -> None:
        loaded, today = self._loaded, self._today()
        if loaded is None:
            return
        self._start(
            _("Applying the changes…"),
            lambda workspace, job: apply_import(
                workspace=workspace,
                parsed=loaded.parsed,
                today=today,
                skip_errors=skip_errors,
                progress=job.progress,
            ),
            self._on_applied,
            self._on_apply_failed,
        )

    def _on_applied(self, applied: AppliedImport) -> None:
        result = applied.result
        EditWriter(self._context).record(result.edit)
        self._context.show_status(_imported_text(result.applied, result.skipped))
        self._clear_preview()
        self.imported.emit(result)

    def _on_apply_failed(self, error: BaseException) -> None:
        # The workspace changed since the preview: show what stands now, apply nothing.
        if isinstance(error, ImportBlockedError) and self._loaded is not None:
            loaded = self._loaded
            self._show_loaded(LoadedImport(loaded.path, loaded.parsed, error.preview))
        self._context.runner.report_failure(error)

    def _on_discard(self) -> None:
        self._clear_preview()
        self._context.show_status(_("Import discarded; nothing was changed."))

    def _clear_preview(self) -> None:
        self._loaded = None
        self._view.model.set_outcomes(())
        self._view.show_preview(False)
        self._update_actions()
        self.preview_changed.emit()

    def _update_actions(self) -> None:
        view, idle = self._view, self._task is None
        preview = self.preview
        changes = preview is not None and preview.has_changes
        errors = preview is not None and preview.has_errors
        view.export_button.setEnabled(idle and self._initiative_id is not None)
        view.import_button.setEnabled(idle and self._initiative_id is not None)
        view.calendar_button.setEnabled(idle)
        view.apply_button.setEnabled(idle and changes and not errors)
        view.apply_skipping_button.setEnabled(idle and changes and errors)
        view.discard_button.setEnabled(idle and preview is not None)


def _imported_text(applied: int, skipped: int) -> str:
    if not skipped:
        return count_of(applied, "Imported {n} row.", "Imported {n} rows.")
    return ngettext(
        "Imported {rows}; {n} row with errors skipped.",
        "Imported {rows}; {n} rows with errors skipped.",
        skipped,
    ).format(rows=count_of(applied, "{n} row", "{n} rows"), n=skipped)


def _advice(preview: ImportPreview) -> str:
    errors = preview.count(RowStatus.ERROR)
    if errors:
        return count_of(
            errors,
            "{n} row cannot be imported as they are (marked Error). Fix them in "
            "the file and import it again, or apply the other rows and skip those.",
            "{n} rows cannot be imported as they are (marked Error). Fix them in "
            "the file and import it again, or apply the other rows and skip those.",
        )
    if not preview.has_changes:
        return _("The file holds no changes: nothing to apply.")
    return _("Nothing is saved until you choose Apply.")
