"""Commands over a whole workspace: demo, check and info."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations.sample import AgencyPresentError, SampleOutcome, create_sample_workspace
from cs360desk.operations.workspaces import check_workspace, record_counts


def add_commands(commands: Subcommands) -> None:
    demo = commands.add_parser("demo", help="fill a new workspace with the sample agency")
    demo.add_argument(
        "--size",
        choices=("small", "large"),
        default="small",
        help="small: a believable agency; large: benchmark volumes",
    )
    demo.add_argument("--seed", type=int, default=1, help="the same seed gives the same data")
    demo.add_argument(
        "--keep-existing",
        action="store_true",
        help="do nothing when the workspace already holds an agency",
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace a non-empty workspace (the old file is kept beside it)",
    )
    commands.add_parser("check", help="integrity check and schema version; exit 0 when sound")
    commands.add_parser("info", help="counts of every kind of record")


def _check(args: argparse.Namespace, out: TextIO) -> int:
    check = check_workspace(args.db)
    for problem in check.problems:
        print(f"problem: {problem}", file=out)
    state = "current" if check.current else "older; it is upgraded when opened"
    verdict = "sound" if check.sound else "DAMAGED"
    print(f"{args.db}: {verdict}; schema {check.revision} ({state})", file=out)
    return 0 if check.sound else 1


def _info(args: argparse.Namespace, out: TextIO) -> int:
    with existing_workspace(args.db) as workspace:
        counts = record_counts(workspace=workspace)
    print(f"Workspace: {args.db}", file=out)
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        print(f"  {name:<{width}}  {count:>9,}", file=out)
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
            f"{error.path} already holds an agency; use --force to replace it "
            "(the old file is kept beside it)"
        ) from error
    if made.outcome is SampleOutcome.LEFT_AS_IS:
        print(f"{made.path} already holds an agency; left as it is", file=out)
        return 0
    if sys.stderr.isatty():
        print(f"  done in {time.monotonic() - started:.1f} s", file=sys.stderr)
    kept = f"; the previous workspace is kept as {made.kept}" if made.kept else ""
    print(f"Sample agency written to {made.path}{kept}", file=out)
    return 0


def _show_progress(percent: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"  {percent:3d}%  {message}", file=sys.stderr)


HANDLERS: dict[str, Handler] = {"demo": _demo, "check": _check, "info": _info}
