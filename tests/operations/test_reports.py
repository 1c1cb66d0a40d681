"""Printed reports: written and recorded as issued (drafts are not), saved, refused input."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.operations.reports import (
    PeriodOrderError,
    ReportRequest,
    WrittenReport,
    record_issue,
    save_report,
    write_report,
)
from cs360desk.operations.workspaces import Workspace, open_workspace
from cs360desk.reports.pdf_common import ReportFileError
from cs360desk.services.catalog import AGENCY, REPORT_ISSUED
from cs360desk.services.report_data import meeting_choices
from tests.tracker_support import TODAY

Issued = list[tuple[ReportKind, date | None, date | None, str]]


@pytest.fixture
def workspace(sample: Workspace) -> Workspace:
    """The small sample agency, on a workspace file and on a server."""
    return sample


def issued(workspace: Workspace) -> Issued:
    with workspace.session_factory.begin() as session:
        rows = REPORT_ISSUED.list(session)
    return [(r.kind, r.period_start, r.period_end, r.file_name) for r in rows]


def text_of(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_a_progress_update_is_written_and_recorded(workspace: Workspace, tmp_path: Path) -> None:
    before = issued(workspace)
    progress: list[int] = []
    written = write_report(
        workspace=workspace, request=ReportRequest(ReportKind.PROGRESS), target=tmp_path / "u.pdf",
        today=TODAY, progress=lambda percent, _message: progress.append(percent),
    )  # fmt: skip
    assert written.path == tmp_path / "u.pdf" and "Page 1 of" in text_of(written.path)
    assert written.initiative_id == 1 and written.period is not None
    assert written.period.end == TODAY
    assert issued(workspace)[len(before) :] == [
        (ReportKind.PROGRESS, written.period.start, TODAY, "u.pdf")
    ]
    assert progress[0] == 2 and progress == sorted(progress) and progress[-1] <= 100


def test_a_draft_is_written_but_not_recorded(workspace: Workspace, tmp_path: Path) -> None:
    before = issued(workspace)
    request = ReportRequest(
        ReportKind.PROGRESS, 1, start=date(2026, 1, 1), end=date(2026, 3, 1), public=True,
        paper=PaperSize.A4, highlights=("Lights <fixed> & on",), prepared_by="Chief Boudreaux",
    )  # fmt: skip
    written = write_report(
        workspace=workspace, request=request, target=tmp_path / "d.pdf", today=TODAY, draft=True
    )
    flat = "".join(text_of(written.path).split())
    assert "Lights<fixed>&on" in flat and "ChiefBoudreaux" in flat
    assert written.period == ReportPeriod(date(2026, 1, 1), date(2026, 3, 1))
    assert written.suggested_name == "Progress update 2026-01-01 to 2026-03-01 (public).pdf"
    assert issued(workspace) == before


def test_only_one_end_given_takes_the_other_from_the_default(
    workspace: Workspace, tmp_path: Path
) -> None:
    start = TODAY - timedelta(days=3)
    request = ReportRequest(ReportKind.PROGRESS, 1, start=start)
    written = write_report(
        workspace=workspace, request=request, target=tmp_path / "p.pdf", today=TODAY, draft=True
    )
    assert written.period == ReportPeriod(start, TODAY)


def test_a_period_that_ends_before_it_starts_writes_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    before = issued(workspace)
    request = ReportRequest(ReportKind.PROGRESS, 1, start=date(2026, 5, 1), end=date(2026, 4, 1))
    with pytest.raises(PeriodOrderError) as raised:
        write_report(workspace=workspace, request=request, target=tmp_path / "x.pdf", today=TODAY)
    assert (raised.value.start, raised.value.end) == (date(2026, 5, 1), date(2026, 4, 1))
    assert not (tmp_path / "x.pdf").exists() and issued(workspace) == before


def test_meeting_reports_are_recorded_for_the_meetings_day(
    workspace: Workspace, tmp_path: Path
) -> None:
    with workspace.session_factory.begin() as session:
        meeting = meeting_choices(session, 1)[0]
    day = meeting.starts_at.date()
    for kind in (ReportKind.AGENDA, ReportKind.MINUTES):
        request = ReportRequest(kind, meeting_id=meeting.meeting_id)
        written = write_report(
            workspace=workspace, request=request, target=tmp_path / f"{kind}.pdf", today=TODAY
        )
        assert written.period == ReportPeriod(day, day)
        assert written.suggested_name.endswith(f"{day.isoformat()}.pdf")
        assert "/" not in written.suggested_name
        assert issued(workspace)[-1] == (kind, day, day, f"{kind}.pdf")


def test_a_scanning_report_has_no_period(workspace: Workspace, tmp_path: Path) -> None:
    request = ReportRequest(ReportKind.SCANNING)
    written = write_report(
        workspace=workspace, request=request, target=tmp_path / "s.pdf", today=TODAY
    )
    assert written.period is None and written.suggested_name == "Scanning report 2026-03-16.pdf"
    assert issued(workspace)[-1] == (ReportKind.SCANNING, None, None, "s.pdf")


@pytest.mark.parametrize(
    ("request_", "error", "message"),
    [
        (ReportRequest(ReportKind.AGENDA, meeting_id=9999), NotFoundError, "no meeting with id"),
        (ReportRequest(ReportKind.PROGRESS, 99), NotFoundError, "no initiative with id 99"),
        (ReportRequest(ReportKind.MINUTES), ValueError, "needs a meeting"),
    ],
)
def test_what_does_not_exist_is_refused_and_nothing_is_written(
    workspace: Workspace, tmp_path: Path, request_: ReportRequest, error: type, message: str
) -> None:
    before = issued(workspace)
    with pytest.raises(error, match=message):
        write_report(workspace=workspace, request=request_, target=tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.pdf").exists() and issued(workspace) == before


def test_a_workspace_without_an_initiative(tmp_path: Path) -> None:
    empty = open_workspace(tmp_path / "empty.cs360")
    try:
        with empty.session_factory.begin() as session:
            AGENCY.create(session, name="Ríoverde PD")
        with pytest.raises(ValidationError, match="no initiative"):
            write_report(
                workspace=empty, request=ReportRequest(ReportKind.PROGRESS),
                target=tmp_path / "x.pdf", today=TODAY,
            )  # fmt: skip
    finally:
        empty.close()


def test_an_unwritable_target_records_nothing(workspace: Workspace, tmp_path: Path) -> None:
    before = issued(workspace)
    target = tmp_path / "missing" / "u.pdf"
    with pytest.raises(ReportFileError, match="does not exist"):
        write_report(
            workspace=workspace, request=ReportRequest(ReportKind.PROGRESS), target=target,
            today=TODAY,
        )  # fmt: skip
    assert issued(workspace) == before


def draft(workspace: Workspace, folder: Path) -> WrittenReport:
    return write_report(
        workspace=workspace, request=ReportRequest(ReportKind.SCANNING),
        target=folder / "draft.pdf", today=TODAY, draft=True,
    )  # fmt: skip


def test_saving_a_draft_copies_it_and_records_it(workspace: Workspace, tmp_path: Path) -> None:
    written = draft(workspace, tmp_path)
    before = issued(workspace)
    saved = save_report(
        workspace=workspace, report=written, target=tmp_path / "Chief.pdf", today=TODAY
    )
    assert saved == tmp_path / "Chief.pdf"
    assert saved.read_bytes() == written.path.read_bytes()
    assert issued(workspace)[len(before) :] == [(ReportKind.SCANNING, None, None, "Chief.pdf")]


def test_saving_where_it_cannot_go_records_nothing(workspace: Workspace, tmp_path: Path) -> None:
    written = draft(workspace, tmp_path)
    before = issued(workspace)
    with pytest.raises(ReportFileError, match="does not exist"):
        save_report(
            workspace=workspace, report=written, target=tmp_path / "no" / "x.pdf", today=TODAY
        )
    assert issued(workspace) == before


def test_a_printed_draft_is_recorded_under_its_suggested_name(
    workspace: Workspace, tmp_path: Path
) -> None:
    written = draft(workspace, tmp_path)
    record_issue(workspace=workspace, report=written, file_name=written.suggested_name, today=TODAY)
    assert issued(workspace)[-1] == (
        ReportKind.SCANNING, None, None, "Scanning report 2026-03-16.pdf"
    )  # fmt: skip
