"""The scanning report as a PDF: community input by theme, problems ranked, recommendations."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from cs360desk.domain.enums import Decision, PaperSize
from cs360desk.domain.report_data import ReportHeader, ScanningReportData, ThemeLine, long_date
from cs360desk.i18n import N_, _, formats
from cs360desk.reports.pdf_blocks import (
    bullets,
    cell,
    edition_label,
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
from cs360desk.reports.pdf_progress_sections import activity_table

# The priority worksheet's four questions, in the order the team scores them.
WORKSHEET = (
    N_("Impact"),
    N_("Threat to life"),
    N_("Community interest"),
    N_("Threat to rights"),
)


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
        title=_("Scanning report: {initiative}").format(initiative=header.initiative_name),
        author=header.agency_name,
        furniture=PageFurniture(
            left=_("{agency} · CS360 scanning report · {initiative}").format(
                agency=header.agency_name, initiative=header.initiative_name
            ),
            right=_("Public edition") if header.public else edition_label(False),
            prepared=_("Prepared by {person} on {date}").format(
                person=header.prepared_by or "—", date=long_date(header.prepared_on)
            ),
        ),
        progress=progress,
    )


def _masthead(header: ReportHeader, styles: Styles, width: float) -> list[Flowable]:
    return masthead(
        kicker=" · ".join(p for p in (header.agency_name, header.jurisdiction) if p),
        title=_("CS360 Scanning Report"),
        subtitle=header.initiative_name,
        facts=[
            (_("Stage"), header.stage_label),
            (_("Prepared by"), header.prepared_by or "—"),
            (_("Issued"), long_date(header.prepared_on)),
            (_("Edition"), edition_label(header.public)),
        ],
        logo=header.logo,
        styles=styles,
        width=width,
        fact_widths=[1.0, 2.6, 1.0, 0.8],
    )


def _summary(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    # The labels were read in the report's language, like the one compared with here.
    proposed = Decision.PROPOSED.label
    undecided = sum(1 for r in data.recommendations if r.decision_label == proposed)
    number = formats.number
    tiles = [
        (number(len(data.input_activities)), _("Listening activities")),
        (number(data.participants), _("People heard")),
        (number(len(data.themes)), _("Themes")),
        (number(sum(t.findings for t in data.themes)), _("Findings")),
        (number(len(data.problems)), _("Candidate problems")),
        (
            number(len(data.recommendations)),
            _("Recommendations ({n} awaiting a decision)").format(n=number(undecided)),
        ),
    ]
    return [*heading(_("Summary"), styles), key_numbers(tiles, styles, width)]


def _input_by_theme(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    theme_rows = [
        [
            para(line.theme, styles.cell_bold),
            para(formats.number(line.findings), styles.cell_right),
            para(formats.number(line.activities), styles.cell_right),
        ]
        for line in data.themes
    ]
    themes = table_or_empty(
        [_("Theme"), _("Findings"), _("Heard at (activities)")], theme_rows, [3.0, 1.1, 1.7],
        styles, width * 0.62, right_columns=[1, 2],
        empty=_("No findings have been recorded yet."),
    )  # fmt: skip
    themes.hAlign = "LEFT"
    return [
        *heading(_("Community input by theme"), styles),
        themes,
        *subheading(_("Listening activities"), styles),
        activity_table(
            data.input_activities,
            styles,
            width,
            [1.3, 1.6, 1.0, 6.1],
            empty=_("No community input has been recorded yet."),
        ),
    ]


def _findings(themes: tuple[ThemeLine, ...], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = heading(_("Findings"), styles)
    if not themes:
        return [*story, *bullets((), styles, empty=_("No findings have been recorded yet."))]
    for line in themes:
        story += subheading(f"{line.theme} ({formats.number(line.findings)})", styles)
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
            cell(
                problem.status_label,
                styles,
                detail=_("{phase} phase").format(phase=problem.phase_label),
            ),
        ]
        for rank, problem in enumerate(data.problems, start=1)
    ]
    return [
        *heading(_("Candidate problems, ranked by the priority worksheet"), styles),
        para(
            _(
                "Each problem is scored 0 to 5 on the worksheet's four questions; "
                "the total ranks it."
            ),
            styles.muted,
        ),
        Spacer(1, 5),
        table_or_empty(
            ["#", _("Problem"), *[_(question) for question in WORKSHEET], _("Total"), _("Status")],
            rows,
            [0.4, 3.4, 1.0, 1.0, 1.2, 1.0, 0.7, 1.4],
            styles,
            width,
            right_columns=[0, 2, 3, 4, 5, 6],
            empty=_("No problems have been recorded yet."),
        ),  # fmt: skip
    ]


def _recommendations(data: ScanningReportData, styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            para(f"{number}", styles.cell_right),
            cell(
                line.text,
                styles,
                detail=_("Theme: {theme}").format(theme=line.theme) if line.theme else "",
            ),
            cell(long_date(line.delivered_on) or _("Not yet delivered"), styles),
            para(line.decision_label, styles.cell_bold),
            cell(line.owner, styles),
            cell(line.status_label, styles),
        ]
        for number, line in enumerate(data.recommendations, start=1)
    ]
    return [
        *heading(_("Recommendations to the department"), styles),
        table_or_empty(
            [
                "#",
                _("Recommendation"),
                _("Delivered"),
                _("Decision"),
                _("Owner"),
                _("Progress"),
            ],
            rows,
            [0.4, 4.4, 1.3, 1.2, 1.7, 1.2],
            styles,
            width,
            right_columns=[0],
            empty=_("No recommendations have been made yet."),
        ),  # fmt: skip
    ]
