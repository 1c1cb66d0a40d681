"""Excel tracker and calendar commands: `export xlsx`, `export ics` and `import xlsx`."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TextIO

from cs360desk.cli.common import (
    Handler,
    Subcommands,
    command_group,
    existing_workspace,
    language_option,
)
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import (
    ImportBlockedError,
    ImportPreview,
    RowOutcome,
    RowStatus,
    row_status_word,
)
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.operations.backups import BackupFile
from cs360desk.operations.calendar import export_calendar
from cs360desk.operations.tracker import (
    InitiativeChoiceError,
    apply_import,
    export_tracker,
    preview_import,
    read_returned_tracker,
)

SHOWN_CHARS = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def add_commands(commands: Subcommands) -> None:
    formats = command_group(
        commands,
        "export",
        _("write the Excel tracker or a meeting calendar"),
        "export_format",
        "FORMAT",
    )
    xlsx = formats.add_parser("xlsx", help=_("the Excel tracker of one initiative"))
    xlsx.add_argument("--initiative", type=int, help=_("initiative ID (needed when there are two)"))
    xlsx.add_argument("-o", "--output", type=Path, required=True, help=_("the .xlsx file to write"))
    language_option(xlsx)
    ics = formats.add_parser("ics", help=_("the meetings as a calendar file (.ics)"))
    ics.add_argument("--team", type=int, help=_("only this team's meetings"))
    ics.add_argument("--initiative", type=int, help=_("only this initiative's meetings"))
    ics.add_argument("-o", "--output", type=Path, required=True, help=_("the .ics file to write"))
    language_option(ics)
    kinds = command_group(
        commands, "import", _("read a returned Excel tracker back"), "import_format", "FORMAT"
    )
    tracker = kinds.add_parser(
        "xlsx",
        help=_("preview (or with --apply, apply) the edits of a returned tracker"),
        description=_(
            "Without --apply, only shows what would change. Exit status 1 when "
            "rows have errors that block the import."
        ),
    )
    tracker.add_argument("file", type=Path, help=_("the returned .xlsx tracker"))
    tracker.add_argument("--apply", action="store_true", help=_("apply the changes"))
    tracker.add_argument(
        "--skip-errors", action="store_true", help=_("with --apply: apply the valid rows anyway")
    )


def _export(args: argparse.Namespace, out: TextIO) -> int:
    with existing_workspace(args.db) as workspace:
        if args.export_format == "ics":
            count = export_calendar(
                workspace=workspace, target=args.output, team_id=args.team,
                initiative_id=args.initiative, language_code=args.lang,
            )  # fmt: skip
            said = ngettext(
                "{n} meeting written to {path}", "{n} meetings written to {path}", count
            )
            print(said.format(n=count, path=args.output), file=out)
            return 0
        try:
            exported = export_tracker(
                workspace=workspace, initiative_id=args.initiative, target=args.output,
                today=date.today(), language_code=args.lang,
            )  # fmt: skip
        except InitiativeChoiceError as error:
            raise ValidationError(
                "initiative",
                _("choose one with --initiative ({choices})").format(choices=error.choices),
            ) from error
    said = _("Tracker of {initiative} written to {path}")
    print(said.format(initiative=repr(exported.initiative_name), path=args.output), file=out)
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    if not args.apply:
        with existing_workspace(args.db) as workspace:
            loaded = preview_import(workspace=workspace, source=args.file, today=date.today())
        print_preview(loaded.preview, out)
        if loaded.preview.has_errors:
            said = _("Rows with errors would stop the import; fix them or use --skip-errors.")
            print(said, file=out)
            return 1
        print(_("Nothing was changed. Run again with --apply to import."), file=out)
        return 0
    parsed = read_returned_tracker(args.file)

    def backed_up(backup: BackupFile) -> None:
        print(_("Backed up to {path}").format(path=backup.path), file=out)

    with existing_workspace(args.db) as workspace:
        try:
            applied = apply_import(
                workspace=workspace, parsed=parsed, today=date.today(),
                skip_errors=args.skip_errors, on_backed_up=backed_up,
            )  # fmt: skip
        except ImportBlockedError as blocked:
            print_preview(blocked.preview, out)
            raise
    result = applied.result
    print_preview(result.preview, out)
    imported = count_of(result.applied, "Imported {n} row.", "Imported {n} rows.")
    if result.skipped:
        imported = ngettext(
            "Imported {rows}; {n} row with errors skipped.",
            "Imported {rows}; {n} rows with errors skipped.",
            result.skipped,
        ).format(rows=count_of(result.applied, "{n} row", "{n} rows"), n=result.skipped)
    print(imported, file=out)
    return 0


def print_preview(preview: ImportPreview, out: TextIO) -> None:
    said = _("{file}: tracker of {initiative}")
    print(said.format(file=preview.file_name, initiative=repr(preview.initiative_name)), file=out)
    for note in preview.notes:
        print(_("note: {note}").format(note=note), file=out)
    for row in preview.rows:
        if row.status is not RowStatus.UNCHANGED or row.notes:
            print(_row_line(row), file=out)
            for note in row.notes:
                print("    " + _("note: {note}").format(note=note), file=out)
    print(_("Summary: {summary}").format(summary=preview.summary()), file=out)


def _row_line(row: RowOutcome) -> str:
    if row.record_id:
        where = _("{sheet} row {row} (ID {id})").format(
            sheet=row.sheet, row=row.row, id=row.record_id
        )
    else:
        where = _("{sheet} row {row}").format(sheet=row.sheet, row=row.row)
    if row.status is RowStatus.ERROR:
        problems = "; ".join(problem.describe() for problem in row.problems)
        return _("{where} ERROR: {problems}").format(where=where, problems=problems)
    if row.status is RowStatus.UNCHANGED:
        return _("{where} unchanged: {label}").format(where=where, label=shown(row.label))
    changes = "; ".join(
        f"{change.field}: {shown(change.old)} -> {shown(change.new)}"
        if row.status is RowStatus.CHANGED
        else f"{change.field}: {shown(change.new)}"
        for change in row.changes
    )
    status = row_status_word(row.status).lower()
    return _("{where} {status}: {changes}").format(where=where, status=status, changes=changes)


def shown(text: str) -> str:
    """Quoted, cut short, control characters made visible so a terminal shows them safely."""
    cut = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    visible = _CONTROL.sub(lambda found: repr(found.group(0))[1:-1], cut)
    return f"'{visible}'"


HANDLERS: dict[str, Handler] = {"export": _export, "import": _import}
