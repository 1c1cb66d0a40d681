"""Table models of the History section: the change records and the fields of the chosen one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from cs360desk.domain.enums import ChangeAction
from cs360desk.services.history import ChangeEntry, FieldChange
from cs360desk.ui.common.table_models import Column, DtoTableModel

ACTION_WORDS = {
    ChangeAction.CREATE: "Added",
    ChangeAction.UPDATE: "Changed",
    ChangeAction.DELETE: "Deleted",
}
ARROW = " → "
SUMMARY_FIELDS = 3


def format_when(value: datetime, locale: QLocale | None = None) -> str:
    """Local date and clock time in the user's locale."""
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return (locale or QLocale()).toString(moment, QLocale.FormatType.ShortFormat)


def record_text(entry: ChangeEntry) -> str:
    kind = entry.kind.capitalize()
    named = kind if entry.record_id is None else f"{kind} {entry.record_id}"
    return f"{named}: {entry.title}" if entry.title else named


def changes_text(entry: ChangeEntry) -> str:
    """One line: "title: Officer → Sergeant" for updates, the field names otherwise."""
    if entry.action is ChangeAction.UPDATE:
        parts = [
            f"{f.label}: {f.old or '(empty)'}{ARROW}{f.new or '(empty)'}" for f in entry.fields
        ]
    else:
        parts = [f.label for f in entry.fields if f.field != "id"]
    shown = parts[:SUMMARY_FIELDS]
    more = len(parts) - len(shown)
    text = "; ".join(" ".join(part.split()) for part in shown)
    return f"{text} (+{more} more)" if more > 0 else text


class ChangeHistoryModel(DtoTableModel[ChangeEntry]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column("When", lambda e: format_when(e.at), lambda e: e.at),
                Column("Who", lambda e: e.who),
                Column("What", lambda e: ACTION_WORDS[e.action]),
                Column("Record", record_text),
                Column("Changes", changes_text),
            )
        )


class FieldChangeModel(DtoTableModel[FieldChange]):
    """The chosen change, one field a row: old value → new value, in full."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column("Field", lambda f: f.label),
                Column("Before", lambda f: f.old),
                Column("After", lambda f: f.new),
            )
        )
