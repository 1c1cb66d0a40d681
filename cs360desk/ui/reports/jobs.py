"""Work the Reports section runs on the worker: a report written as a draft through its
operation, and its pages rendered for the preview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from cs360desk.i18n import _
from cs360desk.operations.reports import ReportRequest, WrittenReport, write_report
from cs360desk.operations.workspaces import Workspace
from cs360desk.ui.common.tasks import TaskJob

PREVIEW_DPI = 110
MAX_PIXEL_RATIO = 3.0  # finer than 330 dpi only costs memory
PROGRESS_STEP = 4
PRINT_DPI_LIMIT = 300


@dataclass(frozen=True)
class ReportResult:
    """A report written as a draft (its temporary PDF, how to file it) and its pages."""

    written: WrittenReport
    pages: tuple[QImage, ...] = field(default=())

    @property
    def request(self) -> ReportRequest:
        return self.written.request

    @property
    def pdf_path(self) -> Path:
        return self.written.path

    @property
    def file_name(self) -> str:
        return self.written.suggested_name


class _Throttled:
    """Passes progress on only when it has moved a few points: every report crosses to the
    UI thread as a signal, and a 2,000-row table would otherwise send thousands of them."""

    def __init__(self, job: TaskJob, first: int, last: int) -> None:
        self._job, self._first, self._last = job, first, last
        self._shown = -PROGRESS_STEP

    def __call__(self, percent: int, message: str) -> None:
        if self._job.cancelled:
            self._job.progress(percent, message)  # raises TaskCancelled
        scaled = self._first + (self._last - self._first) * percent // 100
        if scaled - self._shown >= PROGRESS_STEP:
            self._shown = scaled
            self._job.progress(scaled, message)


def build_report(
    workspace: Workspace,
    job: TaskJob,
    request: ReportRequest,
    folder: Path,
    today: date,
    pixel_ratio: float = 1.0,
) -> ReportResult:
    """Writes the PDF into `folder` as a draft (nothing is recorded yet), renders its pages;
    cancellable. Pages are rendered `pixel_ratio` times finer, so a 200 % screen shows them as
    large as at 100 % and sharp."""
    path = folder / f"{request.kind.value}-{len(list(folder.iterdir()))}.pdf"
    written = write_report(
        workspace=workspace, request=request, target=path, today=today, draft=True,
        progress=_Throttled(job, 0, 65),
    )  # fmt: skip
    pages = render_pages(written.path, preview_dpi(pixel_ratio), _Throttled(job, 66, 100))
    return ReportResult(written, pages)


def preview_dpi(pixel_ratio: float) -> int:
    """The preview's resolution for a screen of this pixel ratio (2 at 200 %)."""
    return round(PREVIEW_DPI * max(1.0, min(pixel_ratio, MAX_PIXEL_RATIO)))


def render_pages(
    path: Path, dpi: int, progress: Callable[[int, str], None] | None = None
) -> tuple[QImage, ...]:
    """Every page as an image (QImage is safe off the UI thread; QPixmap is not)."""
    document = pdfium.PdfDocument(str(path))
    try:
        count = len(document)
        images = []
        for index in range(count):
            if progress is not None:
                message = _("Preparing page {number} of {count}").format(
                    number=index + 1, count=count
                )
                progress(100 * index // max(1, count), message)
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()  # fmt: skip
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
            page.close()
        return tuple(images)
    finally:
        document.close()
