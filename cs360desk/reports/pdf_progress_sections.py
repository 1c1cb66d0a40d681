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
from cs360desk.i18n import _, count_of, formats, ngettext
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
    end = long_date(line.ends_on) or _("ongoing")
    return f"{start} – {end}"


def responses_section(
    responses: tuple[ResponseLine, ...], styles: Styles, width: float
) -> list[Flowable]:
    """One table per problem, so a shared problem title is printed once, not on every row."""
    story: list[Flowable] = heading(_("Responses"), styles)
    if not responses:
        return [*story, empty_note(styles, _("No responses have been planned yet."))]
    problems: dict[str, list[ResponseLine]] = {}
    for line in responses:
        problems.setdefault(line.problem_title, []).append(line)
    problem_label = _("Problem:")
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
            markup(f"<b>{safe(problem_label)}</b> {safe(problem)}", styles.small),
            Spacer(1, 4),
            data_table(
                [_("Response"), _("Lead"), _("Status"), _("Dates")],
                rows,
                [4.4, 2.0, 1.3, 2.3],
                styles,
                width,
            ),
            Spacer(1, 8),
        ]
    return story


def _attendance(meeting: HeldMeeting) -> str:
    """ "5 present, 1 absent, 2 guests": the counts that are not zero, present always."""
    parts = [ngettext("{n} present", "{n} present", meeting.present).format(n=meeting.present)]
    if meeting.absent:
        parts.append(ngettext("{n} absent", "{n} absent", meeting.absent).format(n=meeting.absent))
    if meeting.excused:
        parts.append(
            ngettext("{n} excused", "{n} excused", meeting.excused).format(n=meeting.excused)
        )
    if meeting.guests:
        parts.append(count_of(meeting.guests, "{n} guest", "{n} guests"))
    return ", ".join(parts)


def meetings_section(
    meetings: tuple[HeldMeeting, ...], styles: Styles, width: float
) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [
            long_date(meeting.held_on),
            cell(meeting.title, styles, detail=meeting.team_name),
            cell(_attendance(meeting), styles),  # wraps: longer in some languages
        ]
        for meeting in meetings
    ]
    decided = [meeting for meeting in meetings if meeting.decisions]
    story: list[Flowable] = [
        *heading(_("Meetings held"), styles),
        table_or_empty(
            [_("Date"), _("Meeting"), _("Attendance")], rows, [1.5, 5.2, 3.3], styles, width
        ),
    ]
    if meetings:
        story += subheading(_("Key decisions"), styles)
        story += [
            Paragraph(
                f"<b>{safe(long_date(meeting.held_on))}, {safe(meeting.title)}:</b> "
                f"{safe(meeting.decisions)}",
                styles.bullet,
                bulletText="•",
            )
            for meeting in decided
        ] or bullets((), styles, empty=_("No decisions were recorded."))
    return story


def community_section(
    activities: tuple[InputLine, ...],
    themes: tuple[ThemeLine, ...],
    styles: Styles,
    width: float,
    *,
    title: str | None = None,
) -> list[Flowable]:
    story: list[Flowable] = [
        *heading(_("Community input") if title is None else title, styles),
        activity_table(activities, styles, width, [1.4, 1.6, 1.0, 6.0]),
    ]
    if activities:
        story += [Spacer(1, 6), *theme_table(themes, styles, width)]
    return story


def activity_table(
    activities: tuple[InputLine, ...],
    styles: Styles,
    width: float,
    fractions: list[float],
    *,
    empty: str | None = None,
) -> Flowable:
    """The listening activities, one a row: the day, the kind, how many came, the summary."""
    rows = [
        [
            cell(long_date(line.held_on), styles),
            cell(line.kind_label, styles),
            para(formats.number(line.participants), styles.cell_right),
            cell(line.summary, styles),
        ]
        for line in activities
    ]
    return table_or_empty(
        [_("Date"), _("Activity"), _("People"), _("Summary")],
        rows,
        fractions,
        styles,
        width,
        empty=empty,
        right_columns=[2],
    )


def theme_table(themes: tuple[ThemeLine, ...], styles: Styles, width: float) -> list[Flowable]:
    rows = [
        [
            para(line.theme, styles.cell_bold),
            para(formats.number(line.findings), styles.cell_right),
            para(formats.number(line.activities), styles.cell_right),
            cell(line.texts[0] if line.texts else "", styles),
        ]
        for line in themes
    ]
    return [
        *subheading(_("What we heard, by theme"), styles),
        table_or_empty(
            [_("Theme"), _("Findings"), _("Activities"), _("For example")],
            rows,
            [2.2, 1.0, 1.0, 5.8],
            styles,
            width,
            right_columns=[1, 2],
            empty=_("No findings were recorded."),
        ),  # fmt: skip
    ]


def communications_section(
    communications: tuple[CommunicationLine, ...], styles: Styles, width: float
) -> list[Flowable]:
    rows = [
        [
            cell(long_date(line.posted_on), styles),
            cell(
                line.channel_label,
                styles,
                detail=_("for {audience}").format(audience=line.audience_label.lower()),
            ),
            cell(line.text, styles),
        ]
        for line in communications
    ]
    return [
        *heading(_("Communications posted"), styles),
        table_or_empty(
            [_("Posted"), _("Channel"), _("Message")], rows, [1.4, 1.8, 6.8], styles, width
        ),
    ]
