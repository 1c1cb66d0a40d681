"""Bring a returned tracker back: a preview that changes nothing, then one all-or-nothing apply.

Both plan every row and check every write it asks for with the records' own rules
(tracker_checks), so the preview finds exactly the errors the apply would meet, without
writing. The apply then writes the rows that passed, together, inside the caller's
transaction, recorded in the change log and undoable as one edit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.records import InitiativeRecord
from cs360desk.domain.tracker import (
    ACTION_ITEMS,
    INITIATIVE_KEY,
    MEASUREMENTS,
    README,
    SNAPSHOT_SUFFIX,
    WORKSPACE_KEY,
    ImportBlockedError,
    ImportPreview,
    ImportResult,
    ParsedTracker,
    RowOutcome,
    RowStatus,
    TrackerFileError,
    sheet_title,
)
from cs360desk.i18n import _, language
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.entities import table_of
from cs360desk.services.tracker_checks import CheckedWrite, ImportRows, check_plans
from cs360desk.services.tracker_plans import RowPlan, SheetRules, plan_sheet
from cs360desk.services.tracker_rows import InitiativeNames, initiative_names, workspace_key
from cs360desk.services.tracker_sheets import action_item_rules, measurement_rules
from cs360desk.services.tracker_writes import write_checked


def preview_tracker_import(
    session: Session, parsed: ParsedTracker, *, today: date, initiative_id: int | None = None
) -> ImportPreview:
    """What importing the file would do, row by row; the workspace is left as it was."""
    initiative, outcomes, _passed, notes = _checked(session, parsed, today, initiative_id)
    return _preview(parsed, initiative, outcomes, notes)


def apply_tracker_import(
    session: Session,
    parsed: ParsedTracker,
    *,
    today: date,
    skip_errors: bool = False,
    initiative_id: int | None = None,
) -> ImportResult:
    """Apply every valid row; with errors and no `skip_errors`, raise and apply nothing."""
    initiative, outcomes, passed, notes = _checked(session, parsed, today, initiative_id)
    preview = _preview(parsed, initiative, outcomes, notes)
    if preview.has_errors and not skip_errors:
        raise ImportBlockedError(preview)
    with session.begin_nested():  # a write the checks did not foresee undoes the others
        edit = write_checked(session, passed, _("Import tracker"))
    applied = preview.count(RowStatus.NEW) + preview.count(RowStatus.CHANGED)
    return ImportResult(preview, applied, preview.count(RowStatus.ERROR), edit)


def _checked(
    session: Session, parsed: ParsedTracker, today: date, initiative_id: int | None
) -> tuple[InitiativeRecord, list[RowOutcome], list[CheckedWrite], list[str]]:
    initiative, plans, rows, notes = _plan(session, parsed, today, initiative_id)
    outcomes, passed = check_plans(session, plans, rows)
    return initiative, outcomes, passed, notes


def _preview(
    parsed: ParsedTracker,
    initiative: InitiativeRecord,
    outcomes: list[RowOutcome],
    notes: list[str],
) -> ImportPreview:
    return ImportPreview(
        file_name=parsed.file_name,
        initiative_id=initiative.id,
        initiative_name=initiative.name,
        rows=tuple(outcomes),
        notes=tuple(notes),
    )


def _plan(
    session: Session, parsed: ParsedTracker, today: date, initiative_id: int | None
) -> tuple[InitiativeRecord, list[RowPlan], ImportRows, list[str]]:
    notes: list[str] = []
    initiative = _initiative_of(session, parsed, initiative_id, notes)
    names = initiative_names(session, initiative.id)
    rows = _known_rows(session, initiative.id, names)
    plans: list[RowPlan] = []
    sheets: tuple[tuple[str, Callable[[], SheetRules]], ...] = (
        (ACTION_ITEMS, lambda: action_item_rules(session, initiative.id, names, today)),
        (MEASUREMENTS, lambda: measurement_rules(session, names)),
    )
    for title, make_rules in sheets:
        sheet = parsed.sheets.get(title)
        if sheet is None:
            notes.append(
                _("The file has no {sheet} sheet; nothing was read for it.").format(
                    sheet=sheet_title(title)
                )
            )
            continue
        snapshot = parsed.sheets.get(title + SNAPSHOT_SUFFIX)
        if snapshot is None:
            notes.append(
                _(
                    "The hidden copy of {sheet} as exported is missing, so every cell that "
                    "differs from the workspace counts as an edit."
                ).format(sheet=sheet_title(title))
            )
        # The workspace's rows as the file would show them: labels (a status, a priority)
        # in the file's language, so an untouched cell matches what was exported. The
        # messages about the rows are made later, in the screens' language.
        with language(parsed.language):
            rules = make_rules()
        rows.know(table_of(rules.service.model), rules.records)
        plans.extend(plan_sheet(rules, sheet, snapshot))
    return initiative, plans, rows, notes


def _known_rows(session: Session, initiative_id: int, names: InitiativeNames) -> ImportRows:
    """What was just read: the rows the file's names and IDs can point at exist."""
    rows = ImportRows(session)
    rows.know(table_of(m.Initiative), [initiative_id])
    for model, index in (
        (m.Person, names.people),
        (m.Team, names.teams),
        (m.Problem, names.problems),
        (m.Measure, names.measures),
    ):
        rows.know(table_of(model), index.labels)
    return rows


def _initiative_of(
    session: Session, parsed: ParsedTracker, chosen: int | None, notes: list[str]
) -> InitiativeRecord:
    """The file must come back to the workspace and initiative it was exported from."""
    origin = parsed.properties.get(WORKSPACE_KEY)
    if origin is None:
        notes.append(_("The file does not say which workspace it came from."))
    elif origin.strip() != workspace_key(session):
        raise TrackerFileError(
            _(
                "{file} was exported from another CS360 Desk workspace; "
                "its IDs mean other records here, so it cannot be imported"
            ).format(file=parsed.file_name)
        )
    stated = parsed.properties.get(INITIATIVE_KEY)
    readme = sheet_title(README)
    if stated is None and chosen is None:
        raise TrackerFileError(
            _("the {readme} sheet of {file} no longer says which initiative it is for").format(
                readme=readme, file=parsed.file_name
            )
        )
    try:
        wanted = int(stated) if stated is not None else chosen
    except ValueError as error:
        raise TrackerFileError(
            _("the {readme} sheet names no initiative ({stated})").format(
                readme=readme, stated=repr(stated)
            )
        ) from error
    if chosen is not None and wanted != chosen:
        raise TrackerFileError(
            _("{file} is the tracker of another initiative").format(file=parsed.file_name)
        )
    assert wanted is not None
    try:
        return INITIATIVE.get(session, wanted)
    except NotFoundError as error:
        raise TrackerFileError(
            _("the initiative of {file} (ID {id}) is not in this workspace").format(
                file=parsed.file_name, id=wanted
            )
        ) from error
