"""The command line: `cs360desk [--db PATH] COMMAND`, over the same operations as the app."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from cs360desk import __version__
from cs360desk.cli import (
    backup_commands,
    draft_commands,
    report_commands,
    tracker_commands,
    workspace_commands,
)
from cs360desk.cli.common import (
    DB_ENV,
    Handler,
    language_option,
    translate_argparse,
    workspace_location,
)
from cs360desk.domain.errors import UserFacingError, WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import _
from cs360desk.operations.app_folders import default_workspace

GUI_COMMANDS = {None, "screenshots"}
BROKEN_PIPE_EXIT = 141
# Each module adds its subcommands and names the function that runs each one.
COMMAND_MODULES = (
    workspace_commands,
    backup_commands,
    report_commands,
    draft_commands,
    tracker_commands,
)
COMMAND_HANDLERS: dict[str, Handler] = {
    name: handler for module in COMMAND_MODULES for name, handler in module.HANDLERS.items()
}
log = logging.getLogger(__name__)


def default_db_location() -> WorkspaceLocation:
    """$CS360DESK_DB when set (it is parsed like --db), else the default workspace."""
    given = os.environ.get(DB_ENV)
    return workspace_location(given) if given else WorkspaceLocation.file(default_workspace())


def build_parser() -> argparse.ArgumentParser:
    """The parser, in the UI language as it is now (set it first: its texts are read here)."""
    translate_argparse()
    parser = argparse.ArgumentParser(
        prog="cs360desk",
        description=_(
            "CS360 Desk: run CS360 problem solving in a small police agency. "
            "Without a command, opens the desktop app."
        ),
        epilog=_("The workspace defaults to ${variable} or {path}.").format(
            variable=DB_ENV, path=default_workspace()
        ),
    )
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=_(
            "the workspace to use: a workspace file, or a shared workspace on a PostgreSQL "
            "server (postgresql://user@host:port/database)"
        ),
    )
    parser.add_argument("--debug", action="store_true", help=_("show tracebacks on errors"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    shots = commands.add_parser("screenshots", help=_("render the app's views to PNG files"))
    shots.add_argument("--out", type=Path, required=True, help=_("folder for the PNG files"))
    language_option(shots)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.db = workspace_location(args.db) if args.db is not None else default_db_location()
    except WorkspaceError as error:
        parser.exit(2, f"cs360desk: {error}\n")
    return args


def guarded(args: argparse.Namespace, action: Callable[[], int], err: TextIO | None = None) -> int:
    """Run a command; failures become one line on stderr unless --debug asks for more."""
    err = err or sys.stderr
    try:
        code = action()
        sys.stdout.flush()  # a closed pipe shows here, not as noise when Python exits
        return code
    except BrokenPipeError:
        return quiet_broken_pipe()
    except UserFacingError as error:
        log.info("Refused: %s", error)
        if args.debug:
            traceback.print_exc(file=err)
        print(f"cs360desk: {error}", file=err)
        return 1
    except KeyboardInterrupt:
        print(_("cs360desk: interrupted"), file=err)
        return 130
    except Exception as error:  # a bug: say so plainly, the traceback is one flag away
        log.exception("Unexpected error in `%s`", args.command)
        if args.debug:
            traceback.print_exc(file=err)
        said = _("cs360desk: unexpected error: {error} (run with --debug for details)")
        print(said.format(error=repr(error)), file=err)
        return 1


def quiet_broken_pipe() -> int:
    """The reader of stdout has gone (`cs360desk info | head -1`): stop without a word.

    Stdout then points at the null device, as the Python documentation advises, so the
    interpreter's own last flush cannot fail again. The exit status is that of a Unix tool
    stopped by SIGPIPE (128 + 13), which shells and `set -o pipefail` already understand.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass
    return BROKEN_PIPE_EXIT


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    handler = COMMAND_HANDLERS[args.command]
    return guarded(args, lambda: handler(args, out))
