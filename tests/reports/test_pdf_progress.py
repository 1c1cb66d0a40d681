"""The progress update PDF: sections in order, text as typed, fonts, paper, long lists."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cs360desk.domain.enums import PaperSize
from cs360desk.domain.report_data import (
    LISTED_ITEMS,
    KeyNumbers,
    MonthCount,
    OwnerLine,
    ProgressReportData,
    ReportPeriod,
)
from cs360desk.reports.pdf_progress import write_progress_pdf

from .pdf_samples import (
    HOSTILE,
    LONG_TITLE,
    LONG_WORD,
    SPANISH,
    TODAY,
    VIETNAMESE,
    action,
    header,
    page_texts,
    pdf_text,
    progress_data,
    squash,
)

SECTIONS = (
    "CS360 Progress Update",
    "Summary",
    "Highlights",
    "Asks of leadership",
    "Goals and measures",
    "Responses",
    "Action items",
    "Done in this period",
    "Overdue, with owners",
    "Due by",
    "Meetings held",
    "Community input",
    "Communications posted",
)


def test_sections_print_in_the_stated_order(tmp_path: Path) -> None:
    path = write_progress_pdf(progress_data(), tmp_path / "update.pdf")
    text = squash(pdf_text(path))
    position = 0
    for section in SECTIONS:
        found = text.find(squash(section), position)
        assert found >= 0, f"{section!r} missing or out of order"
        position = found + 1


def test_user_text_prints_exactly_as_typed(tmp_path: Path) -> None:
    path = write_progress_pdf(progress_data(), tmp_path / "update.pdf")
    text = squash(pdf_text(path))
    for typed in (*HOSTILE, VIETNAMESE, SPANISH, LONG_TITLE, LONG_WORD, "Gun crime & fear <of>"):
        assert squash(typed) in text, typed


def test_the_unicode_font_is_embedded(tmp_path: Path) -> None:
    path = write_progress_pdf(progress_data(), tmp_path / "update.pdf")
    fonts = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            if "/FontFile2" in descriptor:
                fonts.add(str(font["/BaseFont"]))
    assert fonts and all("Helvetica" not in name for name in fonts)


def test_letter_by_default_a4_by_flag_or_agency_setting(tmp_path: Path) -> None:
    def size(path: Path) -> tuple[int, int]:
        box = PdfReader(str(path)).pages[0].mediabox
        return round(float(box.width)), round(float(box.height))

    assert size(write_progress_pdf(progress_data(), tmp_path / "l.pdf")) == (612, 792)
    a4 = write_progress_pdf(progress_data(), tmp_path / "a.pdf", PaperSize.A4)
    assert size(a4) == (595, 842)
    agency_a4 = progress_data(header=header(paper=PaperSize.A4))
    assert size(write_progress_pdf(agency_a4, tmp_path / "b.pdf")) == (595, 842)
    assert size(write_progress_pdf(agency_a4, tmp_path / "c.pdf", PaperSize.LETTER)) == (612, 792)


def test_every_page_is_numbered_with_a_footer(tmp_path: Path) -> None:
    pages = page_texts(write_progress_pdf(progress_data(), tmp_path / "update.pdf"))
    total = len(pages)
    assert total >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
        assert "Ríoverde Police Department · CS360 progress update" in text
        assert squash(f"Prepared by {VIETNAMESE}") in squash(text)


def test_empty_sections_say_so(tmp_path: Path) -> None:
    empty = progress_data(
        highlights=(), asks=(), goals=(), responses=(), done=(), overdue=(), overdue_owners=(),
        due_next=(), meetings=(), input_activities=(), themes=(), communications=(),
    )  # fmt: skip
    text = pdf_text(write_progress_pdf(empty, tmp_path / "empty.pdf"))
    assert text.count("None in this period.") >= 5
    assert "Nothing is overdue." in text
    assert "No goals have been set yet." in text
    assert "No responses have been planned yet." in text
    assert "None this period." in text


def _busy_year(**changes: object) -> ProgressReportData:
    """A year with more of everything than the update lists, as the service reports it."""
    months = ReportPeriod(date(2025, 7, 15), TODAY).months()
    owners = tuple(
        OwnerLine(f"Owner {n:02d}", 40 - n, TODAY - timedelta(days=90), "", f"o{n}@example.org")
        for n in range(LISTED_ITEMS + 5)
    )
    made = progress_data(
        period=ReportPeriod(months[0][0], TODAY),
        numbers=KeyNumbers(40, 300, 400, 1_164, 175, 65, 2, 3),
        done=tuple(
            action(f"Door-knock visit number {n:04d}", completed_on=TODAY - timedelta(days=n))
            for n in range(LISTED_ITEMS)
        ),
        done_by_month=tuple(
            MonthCount(first, last, 90 + n) for n, (first, last) in enumerate(months)
        ),
        overdue=tuple(action(f"{n:02d} {LONG_TITLE}", days=-90 + n) for n in range(LISTED_ITEMS)),
        overdue_owners=owners,
        due_next=tuple(action(f"Due soon {n:02d}", days=n + 1) for n in range(LISTED_ITEMS)),
    )
    return replace(made, **changes)


def test_a_busy_year_prints_totals_months_and_only_the_first_items(tmp_path: Path) -> None:
    path = write_progress_pdf(_busy_year(), tmp_path / "year.pdf")
    text = squash(pdf_text(path))
    for expected in (
        "Done in this period (1,164)",
        "The 25 most recently completed of 1,164 are listed. The Excel tracker lists every item.",
        "Overdue, with owners (175)",
        "The 25 longest overdue of 175 are listed.",
        "The 25 due soonest of 65 are listed.",
        "Jul2025", "Aug", "Jan2026", "Jun",  # the months under their bars
        "Paler bars: months only partly inside the period.",
    ):  # fmt: skip
        assert squash(expected) in text, expected
    assert squash("Door-knock visit number 0024") in text
    assert squash(f"Owner {LISTED_ITEMS - 1:02d}") in text
    assert squash(f"Owner {LISTED_ITEMS:02d}") not in text
    rest = sum(40 - n for n in range(LISTED_ITEMS, LISTED_ITEMS + 5))
    assert squash(f"And 5 more owners with {rest} overdue items.") in text


def test_long_rows_span_pages_under_a_repeated_header(tmp_path: Path) -> None:
    pages = page_texts(write_progress_pdf(_busy_year(), tmp_path / "year.pdf"))
    with_late = [text for text in pages if LONG_TITLE[:40] in " ".join(text.split())]
    assert len(with_late) >= 2
    assert all(re.search(r"Action item\s*\n?\s*Owner\s*\n?\s*Due", text) for text in with_late)
    body = squash("".join(pages))
    assert all(squash(f"{n:02d} {LONG_TITLE[:60]}") in body for n in range(LISTED_ITEMS))


def test_a_month_alone_needs_no_chart_and_a_short_list_no_note(tmp_path: Path) -> None:
    text = squash(pdf_text(write_progress_pdf(progress_data(), tmp_path / "june.pdf")))
    assert squash("Paler bars") not in text
    assert squash("are listed") not in text
    assert squash("more owner") not in text
    quiet = _busy_year(done_by_month=tuple(replace(m, done=0) for m in _busy_year().done_by_month))
    assert "Paler bars" not in pdf_text(write_progress_pdf(quiet, tmp_path / "quiet.pdf"))


def test_text_stays_inside_the_margins(tmp_path: Path) -> None:
    path = write_progress_pdf(progress_data(), tmp_path / "update.pdf")
    for page in PdfReader(str(path)).pages:
        width = float(page.mediabox.width)
        xs: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, xs: list[float] = xs
        ) -> None:
            if text.strip():
                xs.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

        page.extract_text(visitor_text=visit)
        assert xs and min(xs) >= 0.5 * 72 and max(xs) <= width - 0.7 * 72


def test_public_edition_is_marked_and_has_no_contact_columns(tmp_path: Path) -> None:
    public = progress_data(
        header=header(public=True),
        overdue_owners=(replace(progress_data().overdue_owners[0], phone="", email=""),),
    )
    text = pdf_text(write_progress_pdf(public, tmp_path / "public.pdf"))
    assert "Public edition" in text
    assert "E-mail" not in text and "Phone" not in text


def test_progress_is_reported_and_a_cancel_leaves_no_file(tmp_path: Path) -> None:
    seen: list[int] = []
    write_progress_pdf(progress_data(), tmp_path / "ok.pdf", progress=lambda p, _m: seen.append(p))
    assert seen[0] == 5 and seen[-1] == 100 and seen == sorted(seen)

    class Stop(Exception):
        pass

    def cancel(percent: int, _message: str) -> None:
        if percent > 20:
            raise Stop

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Stop):
        write_progress_pdf(progress_data(), target, progress=cancel)
    assert list(tmp_path.iterdir()) == [tmp_path / "ok.pdf"]


def test_a_logo_prints_and_a_broken_one_is_left_out(tmp_path: Path) -> None:
    image = Image.new("RGB", (240, 120), "#1F3A5F")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with_logo = progress_data(header=header(logo=buffer.getvalue()))
    path = write_progress_pdf(with_logo, tmp_path / "logo.pdf")
    first = PdfReader(str(path)).pages[0]
    assert "/XObject" in first["/Resources"]
    broken = progress_data(header=header(logo=b"not an image at all"))
    text = pdf_text(write_progress_pdf(broken, tmp_path / "broken.pdf"))
    assert "CS360 Progress Update" in text
