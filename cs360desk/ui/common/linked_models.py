"""Table pieces the problem-solving pages share: linked action items, values with units."""

from __future__ import annotations

from collections.abc import Sequence

from cs360desk.domain.problem_views import LinkedActionItem
from cs360desk.domain.trend import number_text
from cs360desk.i18n import N_, _, ngettext, pgettext
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.table_models import Column, DtoTableModel


def one_line(text: str) -> str:
    """Multi-line user text in a table cell: the lines joined, the whole in the tooltip."""
    return " ".join(text.split())


def value_text(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    number = number_text(value)
    if not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def items_text(items: Sequence[LinkedActionItem]) -> str:
    """How far the action items behind something have got: "2 of 3 done, 1 overdue"."""
    if not items:
        return pgettext("action items", "none")
    done = sum(1 for item in items if item.status.is_closed)
    late = sum(1 for item in items if item.overdue)
    total = len(items)
    if late:
        return ngettext(
            "{done} of {total} done, {late} overdue",
            "{done} of {total} done, {late} overdue",
            late,
        ).format(done=done, total=total, late=late)
    return ngettext("{done} of {total} done", "{done} of {total} done", done).format(
        done=done, total=total
    )


def status_text(item: LinkedActionItem) -> str:
    """ "Open", or "Open, overdue" for an item past its due date."""
    if item.overdue:
        return _("{status}, overdue").format(status=item.status.label)
    return item.status.label


class LinkedItemTableModel(DtoTableModel[LinkedActionItem]):
    """Action items carrying out a recommendation or a response."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Action item"), lambda i: i.title),
                Column(N_("Owner"), lambda i: i.owner_name or _("(no owner)")),
                Column(N_("Due"), lambda i: format_date(i.due_on), lambda i: i.due_on),
                Column(N_("Status"), status_text),
            )
        )
