"""One meeting on paper: the agenda members bring, the minutes they receive afterwards."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table, TableStyle

from cs360desk.domain.enums import PaperSize
from cs360desk.domain.report_data import (
    ActionLine,
    AgendaData,
    AgendaEntry,
    Attendees,
    MeetingHeading,
    MinutesData,
    long_date,
)
from cs360desk.i18n import _, formats, pgettext
from cs360desk.reports.pdf_blocks import (
    bullets,
    cell,
    empty_note,
    heading,
    masthead,
    table_or_empty,
)
from cs360desk.reports.pdf_common import (
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

# The attendance groups' labels: "Justificados (12)" needs more room than "Excused (12)".
LABEL_WIDTH = 1.35 * inch


def clock(moment: datetime) -> str:
    """ "6:30 PM" · "6:30 p.m.": the way US members read a meeting time, from CLDR."""
    return formats.clock_time(moment)


def write_agenda_pdf(
    data: AgendaData,
    path: Path | str,
    paper: PaperSize | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    paper = paper or data.meeting.paper
    styles, width = styles_and_text_width(paper)
    # "Overdue" means late today, or by the meeting when the agenda is reprinted afterwards.
    meeting_day = min(data.meeting.starts_at.date(), data.meeting.prepared_on)
    story = [
        *_masthead(_("Meeting Agenda"), data.meeting, styles, width),
        *heading(_("Agenda"), styles),
        _agenda_table(data.items, styles, width, with_notes=True),
        *heading(
            _("Open action items carried forward ({count})").format(
                count=formats.number(len(data.carried_forward))
            ),
            styles,
        ),
        _action_table(data.carried_forward, styles, width, meeting_day, _("No open action items.")),
    ]
    return _build(path, story, paper, _("Agenda"), data.meeting, progress)


def write_minutes_pdf(
    data: MinutesData,
    path: Path | str,
    paper: PaperSize | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    paper = paper or data.meeting.paper
    styles, width = styles_and_text_width(paper)
    decisions = [line.strip() for line in data.decisions.splitlines() if line.strip()]
    story = [
        *_masthead(_("Meeting Minutes"), data.meeting, styles, width),
        *heading(_("Attendance"), styles),
        _attendance(data.attendance, styles, width),
        *heading(_("Summary"), styles),
        para(data.summary, styles.body)
        if data.summary
        else empty_note(styles, _("No summary was recorded.")),
        *heading(_("Agenda items and notes"), styles),
        *_notes(data.items, styles),
        *heading(_("Decisions"), styles),
        *bullets(decisions, styles, empty=_("No decisions were recorded.")),
        *heading(
            _("New action items ({count})").format(count=formats.number(len(data.new_items))),
            styles,
        ),
        _action_table(
            data.new_items,
            styles,
            width,
            None,
            _("No action items were created at this meeting."),
        ),
    ]
    return _build(path, story, paper, _("Minutes"), data.meeting, progress)


def _build(
    path: Path | str,
    story: list[Flowable],
    paper: PaperSize,
    kind: str,
    meeting: MeetingHeading,
    progress: Progress | None,
) -> Path:
    when = long_date(meeting.starts_at.date())
    return build_pdf(
        path,
        story,
        paper,
        title=_("{kind}: {title}").format(kind=kind, title=meeting.title),
        author=meeting.agency_name,
        furniture=PageFurniture(
            left=f"{meeting.team_name} · {kind} · {meeting.title}",
            right=when,
            prepared=_("{agency} · {initiative} · printed on {date}").format(
                agency=meeting.agency_name,
                initiative=meeting.initiative_name,
                date=long_date(meeting.prepared_on),
            ),
        ),
        progress=progress,
    )


def _masthead(kind: str, meeting: MeetingHeading, styles: Styles, width: float) -> list[Flowable]:
    start = meeting.starts_at
    place = "\n".join(part for part in (meeting.location, meeting.video_link) if part)
    return masthead(
        kicker=" · ".join(p for p in (meeting.agency_name, meeting.team_name) if p),
        title=kind,
        subtitle=meeting.title,
        facts=[
            (_("Date"), formats.weekday_date(start.date())),
            (_("Time"), f"{clock(start)} – {clock(meeting.ends_at)}"),
            (_("Mode"), meeting.mode_label),
            (_("Place"), place or _("To be announced")),
            (_("Status"), meeting.status_label),
        ],
        logo=meeting.logo,
        styles=styles,
        width=width,
        fact_widths=[1.85, 1.35, 1.05, 2.35, 0.9],
    )


def _agenda_table(
    items: tuple[AgendaEntry, ...], styles: Styles, width: float, *, with_notes: bool
) -> Flowable:
    rows = [
        [
            para(f"{entry.position}.", styles.cell_right),
            cell(entry.title, styles, detail=entry.notes if with_notes else ""),
            cell(entry.presenter, styles),
        ]
        for entry in items
    ]
    headers = ["#", pgettext("agenda column", "Item"), _("Presenter")]
    return table_or_empty(
        headers, rows, [0.45, 7.0, 2.5], styles, width,
        right_columns=[0], empty=_("No agenda items yet."),
    )  # fmt: skip


def _due_status(line: ActionLine, meeting_day: date | None, styles: Styles) -> Flowable:
    """Items past due by the meeting day say so in red, in words, not colour alone."""
    if meeting_day is not None and line.due_on is not None and line.due_on < meeting_day:
        late = hex_colour(LATE)
        overdue = safe(pgettext("action item", "Overdue"))
        return markup(
            f"{safe(line.status_label)}<br/><font color='{late}'>{overdue}</font>", styles.cell
        )
    return cell(line.status_label, styles)


def _action_table(
    lines: tuple[ActionLine, ...],
    styles: Styles,
    width: float,
    meeting_day: date | None,
    empty: str,
) -> Flowable:
    rows = [
        [
            cell(line.title, styles),
            cell(line.owner, styles),
            cell(long_date(line.due_on) or _("No date"), styles),
            _due_status(line, meeting_day, styles),
        ]
        for line in lines
    ]
    return table_or_empty(
        [_("Action item"), _("Owner"), _("Due"), _("Status")], rows, [5.4, 2.4, 1.5, 1.4],
        styles, width, empty=empty,
    )  # fmt: skip


def _attendance(attendees: Attendees, styles: Styles, width: float) -> Flowable:
    groups = (
        (_("Present ({count})"), attendees.present),
        (_("Absent ({count})"), attendees.absent),
        (_("Excused ({count})"), attendees.excused),
        (_("Guests ({count})"), attendees.guests),
    )
    nobody = pgettext("attendees", "None")
    rows = [
        [
            para(label.format(count=formats.number(len(names))), styles.cell_bold),
            para(
                "; ".join(names) if names else nobody, styles.cell if names else styles.cell_muted
            ),
        ]
        for label, names in groups
    ]
    table = Table(rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.35, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _notes(items: tuple[AgendaEntry, ...], styles: Styles) -> list[Flowable]:
    """Each item with its notes; an item without notes is just its title, not a gap."""
    if not items:
        return [empty_note(styles, _("There was no agenda."))]
    grey = hex_colour(MUTED)
    story: list[Flowable] = []
    for entry in items:
        presenter = (
            f" <font color='{grey}'>({safe(entry.presenter)})</font>" if entry.presenter else ""
        )
        story.append(
            markup(f"<b>{entry.position}. {safe(entry.title)}</b>{presenter}", styles.body)
        )
        if entry.notes:
            story.append(para(entry.notes, styles.indented))
    if not any(entry.notes for entry in items):
        story.append(empty_note(styles, _("No notes were recorded.")))
    return story
