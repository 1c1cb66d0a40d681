"""A tracker written in another language comes back as the same tracker.

The pseudo-language stands in for Spanish: every translated string is accented and
bracketed, so a string that missed its translation call shows at once, and a Spanish
catalog not merged yet cannot hide one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ActionStatus, MeetingStatus
from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    ATTENDANCE,
    COMMUNICATIONS,
    LISTS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    MEASURES,
    MEETINGS,
    PEOPLE,
    README,
    TEAMS,
    ImportPreview,
    ParsedTracker,
    RowStatus,
    column_header,
    sheet_title,
    snapshot_title,
)
from cs360desk.i18n import PSEUDO, language
from cs360desk.i18n.pseudo import is_pseudo, pseudo
from cs360desk.reports.ics_calendar import calendar_bytes
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.services import catalog
from cs360desk.services.calendar_export import calendar_data
from cs360desk.services.tracker_import import apply_tracker_import, preview_tracker_import
from tests.tracker_support import (
    GUN_CRIME,
    TODAY,
    edit_workbook,
    export_tracker,
    exported_copy,
    row_of,
)

VISIBLE_SHEETS: tuple[str, ...] = (ACTION_ITEMS, MEETINGS, ATTENDANCE, PEOPLE, TEAMS, MEASURES)
VISIBLE_SHEETS += (MEASUREMENTS, COMMUNICATIONS, README)


@pytest.fixture
def pseudo_tracker(sample: Workspace, tmp_path: Path) -> Path:
    """The sample's tracker written in the pseudo-language, as an export in Spanish is."""
    with language(PSEUDO):
        return export_tracker(sample, tmp_path / "pseudo.xlsx")


def pseudo_sheet(name: str) -> str:
    with language(PSEUDO):
        return sheet_title(name)


def pseudo_header(header: str, sheet: str | None = None) -> str:
    with language(PSEUDO):
        return column_header(header, sheet)


def pseudo_label(status: ActionStatus) -> str:
    with language(PSEUDO):
        return status.label


def preview(workspace: Workspace, parsed: ParsedTracker) -> ImportPreview:
    with workspace.session_factory.begin() as session:
        return preview_tracker_import(session, parsed, today=TODAY)


def header_row(sheet: Any) -> list[str]:
    return [str(cell.value) for cell in sheet[1] if cell.value is not None]


def test_sheet_names_and_headers_are_written_in_the_language(pseudo_tracker: Path) -> None:
    book = openpyxl.load_workbook(pseudo_tracker)
    names = book.sheetnames
    for name in VISIBLE_SHEETS:
        assert pseudo_sheet(name) in names
        assert name not in names
    with language(PSEUDO):
        hidden = {snapshot_title(ACTION_ITEMS), snapshot_title(MEASUREMENTS), sheet_title(LISTS)}
    assert {book[name].sheet_state for name in hidden} == {"hidden"}
    # Excel allows no brackets in a sheet name: the marks become parentheses.
    assert pseudo_sheet(ACTION_ITEMS) == pseudo("Action Items").replace("[", "(").replace("]", ")")
    assert all(len(name) <= 31 for name in names)
    for name in names:
        if name != pseudo_sheet(README):
            assert all(is_pseudo(header) for header in header_row(book[name])), name
    items = book[pseudo_sheet(ACTION_ITEMS)]
    assert header_row(items) == [pseudo_header(h) for h in ACTION_ITEM_HEADERS]
    measurements = book[pseudo_sheet(MEASUREMENTS)]
    assert header_row(measurements) == [pseudo_header(h) for h in MEASUREMENT_HEADERS]
    # A person's job title is its own word, apart from an action item's title.
    assert pseudo_header("Title", PEOPLE) in header_row(book[pseudo_sheet(PEOPLE)])


def test_drop_down_lists_and_readme_are_in_the_language(pseudo_tracker: Path) -> None:
    book = openpyxl.load_workbook(pseudo_tracker)
    lists = book[pseudo_sheet(LISTS)]
    columns = {str(column[0].value): column[1:] for column in lists.iter_cols()}
    statuses = [cell.value for cell in columns[pseudo_header("Status")] if cell.value]
    assert statuses == [pseudo_label(status) for status in ActionStatus]
    items = book[pseudo_sheet(ACTION_ITEMS)]
    status_letter = next(c.column_letter for c in items[1] if c.value == pseudo_header("Status"))
    status_rule = next(
        rule
        for rule in items.data_validations.dataValidation
        if str(rule.sqref).startswith(f"{status_letter}2:")
    )
    assert status_rule.formula1.startswith(f"'{pseudo_sheet(LISTS)}'!")
    assert is_pseudo(status_rule.errorTitle) and is_pseudo(status_rule.error)
    assert is_pseudo(status_rule.prompt)
    # The overdue highlight compares with the labels the Status cells hold.
    formulas = [rule.formula[0] for rules in items.conditional_formatting for rule in rules.rules]
    assert any(pseudo_label(ActionStatus.DONE) in formula for formula in formulas)
    readme = book[pseudo_sheet(README)]
    texts = [str(row[0].value) for row in readme.iter_rows() if row[0].value]
    assert is_pseudo(texts[0])  # the title, around the initiative's name as typed
    steps = [text for text in texts if text[:1].isdigit()]
    assert steps and all(is_pseudo(step.split(". ", 1)[1]) for step in steps)


