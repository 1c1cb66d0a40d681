"""Behaviour behind a report preview: generate in the background, save as PDF, print."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from cs360desk.domain.enums import ReportKind
from cs360desk.i18n import N_, _, count_of, ngettext
from cs360desk.operations.reports import KIND_TITLES, ReportRequest, record_issue, save_report
from cs360desk.operations.workspaces import Workspace
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import Task, TaskCancelled, TaskJob
from cs360desk.ui.reports.jobs import PRINT_DPI_LIMIT, ReportResult, build_report, render_pages
from cs360desk.ui.reports.preview import ReportPreview

# What the preview says while each report is made: whole sentences, as Spanish needs its
# article to agree with the report's name.
MAKING = {
    ReportKind.PROGRESS: N_("Making the progress update…"),
    ReportKind.SCANNING: N_("Making the scanning report…"),
    ReportKind.AGENDA: N_("Making the meeting agenda…"),
    ReportKind.MINUTES: N_("Making the meeting minutes…"),
}


class ReportOutput(QObject):
    """Owns one preview; `generated`, `saved` and `printed` tell what has been done."""

    generated = Signal()
    saved = Signal(Path)
    printed = Signal()

    def __init__(
        self, context: SectionContext, preview: ReportPreview, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.preview = preview
        # Previews live in a folder of their own that goes away with this object.
        self._folder = tempfile.TemporaryDirectory(prefix="cs360-reports-")
        self.result: ReportResult | None = None
        self._task: Task[ReportResult] | None = None
        preview.cancel_button.clicked.connect(self.cancel)
        preview.save_button.clicked.connect(self._on_save)
        preview.print_button.clicked.connect(self._on_print)
        preview.show_message(_("Choose a report and press Generate."))

    @property
    def busy(self) -> bool:
        return self._task is not None

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """The save dialog; tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the report as PDF"), suggested, _("PDF files (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    @classmethod
    def ask_printer(cls, parent: QWidget) -> QPrinter | None:
        """The system print dialog; tests replace this classmethod."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def generate(self, request: ReportRequest) -> None:
        """Starts a new report; one that is still being made is cancelled first."""
        if self._task is not None:
            self._task.cancel()
        folder, today = Path(self._folder.name), self._today()
        ratio = self.preview.devicePixelRatioF()  # pages rendered for the screen's pixels
        self.preview.set_busy(True)
        self.preview.set_ready(False)
        self.preview.show_message(_(MAKING[request.kind]))
        task = self._context.runner.run_in_workspace(
            lambda workspace, job: build_report(workspace, job, request, folder, today, ratio),
            on_success=lambda result: self._on_generated(task, result),
            on_progress=self.preview.show_progress,
            on_failure=lambda error: self._on_failed(task, error),
        )
        self._task = task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_generated(self, task: Task[ReportResult], result: ReportResult) -> None:
        if task is not self._task:
            return  # a newer request replaced this one
        self._task = None
        self.result = result
        self.preview.set_busy(False)
        self.preview.set_ready(True)
        self.preview.show_pages(result.pages)
        count = len(result.pages)
        self.preview.show_message(
            ngettext(
                "{report}: {n} page. Not saved yet.", "{report}: {n} pages. Not saved yet.", count
            ).format(report=_(KIND_TITLES[result.request.kind]), n=count)
        )
        self.generated.emit()

    def _on_failed(self, task: Task[ReportResult], error: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        self.preview.set_busy(False)
        self.preview.set_ready(self.result is not None)
        if isinstance(error, TaskCancelled):
            self.preview.show_message(_("Cancelled; no report was made."))
            self._context.show_status(_("Report cancelled."))
            return
        self.preview.show_message(_("The report could not be made."))
        self._context.runner.report_failure(error)

    def _on_save(self) -> None:
        result = self.result
        if result is None:
            return
        target = self.ask_save_path(self.preview, result.file_name)
        if target is None:
            return
        today = self._today()
        self._context.runner.run_in_workspace(
            lambda workspace, _job: save_report(
                workspace=workspace, report=result.written, target=target, today=today
            ),
            on_success=self._on_saved,
        )

    def _on_saved(self, path: Path) -> None:
        self.preview.show_message(_("Saved to {path}").format(path=path))
        self._context.show_status(_("Report saved to {path}").format(path=path))
        self.saved.emit(path)

    def _on_print(self) -> None:
        result = self.result
        if result is None:
            return
        printer = self.ask_printer(self.preview)
        if printer is None:
            return
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        today = self._today()

        def render(workspace: Workspace, _job: TaskJob) -> tuple[QImage, ...]:
            pages = render_pages(result.pdf_path, dpi)
            record_issue(
                workspace=workspace, report=result.written, file_name=result.file_name, today=today
            )
            return pages

        self.preview.show_message(_("Preparing the pages for the printer…"))
        self._context.runner.run_in_workspace(
            render, on_success=lambda pages: self._paint(printer, pages)
        )

    def _paint(self, printer: QPrinter, pages: tuple[QImage, ...]) -> None:
        """Each page image scaled into the printable area, proportions kept."""
        painter = QPainter()
        if not painter.begin(printer):
            self.preview.show_message(_("The printer could not be opened."))
            return
        try:
            for number, image in enumerate(pages):
                if number:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel)
                scaled = image.size().scaled(
                    int(area.width()), int(area.height()), Qt.AspectRatioMode.KeepAspectRatio
                )
                painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
        finally:
            painter.end()
        self.preview.show_message(
            count_of(len(pages), "Sent {n} page to the printer.", "Sent {n} pages to the printer.")
        )
        self._context.show_status(_("Report sent to the printer."))
        self.printed.emit()
