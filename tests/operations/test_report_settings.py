"""Reports read the agency's settings when they are written: a save shows in the next report."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.operations.reports import ReportRequest, write_report
from cs360desk.operations.workspaces import Workspace
from cs360desk.services.agency_settings import agency_settings, save_agency_settings
from tests.tracker_support import TODAY

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)
NAME = "Policía de Peñasco"


@pytest.fixture
def workspace(sample: Workspace) -> Workspace:
    """The small sample agency, on a workspace file and on a server."""
    return sample


def _png(width: int, height: int) -> bytes:
    """A plain RGB PNG, made without any image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _progress_update(workspace: Workspace, target: Path) -> PdfReader:
    request = ReportRequest(ReportKind.PROGRESS)  # paper left to the agency's setting
    written = write_report(
        workspace=workspace, request=request, target=target, today=TODAY, draft=True
    )
    return PdfReader(str(written.path))


def _page_size(page: PageObject) -> tuple[int, int]:
    box = page.mediabox
    return round(float(box.width)), round(float(box.height))


def test_a_report_written_after_a_save_uses_the_new_settings(
    workspace: Workspace, tmp_path: Path
) -> None:
    before = _progress_update(workspace, tmp_path / "before.pdf")
    assert all(_page_size(page) == LETTER_POINTS for page in before.pages)
    assert NAME not in before.pages[0].extract_text()
    assert not before.pages[0].images
    logo = _png(260, 170)
    with workspace.session_factory.begin() as session:
        save_agency_settings(session, name=NAME, paper_size=PaperSize.A4, logo=logo)
    with workspace.session_factory.begin() as session:
        assert agency_settings(session).logo == logo
    after = _progress_update(workspace, tmp_path / "after.pdf")
    assert all(_page_size(page) == A4_POINTS for page in after.pages)
    assert NAME in after.pages[0].extract_text()
    assert len(after.pages[0].images) == 1  # the logo, in the header
