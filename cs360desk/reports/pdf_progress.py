"""The chief's progress update as a PDF, from ProgressReportData only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from cs360desk.domain.enums import Direction, PaperSize
from cs360desk.domain.report_data import (
    GoalBlock,
    MeasureLine,
    ProgressReportData,
    ReportHeader,
    long_date,
)
from cs360desk.reports.pdf_blocks import (
    bullets,
    heading,
    key_numbers,
    masthead,
    subheading,
    table_or_empty,
)
from cs360desk.reports.pdf_charts import short_number, trend_chart
from cs360desk.reports.pdf_common import (
    FONT_BOLD,
    GOOD,
    LATE,
    MUTED,
    RULE,
    PageFurniture,
    Progress,
    Styles,
    build_pdf,
    hex_colour,
    markup,
    para,
    safe,
    styles_and_text_width,
)
from cs360desk.reports.pdf_progress_actions import action_items_section
from cs360desk.reports.pdf_progress_sections import (
    communications_section,
    community_section,
    meetings_section,
    responses_section,
)

CHART_SIZE = (2.55 * inch, 1.2 * inch)


def period_text(start: date, end: date) -> str:
    if start.year == end.year:
        return f"{long_date(start).rsplit(',', 1)[0]} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def write_progress_pdf(
    data: ProgressReportData,
    path: Path | str,
    paper: PaperSize | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    """Writes the progress update to `path` (atomically) on the given or the agency's paper."""
    paper = paper or data.header.paper
    styles, width = styles_and_text_width(paper)
    story = [
        *_masthead(data, styles, width),
        *_summary(data, styles, width),
        *_goals(data.goals, styles, width),
        *responses_section(data.responses, styles, width),
        *action_items_section(data, styles, width),
        *meetings_section(data.meetings, styles, width),
        *community_section(data.input_activities, data.themes, styles, width),
        *communications_section(data.communications, styles, width),
    ]
    return build_pdf(
        path,
        story,
        paper,
        title=f"Progress update: {data.header.initiative_name}",
        author=data.header.agency_name,
        furniture=_furniture(data.header, period_text(data.period.start, data.period.end)),
        progress=progress,
    )


def _furniture(header: ReportHeader, period: str) -> PageFurniture:
    edition = "Public edition" if header.public else "Internal: contains contact details"
    prepared = f"Prepared by {header.prepared_by}" if header.prepared_by else "Prepared"
    return PageFurniture(
        left=f"{header.agency_name} · CS360 progress update · {period}",
        right=edition,
        prepared=f"{prepared} on {long_date(header.prepared_on)}",
    )


def _masthead(data: ProgressReportData, styles: Styles, width: float) -> list[Flowable]:
    header = data.header
    kicker = " · ".join(part for part in (header.agency_name, header.jurisdiction) if part)
    return masthead(
        kicker=kicker,
        title="CS360 Progress Update",
        subtitle=header.initiative_name,
        facts=[
            ("Period", period_text(data.period.start, data.period.end)),
            ("Stage", header.stage_label),
            ("Prepared by", header.prepared_by or "—"),
            ("Issued", long_date(header.prepared_on)),
            ("Edition", "Public" if header.public else "Internal"),
        ],
        logo=header.logo,
        styles=styles,
        width=width,
        fact_widths=[1.35, 1.0, 2.3, 0.95, 0.7],
    )


def _summary(data: ProgressReportData, styles: Styles, width: float) -> list[Flowable]:
    numbers = data.numbers
    rate = numbers.attendance_rate
    late = f"<font color='{hex_colour(LATE)}'>" if numbers.items_overdue else ""
    tiles = [
        (str(numbers.meetings_held), "Meetings held"),
        (
            f"{rate:.0%}" if rate is not None else "—",
            f"Attendance: {numbers.attendance_present} of {numbers.attendance_expected}",
        ),
        (str(numbers.items_done), "Action items done"),
        (f"{late}{numbers.items_overdue}{'</font>' if late else ''}", "Overdue now"),
        (str(numbers.items_due_next), f"Due by {long_date(data.next_period_end)}"),
        (
            f"{numbers.measures_improved}<font size=11> of {numbers.measures_with_values}</font>",
            "Measures better than baseline",
        ),
    ]
    return [
        *heading("Summary", styles),
        key_numbers(tiles, styles, width),
        *subheading("Highlights", styles),
        *bullets(data.highlights, styles),
        *subheading("Asks of leadership", styles),
        *bullets(data.asks, styles, empty="None this period."),
        *_glance(data.goals, styles, width),
    ]


