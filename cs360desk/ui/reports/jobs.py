"""Work the Reports section runs on the worker: build a report, render its pages, save it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.reports.atomic_write import write_atomically
from cs360desk.reports.pdf_common import ReportFileError
from cs360desk.reports.pdf_meeting import write_agenda_pdf, write_minutes_pdf
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.pdf_scanning import write_scanning_pdf
from cs360desk.services import report_data
from cs360desk.ui.common.tasks import TaskJob, WorkSession

PREVIEW_DPI = 110
PROGRESS_STEP = 4
PRINT_DPI_LIMIT = 300
KIND_TITLES = {
    ReportKind.PROGRESS: "Progress update",
    ReportKind.SCANNING: "Scanning report",
    ReportKind.AGENDA: "Meeting agenda",
    ReportKind.MINUTES: "Meeting minutes",
}
MEETING_KINDS = (ReportKind.AGENDA, ReportKind.MINUTES)


@dataclass(frozen=True)
class ReportRequest:
    """Everything the form says about the report to make."""

    kind: ReportKind
    initiative_id: int | None = None
    meeting_id: int | None = None
    period: ReportPeriod | None = None
    public: bool = False
    paper: PaperSize | None = None
    highlights: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportResult:
    """A written report: its temporary PDF, its pages for the preview, how to file it."""

    request: ReportRequest
    pdf_path: Path
    file_name: str
    initiative_id: int | None
    period: ReportPeriod | None
    pages: tuple[QImage, ...] = field(default=())


def _load(
    session: WorkSession, request: ReportRequest, today: date
) -> tuple[Any, int | None, ReportPeriod | None, str]:
    """The report's DTO, the initiative and period to record, and a file name to offer."""
    kind = request.kind
    if kind in MEETING_KINDS:
        if request.meeting_id is None:
            raise ValueError("a meeting report needs a meeting")
        build = report_data.agenda_data if kind is ReportKind.AGENDA else report_data.minutes_data
        data = build(session, request.meeting_id, today=today)
        day = data.meeting.starts_at.date()
        initiative = report_data.initiative_of_meeting(session, request.meeting_id)
        name = f"{KIND_TITLES[kind]} {data.meeting.team_name} {day.isoformat()}"
        return data, initiative, ReportPeriod(day, day), name
    initiative_id = request.initiative_id or report_data.default_initiative_id(session)
    if kind is ReportKind.SCANNING:
        data = report_data.scanning_report_data(
            session, initiative_id, today=today, public=request.public
        )
        return data, initiative_id, None, f"Scanning report {today.isoformat()}"
    period = request.period or report_data.default_period(session, initiative_id, today=today)
    data = report_data.progress_report_data(
        session, initiative_id, today=today, period=period, public=request.public,
        highlights=request.highlights, asks=request.asks,
    )  # fmt: skip
    edition = " (public)" if request.public else ""
    name = f"Progress update {period.start.isoformat()} to {period.end.isoformat()}{edition}"
    return data, initiative_id, period, name


_WRITERS: dict[ReportKind, Callable[..., Path]] = {
    ReportKind.PROGRESS: write_progress_pdf,
    ReportKind.SCANNING: write_scanning_pdf,
    ReportKind.AGENDA: write_agenda_pdf,
    ReportKind.MINUTES: write_minutes_pdf,
}


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
    session: WorkSession, job: TaskJob, request: ReportRequest, folder: Path, today: date
) -> ReportResult:
    """Reads the data, writes the PDF into `folder`, renders its pages; cancellable."""
    job.progress(2, "Reading the workspace")
    data, initiative_id, period, name = _load(session, request, today)
    path = folder / f"{request.kind.value}-{len(list(folder.iterdir()))}.pdf"
    _WRITERS[request.kind](data, path, request.paper, progress=_Throttled(job, 5, 65))
    pages = render_pages(path, PREVIEW_DPI, _Throttled(job, 66, 100))
    return ReportResult(request, path, f"{_file_safe(name)}.pdf", initiative_id, period, pages)


def _file_safe(name: str) -> str:
    """A name every file system accepts: no path separators or reserved characters."""
    return "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(". ")


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
                progress(100 * index // max(1, count), f"Preparing page {index + 1} of {count}")
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


def record_issue(session: WorkSession, result: ReportResult, file_name: str, today: date) -> None:
    report_data.issue_report(
        session, result.request.kind, initiative_id=result.initiative_id, period=result.period,
        issued_on=today, file_name=file_name,
    )  # fmt: skip


def save_report(session: WorkSession, result: ReportResult, target: Path, today: date) -> Path:
    """Copies the previewed PDF to where the user chose (atomically) and records the issue."""
    written = write_atomically(
        target, lambda temp: shutil.copyfile(result.pdf_path, temp), error=ReportFileError
    )
    record_issue(session, result, written.name, today)
    return written
