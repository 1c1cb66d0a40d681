"""Table pieces the problem-solving pages share: linked action items, values with units."""

from __future__ import annotations

from collections.abc import Sequence

from cs360desk.domain.problem_views import LinkedActionItem
from cs360desk.domain.trend import number_text
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
        return "none"
    done = sum(1 for item in items if item.status.is_closed)
    late = sum(1 for item in items if item.overdue)
    said = f"{done} of {len(items)} done"
    return f"{said}, {late} overdue" if late else said


class LinkedItemTableModel(DtoTableModel[LinkedActionItem]):
    """Action items carrying out a recommendation or a response."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column("Action item", lambda i: i.title),
                Column("Owner", lambda i: i.owner_name or "(no owner)"),
                Column("Due", lambda i: format_date(i.due_on), lambda i: i.due_on),
                Column(
                    "Status",
                    lambda i: f"{i.status.label}, overdue" if i.overdue else i.status.label,
                ),
            )
        )
