"""The later sections of the progress update: responses, meetings, input, communications."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from cs360desk.domain.report_data import (
    CommunicationLine,
    HeldMeeting,
    InputLine,
    ResponseLine,
    ThemeLine,
    long_date,
)
from cs360desk.reports.pdf_blocks import (
    Cell,
    bullets,
    cell,
    data_table,
    empty_note,
    heading,
    subheading,
    table_or_empty,
)
from cs360desk.reports.pdf_common import Styles, markup, para, safe


def _span(line: ResponseLine) -> str:
    if line.starts_on is None and line.ends_on is None:
        return ""
    start = long_date(line.starts_on) or "…"
    end = long_date(line.ends_on) or "ongoing"
    return f"{start} – {end}"


def responses_section(
    responses: tuple[ResponseLine, ...], styles: Styles, width: float
) -> list[Flowable]:
    """One table per problem, so a shared problem title is printed once, not on every row."""
    story: list[Flowable] = heading("Responses", styles)
    if not responses:
        return [*story, empty_note(styles, "No responses have been planned yet.")]
    problems: dict[str, list[ResponseLine]] = {}
    for line in responses:
        problems.setdefault(line.problem_title, []).append(line)
    for problem, lines in problems.items():
        rows = [
            [
                cell(line.title, styles, detail=line.focus_area),
                cell(line.lead, styles),
                cell(line.status_label, styles),
                cell(_span(line), styles),
            ]
            for line in lines
        ]
        story += [
            CondPageBreak(1.2 * inch),
            markup(f"<b>Problem:</b> {safe(problem)}", styles.small),
            Spacer(1, 4),
            data_table(
                ["Response", "Lead", "Status", "Dates"], rows, [4.4, 2.0, 1.3, 2.3], styles, width
            ),
            Spacer(1, 8),
        ]
    return story


def _attendance(meeting: HeldMeeting) -> str:
    parts = [f"{meeting.present} present"]
    parts += [
        f"{n} {word}" for n, word in ((meeting.absent, "absent"), (meeting.excused, "excused")) if n
    ]
    if meeting.guests:
        parts.append(f"{meeting.guests} guest{'s' if meeting.guests != 1 else ''}")
    return ", ".join(parts)


def meetings_section(
    meetings: tuple[HeldMeeting, ...], styles: Styles, width: float
) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            long_date(meeting.held_on),
            cell(meeting.title, styles, detail=meeting.team_name),
            _attendance(meeting),
        ]
        for meeting in meetings
    ]
    decided = [meeting for meeting in meetings if meeting.decisions]
    story: list[Flowable] = [
        *heading("Meetings held", styles),
        table_or_empty(["Date", "Meeting", "Attendance"], rows, [1.5, 5.2, 3.3], styles, width),
    ]
    if meetings:
        story += subheading("Key decisions", styles)
        story += [
            Paragraph(
                f"<b>{safe(long_date(meeting.held_on))}, {safe(meeting.title)}:</b> "
                f"{safe(meeting.decisions)}",
                styles.bullet,
                bulletText="•",
            )
            for meeting in decided
        ] or bullets((), styles, empty="No decisions were recorded.")
    return story


def community_section(
    activities: tuple[InputLine, ...],
    themes: tuple[ThemeLine, ...],
    styles: Styles,
    width: float,
    *,
    title: str = "Community input",
) -> list[Flowable]:
    activity_rows = [
        [
            cell(long_date(line.held_on), styles),
            cell(line.kind_label, styles),
            para(f"{line.participants:,}", styles.cell_right),
            cell(line.summary, styles),
        ]
        for line in activities
    ]
    story: list[Flowable] = [
        *heading(title, styles),
        table_or_empty(
            ["Date", "Activity", "People", "Summary"],
            activity_rows,
            [1.4, 1.6, 0.8, 6.2],
            styles,
            width,
            right_columns=[2],
        ),  # fmt: skip
    ]
    if activities:
        story += [Spacer(1, 6), *theme_table(themes, styles, width)]
    return story


def theme_table(themes: tuple[ThemeLine, ...], styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            para(line.theme, styles.cell_bold),
            para(f"{line.findings:,}", styles.cell_right),
            para(f"{line.activities:,}", styles.cell_right),
            cell(line.texts[0] if line.texts else "", styles),
        ]
        for line in themes
    ]
    return [
        *subheading("What we heard, by theme", styles),
        table_or_empty(
            ["Theme", "Findings", "Activities", "For example"],
            rows,
            [2.2, 0.9, 0.9, 6],
            styles,
            width,
            right_columns=[1, 2],
            empty="No findings were recorded.",
        ),  # fmt: skip
    ]


def communications_section(
    communications: tuple[CommunicationLine, ...], styles: Styles, width: float
) -> list[Flowable]:
    rows = [
        [
            cell(long_date(line.posted_on), styles),
            cell(line.channel_label, styles, detail=f"for {line.audience_label.lower()}"),
            cell(line.text, styles),
        ]
        for line in communications
    ]
    return [
        *heading("Communications posted", styles),
        table_or_empty(["Posted", "Channel", "Message"], rows, [1.4, 1.8, 6.8], styles, width),
    ]
