"""The log file: where it lives, what reaches it, and a folder that cannot be written."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest

from cs360desk.operations import log_files
from cs360desk.operations.app_folders import log_folder
from cs360desk.operations.log_files import (
    LOG_ENV,
    LOG_NAME,
    AppLogFile,
    current_log_file,
    default_log_folder,
    logging_to,
)
from tests.portable_support import portable_program

log = logging.getLogger("cs360desk.test")


def test_from_source_the_log_is_in_the_user_log_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LOG_ENV, raising=False)
    assert not getattr(sys, "frozen", False)
    assert log_folder().name in {"log", "Logs", "CS360 Desk"}
    assert "CS360 Desk" in log_folder().parts
    assert default_log_folder() == log_folder()


def test_a_portable_copy_logs_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = portable_program(tmp_path, monkeypatch, executable="cs360desk.exe")
    assert log_folder() == program.resolve() / "data" / "logs"


def test_the_environment_variable_chooses_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOG_ENV, str(tmp_path / "chosen"))
    assert default_log_folder() == tmp_path / "chosen"


def test_info_and_above_reach_the_file_in_utf8(tmp_path: Path) -> None:
    with logging_to(tmp_path / "logs", debug=False) as path:
        assert path == tmp_path / "logs" / LOG_NAME
        assert current_log_file() == path
        log.debug("hidden detail")
        log.info("Ríoverde — Nguyễn Thị Hoa")
        log.warning("a lone surrogate \udce9 is no reason to fail")
    text = (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "Ríoverde — Nguyễn Thị Hoa" in text
    assert "INFO" in text and "cs360desk.test" in text
    assert "\\udce9" in text
    assert "hidden detail" not in text


def test_debug_raises_the_level(tmp_path: Path) -> None:
    with logging_to(tmp_path, debug=True):
        log.debug("shown detail")
    assert "shown detail" in (tmp_path / LOG_NAME).read_text(encoding="utf-8")


def test_an_exception_is_logged_with_its_traceback(tmp_path: Path) -> None:
    with logging_to(tmp_path):
        empty: dict[str, int] = {}
        try:
            empty["missing"]
        except KeyError:
            log.exception("Unexpected error")
    text = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "KeyError: 'missing'" in text


def test_the_setup_is_undone_after_the_block(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    with logging_to(tmp_path, debug=True):
        assert root.level == logging.DEBUG
    assert root.handlers == handlers
    assert root.level == level
    assert current_log_file() is None


def test_the_file_rotates_and_keeps_a_few(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log_files, "MAX_BYTES", 2_000)
    with logging_to(tmp_path):
        for number in range(400):
            log.info("line %d of a long day", number)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, log_files.KEPT_FILES + 1)]
    assert all(path.stat().st_size <= 2_200 for path in tmp_path.iterdir())


def test_a_folder_that_cannot_be_made_means_no_file_and_one_note(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    err = io.StringIO()
    with logging_to(blocker / "logs", err=err) as path:
        assert path is None
        assert current_log_file() is None
        log.info("carries on")
    assert err.getvalue().count("\n") == 1
    assert "cannot write the log file" in err.getvalue()
    assert str(blocker / "logs") in err.getvalue()


def test_a_write_that_fails_later_is_noted_once_and_dropped(tmp_path: Path) -> None:
    err = io.StringIO()
    with logging_to(tmp_path, err=err):
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, AppLogFile))
        assert handler.stream is not None
        handler.stream.close()  # as if the disk had gone away
        log.info("first")
        log.info("second")
    assert err.getvalue().count("cannot write to the log file") == 1


def test_no_stderr_at_all_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)  # a windowed build on Windows
    blocker = tmp_path / "file"
    blocker.write_text("")
    with logging_to(blocker / "logs") as path:
        assert path is None
