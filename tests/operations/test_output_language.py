"""Each printout and export is written in a chosen language, independent of the screens':
the request's language first, else the agency's language for public outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from cs360desk.domain.enums import ReportKind
from cs360desk.domain.errors import ValidationError
from cs360desk.i18n import current_language, ui_language
from cs360desk.operations.calendar import export_calendar
from cs360desk.operations.reports import ReportRequest, write_report
from cs360desk.operations.tracker import export_tracker
from cs360desk.operations.workspaces import Workspace
from cs360desk.services.agency_settings import agency_settings, save_agency_settings
from tests.reports.pdf_samples import pdf_text
from tests.tracker_support import TODAY


@pytest.fixture
def workspace(sample: Workspace) -> Workspace:
    """The small sample agency, on a workspace file and on a server."""
    return sample


def _set_public_language(workspace: Workspace, code: str) -> None:
    with workspace.session_factory.begin() as session:
        save_agency_settings(session, public_language=code)


def _progress_text(workspace: Workspace, target: Path, language: str | None = None) -> str:
    request = ReportRequest(ReportKind.PROGRESS, language=language)
    written = write_report(
        workspace=workspace, request=request, target=target, today=TODAY, draft=True
    )
    return pdf_text(written.path)


def test_a_new_workspace_writes_its_public_outputs_in_english(workspace: Workspace) -> None:
    with workspace.session_factory() as session:
        assert agency_settings(session).public_language == "en"


def test_the_agencys_language_writes_the_report_and_the_screens_stay_english(
    workspace: Workspace, tmp_path: Path
) -> None:
    _set_public_language(workspace, "es")
    text = _progress_text(workspace, tmp_path / "es.pdf")
    assert "Informe de avance" in text
    assert "Progress Update" not in text
    assert current_language() == ui_language() == "en"


def test_the_request_names_another_language_than_the_agencys(
    workspace: Workspace, tmp_path: Path
) -> None:
    _set_public_language(workspace, "es")
    english = _progress_text(workspace, tmp_path / "en.pdf", language="en")
    assert "Progress Update" in english
    assert "Informe de avance" not in english


def test_the_suggested_file_name_is_in_the_reports_language(
    workspace: Workspace, tmp_path: Path
) -> None:
    request = ReportRequest(ReportKind.PROGRESS, language="es")
    written = write_report(
        workspace=workspace, request=request, target=tmp_path / "x.pdf", today=TODAY, draft=True
    )
    assert written.language == "es"
    assert written.suggested_name.startswith("Informe de avance ")


def test_the_tracker_and_the_calendar_follow_the_agencys_language(
    workspace: Workspace, tmp_path: Path
) -> None:
    _set_public_language(workspace, "es")
    exported = export_tracker(
        workspace=workspace, initiative_id=1, target=tmp_path / "t.xlsx", today=TODAY
    )
    names = load_workbook(exported.path, read_only=True).sheetnames
    assert "Tareas pendientes" in names
    export_calendar(workspace=workspace, target=tmp_path / "m.ics")
    calendar = (tmp_path / "m.ics").read_text(encoding="utf-8")
    assert "Orden del día" in calendar or "Reunión" in calendar


@pytest.mark.parametrize("code", ["fr", "", "ES", "español"])
def test_the_agency_language_must_be_one_the_app_speaks(workspace: Workspace, code: str) -> None:
    with workspace.session_factory.begin() as session, pytest.raises(ValidationError) as refused:
        save_agency_settings(session, public_language=code)
    assert refused.value.field == "public_language"
    with workspace.session_factory() as session:
        assert agency_settings(session).public_language == "en"
