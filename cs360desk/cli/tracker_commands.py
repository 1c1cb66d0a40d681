"""Excel tracker and calendar commands: `export xlsx`, `export ics` and `import xlsx`."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.tracker import (
    ImportBlockedError,
    ImportPreview,
    RowOutcome,
    RowStatus,
)
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
    export = commands.add_parser("export", help="write the Excel tracker or a meeting calendar")
    formats = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    xlsx = formats.add_parser("xlsx", help="the Excel tracker of one initiative")
    xlsx.add_argument("--initiative", type=int, help="initiative ID (needed when there are two)")
    xlsx.add_argument("-o", "--output", type=Path, required=True, help="the .xlsx file to write")
    ics = formats.add_parser("ics", help="the meetings as a calendar file (.ics)")
    ics.add_argument("--team", type=int, help="only this team's meetings")
    ics.add_argument("--initiative", type=int, help="only this initiative's meetings")
    ics.add_argument("-o", "--output", type=Path, required=True, help="the .ics file to write")
    imports = commands.add_parser("import", help="read a returned Excel tracker back")
    kinds = imports.add_subparsers(dest="import_format", metavar="FORMAT", required=True)
    tracker = kinds.add_parser(
        "xlsx",
        help="preview (or with --apply, apply) the edits of a returned tracker",
        description="Without --apply, only shows what would change. Exit status 1 when "
        "rows have errors that block the import.",
    )
    tracker.add_argument("file", type=Path, help="the returned .xlsx tracker")
    tracker.add_argument("--apply", action="store_true", help="apply the changes")
    tracker.add_argument(
        "--skip-errors", action="store_true", help="with --apply: apply the valid rows anyway"
    )


def _export(args: argparse.Namespace, out: TextIO) -> int:
    with existing_workspace(args.db) as workspace:
        if args.export_format == "ics":
            count = export_calendar(
                workspace=workspace, target=args.output, team_id=args.team,
                initiative_id=args.initiative,
            )  # fmt: skip
            print(f"{count} meeting(s) written to {args.output}", file=out)
            return 0
        try:
            exported = export_tracker(
                workspace=workspace, initiative_id=args.initiative, target=args.output,
                today=date.today(),
            )  # fmt: skip
        except InitiativeChoiceError as error:
            raise ValidationError(
                "initiative", f"choose one with --initiative ({error.choices})"
            ) from error
    print(f"Tracker of {exported.initiative_name!r} written to {args.output}", file=out)
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    if not args.apply:
        with existing_workspace(args.db) as workspace:
            loaded = preview_import(workspace=workspace, source=args.file, today=date.today())
        print_preview(loaded.preview, out)
        if loaded.preview.has_errors:
            print(
                "Rows with errors would stop the import; fix them or use --skip-errors.", file=out
            )
            return 1
        print("Nothing was changed. Run again with --apply to import.", file=out)
        return 0
    parsed = read_returned_tracker(args.file)

    def backed_up(backup: BackupFile) -> None:
        print(f"Backed up to {backup.path}", file=out)

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
    skipped = f"; {result.skipped} row(s) with errors skipped" if result.skipped else ""
    print(f"Imported {result.applied} row(s){skipped}.", file=out)
    return 0


def print_preview(preview: ImportPreview, out: TextIO) -> None:
    print(f"{preview.file_name}: tracker of {preview.initiative_name!r}", file=out)
    for note in preview.notes:
        print(f"note: {note}", file=out)
    for row in preview.rows:
        if row.status is not RowStatus.UNCHANGED or row.notes:
            print(_row_line(row), file=out)
            for note in row.notes:
                print(f"    note: {note}", file=out)
    print(f"Summary: {preview.summary()}", file=out)


def _row_line(row: RowOutcome) -> str:
    where = f"{row.sheet} row {row.row}" + (f" (ID {row.record_id})" if row.record_id else "")
    if row.status is RowStatus.ERROR:
        return f"{where} ERROR: " + "; ".join(problem.describe() for problem in row.problems)
    if row.status is RowStatus.UNCHANGED:
        return f"{where} unchanged: {shown(row.label)}"
    changes = "; ".join(
        f"{change.field}: {shown(change.old)} -> {shown(change.new)}"
        if row.status is RowStatus.CHANGED
        else f"{change.field}: {shown(change.new)}"
        for change in row.changes
    )
    return f"{where} {row.status.label.lower()}: {changes}"


def shown(text: str) -> str:
    """Quoted, cut short, control characters made visible so a terminal shows them safely."""
    cut = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    visible = _CONTROL.sub(lambda found: repr(found.group(0))[1:-1], cut)
    return f"'{visible}'"


HANDLERS: dict[str, Handler] = {"export": _export, "import": _import}
