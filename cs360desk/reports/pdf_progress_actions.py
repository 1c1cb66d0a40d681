"""The progress update's action items: done per month, the latest done, overdue, due next."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from cs360desk.domain.report_data import (
    LISTED_ITEMS,
    ActionLine,
    MonthCount,
    OwnerLine,
    ProgressReportData,
    long_date,
)
from cs360desk.i18n import N_, _, formats, ngettext
from cs360desk.reports.pdf_blocks import Cell, cell, heading, subheading, table_or_empty
from cs360desk.reports.pdf_charts import month_bars
from cs360desk.reports.pdf_common import Styles, para

# A chart of two months says no more than the count in the heading above it.
CHART_MIN_MONTHS = 3
CHART_HEIGHT = 1.05 * inch
TRACKER_NOTE = N_("The Excel tracker lists every item.")
PARTIAL_NOTE = N_("Paler bars: months only partly inside the period.")


# Which of a long list's items are printed: "The 25 longest overdue of 175 are listed."
def _listed_done(listed: int) -> str:
    return ngettext(
        "The {listed} most recently completed of {total} is listed.",
        "The {listed} most recently completed of {total} are listed.",
        listed,
    )


def _listed_overdue(listed: int) -> str:
    return ngettext(
        "The {listed} longest overdue of {total} is listed.",
        "The {listed} longest overdue of {total} are listed.",
        listed,
    )


def _listed_due(listed: int) -> str:
    return ngettext(
        "The {listed} due soonest of {total} is listed.",
        "The {listed} due soonest of {total} are listed.",
        listed,
    )


def action_items_section(data: ProgressReportData, styles: Styles, width: float) -> list[Flowable]:
    numbers = data.numbers
    as_of = min(data.period.end, data.header.prepared_on)
    done = [_row(line, styles, day=line.completed_on) for line in data.done]
    late = [
        _row(line, styles, day=line.due_on, late_as_of=as_of, status=True) for line in data.overdue
    ]
    due = [_row(line, styles, day=line.due_on, status=True) for line in data.due_next]
    item, owner, due_on, status = _("Action item"), _("Owner"), _("Due"), _("Status")
    done_title = _("Done in this period ({count})").format(count=formats.number(numbers.items_done))
    overdue_title = _("Overdue, with owners ({count})").format(
        count=formats.number(numbers.items_overdue)
    )
    due_title = _("Due by {date} ({count})").format(
        date=long_date(data.next_period_end), count=formats.number(numbers.items_due_next)
    )
    return [
        *heading(_("Action items"), styles),
        *subheading(done_title, styles),
        *_months(data.done_by_month, styles, width),
        table_or_empty([item, owner, _("Completed")], done, [6, 2.4, 1.4], styles, width),
        *_more(numbers.items_done, len(done), _listed_done, styles),
        *subheading(overdue_title, styles),
        *_owners(data.overdue_owners, data.header.public, styles, width),
        table_or_empty(
            [item, owner, due_on, _("Days late"), status],
            late,
            [4.7, 2.2, 1.4, 1.1, 1.4],
            styles,
            width,
            right_columns=[3],
            empty=_("Nothing is overdue."),
        ),  # fmt: skip
        *_more(numbers.items_overdue, len(late), _listed_overdue, styles),
        *subheading(due_title, styles),
        table_or_empty([item, owner, due_on, status], due, [5.8, 2.4, 1.4, 1.4], styles, width),
        *_more(numbers.items_due_next, len(due), _listed_due, styles),
    ]


def _row(
    line: ActionLine,
    styles: Styles,
    *,
    day: date | None,
    late_as_of: date | None = None,
    status: bool = False,
) -> list[Cell]:
    """Title and owner wrap; the date, days late and status are short plain cells."""
    row: list[Cell] = [cell(line.title, styles), cell(line.owner, styles), long_date(day)]
    if late_as_of is not None:
        row.append(formats.number((late_as_of - line.due_on).days) if line.due_on else "")
    if status:
        row.append(line.status_label)
    return row


def _months(months: tuple[MonthCount, ...], styles: Styles, width: float) -> list[Flowable]:
    if len(months) < CHART_MIN_MONTHS or not any(month.done for month in months):
        return []
    story: list[Flowable] = [month_bars(months, width=width, height=CHART_HEIGHT)]
    if not all(month.whole for month in months):
        story += [Spacer(1, 3), para(_(PARTIAL_NOTE), styles.muted)]
    return [*story, Spacer(1, 8)]


def _more(
    total: int, listed: int, sentence: Callable[[int], str], styles: Styles
) -> list[Flowable]:
    """Says how much of a long list was left out, and where the rest is."""
    if total <= listed:
        return []
    shown = sentence(listed).format(listed=formats.number(listed), total=formats.number(total))
    return [Spacer(1, 3), para(f"{shown} {_(TRACKER_NOTE)}", styles.muted)]


def _owners(
    owners: tuple[OwnerLine, ...], public: bool, styles: Styles, width: float
) -> list[Flowable]:
    """Who owes the most, with a phone and e-mail to chase it (the internal edition only)."""
    if not owners:
        return []
    contacts = not public
    header = [_("Owner"), _("Overdue"), _("Oldest due")]
    header += [_("Phone"), _("E-mail")] if contacts else []
    fractions = [2.5, 1.0, 1.3] + ([1.4, 3.8] if contacts else [])
    rows = []
    for owner in owners[:LISTED_ITEMS]:
        row: list[Cell] = [
            para(owner.owner, styles.cell_bold),
            formats.number(owner.overdue),
            long_date(owner.oldest_due),
        ]
        if contacts:
            # Addresses are long and unbroken: a size smaller keeps each on one line.
            row += [cell(owner.phone, styles), para(owner.email, styles.cell_small)]
        rows.append(row)
    # Without the contact columns a full-width table would be mostly air.
    table_width = width if contacts else width * 0.6
    table = table_or_empty(header, rows, fractions, styles, table_width, right_columns=[1])
    table.hAlign = "LEFT"
    story: list[Flowable] = [table]
    rest = owners[LISTED_ITEMS:]
    if rest:
        items = sum(owner.overdue for owner in rest)
        story += [
            Spacer(1, 3),
            para(_rest_note(len(rest), items), styles.muted),
        ]
    return [*story, Spacer(1, 8)]


def _rest_note(owners: int, items: int) -> str:
    """ "And 5 more owners with 160 overdue items." Each owner has an item or more, so one
    owner may have one item or many, and several owners always have several items."""
    if owners == 1:
        sentence = ngettext(
            "And {owners} more owner with {n} overdue item.",
            "And {owners} more owner with {n} overdue items.",
            items,
        )
    else:
        sentence = ngettext(
            "And {owners} more owner with {n} overdue items.",
            "And {owners} more owners with {n} overdue items.",
            owners,
        )
    return sentence.format(owners=formats.number(owners), n=formats.number(items))
