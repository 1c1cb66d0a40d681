"""Figures measured in this process: dashboard, progress PDF, Excel tracker, import preview."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl

from cs360desk.db.workspace import Workspace
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.domain.tracker import ACTION_ITEMS, MEASUREMENTS, SNAPSHOT_SUFFIX, TrackerData
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.xlsx_reader import read_tracker
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from cs360desk.services.momentum import dashboard
from cs360desk.services.report_data_progress import progress_report_data
from cs360desk.services.tracker_export import tracker_data
from cs360desk.services.tracker_import import preview_tracker_import
from cs360desk.services.workspace_info import initiatives
from tests.benchmarks.figures import Figure, median, ratios

CHANGED_ROWS = 10_000


def timed(action: Callable[[], Any]) -> float:
    """Seconds one call takes, under the app's garbage collection policy.

    The app switches Python's automatic cycle collection off and collects on the main thread,
    one generation at most once a second (ui/common/garbage.py), so long work on the task worker is
    not paused every few hundred allocations; here: a full collection before the call and
    none during it.
    """
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        action()
        return time.perf_counter() - started
    finally:
        if was_enabled:
            gc.enable()


def first_initiative(workspace: Workspace) -> int:
    with workspace.session_factory.begin() as session:
        return initiatives(session)[0].id


def dashboard_figure(workspace: Workspace, runs: int, now: datetime) -> Figure:
    initiative_id = first_initiative(workspace)

    def once() -> None:
        with workspace.session_factory.begin() as session:
            dashboard(session, initiative_id, now=now)

    once()  # the first read warms SQLite's page cache, as the app's start-up does
    seconds = [timed(once) for _ in range(runs)]
    return Figure("dashboard momentum signals", "ms", tuple(s * 1000 for s in seconds), 100)


def progress_pdf_figure(workspace: Workspace, runs: int, today: date, folder: Path) -> Figure:
    initiative_id = first_initiative(workspace)
    period = ReportPeriod(today - timedelta(days=364), today)

    def once() -> None:
        with workspace.session_factory.begin() as session:
            data = progress_report_data(session, initiative_id, today=today, period=period)
        write_progress_pdf(data, folder / "progress.pdf")

    seconds = [timed(once) for _ in range(runs)]
    return Figure(
        "progress update PDF, 12 months of one initiative", "s", tuple(seconds), 2.0,
        note="data read + PDF written",
    )  # fmt: skip


def tracker_figure(workspace: Workspace, runs: int, today: date, folder: Path) -> Figure:
    """The styled tracker writer against write-only openpyxl, both given the same rows."""
    initiative_id = first_initiative(workspace)
    reads = []
    for _ in range(runs):
        started = time.perf_counter()
        with workspace.session_factory.begin() as session:
            data = tracker_data(session, initiative_id, today=today, zone=UTC)
        reads.append(time.perf_counter() - started)
    app, bare = [], []
    for _ in range(runs):  # interleaved, so a slow spell of the machine hits both sides
        app.append(timed(lambda: write_tracker_xlsx(data, folder / "tracker.xlsx")))
        bare.append(timed(lambda: write_only_copy(data, folder / "bare.xlsx")))
    rows = sum(len(sheet.rows) for sheet in data.sheets)
    return Figure(
        "Excel tracker vs openpyxl write-only, same cells", "x", ratios(app, bare), 1.5,
        note=f"{rows:,} rows; tracker {median(app):.2f} s, write-only {median(bare):.2f} s, "
        f"reading the rows {median(reads):.2f} s",
    )  # fmt: skip


def write_only_copy(data: TrackerData, target: Path) -> None:
    """Every sheet of the tracker (and the hidden copies it keeps), unstyled."""
    workbook = openpyxl.Workbook(write_only=True)
    for sheet in data.sheets:
        copies = [sheet.title] + ([sheet.title + SNAPSHOT_SUFFIX] if sheet.editable else [])
        for title in copies:
            worksheet = workbook.create_sheet(title[:31])
            worksheet.append(list(sheet.headers))
            for row in sheet.rows:
                worksheet.append(list(row))
    workbook.save(target)


def import_preview_figure(workspace: Workspace, runs: int, today: date, folder: Path) -> Figure:
    """Reading a returned tracker with 10,000 changed or new rows and previewing the import."""
    initiative_id = first_initiative(workspace)
    edited = folder / "edited.xlsx"
    changed = _edited_tracker(workspace, initiative_id, today, edited)

    def once() -> None:
        parsed = read_tracker(edited)
        with workspace.session_factory.begin() as session:
            preview = preview_tracker_import(session, parsed, today=today)
        if preview.has_errors:
            raise AssertionError(preview.summary())

    seconds = [timed(once) for _ in range(runs)]
    return Figure(
        f"import preview, {changed:,} changed rows", "s", tuple(seconds), 5.0,
        note="file read + preview",
    )  # fmt: skip


def _edited_tracker(workspace: Workspace, initiative_id: int, today: date, target: Path) -> int:
    """Export, then edit as a member would: retitle items, correct values, add new items."""
    with workspace.session_factory.begin() as session:
        data = tracker_data(session, initiative_id, today=today, zone=UTC)
    write_tracker_xlsx(data, target)
    book = openpyxl.load_workbook(target)
    changed = _edit_column(book[ACTION_ITEMS], "Title", lambda v: f"{v} (checked)", CHANGED_ROWS)
    changed += _edit_column(
        book[MEASUREMENTS], "Value", lambda v: float(v or 0) + 1, CHANGED_ROWS - changed
    )
    items = book[ACTION_ITEMS]
    headers = [cell.value for cell in items[1]]
    while changed < CHANGED_ROWS:
        row: list[str | None] = [None] * len(headers)
        row[headers.index("Title")] = f"New item {changed}"
        row[headers.index("Status")] = "Open"
        items.append(row)
        changed += 1
    book.save(target)
    return changed


def _edit_column(sheet: Any, header: str, change: Callable[[Any], Any], limit: int) -> int:
    column = [cell.value for cell in sheet[1]].index(header)
    edited = 0
    for row in sheet.iter_rows(min_row=2):
        if edited >= limit or row[0].value is None:
            break
        row[column].value = change(row[column].value)
        edited += 1
    return edited
