"""Exports on a full disk: one clear message, the old file kept, no scraps, retry works.

The disk is simulated at the file API (tests/disk_full_support.py says why): the real
writers run and really fill their temporary file until the free bytes run out."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.tracker import ACTION_ITEMS, ExportFileError
from cs360desk.reports import atomic_write
from cs360desk.reports.atomic_write import write_atomically
from cs360desk.reports.ics_calendar import write_calendar_ics
from cs360desk.reports.pdf_common import ReportFileError
from cs360desk.reports.pdf_progress import write_progress_pdf
from cs360desk.reports.xlsx_tracker import write_tracker_xlsx
from tests.disk_full_support import SmallDisk, folder_listing

from .pdf_samples import pdf_text, progress_data
from .test_ics_calendar import calendar
from .test_xlsx_tracker import tracker

FULL = "not saved: the disk is full"
PREVIOUS = b"the export the chief printed last month"


def write_pdf(target: Path) -> None:
    write_progress_pdf(progress_data(), target)


def write_xlsx(target: Path) -> None:
    write_tracker_xlsx(tracker(), target)


def write_ics(target: Path) -> None:
    write_calendar_ics(calendar(), target)


def opens_as_pdf(path: Path) -> bool:
    return "CS360 Progress Update" in pdf_text(path)


def opens_as_xlsx(path: Path) -> bool:
    return openpyxl.load_workbook(path).sheetnames[0] == ACTION_ITEMS


def opens_as_ics(path: Path) -> bool:
    return len(list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))) == 3


EXPORTS = [
    pytest.param(write_pdf, "update.pdf", ReportFileError, opens_as_pdf, id="pdf"),
    pytest.param(write_xlsx, "tracker.xlsx", ExportFileError, opens_as_xlsx, id="xlsx"),
    pytest.param(write_ics, "meetings.ics", ExportFileError, opens_as_ics, id="ics"),
]
Writer = Callable[[Path], None]


@pytest.mark.parametrize(("write", "name", "error", "opens"), EXPORTS)
def test_a_full_disk_keeps_the_previous_file_and_retry_works(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write: Writer,
    name: str,
    error: type[UserFacingError],
    opens: Callable[[Path], bool],
) -> None:
    target = tmp_path / name
    target.write_bytes(PREVIOUS)
    disk = SmallDisk(tmp_path, free=1500).install(monkeypatch)
    with pytest.raises(error) as raised:
        write(target)
    assert str(raised.value) == f"{FULL} ({target}). Free some space, then try again."
    assert disk.refused >= 1, "the writer really ran into the full disk"
    assert target.read_bytes() == PREVIOUS
    assert folder_listing(tmp_path) == [name], "the truncated temporary file is gone"

    disk.free_up(50_000_000)
    write(target)
    assert opens(target)
    assert folder_listing(tmp_path) == [name]


@pytest.mark.parametrize(("write", "name", "error", "opens"), EXPORTS)
def test_a_full_disk_leaves_no_file_under_a_new_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write: Writer,
    name: str,
    error: type[UserFacingError],
    opens: Callable[[Path], bool],
) -> None:
    SmallDisk(tmp_path, free=0).install(monkeypatch)
    with pytest.raises(error, match=FULL):
        write(tmp_path / name)
    assert folder_listing(tmp_path) == []


def test_a_disk_that_reports_full_only_on_sync_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Network and delayed-allocation file systems may accept every write and fail the sync.
    def full_on_sync(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_write.os, "fsync", full_on_sync)
    target = tmp_path / "meetings.ics"
    target.write_bytes(PREVIOUS)
    with pytest.raises(ExportFileError, match=FULL):
        write_ics(target)
    assert target.read_bytes() == PREVIOUS
    assert folder_listing(tmp_path) == ["meetings.ics"]


@pytest.mark.skipif(not hasattr(errno, "EDQUOT"), reason="Windows has no disk quotas errno")
def test_a_used_up_quota_is_a_full_disk(tmp_path: Path) -> None:
    def over_quota(_scratch: Path) -> None:
        raise OSError(errno.EDQUOT, "Disk quota exceeded")

    with pytest.raises(ExportFileError, match=FULL):
        write_atomically(tmp_path / "meetings.ics", over_quota)
    assert folder_listing(tmp_path) == []


def test_other_write_errors_keep_their_own_reason(tmp_path: Path) -> None:
    def broken(_scratch: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(ExportFileError, match="cannot write .*: Input/output error"):
        write_atomically(tmp_path / "meetings.ics", broken)
    assert folder_listing(tmp_path) == []


def test_the_export_reaches_the_disk_before_it_takes_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def noting_fsync(descriptor: int) -> None:
        synced.append("synced" if not (tmp_path / "meetings.ics").exists() else "late")
        real_fsync(descriptor)

    monkeypatch.setattr(atomic_write.os, "fsync", noting_fsync)
    write_ics(tmp_path / "meetings.ics")
    assert synced == ["synced"]
