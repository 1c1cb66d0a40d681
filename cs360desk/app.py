"""Entry point: the command line, or with no command the desktop app."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from cs360desk import __version__, cli
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import LANGUAGE_VARIABLE, command_line_language, set_ui_language
from cs360desk.operations.log_files import default_log_folder, logging_to

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    # The command line's messages in the computer's language; the app reads its Settings too.
    set_ui_language(command_line_language())
    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    with logging_to(default_log_folder(), debug=args.debug):
        log.info(
            "CS360 Desk %s (Python %s, %s): %s",
            __version__,
            sys.version.split()[0],
            sys.platform,  # platform.platform() would cost start-up 15 ms
            f"command `{args.command}`" if args.command else "the app",
        )
        if args.command not in cli.GUI_COMMANDS:
            return cli.run(args)
        return cli.guarded(args, lambda: _run_gui_command(args))


def _run_gui_command(args: argparse.Namespace) -> int:
    # Qt loads only for the commands that need it, so the CLI stays quick and headless.
    if args.command == "screenshots":
        from cs360desk.ui.shell.screenshots import render_screenshots

        if args.lang:  # above Settings and the computer's own language
            os.environ[LANGUAGE_VARIABLE] = args.lang

        for path in render_screenshots(args.db.require_file(), args.out):
            print(path)
        return 0
    # The window paints first; the database layer loads under it (see ui.shell.application).
    from cs360desk.operations.app_folders import default_workspace
    from cs360desk.ui.shell.application import run_app

    # Nothing named another workspace: the app opens the one last chosen in File → Open….
    named_default = args.db == WorkspaceLocation.file(default_workspace())
    return run_app(args.db, sys.argv[:1], use_last_choice=named_default)


if __name__ == "__main__":
    sys.exit(main())
