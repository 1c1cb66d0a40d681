"""Cell values read back from the tracker, turned into field values or a reason why not."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from cs360desk.domain.enums import LabeledEnum
from cs360desk.domain.tracker import CellValue
from cs360desk.i18n import _

_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_NOTE_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*[:\-–—]\s*(.*)$", re.DOTALL)


class CellProblem(Exception):
    """A cell's value cannot be used; the message says why, in the user's words."""


class CellNotice(Exception):
    """A cell's edit is deliberately not imported; the message tells the user so."""


def is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_id(value: CellValue) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise CellProblem(
        _("{value} is not an ID (leave the ID empty for a new row)").format(value=repr(value))
    )


def as_text(value: CellValue) -> str:
    """Text exactly as typed; a number or date typed into a text column reads as shown."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_date(value: CellValue) -> date | None:
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        found = _US_DATE.match(text)
        if found:
            month, day, year = (int(part) for part in found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                pass
    raise CellProblem(
        _("{value} is not a date (type it like 2026-03-15)").format(value=repr(as_text(value)))
    )


def as_number(value: CellValue) -> float | None:
    if is_blank(value):
        return None
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            number = None
    if number is None or not math.isfinite(number):
        raise CellProblem(_("{value} is not a number").format(value=repr(as_text(value))))
    return number


def as_choice(value: CellValue, enum_class: type[LabeledEnum], unknown: str) -> LabeledEnum:
    """The member a cell names, by value or by label in any language a tracker is written
    in; else CellProblem with `unknown` (translated, with {value} and {choices} fields)."""
    if isinstance(value, str) and value.strip():
        try:
            return enum_class.parse(value)
        except ValueError:
            pass
    choices = ", ".join(member.label for member in enum_class)
    shown = as_text(value) or _("(empty)")
    raise CellProblem(unknown.format(value=repr(shown), choices=choices))


def split_note(text: str, today: date) -> tuple[date, str]:
    """ "2026-03-05: called the school" is a note of that day; any other text is today's."""
    found = _NOTE_DATE.match(text)
    if found:
        try:
            return date.fromisoformat(found.group(1)), found.group(2).strip()
        except ValueError:
            pass
    return today, text.strip()


def comparable(value: CellValue, *, folded: bool) -> object:
    """What two cells must share to count as the same: blank is blank, a date is its day."""
    if isinstance(value, str):  # most cells: tested first
        if not value.strip():
            return None
        return " ".join(value.split()).casefold() if folded else value
    if value is None:
        return None
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def same_cell(first: CellValue, second: CellValue, *, folded: bool = False) -> bool:
    # Equal values always compare the same; only differing ones need a closer look.
    return first == second or comparable(first, folded=folded) == comparable(second, folded=folded)
