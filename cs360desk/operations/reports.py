"""The printed reports: read the data, write the PDF, record it as issued unless a draft."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.i18n import N_, _, language
from cs360desk.operations.progress import Progress, notify, within
from cs360desk.operations.workspaces import WorkspaceSession
from cs360desk.reports.atomic_write import write_atomically
from cs360desk.reports.pdf_common import ReportFileError
from cs360desk.reports.pdf_meeting import write_agenda_pdf, write_minutes_pdf
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.pdf_scanning import write_scanning_pdf
from cs360desk.services import report_data
from cs360desk.services.agency_settings import public_language

KIND_TITLES = {
    ReportKind.PROGRESS: N_("Progress update"),
    ReportKind.SCANNING: N_("Scanning report"),
    ReportKind.AGENDA: N_("Meeting agenda"),
    ReportKind.MINUTES: N_("Meeting minutes"),
}
MEETING_KINDS = (ReportKind.AGENDA, ReportKind.MINUTES)


@dataclass(frozen=True)
class ReportRequest:
    """Everything the user said about the report to make; what is left out has a default."""

    kind: ReportKind
    initiative_id: int | None = None  # None: the workspace's first initiative
    meeting_id: int | None = None  # agenda and minutes only
    # The progress update's period; either end left out comes from the last update issued.
    start: date | None = None
    end: date | None = None
    public: bool = False
    paper: PaperSize | None = None  # None: the agency's paper size
    highlights: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    prepared_by: str = ""
    language: str | None = None  # None: the agency's language for public outputs


@dataclass(frozen=True)
class WrittenReport:
    """A report written to `path`, with what recording it as issued needs."""

    request: ReportRequest
    path: Path
    suggested_name: str  # a file name to offer when the user saves it elsewhere
    initiative_id: int | None
    period: ReportPeriod | None
    language: str = "en"  # the language it is written in


class PeriodOrderError(UserFacingError):
    """The period asked for ends before it starts."""

    def __init__(self, start: date, end: date) -> None:
        super().__init__(
            _("the period starts on {start}, after its end on {end}").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
        self.start = start
        self.end = end


@dataclass(frozen=True)
class _Loaded:
    data: object
    initiative_id: int | None
    period: ReportPeriod | None
    name: str


def write_report(
    *,
    workspace: Workspace,
    request: ReportRequest,
    target: Path,
    today: date,
    draft: bool = False,
    progress: Progress | None = None,
) -> WrittenReport:
    """Read the data in one transaction, write the PDF (atomically) outside it, then record
    the report as issued unless it is a `draft`: a file that failed is never recorded.
    It is written in the language the request names, else the agency's for public outputs;
    the progress notes stay in the screens' language."""
    notify(progress, 2, _("Reading the workspace"))
    with workspace.session_factory.begin() as session:
        chosen = request.language or public_language(session)
        with language(chosen):
            loaded = _LOADERS[request.kind](session, request, today)
    writer = _WRITERS[request.kind]
    with language(chosen):
        written = writer(loaded.data, target, request.paper, progress=within(progress, 5, 100))
    name = f"{_file_safe(loaded.name)}.pdf"
    result = WrittenReport(request, written, name, loaded.initiative_id, loaded.period, chosen)
    if not draft:
        record_issue(workspace=workspace, report=result, file_name=written.name, today=today)
    return result


def save_report(*, workspace: Workspace, report: WrittenReport, target: Path, today: date) -> Path:
    """Copy a written (draft) report to where the user chose, atomically, and record it."""

    def copy(temp: Path) -> None:
        shutil.copyfile(report.path, temp)

    saved = write_atomically(target, copy, error=ReportFileError)
    record_issue(workspace=workspace, report=report, file_name=saved.name, today=today)
    return saved


def record_issue(
    *, workspace: Workspace, report: WrittenReport, file_name: str, today: date
) -> None:
    """The report went out (saved or printed): the next update starts where it ended."""
    with workspace.session_factory.begin() as session:
        report_data.issue_report(
            session, report.request.kind, initiative_id=report.initiative_id,
            period=report.period, issued_on=today, file_name=file_name,
        )  # fmt: skip


def _progress(session: WorkspaceSession, request: ReportRequest, today: date) -> _Loaded:
    initiative_id = request.initiative_id or report_data.default_initiative_id(session)
    default = report_data.default_period(session, initiative_id, today=today)
    start = request.start or default.start
    end = request.end or max(default.end, start)
    if end < start:
        raise PeriodOrderError(start, end)
    data = report_data.progress_report_data(
        session, initiative_id, today=today, period=ReportPeriod(start, end),
        public=request.public, highlights=request.highlights, asks=request.asks,
        prepared_by=request.prepared_by,
    )  # fmt: skip
    if request.public:
        named = _("{report} {start} to {end} (public)")
    else:
        named = _("{report} {start} to {end}")
    name = named.format(
        report=_(KIND_TITLES[request.kind]), start=start.isoformat(), end=end.isoformat()
    )
    return _Loaded(data, initiative_id, ReportPeriod(start, end), name)


def _scanning(session: WorkspaceSession, request: ReportRequest, today: date) -> _Loaded:
    initiative_id = request.initiative_id or report_data.default_initiative_id(session)
    data = report_data.scanning_report_data(
        session, initiative_id, today=today, public=request.public
    )
    name = f"{_(KIND_TITLES[request.kind])} {today.isoformat()}"
    return _Loaded(data, initiative_id, None, name)


def _meeting(session: WorkspaceSession, request: ReportRequest, today: date) -> _Loaded:
    if request.meeting_id is None:
        raise ValueError("a meeting report needs a meeting")
    build = (
        report_data.agenda_data if request.kind is ReportKind.AGENDA else report_data.minutes_data
    )
    data = build(session, request.meeting_id, today=today)
    day = data.meeting.starts_at.date()
    initiative_id = report_data.initiative_of_meeting(session, request.meeting_id)
    name = f"{_(KIND_TITLES[request.kind])} {data.meeting.team_name} {day.isoformat()}"
    return _Loaded(data, initiative_id, ReportPeriod(day, day), name)


def _file_safe(name: str) -> str:
    """A name every file system accepts: no path separators or reserved characters."""
    return "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(". ")


_LOADERS: dict[ReportKind, Callable[[WorkspaceSession, ReportRequest, date], _Loaded]] = {
    ReportKind.PROGRESS: _progress,
    ReportKind.SCANNING: _scanning,
    ReportKind.AGENDA: _meeting,
    ReportKind.MINUTES: _meeting,
}
_WRITERS: dict[ReportKind, Callable[..., Path]] = {
    ReportKind.PROGRESS: write_progress_pdf,
    ReportKind.SCANNING: write_scanning_pdf,
    ReportKind.AGENDA: write_agenda_pdf,
    ReportKind.MINUTES: write_minutes_pdf,
}
