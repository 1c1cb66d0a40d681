"""The Excel tracker as plain data: sheets to write, rows read back, and the import preview."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import NC_, LabeledEnum
from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import (
    ENGLISH,
    LANGUAGES,
    N_,
    PSEUDO,
    _,
    language,
    ngettext,
    npgettext,
    pgettext,
)

CellValue = str | int | float | date | datetime | None

ACTION_ITEMS = "Action Items"
MEETINGS = "Meetings"
ATTENDANCE = "Attendance"
PEOPLE = "People"
TEAMS = "Teams"
MEASURES = "Measures"
MEASUREMENTS = "Measurements"
COMMUNICATIONS = "Communications"
README = "README"
LISTS = "Lists"
# Hidden copies of the editable sheets as exported: they tell an edit in Excel apart from a
# change made in the app since the export, so neither silently overwrites the other.
SNAPSHOT_SUFFIX = " (as exported)"

ACTION_ITEM_HEADERS = (
    "ID", "Title", "Status", "Owner", "Due", "Priority",
    "Problem", "Team", "Meeting", "Details", "Last update",
)  # fmt: skip
MEASUREMENT_HEADERS = ("ID", "Measure", "Period end", "Value", "Note")
REQUIRED_HEADERS: Mapping[str, tuple[str, ...]] = {
    ACTION_ITEMS: ("ID", "Title", "Status"),
    MEASUREMENTS: ("ID", "Measure", "Period end", "Value"),
}
IMPORTED_SHEETS = (ACTION_ITEMS, MEASUREMENTS)
# README rows the importer reads back: which initiative and workspace the file belongs to.
INITIATIVE_KEY = "Initiative ID"
WORKSPACE_KEY = "Workspace"
EXCEL_CELL_LIMIT = 32_767
_TRUNCATION_MARK = " […]"
# Every language a tracker may come back in; the pseudo-language stands in for a new one.
READ_LANGUAGES: tuple[str, ...] = (ENGLISH, *(code for code in LANGUAGES if code != ENGLISH))
READ_LANGUAGES += (PSEUDO,)

# The canonical (English) names above are the keys the code uses; the file shows them in
# the language it is written in, read with pgettext where they are written or matched.
_SHEET_TITLES: Mapping[str, tuple[str, str]] = {
    ACTION_ITEMS: NC_("tracker sheet", "Action Items"),
    MEETINGS: NC_("tracker sheet", "Meetings"),
    ATTENDANCE: NC_("tracker sheet", "Attendance"),
    PEOPLE: NC_("tracker sheet", "People"),
    TEAMS: NC_("tracker sheet", "Teams"),
    MEASURES: NC_("tracker sheet", "Measures"),
    MEASUREMENTS: NC_("tracker sheet", "Measurements"),
    COMMUNICATIONS: NC_("tracker sheet", "Communications"),
    README: NC_("tracker sheet", "README"),
    LISTS: NC_("tracker sheet", "Lists"),
}
_COLUMN_HEADERS: Mapping[str, tuple[str, str]] = {
    "ID": NC_("tracker column", "ID"),
    "Title": NC_("tracker column", "Title"),
    "Status": NC_("tracker column", "Status"),
    "Owner": NC_("tracker column", "Owner"),
    "Due": NC_("tracker column", "Due"),
    "Priority": NC_("tracker column", "Priority"),
    "Problem": NC_("tracker column", "Problem"),
    "Team": NC_("tracker column", "Team"),
    "Meeting": NC_("tracker column", "Meeting"),
    "Details": NC_("tracker column", "Details"),
    "Last update": NC_("tracker column", "Last update"),
    "Measure": NC_("tracker column", "Measure"),
    "Period end": NC_("tracker column", "Period end"),
    "Value": NC_("tracker column", "Value"),
    "Note": NC_("tracker column", "Note"),
    "Starts": NC_("tracker column", "Starts"),
    # NOTE: how long the meeting lasts, in minutes (not the minutes of a meeting).
    "Minutes": NC_("tracker column", "Minutes"),
    "Mode": NC_("tracker column", "Mode"),
    "Location": NC_("tracker column", "Location"),
    "Video link": NC_("tracker column", "Video link"),
    "Decisions": NC_("tracker column", "Decisions"),
    "Meeting ID": NC_("tracker column", "Meeting ID"),
    "Person": NC_("tracker column", "Person"),
    "Name": NC_("tracker column", "Name"),
    "Organization": NC_("tracker column", "Organization"),
    "Affiliation": NC_("tracker column", "Affiliation"),
    "Phone": NC_("tracker column", "Phone"),
    "E-mail": NC_("tracker column", "E-mail"),
    "Active": NC_("tracker column", "Active"),
    "Kind": NC_("tracker column", "Kind"),
    "Cadence": NC_("tracker column", "Cadence"),
    "Members": NC_("tracker column", "Members"),
    "Goal": NC_("tracker column", "Goal"),
    "Unit": NC_("tracker column", "Unit"),
    "Direction": NC_("tracker column", "Direction"),
    "Baseline": NC_("tracker column", "Baseline"),
    "Baseline period": NC_("tracker column", "Baseline period"),
    "Target": NC_("tracker column", "Target"),
    "Target date": NC_("tracker column", "Target date"),
    "Frequency": NC_("tracker column", "Frequency"),
    "Latest value": NC_("tracker column", "Latest value"),
    "Latest period end": NC_("tracker column", "Latest period end"),
    "Channel": NC_("tracker column", "Channel"),
    "Audience": NC_("tracker column", "Audience"),
    "Planned": NC_("tracker column", "Planned"),
    "Posted": NC_("tracker column", "Posted"),
    "Text": NC_("tracker column", "Text"),
}
# The same English header meaning something else on one sheet.
_SHEET_COLUMN_HEADERS: Mapping[tuple[str, str], tuple[str, str]] = {
    (PEOPLE, "Title"): NC_("tracker column, a person's job title", "Title"),
}
_README_KEYS: Mapping[str, tuple[str, str]] = {
    INITIATIVE_KEY: NC_("tracker readme", "Initiative ID"),
    WORKSPACE_KEY: NC_("tracker readme", "Workspace"),
}
# Excel refuses these characters in a sheet name, and names longer than 31 characters.
_NOT_IN_SHEET_NAMES = str.maketrans(
    {"[": "(", "]": ")", ":": "-", "/": "-", "\\": "-", "?": None, "*": None}
)
SHEET_NAME_LIMIT = 31


def _sheet_name(text: str) -> str:
    return text.translate(_NOT_IN_SHEET_NAMES).strip().strip("'")[:SHEET_NAME_LIMIT]


def sheet_title(name: str) -> str:
    """The name of a tracker sheet as Excel shows it, in the current language."""
    found = _SHEET_TITLES.get(name)
    return _sheet_name(pgettext(*found) if found else name)


def snapshot_title(name: str) -> str:
    """The hidden copy of an editable sheet as exported, in the current language."""
    context, sheet = _SHEET_TITLES.get(name, ("tracker sheet", name))
    # NOTE: the name of a hidden sheet; Excel allows at most 31 characters in all.
    text = pgettext("tracker sheet", "{sheet} (as exported)")
    return _sheet_name(text.format(sheet=pgettext(context, sheet)))


def column_header(header: str, sheet: str | None = None) -> str:
    """A column's header as the file and the import preview show it, in the current language."""
    if not header:
        return header
    found = _SHEET_COLUMN_HEADERS.get((sheet, header)) if sheet else None
    found = found or _COLUMN_HEADERS.get(header)
    return pgettext(*found) if found else header