def test_an_unchanged_tracker_in_another_language_imports_as_no_changes(
    sample: Workspace, pseudo_tracker: Path
) -> None:
    parsed = read_tracker(pseudo_tracker)
    assert parsed.language == PSEUDO
    assert set(parsed.sheets) >= {ACTION_ITEMS, MEASUREMENTS}
    assert parsed.properties  # the README's facts are read back in that language too
    result = preview(sample, parsed)
    assert not result.has_changes and not result.has_errors, [
        (row.row, row.changes, [p.describe() for p in row.problems]) for row in result.rows
    ]
    assert result.count(RowStatus.UNCHANGED) == len(result.rows) > 0
    assert not any(row.notes for row in result.rows)
    assert not result.notes


def test_without_its_hidden_copy_the_labels_still_match(
    sample: Workspace, pseudo_tracker: Path
) -> None:
    def drop_copies(book: Any) -> None:
        for name in (ACTION_ITEMS, MEASUREMENTS):
            with language(PSEUDO):
                del book[snapshot_title(name)]

    parsed = read_tracker(edit_workbook(pseudo_tracker, drop_copies))
    result = preview(sample, parsed)
    assert not result.has_changes and not result.has_errors
    assert len(result.notes) == 2


def test_a_status_label_in_the_language_is_read_as_that_status(
    sample: Workspace, pseudo_tracker: Path
) -> None:
    with sample.session_factory.begin() as session:
        items = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)
    target = next(item for item in items if not item.status.is_closed)

    def mark_done(book: Any) -> None:
        sheet = book[pseudo_sheet(ACTION_ITEMS)]
        letter = next(c.column_letter for c in sheet[1] if c.value == pseudo_header("Status"))
        sheet[f"{letter}{row_of(sheet, target.id)}"] = pseudo_label(ActionStatus.DONE)

    parsed = read_tracker(edit_workbook(pseudo_tracker, mark_done))
    result = preview(sample, parsed)
    assert not result.has_errors
    changed = [row for row in result.rows if row.status is RowStatus.CHANGED]
    assert [row.record_id for row in changed] == [target.id]
    assert [change.field for change in changed[0].changes] == ["Status"]
    assert changed[0].changes[0].new == pseudo_label(ActionStatus.DONE)
    with sample.session_factory.begin() as session:
        applied = apply_tracker_import(session, parsed, today=TODAY)
    assert applied.applied == 1
    with sample.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, target.id).status is ActionStatus.DONE


def test_an_unknown_label_is_an_error_in_the_screens_language(
    sample: Workspace, pseudo_tracker: Path
) -> None:
    def garble(book: Any) -> None:
        sheet = book[pseudo_sheet(ACTION_ITEMS)]
        letter = next(c.column_letter for c in sheet[1] if c.value == pseudo_header("Status"))
        sheet[f"{letter}2"] = "Sideways"

    parsed = read_tracker(edit_workbook(pseudo_tracker, garble))
    with language(PSEUDO):
        result = preview(sample, parsed)
        problems = [p.describe() for row in result.rows for p in row.problems]
        summary = result.summary()
    assert len(problems) == 1
    assert is_pseudo(problems[0]) and pseudo_header("Status") in problems[0]
    assert "'Sideways'" in problems[0] and pseudo_label(ActionStatus.OPEN) in problems[0]
    assert is_pseudo(summary.split(", ")[0])
    assert [row.sheet for row in result.rows if row.problems] == [pseudo_sheet(ACTION_ITEMS)]


def test_an_english_tracker_imports_unchanged_whatever_the_screens_language(
    sample: Workspace, tmp_path: Path
) -> None:
    parsed = read_tracker(exported_copy(tmp_path))
    assert parsed.language == "en"
    with language(PSEUDO):
        result = preview(sample, parsed)
    assert not result.has_changes and not result.has_errors


def test_headers_of_either_language_are_recognised(sample: Workspace, tmp_path: Path) -> None:
    """A file whose headers a user retyped in another language still reads."""

    def retitle(book: Any) -> None:
        sheet = book[ACTION_ITEMS]
        for cell in sheet[1]:
            if cell.value in ("Status", "Due"):
                cell.value = pseudo_header(str(cell.value)).upper()

    parsed = read_tracker(edit_workbook(exported_copy(tmp_path), retitle))
    assert {"Status", "Due"} <= set(parsed.sheets[ACTION_ITEMS].columns)
    result = preview(sample, parsed)
    assert not result.has_changes and not result.has_errors


def test_the_calendar_describes_meetings_in_the_language(sample: Workspace) -> None:
    with sample.session_factory.begin() as session, language(PSEUDO):
        data = calendar_data(session, initiative_id=GUN_CRIME)
        text = calendar_bytes(data).decode()
    assert is_pseudo(data.name)
    event = data.events[0]
    # User data stays as typed; the words around it are translated.
    assert event.title in text.replace("\r\n ", "")
    unfolded = text.replace("\r\n ", "")
    assert pseudo("Team: {team}").format(team=event.team_name).replace(",", "\\,") in unfolded
    if any(e.status is MeetingStatus.CANCELLED for e in data.events):
        assert pseudo("This meeting is cancelled.") in unfolded
    assert "Team: " not in unfolded
