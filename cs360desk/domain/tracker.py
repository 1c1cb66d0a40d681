"""The Excel tracker as plain data: sheets to write, rows read back, and the import preview."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import LabeledEnum
from cs360desk.domain.errors import UserFacingError

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


class RowStatus(LabeledEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


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
        where = f"{self.column} ({self.ref})" if self.ref else self.column
        return f"{where}: {self.reason}" if where else self.reason


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
        parts = [f"{self.count(status)} {status.label.lower()}" for status in RowStatus]
        errors = self.count(RowStatus.ERROR)
        parts[-1] = f"{errors} error" + ("" if errors == 1 else "s")
        return ", ".join(parts)


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    applied: int
    skipped: int
    edit: Edit = field(default_factory=lambda: Edit("Import tracker", ()))


class TrackerFileError(UserFacingError):
    """The file cannot be read as a tracker at all; nothing was read into the workspace."""


class ImportBlockedError(UserFacingError):
    """Rows have errors and the user did not choose to skip them; nothing was applied."""

    def __init__(self, preview: ImportPreview) -> None:
        errors = preview.count(RowStatus.ERROR)
        super().__init__(
            f"{errors} row(s) have errors; nothing was imported "
            "(fix them in the file, or choose to skip rows with errors)"
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
