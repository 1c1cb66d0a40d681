"""The command line: `cs360desk [--db PATH] COMMAND`, over the same services as the app."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from cs360desk import __version__
from cs360desk.cli import (
    backup_commands,
    report_commands,
    tracker_commands,
    workspace_commands,
)
from cs360desk.cli.common import DB_ENV, Handler
from cs360desk.db.app_folders import default_workspace
from cs360desk.domain.errors import UserFacingError

GUI_COMMANDS = {None, "screenshots"}
# Each module adds its subcommands and names the function that runs each one.
COMMAND_MODULES = (workspace_commands, backup_commands, report_commands, tracker_commands)
COMMAND_HANDLERS: dict[str, Handler] = {
    name: handler for module in COMMAND_MODULES for name, handler in module.HANDLERS.items()
}


def default_db_path() -> Path:
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    return default_workspace()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cs360desk",
        description="CS360 Desk: run CS360 problem solving in a small police agency. "
        "Without a command, opens the desktop app.",
        epilog=f"The workspace defaults to ${DB_ENV} or {default_db_path()}.",
    )
    parser.add_argument("--db", type=Path, help="the workspace file to use")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    shots = commands.add_parser("screenshots", help="render the app's views to PNG files")
    shots.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    args.db = (args.db or default_db_path()).expanduser()
    return args


def guarded(args: argparse.Namespace, action: Callable[[], int], err: TextIO | None = None) -> int:
    """Run a command; failures become one line on stderr unless --debug asks for more."""
    err = err or sys.stderr
    try:
        return action()
    except UserFacingError as error:
        if args.debug:
            traceback.print_exc(file=err)
        print(f"cs360desk: {error}", file=err)
        return 1
    except KeyboardInterrupt:
        print("cs360desk: interrupted", file=err)
        return 130
    except Exception as error:  # a bug: say so plainly, the traceback is one flag away
        if args.debug:
            traceback.print_exc(file=err)
        print(f"cs360desk: unexpected error: {error!r} (run with --debug for details)", file=err)
        return 1


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    handler = COMMAND_HANDLERS[args.command]
    return guarded(args, lambda: handler(args, out))
