"""The progress update's action items: done per month, the latest done, overdue, due next."""

from __future__ import annotations

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
from cs360desk.reports.pdf_blocks import Cell, cell, heading, subheading, table_or_empty
from cs360desk.reports.pdf_charts import month_bars
from cs360desk.reports.pdf_common import Styles, para

# A chart of two months says no more than the count in the heading above it.
CHART_MIN_MONTHS = 3
CHART_HEIGHT = 1.05 * inch
TRACKER_NOTE = "The Excel tracker lists every item."
PARTIAL_NOTE = "Paler bars: months only partly inside the period."


def action_items_section(data: ProgressReportData, styles: Styles, width: float) -> list[Flowable]:
    numbers = data.numbers
    as_of = min(data.period.end, data.header.prepared_on)
    done = [_row(line, styles, day=line.completed_on) for line in data.done]
    late = [
        _row(line, styles, day=line.due_on, late_as_of=as_of, status=True) for line in data.overdue
    ]
    due = [_row(line, styles, day=line.due_on, status=True) for line in data.due_next]
    return [
        *heading("Action items", styles),
        *subheading(f"Done in this period ({numbers.items_done:,})", styles),
        *_months(data.done_by_month, styles, width),
        table_or_empty(["Action item", "Owner", "Completed"], done, [6, 2.4, 1.4], styles, width),
        *_more(numbers.items_done, len(done), "most recently completed", styles),
        *subheading(f"Overdue, with owners ({numbers.items_overdue:,})", styles),
        *_owners(data.overdue_owners, data.header.public, styles, width),
        table_or_empty(
            ["Action item", "Owner", "Due", "Days late", "Status"],
            late,
            [4.9, 2.2, 1.4, 1.0, 1.3],
            styles,
            width,
            right_columns=[3],
            empty="Nothing is overdue.",
        ),  # fmt: skip
        *_more(numbers.items_overdue, len(late), "longest overdue", styles),
        *subheading(
            f"Due by {long_date(data.next_period_end)} ({numbers.items_due_next:,})", styles
        ),
        table_or_empty(
            ["Action item", "Owner", "Due", "Status"], due, [6, 2.4, 1.4, 1.2], styles, width
        ),
        *_more(numbers.items_due_next, len(due), "due soonest", styles),
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
        row.append(f"{(late_as_of - line.due_on).days:,}" if line.due_on else "")
    if status:
        row.append(line.status_label)
    return row


def _months(months: tuple[MonthCount, ...], styles: Styles, width: float) -> list[Flowable]:
    if len(months) < CHART_MIN_MONTHS or not any(month.done for month in months):
        return []
    story: list[Flowable] = [month_bars(months, width=width, height=CHART_HEIGHT)]
    if not all(month.whole for month in months):
        story += [Spacer(1, 3), para(PARTIAL_NOTE, styles.muted)]
    return [*story, Spacer(1, 8)]


def _more(total: int, listed: int, which: str, styles: Styles) -> list[Flowable]:
    """Says how much of a long list was left out, and where the rest is."""
    if total <= listed:
        return []
    return [
        Spacer(1, 3),
        para(f"The {listed:,} {which} of {total:,} are listed. {TRACKER_NOTE}", styles.muted),
    ]


def _owners(
    owners: tuple[OwnerLine, ...], public: bool, styles: Styles, width: float
) -> list[Flowable]:
    """Who owes the most, with a phone and e-mail to chase it (the internal edition only)."""
    if not owners:
        return []
    contacts = not public
    header = ["Owner", "Overdue", "Oldest due"] + (["Phone", "E-mail"] if contacts else [])
    fractions = [2.5, 0.9, 1.2] + ([1.4, 4.0] if contacts else [])
    rows = []
    for owner in owners[:LISTED_ITEMS]:
        row: list[Cell] = [
            para(owner.owner, styles.cell_bold),
            f"{owner.overdue:,}",
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
            para(
                f"And {_count(len(rest), 'more owner')} with {_count(items, 'overdue item')}.",
                styles.muted,
            ),
        ]
    return [*story, Spacer(1, 8)]


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
