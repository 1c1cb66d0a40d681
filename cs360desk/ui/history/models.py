"""Table models of the History section: the change records and the fields of the chosen one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

from cs360desk.domain.enums import NC_, ChangeAction
from cs360desk.i18n import N_, _, ngettext
from cs360desk.services.history import ChangeEntry, FieldChange
from cs360desk.ui.common import formatting
from cs360desk.ui.common.marked import shown
from cs360desk.ui.common.table_models import Column, DtoTableModel

# What happened to the record, marked with N_(): translate where shown (`action_word`).
ACTION_WORDS = {
    ChangeAction.CREATE: NC_("history action", "Added"),
    ChangeAction.UPDATE: NC_("history action", "Changed"),
    ChangeAction.DELETE: NC_("history action", "Deleted"),
}
ARROW = " → "
SUMMARY_FIELDS = 3

# How users call the rows of each table, as the services name them ("action item").
KIND_NAMES: dict[str, tuple[str, str]] = {
    "action item": NC_("record kind", "action item"),
    "action item update": NC_("record kind", "action item update"),
    "agency": NC_("record kind", "agency"),
    "agenda item": NC_("record kind", "agenda item"),
    "attendance": NC_("record kind", "attendance"),
    "change record": NC_("record kind", "change record"),
    "communication": NC_("record kind", "communication"),
    "finding": NC_("record kind", "finding"),
    "goal": NC_("record kind", "goal"),
    "initiative": NC_("record kind", "initiative"),
    "input activity": NC_("record kind", "input activity"),
    "measure": NC_("record kind", "measure"),
    "measurement": NC_("record kind", "measurement"),
    "meeting": NC_("record kind", "meeting"),
    "membership": NC_("record kind", "membership"),
    "organization": NC_("record kind", "organization"),
    "person": NC_("record kind", "person"),
    "problem": NC_("record kind", "problem"),
    "recommendation": NC_("record kind", "recommendation"),
    "recommendation action item": NC_("record kind", "recommendation action item"),
    "report issued": NC_("record kind", "report issued"),
    "response": NC_("record kind", "response"),
    "stage change": NC_("record kind", "stage change"),
    "team": NC_("record kind", "team"),
}
KIND_COUNTS: dict[str, Callable[[int], str]] = {
    "action item": lambda n: ngettext("{n} action item", "{n} action items", n),
    "action item update": lambda n: ngettext(
        "{n} action item update", "{n} action item updates", n
    ),
    "agency": lambda n: ngettext("{n} agency", "{n} agencies", n),
    "agenda item": lambda n: ngettext("{n} agenda item", "{n} agenda items", n),
    "attendance": lambda n: ngettext("{n} attendance", "{n} attendances", n),
    "communication": lambda n: ngettext("{n} communication", "{n} communications", n),
    "finding": lambda n: ngettext("{n} finding", "{n} findings", n),
    "goal": lambda n: ngettext("{n} goal", "{n} goals", n),
    "initiative": lambda n: ngettext("{n} initiative", "{n} initiatives", n),
    "input activity": lambda n: ngettext("{n} input activity", "{n} input activities", n),
    "measure": lambda n: ngettext("{n} measure", "{n} measures", n),
    "measurement": lambda n: ngettext("{n} measurement", "{n} measurements", n),
    "meeting": lambda n: ngettext("{n} meeting", "{n} meetings", n),
    "membership": lambda n: ngettext("{n} membership", "{n} memberships", n),
    "organization": lambda n: ngettext("{n} organization", "{n} organizations", n),
    "person": lambda n: ngettext("{n} person", "{n} people", n),
    "problem": lambda n: ngettext("{n} problem", "{n} problems", n),
    "recommendation": lambda n: ngettext("{n} recommendation", "{n} recommendations", n),
    "recommendation action item": lambda n: ngettext(
        "{n} recommendation action item", "{n} recommendation action items", n
    ),
    "report issued": lambda n: ngettext("{n} report issued", "{n} reports issued", n),
    "response": lambda n: ngettext("{n} response", "{n} responses", n),
    "stage change": lambda n: ngettext("{n} stage change", "{n} stage changes", n),
    "team": lambda n: ngettext("{n} team", "{n} teams", n),
}


def action_word(action: ChangeAction) -> str:
    return shown(ACTION_WORDS[action])


def kind_name(kind: str) -> str:
    """A kind of record ("action item") in the current language; unknown ones as they are."""
    marked = KIND_NAMES.get(kind)
    return shown(marked) if marked else kind


def kind_count(kind: str, count: int) -> str:
    """ "2 agenda items": how many records of a kind, in the current language."""
    said = KIND_COUNTS.get(kind)
    if said is None:
        return _("{kind}: {n}").format(kind=kind, n=count)
    return said(count).format(n=count)


def format_when(value: datetime, locale: QLocale | None = None) -> str:
    """Local date and clock time in the screens' language; a `locale` given writes Qt's way."""
    if locale is None:
        return formatting.format_when(value)
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def record_text(entry: ChangeEntry) -> str:
    kind = kind_name(entry.kind).capitalize()
    named = kind if entry.record_id is None else f"{kind} {entry.record_id}"
    return f"{named}: {entry.title}" if entry.title else named


def changes_text(entry: ChangeEntry) -> str:
    """One line: "title: Officer → Sergeant" for updates, the field names otherwise."""
    if entry.action is ChangeAction.UPDATE:
        empty = _("(empty)")
        parts = [f"{f.label}: {f.old or empty}{ARROW}{f.new or empty}" for f in entry.fields]
    else:
        parts = [f.label for f in entry.fields if f.field != "id"]
    shown_parts = parts[:SUMMARY_FIELDS]
    more = len(parts) - len(shown_parts)
    text = "; ".join(" ".join(part.split()) for part in shown_parts)
    if more > 0:
        return ngettext("{text} (+{n} more)", "{text} (+{n} more)", more).format(text=text, n=more)
    return text


class ChangeHistoryModel(DtoTableModel[ChangeEntry]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("When"), lambda e: format_when(e.at), lambda e: e.at),
                Column(N_("Who"), lambda e: e.who),
                Column(N_("What"), lambda e: action_word(e.action)),
                Column(N_("Record"), record_text),
                Column(N_("Changes"), changes_text),
            )
        )


class FieldChangeModel(DtoTableModel[FieldChange]):
    """The chosen change, one field a row: old value → new value, in full."""

    def __init__(self) -> None:
        super().__init__(
            (
                Column(N_("Field"), lambda f: f.label),
                Column(N_("Before"), lambda f: f.old),
                Column(N_("After"), lambda f: f.new),
            )
        )