def readme_key(key: str) -> str:
    """A fact of the README sheet the importer reads back, in the current language."""
    found = _README_KEYS.get(key)
    return pgettext(*found) if found else key


def in_every_language(text: Callable[[], str]) -> tuple[str, ...]:
    """`text()` in every language a returned tracker may be in: English first."""
    found: list[str] = []
    for code in READ_LANGUAGES:
        with language(code):
            shown = text()
        if shown not in found:
            found.append(shown)
    return tuple(found)


class ColumnKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    ID = "id"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class TrackerColumn:
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    # The name of a ChoiceList offered as a drop-down in this column, if any.
    choices: str | None = None


@dataclass(frozen=True)
class TrackerSheet:
    title: str
    columns: tuple[TrackerColumn, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    # Editable sheets are imported back; the writer adds their hidden snapshot.
    editable: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)


@dataclass(frozen=True)
class ChoiceList:
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class TrackerData:
    agency_name: str
    initiative_id: int
    initiative_name: str
    workspace_key: str
    exported_on: date
    sheets: tuple[TrackerSheet, ...]
    lists: tuple[ChoiceList, ...]
    # Status labels after which an item can no longer be overdue (for the highlighting rule).
    closed_statuses: tuple[str, ...]

    def sheet(self, title: str) -> TrackerSheet:
        return next(sheet for sheet in self.sheets if sheet.title == title)


