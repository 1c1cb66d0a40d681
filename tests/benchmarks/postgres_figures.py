"""The PostgreSQL rows: the same measurements as the SQLite ones, on a shared workspace.

The large sample is copied into a throwaway local server started for the run (as
`copy_workspace` uploads a laptop's file), then measured with the SQLite rows' own code.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.operations.copying import copy_workspace
from tests.benchmarks.figures import Figure
from tests.postgres_support import start_cluster, unavailable_reason

SUFFIX = " [PostgreSQL]"
# Issue 17's targets for a shared workspace, where they differ from the file's.
TARGETS = {"action items: free-text filter keystroke": 100.0}


def shared_figures(
    db: Path,
    window_figures: Callable[[str], list[Figure]],
    service_figures: Callable[[Workspace], list[Figure]],
) -> tuple[list[Figure], str]:
    """The figures of `window_figures` (given the server URL) and `service_figures` (given
    the open shared workspace), renamed as PostgreSQL rows; and one line on how it went."""
    reason = unavailable_reason()
    if reason is not None:
        return [], f"PostgreSQL rows skipped: {reason}"
    cluster = start_cluster()
    try:
        url = cluster.url(cluster.new_database())
        started = time.monotonic()
        copy_workspace(db, url)
        loaded = time.monotonic() - started
        print(f"  postgresql: large sample copied in {loaded:.0f} s", file=sys.stderr, flush=True)
        figures = window_figures(url)
        workspace = open_workspace(url)
        try:
            figures.extend(service_figures(workspace))
        finally:
            workspace.close()
    finally:
        cluster.stop()
    return [_as_shared(figure) for figure in figures], (
        f"PostgreSQL rows: local throwaway server, large sample copied in {loaded:.0f} s"
    )


def _as_shared(figure: Figure) -> Figure:
    target = TARGETS.get(figure.name, figure.target)
    return dataclasses.replace(figure, name=figure.name + SUFFIX, target=target)


def side_by_side(figures: Sequence[Figure]) -> str:
    """A Markdown table of each PostgreSQL row beside the SQLite row it repeats."""
    from tests.benchmarks.figures import format_value

    by_name = {figure.name: figure for figure in figures}
    header = ("figure", "SQLite", "PostgreSQL", "PostgreSQL target", "result")
    rows = []
    for shared in figures:
        if not shared.name.endswith(SUFFIX):
            continue
        name = shared.name.removesuffix(SUFFIX)
        local = by_name.get(name)
        rows.append((
            name,
            format_value(local.median, local.unit) if local else "not run",
            format_value(shared.median, shared.unit),
            "≤ " + format_value(shared.target, shared.unit),
            "pass" if shared.passed else "FAIL",
        ))  # fmt: skip
    widths = [max(len(row[col]) for row in [header, *rows]) for col in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])
