"""How long operations report how far they are, and how a share of that is passed on."""

from __future__ import annotations

from collections.abc import Callable

# (percent, message); a caller that can cancel raises from it to stop the operation there.
Progress = Callable[[int, str], None]


def notify(progress: Progress | None, percent: int, message: str) -> None:
    if progress is not None:
        progress(percent, message)


def within(progress: Progress | None, first: int, last: int) -> Progress | None:
    """A callback for one step of an operation: its 0–100 becomes `first`–`last` overall."""
    if progress is None:
        return None
    outer = progress

    def scaled(percent: int, message: str) -> None:
        outer(first + (last - first) * percent // 100, message)

    return scaled
