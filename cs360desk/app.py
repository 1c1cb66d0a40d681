"""Entry point: the command line, or with no command the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cs360desk import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command not in cli.GUI_COMMANDS:
        return cli.run(args)
    return cli.guarded(args, lambda: _run_gui_command(args))


def _run_gui_command(args: argparse.Namespace) -> int:
    # Qt loads only for the commands that need it, so the CLI stays quick and headless.
    if args.command == "screenshots":
        from cs360desk.ui.shell.screenshots import render_screenshots

        for path in render_screenshots(args.db, args.out):
            print(path)
        return 0
    # The window paints first; the database layer loads under it (see ui.application).
    from cs360desk.ui.shell.application import run_gui

    return run_gui(args.db, sys.argv[:1])


if __name__ == "__main__":
    sys.exit(main())
