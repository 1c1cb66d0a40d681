"""The scanning report PDF: input by theme, findings, problems ranked, recommendations."""

from __future__ import annotations

from pathlib import Path

from cs360desk.reports.pdf_scanning import write_scanning_pdf

from .pdf_samples import SPANISH, pdf_text, scanning_data, squash


def test_sections_and_values_in_order(tmp_path: Path) -> None:
    text = squash(pdf_text(write_scanning_pdf(scanning_data(), tmp_path / "scan.pdf")))
    position = 0
    for part in (
        "CS360 Scanning Report",
        "Summary",
        "460",  # people heard: 48 + 412
        "Community input by theme",
        "Retaliation & fear",
        "Trust in police",
        "Listening activities",
        "Survey <in three languages>",
        "Findings",
        "Retaliation & fear (2)",
        "People fear retaliation",
        "Officers should walk </para>",
        "Candidate problems, ranked by the priority worksheet",
        "Family disputes",
        "Gun violence <Eastside>",
        "Recommendations to the department",
        "Hire a bilingual liaison & interpreter",
        "Proposed",
        SPANISH,
    ):
        found = text.find(squash(part), position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + 1


def test_an_empty_scan_says_what_is_missing(tmp_path: Path) -> None:
    empty = scanning_data(input_activities=(), themes=(), problems=(), recommendations=())
    text = pdf_text(write_scanning_pdf(empty, tmp_path / "scan.pdf"))
    for note in (
        "No findings have been recorded yet.",
        "No community input has been recorded yet.",
        "No problems have been recorded yet.",
        "No recommendations have been made yet.",
    ):
        assert note in text
