"""`report progress|scanning|agenda|minutes`: the printed reports, written as PDF files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace
from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.reports.pdf_meeting import write_agenda_pdf, write_minutes_pdf
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.pdf_scanning import write_scanning_pdf
from cs360desk.services import report_data

Session = Any


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


@dataclass(frozen=True)
class _Issue:
    """What to record once the file is written."""

    kind: ReportKind
    initiative_id: int | None
    period: ReportPeriod | None


def _period(session: Session, initiative_id: int, args: argparse.Namespace) -> ReportPeriod:
    default = report_data.default_period(session, initiative_id, today=date.today())
    start = args.start or default.start
    end = args.end or max(default.end, start)
    if end < start:
        raise UserFacingError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    return ReportPeriod(start, end)


def _progress(session: Session, args: argparse.Namespace) -> tuple[object, _Issue]:
    initiative_id = args.initiative or report_data.default_initiative_id(session)
    period = _period(session, initiative_id, args)
    data = report_data.progress_report_data(
        session, initiative_id, today=date.today(), period=period, public=args.public,
        highlights=args.highlight, asks=args.ask, prepared_by=args.prepared_by,
    )  # fmt: skip
    return data, _Issue(ReportKind.PROGRESS, initiative_id, period)


def _scanning(session: Session, args: argparse.Namespace) -> tuple[object, _Issue]:
    initiative_id = args.initiative or report_data.default_initiative_id(session)
    data = report_data.scanning_report_data(
        session, initiative_id, today=date.today(), public=args.public
    )
    return data, _Issue(ReportKind.SCANNING, initiative_id, None)


def _meeting(kind: ReportKind) -> Callable[[Session, argparse.Namespace], tuple[object, _Issue]]:
    build = report_data.agenda_data if kind is ReportKind.AGENDA else report_data.minutes_data

    def load(session: Session, args: argparse.Namespace) -> tuple[object, _Issue]:
        data = build(session, args.meeting, today=date.today())
        day = data.meeting.starts_at.date()
        initiative_id = report_data.initiative_of_meeting(session, args.meeting)
        return data, _Issue(kind, initiative_id, ReportPeriod(day, day))

    return load


_LOADERS = {
    "progress": _progress,
    "scanning": _scanning,
    "agenda": _meeting(ReportKind.AGENDA),
    "minutes": _meeting(ReportKind.MINUTES),
}
_WRITERS: dict[str, Callable[..., Path]] = {
    "progress": write_progress_pdf,
    "scanning": write_scanning_pdf,
    "agenda": write_agenda_pdf,
    "minutes": write_minutes_pdf,
}


def _report(args: argparse.Namespace, out: TextIO) -> int:
    """Reads in one transaction, writes the file outside it, then records the issue."""
    workspace = existing_workspace(args.db)
    try:
        with workspace.session_factory.begin() as session:
            data, issue = _LOADERS[args.report_kind](session, args)
        paper = PaperSize(args.paper) if args.paper else None
        written = _WRITERS[args.report_kind](data, args.output, paper)
        if not args.draft:
            with workspace.session_factory.begin() as session:
                report_data.issue_report(
                    session, issue.kind, initiative_id=issue.initiative_id, period=issue.period,
                    issued_on=date.today(), file_name=written.name,
                )  # fmt: skip
    finally:
        workspace.close()
    print(written, file=out)
    return 0


HANDLERS: dict[str, Handler] = {"report": _report}
