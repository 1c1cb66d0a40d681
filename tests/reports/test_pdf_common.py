"""Shared PDF machinery: escaping, atomic writing, clear errors, the shipped fonts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cs360desk.reports.pdf_common import (
    FONT_DIR,
    ReportFileError,
    safe,
    write_atomically,
)
from cs360desk.reports.pdf_progress import write_progress_pdf

from .pdf_samples import pdf_text, progress_data


def test_safe_escapes_markup_and_keeps_line_breaks() -> None:
    assert safe("a < b & </para>") == "a &lt; b &amp; &lt;/para&gt;"
    assert safe("one\r\ntwo\rthree\nfour") == "one<br/>two<br/>three<br/>four"
    assert safe("bell\x07 and nul\x00") == "bell and nul"


def test_fonts_and_their_licence_ship_inside_the_package() -> None:
    names = {path.name for path in FONT_DIR.iterdir()}
    assert {"DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf", "LICENSE.txt"} <= names
    assert "Bitstream Vera" in (FONT_DIR / "LICENSE.txt").read_text(encoding="utf-8")


def test_a_failed_build_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "update.pdf"
    target.write_bytes(b"previous report")

    def broken(name: str) -> None:
        Path(name).write_bytes(b"half a PDF")
        raise RuntimeError("layout failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["update.pdf"]


def test_a_new_pdf_replaces_the_old_one_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "update.pdf"
    target.write_bytes(b"old")
    write_progress_pdf(progress_data(), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert "Summary" in pdf_text(target)
    # Reports name people: 0600 on Linux and macOS (tests/db/test_file_modes.py has the rest).
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["update.pdf"]


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "update.pdf"
    with pytest.raises(ReportFileError, match="does not exist"):
        write_progress_pdf(progress_data(), target)


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="is a folder"):
        write_progress_pdf(progress_data(), tmp_path)


def test_a_read_only_folder_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:
    # Tests run as root in CI, where chmod cannot lock a folder: refuse the open instead.
    def refuse(*_args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("cs360desk.reports.atomic_write.os.open", refuse)
    target = tmp_path / "update.pdf"
    with pytest.raises(ReportFileError, match="permission denied"):
        write_progress_pdf(progress_data(), target)
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_place_of_the_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ReportFileError, match="cannot write"):
        write_progress_pdf(progress_data(), blocker / "update.pdf")
