"""`report progress|scanning|agenda|minutes`: the printed reports, written as PDF files."""

from __future__ import annotations

import argparse
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
from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.errors import UserFacingError
from cs360desk.i18n import _
from cs360desk.operations.reports import PeriodOrderError, ReportRequest, write_report


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        said = _("{text} is not a date (use YYYY-MM-DD)")
        raise argparse.ArgumentTypeError(said.format(text=repr(text))) from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, help=_("the PDF file to write"))
    parser.add_argument(
        "--paper",
        choices=[size.value for size in PaperSize],
        help=_("paper size (default: the agency's setting, else US Letter)"),
    )
    parser.add_argument(
        "--draft", action="store_true", help=_("do not record the report as issued")
    )
    language_option(parser)


def add_commands(commands: Subcommands) -> None:
    kinds = command_group(
        commands, "report", _("write a printed report as a PDF file"), "report_kind", "REPORT"
    )
    progress = kinds.add_parser("progress", help=_("the chief's progress update"))
    progress.add_argument("--initiative", type=int, help=_("initiative id (default: the first)"))
    progress.add_argument("--from", dest="start", type=_iso_date, help=_("first day (YYYY-MM-DD)"))
    progress.add_argument("--to", dest="end", type=_iso_date, help=_("last day (YYYY-MM-DD)"))
    progress.add_argument(
        "--public",
        action="store_true",
        help=_("leave out phone numbers, e-mail and private people"),
    )
    progress.add_argument(
        "--highlight", action="append", default=[], help=_("a highlight (repeat)")
    )
    progress.add_argument("--ask", action="append", default=[], help=_("an ask of leadership"))
    progress.add_argument("--prepared-by", default="", help=_("who signs the report"))
    _common(progress)
    scanning = kinds.add_parser("scanning", help=_("community input, problems, recommendations"))
    scanning.add_argument("--initiative", type=int, help=_("initiative id (default: the first)"))
    scanning.add_argument("--public", action="store_true", help=_("the public edition"))
    _common(scanning)
    for kind, text in (("agenda", _("a meeting's agenda")), ("minutes", _("a meeting's minutes"))):
        meeting = kinds.add_parser(kind, help=text)
        meeting.add_argument("--meeting", type=int, required=True, help=_("meeting id"))
        _common(meeting)


def _request(args: argparse.Namespace) -> ReportRequest:
    kind = ReportKind(args.report_kind)
    if kind is ReportKind.PROGRESS:
        return ReportRequest(
            kind, args.initiative, start=args.start, end=args.end, public=args.public,
            paper=_paper(args), highlights=tuple(args.highlight), asks=tuple(args.ask),
            prepared_by=args.prepared_by, language=args.lang,
        )  # fmt: skip
    if kind is ReportKind.SCANNING:
        return ReportRequest(
            kind, args.initiative, public=args.public, paper=_paper(args), language=args.lang
        )
    return ReportRequest(kind, meeting_id=args.meeting, paper=_paper(args), language=args.lang)


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
            said = _("--from {start} is after --to {end}")
            raise UserFacingError(said.format(start=start, end=end)) from error
    print(written.path, file=out)
    return 0


HANDLERS: dict[str, Handler] = {"report": _report}
