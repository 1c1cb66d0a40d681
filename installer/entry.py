"""The built app's entry point: the same `main` as the `cs360desk` command and main.py."""

from __future__ import annotations

import os
import sys


def give_streams_a_home() -> None:
    """A windowed Windows program starts with no stdout or stderr (None); anything printed,
    by us or a library, would then crash it. Send such output nowhere instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    give_streams_a_home()
    from cs360desk.app import main

    sys.exit(main())