@dataclass(frozen=True)
class ParsedCell:
    """One cell read back; `problem` says why its value cannot be used (a formula, an error)."""

    ref: str
    value: CellValue
    problem: str | None = None


@dataclass(frozen=True)
class ParsedRow:
    number: int
    cells: Mapping[str, ParsedCell]

    def get(self, header: str) -> ParsedCell | None:
        return self.cells.get(header)


@dataclass(frozen=True)
class ParsedSheet:
    title: str
    # Canonical header -> column letter, wherever the user moved the column to.
    columns: Mapping[str, str]
    rows: tuple[ParsedRow, ...]


@dataclass(frozen=True)
class ParsedTracker:
    file_name: str
    properties: Mapping[str, str]
    sheets: Mapping[str, ParsedSheet]
    # The language the file was written in, told by its sheet names: labels read back
    # (statuses, priorities) are compared with the workspace's in that language.
    language: str = ENGLISH


class RowStatus(LabeledEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


# What an import row's outcome is called in the preview and on the command line.
_ROW_STATUS_WORDS: Mapping[RowStatus, tuple[str, str]] = {
    RowStatus.NEW: NC_("import row", "New"),
    RowStatus.CHANGED: NC_("import row", "Changed"),
    RowStatus.UNCHANGED: NC_("import row", "Unchanged"),
    RowStatus.ERROR: NC_("import row", "⚠ Error"),
}


def row_status_word(status: RowStatus) -> str:
    return pgettext(*_ROW_STATUS_WORDS[status])


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class RowProblem:
    column: str
    ref: str
    reason: str

    def describe(self) -> str:
        column = column_header(self.column)
        if column and self.ref:
            return _("{column} ({cell}): {reason}").format(
                column=column, cell=self.ref, reason=self.reason
            )
        if column:
            return _("{column}: {reason}").format(column=column, reason=self.reason)
        return self.reason


@dataclass(frozen=True)
class RowOutcome:
    sheet: str
    row: int
    record_id: int | None
    label: str
    status: RowStatus
    changes: tuple[FieldChange, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    initiative_id: int
    initiative_name: str
    rows: tuple[RowOutcome, ...]
    notes: tuple[str, ...] = ()

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def has_errors(self) -> bool:
        return any(row.status is RowStatus.ERROR for row in self.rows)

    @property
    def has_changes(self) -> bool:
        return any(row.status in (RowStatus.NEW, RowStatus.CHANGED) for row in self.rows)

    def summary(self) -> str:
        new, changed = self.count(RowStatus.NEW), self.count(RowStatus.CHANGED)
        unchanged, errors = self.count(RowStatus.UNCHANGED), self.count(RowStatus.ERROR)
        parts = (
            npgettext("tracker import rows", "{n} new", "{n} new", new).format(n=new),
            npgettext("tracker import rows", "{n} changed", "{n} changed", changed).format(
                n=changed
            ),
            npgettext("tracker import rows", "{n} unchanged", "{n} unchanged", unchanged).format(
                n=unchanged
            ),
            npgettext("tracker import rows", "{n} error", "{n} errors", errors).format(n=errors),
        )
        return ", ".join(parts)


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    applied: int
    skipped: int
    edit: Edit = field(default_factory=lambda: Edit(N_("Import tracker"), ()))


class TrackerFileError(UserFacingError):
    """The file cannot be read as a tracker at all; nothing was read into the workspace."""


class ImportBlockedError(UserFacingError):
    """Rows have errors and the user did not choose to skip them; nothing was applied."""

    def __init__(self, preview: ImportPreview) -> None:
        errors = preview.count(RowStatus.ERROR)
        super().__init__(
            ngettext(
                "{n} row has errors; nothing was imported "
                "(fix it in the file, or choose to skip rows with errors)",
                "{n} rows have errors; nothing was imported "
                "(fix them in the file, or choose to skip rows with errors)",
                errors,
            ).format(n=errors)
        )
        self.preview = preview


def normalize_header(text: object) -> str:
    """Headers match whatever the letter case and spacing: " due  DATE " is "due date"."""
    return " ".join(str(text).split()).casefold()


def fit_cell_text(text: str) -> str:
    """Text as an Excel cell can hold it; longer text is cut and marked, never refused."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    return text[: EXCEL_CELL_LIMIT - len(_TRUNCATION_MARK)] + _TRUNCATION_MARK


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A file-name-safe form of a name: "Gun crime & fear" is "gun-crime-fear"."""
    return _SLUG.sub("-", text.casefold()).strip("-") or "tracker"


class ExportFileError(UserFacingError):
    """The export could not be written where the user asked; no partial file is left there."""
