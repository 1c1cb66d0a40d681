"""Commands over a whole workspace: demo, check and info."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TextIO

from cs360desk.cli.common import Handler, Subcommands, existing_workspace
from cs360desk.db.workspace import Workspace, inspect_workspace, is_current, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.services.sample_agency import generate_sample_agency
from cs360desk.services.workspace_info import entity_counts, is_empty


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
    if not args.db.exists():
        raise WorkspaceError(f"no workspace at {args.db}")
    status = inspect_workspace(args.db, full_check=True)
    for problem in status.problems:
        print(f"problem: {problem}", file=out)
    state = "current" if is_current(status) else "older; it is upgraded when opened"
    verdict = "sound" if status.sound else "DAMAGED"
    print(f"{args.db}: {verdict}; schema {status.revision} ({state})", file=out)
    return 0 if status.sound else 1


def _info(args: argparse.Namespace, out: TextIO) -> int:
    workspace = existing_workspace(args.db)
    try:
        with workspace.session_factory.begin() as session:
            counts = entity_counts(session)
    finally:
        workspace.close()
    print(f"Workspace: {args.db}", file=out)
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        print(f"  {name:<{width}}  {count:>9,}", file=out)
    return 0


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    target: Path = args.db
    if target.exists():
        existing = open_workspace(target)
        with existing.session_factory.begin() as session:
            empty = is_empty(session)
        if empty:
            _fill(existing, args)
            print(f"Sample agency written to {target}", file=out)
            return 0
        existing.close()
        if args.keep_existing and not args.force:
            print(f"{target} already holds an agency; left as it is", file=out)
            return 0
        if not args.force:
            raise WorkspaceError(
                f"{target} already holds an agency; use --force to replace it "
                "(the old file is kept beside it)"
            )
        kept = _replace_with_new_sample(target, args)
        print(
            f"Sample agency written to {target}; the previous workspace is kept as {kept}", file=out
        )
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    _fill(open_workspace(target), args)
    print(f"Sample agency written to {target}", file=out)
    return 0


def _fill(workspace: Workspace, args: argparse.Namespace) -> None:
    started = time.monotonic()

    def report(percent: int, message: str) -> None:
        if sys.stderr.isatty():
            print(f"  {percent:3d}%  {message}", file=sys.stderr)

    try:
        with workspace.session_factory.begin() as session:
            generate_sample_agency(
                session, size=args.size, seed=args.seed, today=date.today(), progress=report
            )
    finally:
        workspace.close()
    if sys.stderr.isatty():
        print(f"  done in {time.monotonic() - started:.1f} s", file=sys.stderr)


def _replace_with_new_sample(target: Path, args: argparse.Namespace) -> Path:
    """Build the new workspace beside the old one, then swap; the old file is kept."""
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".cs360-demo-") as scratch:
        fresh = Path(scratch) / target.name
        _fill(open_workspace(fresh), args)
        kept = target.with_name(f"{target.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}")
        target.rename(kept)
        fresh.rename(target)
    return kept


HANDLERS: dict[str, Handler] = {"demo": _demo, "check": _check, "info": _info}
