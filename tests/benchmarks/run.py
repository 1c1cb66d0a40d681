"""Runs every benchmark on the cached large workspace and prints the table (`make bench`);
the `postgresql` step repeats some on a throwaway local PostgreSQL server (issue 17).

python -m tests.benchmarks.run [--runs N] [--seed N] [--json FILE] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import cs360desk
from cs360desk.db.workspace import open_workspace
from tests.benchmarks import postgres_figures, service_figures
from tests.benchmarks.figures import MIN_RUNS, Figure, figures_json, format_table, median, ratios
from tests.benchmarks.workspace_cache import large_workspace, scratch_copy

PROBE = [sys.executable, "-m", "tests.benchmarks.window_probe"]


def _probe(*args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*PROBE, *args], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"window probe {args[0]} failed:\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _start_seconds(*args: str) -> dict[str, float]:
    """Seconds from process start (just before the spawn) to each moment the child reports."""
    spawned = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process on the machine
    return {moment: at - spawned for moment, at in _probe(*args).items()}


def cold_start(db: Path, runs: int) -> Figure:
    """The window painted, against a bare PySide6 window; the dashboard's figures in the note."""
    _start_seconds("bare")
    _start_seconds("app", str(db))  # the first start fills the OS file cache for both
    app, bare, ready = [], [], []
    for _ in range(runs):
        bare.append(_start_seconds("bare")["painted"])
        started = _start_seconds("app", str(db))
        app.append(started["painted"])
        ready.append(started["ready"])
    return Figure(
        "cold start to main window painted vs bare PySide6", "x", ratios(app, bare), 3.0,
        note=f"app {median(app):.2f} s, bare {median(bare):.2f} s; dashboard figures shown "
        f"at {median(ready):.2f} s ({median(ratios(ready, bare)):.1f} ×)",
    )  # fmt: skip


def action_items(db: Path | str, runs: int) -> list[Figure]:
    result = _probe("action_items", str(db), str(runs))
    rows = int(result["rows"])
    return [
        Figure("action items: first page shown", "ms",
               tuple(s * 1000 for s in result["first_page"]), 300,  # type: ignore[attr-defined]
               note="an initiative's list, any status"),
        Figure("action items: free-text filter keystroke", "ms",
               tuple(s * 1000 for s in result["keystroke"]), 50,  # type: ignore[attr-defined]
               note=f"typing pause excluded; {rows} rows match at the end"),
    ]  # fmt: skip


def peak_memory(db: Path, runs: int) -> Figure:
    peaks = tuple(_probe("memory", str(db))["vm_hwm_mb"] for _ in range(runs))
    return Figure(
        "peak memory, app open, every section visited", "MB", peaks, 400, note="VmHWM of the child"
    )


def compile_package() -> None:
    """Bytecode for every module, as an installed copy has (pip and the bundle compile it);
    a machine running with PYTHONDONTWRITEBYTECODE would otherwise compile at every start."""
    compileall.compile_dir(Path(cs360desk.__file__).parent, quiet=1)


def shared(db: Path, runs: int, today: date, scratch: Path, notes: list[str]) -> list[Figure]:
    """Action items and the progress PDF again, measured by the same code on PostgreSQL."""
    figures, note = postgres_figures.shared_figures(
        db,
        lambda url: action_items(url, runs),
        lambda workspace: [service_figures.progress_pdf_figure(workspace, runs, today, scratch)],
    )
    notes.append(note)
    return figures


def measure(db: Path, runs: int, only: set[str], notes: list[str]) -> list[Figure]:
    now = datetime.now(UTC)
    today = now.astimezone().date()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="cs360-bench-") as folder:
        scratch = Path(folder)
        work = scratch_copy(db, scratch)
        steps: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("start", lambda: [cold_start(work, runs)]),
            ("dashboard", lambda: [service_figures.dashboard_figure(workspace, runs, now)]),
            ("action_items", lambda: action_items(work, runs)),
            ("pdf", lambda: [service_figures.progress_pdf_figure(workspace, runs, today, scratch)]),
            ("xlsx", lambda: [service_figures.tracker_figure(workspace, runs, today, scratch)]),
            ("import", lambda: [
                service_figures.import_preview_figure(workspace, runs, today, scratch)
            ]),
            ("memory", lambda: [peak_memory(work, runs)]),
            ("postgresql", lambda: shared(db, runs, today, scratch, notes)),
        ]  # fmt: skip
        workspace = open_workspace(work)
        try:
            for name, step in steps:
                if only and name not in only:
                    continue
                started = time.monotonic()
                figures.extend(step())
                print(f"  {name}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        finally:
            workspace.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run", description=__doc__)
    parser.add_argument("--seed", type=int, default=1, help="seed of the large sample workspace")
    parser.add_argument("--runs", type=int, default=MIN_RUNS, help=f"at least {MIN_RUNS}")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--only", nargs="*", default=[], help="run only these steps")
    args = parser.parse_args(argv)
    if args.runs < MIN_RUNS:
        parser.error(f"each figure is the median of at least {MIN_RUNS} runs")
    db = large_workspace(args.seed)
    compile_package()
    notes: list[str] = []
    figures = measure(db, args.runs, set(args.only), notes)
    print(format_table(figures))
    for note in notes:
        print(note)
    if any(figure.name.endswith(postgres_figures.SUFFIX) for figure in figures):
        print(postgres_figures.side_by_side(figures))
    context = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        "python": platform.python_version(),
        "seed": args.seed,
        "runs": args.runs,
        "workspace": str(db),
    }
    if args.json:
        args.json.write_text(figures_json(figures, context) + "\n", encoding="utf-8")
    return 0 if all(figure.passed for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
