"""The printed reports in another language: every heading and label of the template goes
through the catalog at write time, in the language of the `with language(...)` block.

Written in the pseudo-language en_XA, where a translated "Summary" prints "[Šûɱɱåŕý]": an
English heading left on the page is a string that never reached a translation call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.i18n import PSEUDO, language
from cs360desk.i18n.pseudo import pseudo
from cs360desk.reports.pdf_meeting import write_agenda_pdf, write_minutes_pdf
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.pdf_scanning import write_scanning_pdf
from cs360desk.services import report_data as rd
from tests.tracker_support import TODAY, sample_copy

from .pdf_samples import pdf_text, squash

# The template's own words, as they print in English (case matters: the sample's data has
# "summary" and "action items" in running text, and a measure named "Action items completed").
FACT_WORDS = ("PERIOD", "STAGE", "PREPARED BY", "ISSUED", "EDITION")
PROGRESS_WORDS = FACT_WORDS + (
    "CS360 Progress Update",
    "Summary",
    "Highlights",
    "Asks of leadership",
    "Measures at a glance",
    "Where it stands",
    "Goals and measures",
    "Responses",
    "Done in this period",
    "Overdue, with owners",
    "Days late",
    "Meetings held",
    "Key decisions",
    "Community input",
    "What we heard, by theme",
    "For example",
    "Communications posted",
    "Measures better than baseline",
    "Prepared by",
    "CS360 progress update",
    "Internal: contains contact details",
    "is better",
)
MEETING_WORDS = (
    *("DATE", "TIME", "MODE", "PLACE", "STATUS"),
    *("Date", "Status", "Owner", "Presenter", "Page"),
)
AGENDA_WORDS = ("Meeting Agenda", "Open action items carried forward")
MINUTES_WORDS = (
    "Meeting Minutes",
    "Attendance",
    "Present (",
    "Absent (",
    "Excused (",
    "Guests (",
    "Agenda items and notes",
    "Decisions",
    "New action items",
    "printed on",
)
SCANNING_WORDS = FACT_WORDS[1:] + (
    "CS360 Scanning Report",
    "Listening activities",
    "People heard",
    "Candidate problems",
    "Community input by theme",
    "Heard at (activities)",
    "Findings",
    "ranked by the priority worksheet",
    "Threat to life",
    "Recommendations to the department",
    "awaiting a decision",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_workspace(sample_copy(tmp_path_factory.mktemp("language")))
    yield workspace
    workspace.close()


def _marked(text: str) -> str:
    """How a heading prints in en_XA, as squash() leaves it (any case: labels of the
    masthead's facts print in capitals)."""
    return squash(pseudo(text)).casefold()


def _printed(word: str, text: str) -> bool:
    """`word` as a whole word or phrase, wrapped across lines or not."""
    pattern = r"\s+".join(re.escape(part) for part in word.split())
    return re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def _assert_translated(text: str, headings: tuple[str, ...], words: tuple[str, ...]) -> None:
    flat = squash(text).casefold()
    for shown in headings:
        assert _marked(shown) in flat, f"{shown!r} is not pseudo-translated"
    left = [word for word in words if _printed(word, text)]
    assert left == [], f"English left on the page: {left}"
    assert not _printed("Page 1 of", text)
    assert _marked("Page {number} of {total}").split("{")[0] in flat


def test_the_progress_update_is_written_in_the_language_asked(
    sample: Workspace, tmp_path: Path
) -> None:
    with language(PSEUDO):
        with sample.session_factory.begin() as session:
            initiative = rd.default_initiative_id(session)
            period = rd.default_period(session, initiative, today=TODAY)
            data = rd.progress_report_data(session, initiative, today=TODAY, period=period)
        text = pdf_text(write_progress_pdf(data, tmp_path / "update.pdf"))
    _assert_translated(
        text,
        ("CS360 Progress Update", "Summary", "Goals and measures", "Action items", "Responses"),
        PROGRESS_WORDS,
    )
    # User data prints as typed, in any language.
    assert squash(data.header.agency_name) in squash(text)
    # Nothing translated was kept from the pseudo report: English again outside the block.
    english = pdf_text(write_progress_pdf(data, tmp_path / "again.pdf"))
    assert "Goals and measures" in english and _marked("Summary") not in squash(english)


def test_agenda_and_minutes_are_written_in_the_language_asked(
    sample: Workspace, tmp_path: Path
) -> None:
    with language(PSEUDO):
        with sample.session_factory.begin() as session:
            initiative = rd.default_initiative_id(session)
            meetings = rd.meeting_choices(session, initiative)
            held = next(c for c in meetings if c.status_label == pseudo("Held"))
            agenda = rd.agenda_data(session, meetings[0].meeting_id, today=TODAY)
            minutes = rd.minutes_data(session, held.meeting_id, today=TODAY)
        agenda_text = pdf_text(write_agenda_pdf(agenda, tmp_path / "agenda.pdf"))
        minutes_text = pdf_text(write_minutes_pdf(minutes, tmp_path / "minutes.pdf"))
    _assert_translated(
        agenda_text, ("Meeting Agenda", "Agenda", "Date", "Time"), MEETING_WORDS + AGENDA_WORDS
    )
    _assert_translated(
        minutes_text,
        ("Meeting Minutes", "Attendance", "Summary", "Decisions"),
        MEETING_WORDS + MINUTES_WORDS,
    )
    assert all(squash(entry.title) in squash(agenda_text) for entry in agenda.items)


def test_the_scanning_report_is_written_in_the_language_asked(
    sample: Workspace, tmp_path: Path
) -> None:
    with language(PSEUDO):
        with sample.session_factory.begin() as session:
            initiative = rd.default_initiative_id(session)
            scan = rd.scanning_report_data(session, initiative, today=TODAY)
        text = pdf_text(write_scanning_pdf(scan, tmp_path / "scan.pdf"))
    _assert_translated(
        text, ("CS360 Scanning Report", "Summary", "Findings", "Recommendation"), SCANNING_WORDS
    )
