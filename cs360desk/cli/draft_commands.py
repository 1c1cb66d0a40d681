"""`draft update`: the drafted public post, public update and staff briefing of a period."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from typing import TextIO

from cs360desk.cli.common import (
    Handler,
    Subcommands,
    command_group,
    existing_workspace,
    language_option,
)
from cs360desk.domain.errors import UserFacingError, ValidationError
from cs360desk.domain.update_drafts import DraftKind, UpdateDrafts
from cs360desk.i18n import _
from cs360desk.operations.drafts import (
    DraftRequest,
    DraftToSave,
    drafts_as_json,
    save_drafts_in,
    write_drafts,
)

KIND_CHOICES = [kind.value for kind in DraftKind] + ["all"]


def add_commands(commands: Subcommands) -> None:
    kinds = command_group(
        commands,
        "draft",
        _("draft updates from what the records say was done"),
        "draft_kind",
        "DRAFT",
    )
    update = kinds.add_parser(
        "update",
        help=_("a short public post, a longer public update and a staff briefing for a period"),
        description=_(
            "Print the drafts of a period, each under a heading. The period defaults "
            "to the days since the last public update marked posted, else the last 30 days."
        ),
    )
    update.add_argument("--initiative", type=int, help=_("initiative id (default: the first)"))
    # Dates are checked by the command, not argparse, so a bad one is one line and exit 1.
    update.add_argument("--from", dest="start", metavar="DATE", help=_("first day (YYYY-MM-DD)"))
    update.add_argument("--to", dest="end", metavar="DATE", help=_("last day (YYYY-MM-DD)"))
    update.add_argument(
        "--kind", choices=KIND_CHOICES, default="all", help=_("which draft (default: all)")
    )
    update.add_argument("--json", action="store_true", help=_("print one JSON object instead"))
    language_option(update)
    update.add_argument(
        "--save",
        action="store_true",
        help=_("save the printed drafts as communications (status draft)"),
    )


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        said = _("{option} {text} is not a date (use YYYY-MM-DD)")
        raise UserFacingError(said.format(option=option, text=repr(text))) from None


def _draft(args: argparse.Namespace, out: TextIO) -> int:
    start, end = _date("--from", args.start), _date("--to", args.end)
    if start is not None and end is not None and end < start:
        said = _("--from {start} is after --to {end}")
        raise UserFacingError(said.format(start=start.isoformat(), end=end.isoformat()))
    kinds = tuple(DraftKind) if args.kind == "all" else (DraftKind(args.kind),)
    with existing_workspace(args.db) as workspace:
        request = DraftRequest(args.initiative, start, end, language=args.lang)
        try:
            drafts = write_drafts(workspace=workspace, request=request, now=datetime.now(UTC))
        except ValidationError as error:
            if error.field != "start":
                raise
            said = _("--from is after the period's end: {problem}")
            raise UserFacingError(said.format(problem=error.problem)) from error
        saved: list[int] = []
        if args.save:
            to_save = [
                DraftToSave(kind, text)
                for kind in kinds
                if (text := drafts.draft(kind).text) is not None
            ]
            saved = save_drafts_in(
                workspace=workspace, initiative_id=drafts.source.initiative_id, drafts=to_save
            )
    if args.json:
        shown = drafts_as_json(drafts, kinds)
        if args.save:
            shown["saved"] = saved
        print(json.dumps(shown, ensure_ascii=False, indent=2), file=out)
        return 0
    _print_drafts(drafts, kinds, out)
    if args.save:
        named = ", ".join(str(number) for number in saved) or _("none (nothing to save)")
        print(_("Saved as communications (status draft): {ids}").format(ids=named), file=out)
    return 0


def _print_drafts(drafts: UpdateDrafts, kinds: tuple[DraftKind, ...], out: TextIO) -> None:
    period = drafts.source.period
    heading = _("{initiative}: {start} to {end}").format(
        initiative=drafts.source.initiative_name,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
    print(heading, file=out)
    for kind in kinds:
        draft = drafts.draft(kind)
        print(f"\n== {kind.label} ==", file=out)
        if draft.text is None:
            print(_("(no draft: {reason})").format(reason=draft.reason), file=out)
            continue
        print(draft.text, file=out)
        if kind is DraftKind.SHORT:
            said = _("({n} of {limit} characters)")
            print(said.format(n=len(draft.text), limit=280), file=out)


HANDLERS: dict[str, Handler] = {"draft": _draft}
