"""Report DTOs to print, hostile text to print them with, and a way to read a PDF back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from cs360desk.domain.enums import Direction, PaperSize
from cs360desk.domain.report_data import (
    ActionLine,
    AgendaData,
    AgendaEntry,
    Attendees,
    CommunicationLine,
    GoalBlock,
    HeldMeeting,
    InputLine,
    KeyNumbers,
    MeasureLine,
    MeetingHeading,
    MinutesData,
    MonthCount,
    OwnerLine,
    ProblemLine,
    ProgressReportData,
    RecommendationLine,
    ReportHeader,
    ReportPeriod,
    ResponseLine,
    ScanningReportData,
    ThemeLine,
)

VIETNAMESE = "Nguyễn Thị Hoa"
SPANISH = "José Ramírez Núñez"
HOSTILE = ("a < b", "Tom & Jerry", "</para>", "<font size=60>", "<b>not bold</b>", "&amp;")
LONG_TITLE = (
    "Coordinate with the county, the school district and the three Eastside churches "
    "to keep the Mesquite Park pavilion lights on until 11 pm on weekends " * 4
).strip()
LONG_WORD = "Supercalifragilistic" * 12
TODAY = date(2026, 6, 30)


def squash(text: str) -> str:
    """Text with every space and line break removed: wrapping moves words between lines."""
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def header(**changes: Any) -> ReportHeader:
    made = ReportHeader(
        agency_name="Ríoverde Police Department",
        jurisdiction="City of Ríoverde",
        logo=None,
        initiative_name="Gun crime & fear <of> gun crime",
        stage_label="Problem-Solving",
        prepared_by=f"{VIETNAMESE}, Sergeant, CS360 champion",
        prepared_on=TODAY,
        paper=PaperSize.LETTER,
    )
    return replace(made, **changes)


def action(title: str, owner: str = SPANISH, days: int = -5, **changes: Any) -> ActionLine:
    made = ActionLine(
        title=title,
        owner=owner,
        due_on=TODAY + timedelta(days=days),
        status_label="Open",
        completed_on=TODAY - timedelta(days=2),
        priority_label="High",
    )
    return replace(made, **changes)


def measure(name: str = "Shots-fired calls", **changes: Any) -> MeasureLine:
    points = tuple(
        (date(2025, month, 28), float(value))
        for month, value in zip(range(1, 13), (11, 9, 10, 12, 8, 9, 7, 8, 6, 7, 7, 6), strict=True)
    )
    made = MeasureLine(
        name=name, unit="calls per month", direction=Direction.DECREASE, baseline=11.0,
        baseline_period="Calendar year 2022", latest=6.0, latest_on=date(2025, 12, 28),
        target=7.0, target_on=date(2027, 12, 31), points=points,
    )  # fmt: skip
    return replace(made, **changes)


def progress_data(**changes: Any) -> ProgressReportData:
    hostile = " / ".join(HOSTILE)
    made = ProgressReportData(
        header=header(),
        period=ReportPeriod(date(2026, 6, 1), TODAY),
        numbers=KeyNumbers(3, 40, 50, 1, 2, 1, 2, 3),  # as many items as listed below
        highlights=(f"Lights fixed on {hostile}", "Thank you, " + SPANISH),
        asks=("Decide on the liaison position",),
        goals=(GoalBlock("Prevent crime", "Fewer shootings <font size=60>", (measure(),)),),
        responses=(
            ResponseLine(
                "Friday Late Nights",
                "Gun violence",
                "Youth",
                "In progress",
                VIETNAMESE,
                date(2025, 3, 1),
                None,
            ),
        ),  # fmt: skip
        done=(action("Reserve the gym & the hall"),),
        done_by_month=(MonthCount(date(2026, 6, 1), TODAY, 12),),
        overdue=(action(LONG_TITLE), action(LONG_WORD, owner=VIETNAMESE)),
        overdue_owners=(
            OwnerLine(SPANISH, 1, TODAY - timedelta(days=5), "(361) 555-0142", "jose@example.org"),
        ),
        due_next=(action("Count cars at the ramp", days=9),),
        next_period_end=TODAY + timedelta(days=30),
        meetings=(
            HeldMeeting(
                "June PST </para>",
                "Eastside PST",
                date(2026, 6, 9),
                18,
                2,
                1,
                1,
                "Fund the lights & ask the council",
            ),
        ),  # fmt: skip
        input_activities=(InputLine("Survey", date(2026, 6, 3), 412, "Safety survey <3"),),
        themes=(ThemeLine("Lighting & environment", 3, 2, ("Dark alley behind the store",)),),
        communications=(
            CommunicationLine("Social media", "Public", date(2026, 6, 20), "Thanks, neighbors!"),
        ),
    )
    return replace(made, **changes)


def meeting_heading(**changes: Any) -> MeetingHeading:
    start = datetime(2026, 6, 9, 18, 0, tzinfo=UTC)
    made = MeetingHeading(
        agency_name="Ríoverde Police Department", logo=None, initiative_name="Gun crime",
        team_name="Eastside PST <b>", title="June meeting & dinner", starts_at=start,
        ends_at=start + timedelta(minutes=90), mode_label="Hybrid",
        location="Parish hall, Our Lady of La Vang", video_link="https://example.org/meet?a=1&b=2",
        status_label="Scheduled", paper=PaperSize.LETTER, prepared_on=TODAY,
    )  # fmt: skip
    return replace(made, **changes)


def agenda_data(**changes: Any) -> AgendaData:
    made = AgendaData(
        meeting=meeting_heading(),
        items=(
            AgendaEntry(1, "Welcome </para>", VIETNAMESE, ""),
            AgendaEntry(2, LONG_TITLE, SPANISH, "Bring the numbers"),
        ),
        carried_forward=(action("Send the minutes <now>", days=-30), action("Book the hall")),
    )
    return replace(made, **changes)


def minutes_data(**changes: Any) -> MinutesData:
    made = MinutesData(
        meeting=meeting_heading(status_label="Held"),
        attendance=Attendees((VIETNAMESE, "Mary Green"), (SPANISH,), (), ("Deputy Reyes",)),
        items=agenda_data().items,
        summary="Good turnout & <b>lively</b> talk.",
        decisions="Fund the lights\nAsk the council <font size=60>",
        new_items=(action("Print flyers in Vietnamese", owner=VIETNAMESE, days=14),),
    )
    return replace(made, **changes)


def scanning_data(**changes: Any) -> ScanningReportData:
    made = ScanningReportData(
        header=header(),
        input_activities=(
            InputLine("Listening session", date(2024, 3, 20), 48, "Spanish-language session"),
            InputLine("Survey", date(2024, 5, 17), 412, "Survey <in three languages>"),
        ),
        themes=(
            ThemeLine("Retaliation & fear", 2, 2, ("People fear retaliation", "Kids stay in")),
            ThemeLine("Trust in police", 1, 1, ("Officers should walk </para>",)),
        ),
        problems=(
            ProblemLine("Family disputes", "Citywide", "Candidate", "Scanning", 4, 4, 2, 2),
            ProblemLine("Gun violence <Eastside>", "Eastside", "Active", "Response", 5, 5, 5, 3),
        ),
        recommendations=(
            RecommendationLine(
                "Hire a bilingual liaison & interpreter",
                "Language access",
                date(2024, 8, 8),
                "Proposed",
                SPANISH,
                "Not started",
            ),
        ),  # fmt: skip
    )
    return replace(made, **changes)
