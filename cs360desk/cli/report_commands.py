"""`report progress|scanning|agenda|minutes`: the printed reports, written as PDF files."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace
from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.errors import UserFacingError
from cs360desk.operations.reports import PeriodOrderError, ReportRequest, write_report


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    parser.add_argument(
        "--paper",
        choices=[size.value for size in PaperSize],
        help="paper size (default: the agency's setting, else US Letter)",
    )
    parser.add_argument("--draft", action="store_true", help="do not record the report as issued")


def add_commands(commands: Subcommands) -> None:
    report = commands.add_parser("report", help="write a printed report as a PDF file")
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    progress = kinds.add_parser("progress", help="the chief's progress update")
    progress.add_argument("--initiative", type=int, help="initiative id (default: the first)")
    progress.add_argument("--from", dest="start", type=_iso_date, help="first day (YYYY-MM-DD)")
    progress.add_argument("--to", dest="end", type=_iso_date, help="last day (YYYY-MM-DD)")
    progress.add_argument(
        "--public", action="store_true", help="leave out phone numbers, e-mail and private people"
    )
    progress.add_argument("--highlight", action="append", default=[], help="a highlight (repeat)")
    progress.add_argument("--ask", action="append", default=[], help="an ask of leadership")
    progress.add_argument("--prepared-by", default="", help="who signs the report")
    _common(progress)
    scanning = kinds.add_parser("scanning", help="community input, problems, recommendations")
    scanning.add_argument("--initiative", type=int, help="initiative id (default: the first)")
    scanning.add_argument("--public", action="store_true", help="the public edition")
    _common(scanning)
    for kind, text in (("agenda", "a meeting's agenda"), ("minutes", "a meeting's minutes")):
        meeting = kinds.add_parser(kind, help=text)
        meeting.add_argument("--meeting", type=int, required=True, help="meeting id")
        _common(meeting)


def _request(args: argparse.Namespace) -> ReportRequest:
    kind = ReportKind(args.report_kind)
    if kind is ReportKind.PROGRESS:
        return ReportRequest(
            kind, args.initiative, start=args.start, end=args.end, public=args.public,
            paper=_paper(args), highlights=tuple(args.highlight), asks=tuple(args.ask),
            prepared_by=args.prepared_by,
        )  # fmt: skip
    if kind is ReportKind.SCANNING:
        return ReportRequest(kind, args.initiative, public=args.public, paper=_paper(args))
    return ReportRequest(kind, meeting_id=args.meeting, paper=_paper(args))


def _paper(args: argparse.Namespace) -> PaperSize | None:
    return PaperSize(args.paper) if args.paper else None


def _report(args: argparse.Namespace, out: TextIO) -> int:
    with existing_workspace(args.db) as workspace:
        try:
            written = write_report(
                workspace=workspace, request=_request(args), target=args.output,
                today=date.today(), draft=args.draft,
            )  # fmt: skip
        except PeriodOrderError as error:
            start, end = error.start.isoformat(), error.end.isoformat()
            raise UserFacingError(f"--from {start} is after --to {end}") from error
    print(written.path, file=out)
    return 0


HANDLERS: dict[str, Handler] = {"report": _report}