def _glance(goals: tuple[GoalBlock, ...], styles: Styles, width: float) -> list[Flowable]:
    """Every measure on one line, so the first page alone tells the story."""
    rows = [
        [
            para(line.name, styles.cell),
            para(_value(line.baseline, line.unit), styles.cell_right),
            para(_value(line.latest, line.unit), styles.cell_right),
            para(_value(line.target, line.unit), styles.cell_right),
            _verdict(line, styles, short=True),
        ]
        for goal in goals
        for line in goal.measures
    ]
    if not rows:
        return []
    return [
        *subheading("Measures at a glance", styles),
        table_or_empty(
            ["Measure", "Baseline", "Latest", "Target", "Where it stands"],
            rows,
            [4.6, 1.0, 1.0, 1.0, 2.4],
            styles,
            width,
            right_columns=[1, 2, 3],
        ),  # fmt: skip
    ]


def _goals(goals: tuple[GoalBlock, ...], styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = heading("Goals and measures", styles, room=3 * inch)
    if not goals:
        return [*story, para("No goals have been set yet.", styles.empty)]
    for goal in goals:
        blocks: list[Flowable] = [_measure_block(line, styles, width) for line in goal.measures]
        if not blocks:
            blocks.append(para("No measures for this goal yet.", styles.empty))
        # The goal's title travels with its first measure: never alone at a page's foot.
        opening = [
            Spacer(1, 6),
            para(goal.dimension_label.upper(), styles.kicker),
            para(goal.statement, styles.h2),
            blocks[0],
        ]
        story += [KeepTogether(opening), *blocks[1:]]
    return story


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return short_number(value) + ("%" if unit.strip() == "%" else "")


def _fact(label: str, value: str, note: str, styles: Styles) -> Flowable:
    grey = hex_colour(MUTED)
    return markup(
        f"<font size=7 color='{grey}'>{safe(label.upper())}</font><br/>"
        f"<font name='{FONT_BOLD}' size=11>{safe(value)}</font><br/>"
        f"<font size=7 color='{grey}'>{safe(note) or '&nbsp;'}</font>",
        styles.cell,
    )


def _verdict(line: MeasureLine, styles: Styles, *, short: bool = False) -> Flowable:
    colour = {"Target met": GOOD, "Better than baseline": GOOD}.get(line.verdict, MUTED)
    mark = "✓ " if colour == GOOD else ""
    text = f"<font color='{hex_colour(colour)}' name='{FONT_BOLD}'>{mark}{line.verdict}</font>"
    if not short:
        better = "Lower" if line.direction is Direction.DECREASE else "Higher"
        text += f"<font color='{hex_colour(MUTED)}'>  ·  {better} is better</font>"
    return markup(text, styles.cell)


def _measure_block(line: MeasureLine, styles: Styles, width: float) -> Table:
    """Name and the three numbers on the left, the trend on the right; kept on one page."""
    info_width = width - CHART_SIZE[0] - 12
    facts = Table(
        [
            [
                _fact("Baseline", _value(line.baseline, line.unit), line.baseline_period, styles),
                _fact("Latest", _value(line.latest, line.unit), long_date(line.latest_on), styles),
                _fact("Target", _value(line.target, line.unit), _by(line), styles),
            ]
        ],
        colWidths=[info_width / 3] * 3,
    )
    facts.setStyle(_tight())
    unit = "" if line.unit.strip() == "%" else line.unit.strip()
    info = [
        para(line.name, styles.cell_bold),
        para(unit, styles.cell_muted),
        Spacer(1, 5),
        facts,
        Spacer(1, 5),
        _verdict(line, styles),
    ]
    chart = trend_chart(
        line.points, baseline=line.baseline, target=line.target,
        width=CHART_SIZE[0], height=CHART_SIZE[1],
    )  # fmt: skip
    block = Table([[info, chart]], colWidths=[info_width + 12, CHART_SIZE[0]])
    style = _tight()
    style.add("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE)
    style.add("TOPPADDING", (0, 0), (-1, -1), 7)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 8)
    style.add("RIGHTPADDING", (0, 0), (0, -1), 12)
    block.setStyle(style)
    return block


def _by(line: MeasureLine) -> str:
    return f"by {long_date(line.target_on)}" if line.target_on else ""


def _tight() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
