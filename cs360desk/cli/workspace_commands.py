"""Commands over a whole workspace: init, demo, copy, check and info."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace, workspace_location
from cs360desk.domain.errors import WorkspaceError, kind_name
from cs360desk.i18n import _
from cs360desk.operations.copying import copy_workspace
from cs360desk.operations.sample import AgencyPresentError, SampleOutcome, create_sample_workspace
from cs360desk.operations.workspaces import check_workspace, create_workspace, record_counts


def add_commands(commands: Subcommands) -> None:
    demo = commands.add_parser("demo", help=_("fill a new workspace with the sample agency"))
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help=_("small: a believable agency; large: benchmark volumes"),
    )
    demo.add_argument("--seed", type=int, default=1, help=_("the same seed gives the same data"))
    demo.add_argument(
        "--keep-existing",
        action="store_true",
        help=_("do nothing when the workspace already holds an agency"),
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace a non-empty workspace (the old one is kept: a file beside it, a shared "
            "workspace as a snapshot)"
        ),
    )
    commands.add_parser(
        "init", help=_("set up a new, empty workspace (a file, or a database on a server)")
    )
    copy = commands.add_parser(
        "copy",
        help=_("copy a whole workspace to another place: a file up to a server, or back"),
    )
    copy.add_argument("source", help=_("the workspace to copy from (a file or a URL)"))
    copy.add_argument("destination", help=_("the workspace to copy into (a file or a URL)"))
    copy.add_argument(
        "--force",
        action="store_true",
        help=_("replace a destination that holds an agency (it is backed up first)"),
    )
    commands.add_parser("check", help=_("integrity check and schema version; exit 0 when sound"))
    commands.add_parser("info", help=_("counts of every kind of record"))


def _init(args: argparse.Namespace, out: TextIO) -> int:
    workspace, made = create_workspace(args.db)
    workspace.close()
    if made:
        print(_("Workspace set up at {location}").format(location=args.db), file=out)
    else:
        print(
            _("{location} is a workspace already; left as it is").format(location=args.db),
            file=out,
        )
    return 0


def _copy(args: argparse.Namespace, out: TextIO) -> int:
    source = workspace_location(args.source)
    destination = workspace_location(args.destination)
    copied = copy_workspace(source, destination, force=args.force, progress=_copy_progress)
    names = {kind: kind_name(kind) for kind in copied.source_counts}
    width = max(len(name) for name in names.values())
    print(
        _("Copied {source} into {destination}").format(source=source, destination=destination),
        file=out,
    )
    source_heading, copy_heading = _("source"), _("copy")
    heading = f"  {'':<{width}}  {source_heading:>9}  {copy_heading:>9}"
    print(heading, file=out)
    for kind, count in copied.source_counts.items():
        there = copied.destination_counts[kind]
        print(f"  {names[kind]:<{width}}  {count:>9,}  {there:>9,}", file=out)
    if copied.kept is not None:
        print(_("What the destination held is kept as {path}").format(path=copied.kept), file=out)
    return 0


def _copy_progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r  {100 * done // total:3d}%", end="", file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)


def _check(args: argparse.Namespace, out: TextIO) -> int:
    check = check_workspace(args.db)
    for problem in check.problems:
        print(_("problem: {problem}").format(problem=problem), file=out)
    if check.sound and check.current:
        said = _("{path}: sound; schema {revision} (current)")
    elif check.sound:
        said = _("{path}: sound; schema {revision} (older; it is upgraded when opened)")
    elif check.current:
        said = _("{path}: DAMAGED; schema {revision} (current)")
    else:
        said = _("{path}: DAMAGED; schema {revision} (older; it is upgraded when opened)")
    print(said.format(path=args.db, revision=check.revision), file=out)
    return 0 if check.sound else 1


def _info(args: argparse.Namespace, out: TextIO) -> int:
    with existing_workspace(args.db) as workspace:
        counts = record_counts(workspace=workspace)
    print(_("Workspace: {path}").format(path=args.db), file=out)
    names = {kind: kind_name(kind) for kind in counts}
    width = max(len(name) for name in names.values())
    for kind, count in counts.items():
        print(f"  {names[kind]:<{width}}  {count:>9,}", file=out)
    return 0


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    started = time.monotonic()
    try:
        made = create_sample_workspace(
            path=args.db, size=args.size, seed=args.seed, today=date.today(),
            keep_existing=args.keep_existing, force=args.force, progress=_show_progress,
        )  # fmt: skip
    except AgencyPresentError as error:
        raise WorkspaceError(
            _(
                "{path} already holds an agency; use --force to replace it (the old one is kept)"
            ).format(path=error.path)
        ) from error
    if made.outcome is SampleOutcome.LEFT_AS_IS:
        print(_("{path} already holds an agency; left as it is").format(path=made.path), file=out)
        return 0
    if sys.stderr.isatty():
        seconds = f"{time.monotonic() - started:.1f}"
        print("  " + _("done in {seconds} s").format(seconds=seconds), file=sys.stderr)
    if made.kept:
        said = _("Sample agency written to {path}; the previous workspace is kept as {kept}")
    else:
        said = _("Sample agency written to {path}")
    print(said.format(path=made.path, kept=made.kept), file=out)
    return 0


def _show_progress(percent: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"  {percent:3d}%  {message}", file=sys.stderr)


HANDLERS: dict[str, Handler] = {
    "init": _init,
    "demo": _demo,
    "copy": _copy,
    "check": _check,
    "info": _info,
}
