"""The scanning report as a PDF: community input by theme, problems ranked, recommendations."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from cs360desk.domain.enums import PaperSize
from cs360desk.domain.report_data import ReportHeader, ScanningReportData, ThemeLine, long_date
from cs360desk.reports.pdf_blocks import (
    bullets,
    cell,
    heading,
    key_numbers,
    masthead,
    subheading,
    table_or_empty,
)
from cs360desk.reports.pdf_common import (
    PageFurniture,
    Progress,
    Styles,
    build_pdf,
    markup,
    para,
    styles_and_text_width,
)

# The priority worksheet's four questions, in the order the team scores them.
WORKSHEET = ("Impact", "Threat to life", "Community interest", "Threat to rights")


def write_scanning_pdf(
    data: ScanningReportData,
    path: Path | str,
    paper: PaperSize | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    """Writes the scanning report to `path` (atomically) on the given or the agency's paper."""
    paper = paper or data.header.paper
    styles, width = styles_and_text_width(paper)
    header = data.header
    story = [
        *_masthead(header, styles, width),
        *_summary(data, styles, width),
        *_input_by_theme(data, styles, width),
        *_findings(data.themes, styles),
        *_problems(data, styles, width),
        *_recommendations(data, styles, width),
    ]
    return build_pdf(
        path,
        story,
        paper,
        title=f"Scanning report: {header.initiative_name}",
        author=header.agency_name,
        furniture=PageFurniture(
            left=f"{header.agency_name} · CS360 scanning report · {header.initiative_name}",
            right="Public edition" if header.public else "Internal",
            prepared=f"Prepared by {header.prepared_by or '—'} on {long_date(header.prepared_on)}",
        ),
        progress=progress,
    )


def _masthead(header: ReportHeader, styles: Styles, width: float) -> list[Flowable]:
    return masthead(
        kicker=" · ".join(p for p in (header.agency_name, header.jurisdiction) if p),
        title="CS360 Scanning Report",
        subtitle=header.initiative_name,
        facts=[
            ("Stage", header.stage_label),
            ("Prepared by", header.prepared_by or "—"),
            ("Issued", long_date(header.prepared_on)),
            ("Edition", "Public" if header.public else "Internal"),
        ],
        logo=header.logo,
        styles=styles,
        width=width,
        fact_widths=[1.0, 2.6, 1.0, 0.8],
    )


def _summary(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    undecided = sum(1 for r in data.recommendations if r.decision_label == "Proposed")
    tiles = [
        (f"{len(data.input_activities):,}", "Listening activities"),
        (f"{data.participants:,}", "People heard"),
        (f"{len(data.themes):,}", "Themes"),
        (f"{sum(t.findings for t in data.themes):,}", "Findings"),
        (f"{len(data.problems):,}", "Candidate problems"),
        (f"{len(data.recommendations):,}", f"Recommendations ({undecided} awaiting a decision)"),
    ]
    return [*heading("Summary", styles), key_numbers(tiles, styles, width)]


def _input_by_theme(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    theme_rows = [
        [
            para(line.theme, styles.cell_bold),
            para(f"{line.findings:,}", styles.cell_right),
            para(f"{line.activities:,}", styles.cell_right),
        ]
        for line in data.themes
    ]
    activity_rows = [
        [
            cell(long_date(line.held_on), styles),
            cell(line.kind_label, styles),
            para(f"{line.participants:,}", styles.cell_right),
            cell(line.summary, styles),
        ]
        for line in data.input_activities
    ]
    themes = table_or_empty(
        ["Theme", "Findings", "Heard at (activities)"], theme_rows, [3.2, 1, 1.6], styles,
        width * 0.62, right_columns=[1, 2], empty="No findings have been recorded yet.",
    )  # fmt: skip
    themes.hAlign = "LEFT"
    return [
        *heading("Community input by theme", styles),
        themes,
        *subheading("Listening activities", styles),
        table_or_empty(
            ["Date", "Activity", "People", "Summary"],
            activity_rows,
            [1.3, 1.6, 0.8, 6.3],
            styles,
            width,
            right_columns=[2],
            empty="No community input has been recorded yet.",
        ),  # fmt: skip
    ]


def _findings(themes: tuple[ThemeLine, ...], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = heading("Findings", styles)
    if not themes:
        return [*story, *bullets((), styles, empty="No findings have been recorded yet.")]
    for line in themes:
        story += subheading(f"{line.theme} ({line.findings})", styles)
        story += bullets(line.texts, styles)
    return story


def _problems(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            para(f"{rank}", styles.cell_right),
            cell(problem.title, styles, detail=problem.area),
            *[
                para(str(score), styles.cell_right)
                for score in (
                    problem.impact,
                    problem.threat_to_life,
                    problem.community_interest,
                    problem.threat_to_rights,
                )
            ],
            markup(f"<b>{problem.score}</b>", styles.cell_right),
            cell(problem.status_label, styles, detail=f"{problem.phase_label} phase"),
        ]
        for rank, problem in enumerate(data.problems, start=1)
    ]
    return [
        *heading("Candidate problems, ranked by the priority worksheet", styles),
        para(
            "Each problem is scored 0 to 5 on the worksheet's four questions; the total ranks it.",
            styles.muted,
        ),
        Spacer(1, 5),
        table_or_empty(
            ["#", "Problem", *WORKSHEET, "Total", "Status"],
            rows,
            [0.4, 3.8, 0.9, 0.9, 1.1, 1.0, 0.7, 1.4],
            styles,
            width,
            right_columns=[0, 2, 3, 4, 5, 6],
            empty="No problems have been recorded yet.",
        ),  # fmt: skip
    ]


def _recommendations(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            para(f"{number}", styles.cell_right),
            cell(line.text, styles, detail=f"Theme: {line.theme}" if line.theme else ""),
            cell(long_date(line.delivered_on) or "Not yet delivered", styles),
            para(line.decision_label, styles.cell_bold),
            cell(line.owner, styles),
            cell(line.status_label, styles),
        ]
        for number, line in enumerate(data.recommendations, start=1)
    ]
    return [
        *heading("Recommendations to the department", styles),
        table_or_empty(
            ["#", "Recommendation", "Delivered", "Decision", "Owner", "Progress"],
            rows,
            [0.4, 4.6, 1.3, 1.1, 1.7, 1.1],
            styles,
            width,
            right_columns=[0],
            empty="No recommendations have been made yet.",
        ),  # fmt: skip
    ]
