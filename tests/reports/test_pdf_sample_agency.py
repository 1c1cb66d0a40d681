"""The sample agency's reports, read back: its real names, numbers and owners are printed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.report_data import long_date
from cs360desk.reports.pdf_meeting import write_agenda_pdf, write_minutes_pdf
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.pdf_scanning import write_scanning_pdf
from cs360desk.services import report_data as rd
from cs360desk.services.sample_agency import generate_sample_agency

from .pdf_samples import pdf_text, squash

TODAY = date.today()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path_factory.mktemp("sample") / "sample.cs360")
    with workspace.session_factory.begin() as session:
        generate_sample_agency(session, size="small", seed=1, today=TODAY)
    yield workspace
    workspace.close()


def _contacts(workspace: Workspace) -> tuple[list[str], list[str]]:
    with workspace.session_factory.begin() as session:
        rows = session.execute(select(m.Person.email, m.Person.phone)).all()
    return [e for e, _ in rows if e], [p for _, p in rows if p]


def test_progress_update_prints_the_workspace_as_it_is(sample: Workspace, tmp_path: Path) -> None:
    with sample.session_factory.begin() as session:
        initiative = rd.default_initiative_id(session)
        period = rd.default_period(session, initiative, today=TODAY)
        data = rd.progress_report_data(session, initiative, today=TODAY, period=period)
    text = squash(pdf_text(write_progress_pdf(data, tmp_path / "update.pdf")))
    measure = data.goals[0].measures[0]
    overdue = data.overdue[0]
    for value in (
        data.header.agency_name,
        data.header.initiative_name,
        data.header.stage_label,
        measure.name,
        f"{measure.latest:g}",
        long_date(measure.latest_on),
        overdue.title,
        overdue.owner,
        data.overdue_owners[0].email,
    ):
        assert squash(value) in text, value


def test_public_update_has_no_e_mail_address_or_phone_number(
    sample: Workspace, tmp_path: Path
) -> None:
    with sample.session_factory.begin() as session:
        initiative = rd.default_initiative_id(session)
        period = rd.default_period(session, initiative, today=TODAY)
        data = rd.progress_report_data(session, initiative, today=TODAY, period=period, public=True)
    text = pdf_text(write_progress_pdf(data, tmp_path / "public.pdf"))
    emails, phones = _contacts(sample)
    assert emails and phones
    flat = squash(text)
    leaked = [c for c in emails + phones if squash(c) in flat]
    assert leaked == []
    assert "@" not in text


def test_scanning_agenda_and_minutes_print_real_values(sample: Workspace, tmp_path: Path) -> None:
    with sample.session_factory.begin() as session:
        initiative = rd.default_initiative_id(session)
        scan = rd.scanning_report_data(session, initiative, today=TODAY)
        meetings = rd.meeting_choices(session, initiative)
        held = next(c for c in meetings if c.status_label == "Held")
        agenda = rd.agenda_data(session, meetings[0].meeting_id, today=TODAY)
        minutes = rd.minutes_data(session, held.meeting_id, today=TODAY)
    scan_text = squash(pdf_text(write_scanning_pdf(scan, tmp_path / "scan.pdf")))
    assert squash(scan.problems[0].title) in scan_text
    assert squash(scan.recommendations[0].text) in scan_text
    assert squash(scan.themes[0].theme) in scan_text
    agenda_text = squash(pdf_text(write_agenda_pdf(agenda, tmp_path / "agenda.pdf")))
    assert squash(agenda.meeting.title) in agenda_text
    assert all(squash(entry.title) in agenda_text for entry in agenda.items)
    minutes_text = squash(pdf_text(write_minutes_pdf(minutes, tmp_path / "minutes.pdf")))
    assert all(squash(name) in minutes_text for name in minutes.attendance.present)
    assert all(squash(line.title) in minutes_text for line in minutes.new_items)
