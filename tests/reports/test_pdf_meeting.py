"""Agenda and minutes PDFs: what members need, in order, exactly as typed."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cs360desk.domain.enums import PaperSize
from cs360desk.reports.pdf_meeting import clock, write_agenda_pdf, write_minutes_pdf

from .pdf_samples import (
    LONG_TITLE,
    SPANISH,
    VIETNAMESE,
    agenda_data,
    meeting_heading,
    minutes_data,
    pdf_text,
    squash,
)


def _in_order(text: str, *parts: str) -> None:
    position = 0
    flat = squash(text)
    for part in parts:
        found = flat.find(squash(part), position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + 1


def test_agenda_holds_the_meeting_items_and_carried_items(tmp_path: Path) -> None:
    text = pdf_text(write_agenda_pdf(agenda_data(), tmp_path / "agenda.pdf"))
    _in_order(
        text,
        "Eastside PST <b>",
        "Meeting Agenda",
        "June meeting & dinner",
        "Tuesday, June 9, 2026",  # CLDR's full date: the weekday and the month in words
        "6:00 PM – 7:30 PM",
        "Hybrid",
        "Parish hall, Our Lady of La Vang",
        "https://example.org/meet?a=1&b=2",
        "Welcome </para>",
        VIETNAMESE,
        LONG_TITLE,
        SPANISH,
        "Open action items carried forward (2)",
        "Send the minutes <now>",
        "Page 1 of 1",
    )
    assert text.count("Overdue") == 1  # due May 31, before the meeting; the other is not


def test_minutes_hold_attendance_notes_decisions_and_new_items(tmp_path: Path) -> None:
    text = pdf_text(write_minutes_pdf(minutes_data(), tmp_path / "minutes.pdf"))
    _in_order(
        text,
        "Meeting Minutes",
        "Attendance",
        "Present (2)",
        VIETNAMESE,
        "Absent (1)",
        SPANISH,
        "Excused (0)",
        "Guests (1)",
        "Deputy Reyes",
        "Summary",
        "Good turnout & <b>lively</b> talk.",
        "Agenda items and notes",
        "Welcome </para>",
        "Bring the numbers",
        "Decisions",
        "Fund the lights",
        "Ask the council <font size=60>",
        "New action items (1)",
        "Print flyers in Vietnamese",
    )


def test_empty_meeting_says_so(tmp_path: Path) -> None:
    agenda = pdf_text(
        write_agenda_pdf(agenda_data(items=(), carried_forward=()), tmp_path / "a.pdf")
    )
    assert "No agenda items yet." in agenda and "No open action items." in agenda
    minutes = minutes_data(items=(), summary="", decisions="", new_items=())
    text = pdf_text(write_minutes_pdf(minutes, tmp_path / "m.pdf"))
    for note in (
        "No summary was recorded.",
        "There was no agenda.",
        "No decisions were recorded.",
        "No action items were created at this meeting.",
    ):
        assert note in text


def test_meeting_paper_follows_the_agency_unless_asked(tmp_path: Path) -> None:
    a4 = agenda_data(meeting=meeting_heading(paper=PaperSize.A4))
    box = PdfReader(str(write_agenda_pdf(a4, tmp_path / "a.pdf"))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = write_minutes_pdf(minutes_data(), tmp_path / "m.pdf", PaperSize.LETTER)
    box = PdfReader(str(letter)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_clock_reads_the_american_way() -> None:
    start = meeting_heading().starts_at
    assert clock(start) == "6:00 PM"
    assert clock(start.replace(hour=0, minute=5)) == "12:05 AM"
    assert clock(start.replace(hour=12)) == "12:00 PM"
