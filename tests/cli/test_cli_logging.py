"""Every command logs to the app's log file; --debug raises its level; no folder stops nothing."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TextIO

import pytest

from cs360desk import __version__, cli
from cs360desk.app import main
from cs360desk.operations.log_files import LOG_ENV, LOG_NAME, current_log_file


def raise_a_bug(_args: argparse.Namespace, _out: TextIO) -> int:
    raise RuntimeError("a bug in the info command")


def log_debug_line(_args: argparse.Namespace, out: TextIO) -> int:
    logging.getLogger("cs360desk.cli.test").debug("a debug line")
    print("done", file=out)
    return 0


def test_a_command_is_logged_in_the_log_folder(tmp_path: Path, log_folder: Path) -> None:
    assert main(["--db", str(tmp_path / "missing.cs360"), "info"]) == 1
    text = (log_folder / LOG_NAME).read_text(encoding="utf-8")
    assert f"CS360 Desk {__version__}" in text and "command `info`" in text
    assert "Refused: no workspace at" in text
    assert current_log_file() is None  # closed when main returns


def test_an_unexpected_error_is_logged_with_its_traceback(
    tmp_path: Path,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(cli.COMMAND_HANDLERS, "info", raise_a_bug)
    assert main(["--db", str(tmp_path / "w.cs360"), "info"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error" in err and "Traceback" not in err
    text = (log_folder / LOG_NAME).read_text(encoding="utf-8")
    assert "Unexpected error in `info`" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug in the info command" in text


@pytest.mark.parametrize(("flags", "shown"), [([], False), (["--debug"], True)])
def test_debug_raises_the_level(
    tmp_path: Path,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    shown: bool,
) -> None:
    monkeypatch.setitem(cli.COMMAND_HANDLERS, "info", log_debug_line)
    assert main([*flags, "--db", str(tmp_path / "w.cs360"), "info"]) == 0
    assert ("a debug line" in (log_folder / LOG_NAME).read_text(encoding="utf-8")) is shown


def test_a_log_folder_that_cannot_be_written_stops_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(LOG_ENV, str(blocker / "logs"))
    assert main(["--db", str(tmp_path / "w.cs360"), "demo"]) == 0
    captured = capsys.readouterr()
    assert str(tmp_path / "w.cs360") in captured.out
    assert captured.err.count("cannot write the log file") == 1
    assert len(captured.err.splitlines()) == 1
