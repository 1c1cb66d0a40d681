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
from cs360desk.i18n import _, formats
from cs360desk.reports.pdf_blocks import (
    bullets,
    edition_label,
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
    """ "Jun 1 – Jun 30, 2026": the year once when both ends share it."""
    first = formats.day_month(start) if start.year == end.year else long_date(start)
    return f"{first} – {long_date(end)}"


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
        title=_("Progress update: {initiative}").format(initiative=data.header.initiative_name),
        author=data.header.agency_name,
        furniture=_furniture(data.header, period_text(data.period.start, data.period.end)),
        progress=progress,
    )


def _furniture(header: ReportHeader, period: str) -> PageFurniture:
    edition = _("Public edition") if header.public else _("Internal: contains contact details")
    issued = long_date(header.prepared_on)
    prepared = (
        _("Prepared by {person} on {date}").format(person=header.prepared_by, date=issued)
        if header.prepared_by
        else _("Prepared on {date}").format(date=issued)
    )
    return PageFurniture(
        left=_("{agency} · CS360 progress update · {period}").format(
            agency=header.agency_name, period=period
        ),
        right=edition,
        prepared=prepared,
    )


def _masthead(data: ProgressReportData, styles: Styles, width: float) -> list[Flowable]:
    header = data.header
    kicker = " · ".join(part for part in (header.agency_name, header.jurisdiction) if part)
    return masthead(
        kicker=kicker,
        title=_("CS360 Progress Update"),
        subtitle=header.initiative_name,
        facts=[
            (_("Period"), period_text(data.period.start, data.period.end)),
            (_("Stage"), header.stage_label),
            (_("Prepared by"), header.prepared_by or "—"),
            (_("Issued"), long_date(header.prepared_on)),
            (_("Edition"), edition_label(header.public)),
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
    # "3 of 5", the "of 5" smaller: one message, so the words keep their order.
    of_total = safe(_("of {total}").format(total=numbers.measures_with_values))
    attendance = _("Attendance: {present} of {expected}").format(
        present=numbers.attendance_present, expected=numbers.attendance_expected
    )
    tiles = [
        (str(numbers.meetings_held), _("Meetings held")),
        (f"{rate:.0%}" if rate is not None else "—", attendance),
        (str(numbers.items_done), _("Action items done")),
        (f"{late}{numbers.items_overdue}{'</font>' if late else ''}", _("Overdue now")),
        (
            str(numbers.items_due_next),
            _("Due by {date}").format(date=long_date(data.next_period_end)),
        ),
        (
            f"{numbers.measures_improved}<font size=11> {of_total}</font>",
            _("Measures better than baseline"),
        ),
    ]
    return [
        *heading(_("Summary"), styles),
        key_numbers(tiles, styles, width),
        *subheading(_("Highlights"), styles),
        *bullets(data.highlights, styles),
        *subheading(_("Asks of leadership"), styles),
        *bullets(data.asks, styles, empty=_("None this period.")),
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
        *subheading(_("Measures at a glance"), styles),
        table_or_empty(
            [_("Measure"), _("Baseline"), _("Latest"), _("Target"), _("Where it stands")],
            rows,
            [4.6, 1.0, 1.0, 1.0, 2.4],
            styles,
            width,
            right_columns=[1, 2, 3],
        ),  # fmt: skip
    ]


def _goals(goals: tuple[GoalBlock, ...], styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = heading(_("Goals and measures"), styles, room=3 * inch)
    if not goals:
        return [*story, para(_("No goals have been set yet."), styles.empty)]
    for goal in goals:
        blocks: list[Flowable] = [_measure_block(line, styles, width) for line in goal.measures]
        if not blocks:
            blocks.append(para(_("No measures for this goal yet."), styles.empty))
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
    colour = GOOD if line.on_track else MUTED
    mark = "✓ " if line.on_track else ""
    verdict = safe(line.verdict)
    text = f"<font color='{hex_colour(colour)}' name='{FONT_BOLD}'>{mark}{verdict}</font>"
    if not short:
        better = (
            _("Lower is better") if line.direction is Direction.DECREASE else _("Higher is better")
        )
        text += f"<font color='{hex_colour(MUTED)}'>  ·  {safe(better)}</font>"
    return markup(text, styles.cell)


def _measure_block(line: MeasureLine, styles: Styles, width: float) -> Table:
    """Name and the three numbers on the left, the trend on the right; kept on one page."""
    info_width = width - CHART_SIZE[0] - 12
    facts = Table(
        [
            [
                _fact(
                    _("Baseline"), _value(line.baseline, line.unit), line.baseline_period, styles
                ),
                _fact(
                    _("Latest"), _value(line.latest, line.unit), long_date(line.latest_on), styles
                ),
                _fact(_("Target"), _value(line.target, line.unit), _by(line), styles),
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
    return _("by {date}").format(date=long_date(line.target_on)) if line.target_on else ""


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
