"""The Reports section and the meeting report window: generate, preview, cancel, save, print."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.services.catalog import REPORT_ISSUED
from cs360desk.services.report_data import default_period, meeting_choices
from cs360desk.ui.reports.controller import ReportsController
from cs360desk.ui.reports.dialog import show_meeting_report
from cs360desk.ui.reports.output import ReportOutput

pytestmark = pytest.mark.gui


def _issued(workspace: Workspace) -> list[tuple[ReportKind, str]]:
    with workspace.session_factory.begin() as session:
        return [(r.kind, r.file_name) for r in REPORT_ISSUED.list(session)]


@pytest.fixture
def reports(qtbot: QtBot, sample_harness: Any) -> ReportsController:
    controller = ReportsController(sample_harness.context)
    qtbot.addWidget(controller.view)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        controller.show_initiative(1)
    return controller


def _generate(qtbot: QtBot, controller: ReportsController) -> None:
    with qtbot.waitSignal(controller.output.generated, timeout=30_000):
        controller.view.generate_button.click()


def test_the_form_starts_with_the_default_period_and_the_meetings(
    reports: ReportsController, sample_workspace: Workspace, now: datetime
) -> None:
    with sample_workspace.session_factory.begin() as session:
        period = default_period(session, 1, today=now.astimezone().date())
        meetings = meeting_choices(session, 1)
    view = reports.view
    assert view.from_edit.date().toPython() == period.start
    assert view.to_edit.date().toPython() == period.end
    assert view.meeting_box.count() == len(meetings)
    assert view.generate_button.isEnabled()
    assert "Gun crime and fear of gun crime" in view.initiative_label.text()


def test_rows_follow_the_chosen_report(reports: ReportsController) -> None:
    view = reports.view
    assert view.form_rows["meeting"][1].isHidden()
    view.select_kind(ReportKind.MINUTES)
    assert not view.form_rows["meeting"][1].isHidden()
    assert view.form_rows["from"][1].isHidden() and view.public_box.isHidden()
    view.select_kind(ReportKind.SCANNING)
    assert not view.public_box.isHidden() and view.form_rows["meeting"][1].isHidden()


def test_generate_previews_every_page_then_saves_and_records_it(
    qtbot: QtBot,
    reports: ReportsController,
    sample_harness: Any,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = reports.view
    view.highlights_edit.setPlainText("Eleven lights fixed <on Pelican St>\n\n")
    view.public_box.setChecked(True)
    view.paper_box.setCurrentIndex(view.paper_box.findData(PaperSize.A4.value))
    _generate(qtbot, reports)
    result = reports.output.result
    assert result is not None and result.request.public and result.request.paper is PaperSize.A4
    pages = len(PdfReader(str(result.pdf_path)).pages)
    assert len(view.preview.page_labels) == pages > 1
    assert view.preview.save_button.isEnabled() and view.preview.print_button.isEnabled()
    assert "(public)" in result.file_name

    target = tmp_path / "council.pdf"
    asked: list[str] = []

    def ask(cls: type, parent: QWidget, suggested: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(ReportOutput, "ask_save_path", classmethod(ask))
    before = _issued(sample_workspace)
    with qtbot.waitSignal(reports.output.saved, timeout=10_000):
        view.preview.save_button.click()
    assert asked == [result.file_name]
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Eleven lights fixed <on Pelican St>" in text and "@" not in text
    assert _issued(sample_workspace) == [*before, (ReportKind.PROGRESS, "council.pdf")]
    assert any("council.pdf" in status for status in sample_harness.statuses)
    assert sample_harness.failures == []


def test_a_report_can_be_cancelled(
    qtbot: QtBot, reports: ReportsController, sample_harness: Any
) -> None:
    reports.view.generate_button.click()
    assert not reports.view.preview.busy_row.isHidden()
    reports.view.preview.cancel_button.click()
    sample_harness.wait_idle(qtbot)
    assert reports.output.result is None
    assert "Cancelled" in reports.view.preview.status_label.text()
    assert reports.view.preview.busy_row.isHidden()
    assert sample_harness.failures == []


def test_a_reversed_period_is_refused_before_any_work(
    reports: ReportsController, sample_harness
) -> None:
    view = reports.view
    view.from_edit.setDate(view.to_edit.date().addDays(1))
    view.generate_button.click()
    assert not sample_harness.runner.busy
    assert "ends before it starts" in view.preview.status_label.text()


def test_the_meetings_section_opens_an_agenda(
    qtbot: QtBot, reports: ReportsController, sample_workspace: Workspace
) -> None:
    with sample_workspace.session_factory.begin() as session:
        meeting = meeting_choices(session, 1)[2]
    with qtbot.waitSignal(reports.output.generated, timeout=30_000):
        reports.open_meeting_report(ReportKind.AGENDA, meeting.meeting_id)
    assert reports.view.current_kind() is ReportKind.AGENDA
    assert reports.view.current_meeting() == meeting.meeting_id
    result = reports.output.result
    assert result is not None and result.request.meeting_id == meeting.meeting_id
    text = PdfReader(str(result.pdf_path)).pages[0].extract_text()
    assert "Meeting Agenda" in text
    with pytest.raises(ValueError):
        reports.open_meeting_report(ReportKind.PROGRESS, meeting.meeting_id)


def test_minutes_window_prints_every_page(
    qtbot: QtBot,
    sample_harness: Any,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sample_workspace.session_factory.begin() as session:
        held = next(c for c in meeting_choices(session, 1) if c.status_label == "Held")
    printed = tmp_path / "printed.pdf"

    def ask(cls: type, parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(ReportOutput, "ask_printer", classmethod(ask))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_meeting_report(
        sample_harness.context, ReportKind.MINUTES, held.meeting_id, parent
    )
    with qtbot.waitSignal(dialog.output.generated, timeout=30_000):
        pass
    pages = len(dialog.preview.page_labels)
    before = _issued(sample_workspace)
    with qtbot.waitSignal(dialog.output.printed, timeout=30_000):
        dialog.preview.print_button.click()
    assert len(PdfReader(str(printed)).pages) == pages
    assert _issued(sample_workspace)[len(before) :][0][0] is ReportKind.MINUTES
    dialog.close()
    assert sample_harness.failures == []


def test_without_an_initiative_nothing_can_be_generated(qtbot: QtBot, harness: Any) -> None:
    controller = ReportsController(harness.context)
    qtbot.addWidget(controller.view)
    controller.show_initiative(None)
    assert not controller.view.generate_button.isEnabled()
    assert "no initiative" in controller.view.initiative_label.text()


def test_the_report_is_written_in_the_chosen_language_and_the_screen_stays_english(
    qtbot: QtBot, reports: ReportsController, sample_harness: Any
) -> None:
    view = reports.view
    label, box = view.form_rows["language"]
    assert label.buddy() is box and box.accessibleName()
    assert [box.itemText(i) for i in range(box.count())][1:] == ["English", "Español"]
    box.setCurrentIndex(box.findData("es"))
    _generate(qtbot, reports)
    result = reports.output.result
    assert result is not None and result.request.language == "es"
    text = "".join(page.extract_text() for page in PdfReader(str(result.pdf_path)).pages)
    assert "Informe de avance" in text and "Progress Update" not in text
    assert result.file_name.startswith("Informe de avance")
    assert view.generate_button.text() == "&Generate"
    assert sample_harness.failures == []
