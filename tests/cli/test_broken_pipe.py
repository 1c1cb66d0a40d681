"""Output into a closed pipe (`cs360desk info | head -1`) ends the command quietly.

The exit status is then 141 (128 + SIGPIPE), what a Unix tool stopped by the closed pipe
reports, so `set -o pipefail` scripts see the same as for `cat`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cs360desk.cli import BROKEN_PIPE_EXIT
from cs360desk.operations.log_files import LOG_ENV

TIMEOUT_S = 120


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pipe")
    db = folder / "demo.cs360"
    env = {**os.environ, LOG_ENV: str(folder / "logs")}
    # `backup` too, so that `backups` has a line to print.
    for args in (["demo"], ["backup"]):
        done = subprocess.run(
            command(db, *args), capture_output=True, text=True, env=env, timeout=TIMEOUT_S
        )
        assert done.returncode == 0, done.stderr
    return db


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cs360desk.app", "--db", str(db), *args]


@pytest.mark.parametrize("args", [["info"], ["backups"]])
def test_a_pipe_closed_before_any_output_exits_quietly(
    demo_workspace: Path, args: list[str]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the command writes a byte
    try:
        process = subprocess.Popen(
            command(demo_workspace, *args), stdout=write_end, stderr=subprocess.PIPE
        )
    finally:
        os.close(write_end)
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert err == b""
    assert process.returncode == BROKEN_PIPE_EXIT


@pytest.mark.parametrize("args", [["info"], ["backups"]])
def test_reading_one_line_then_closing_is_quiet(demo_workspace: Path, args: list[str]) -> None:
    process = subprocess.Popen(
        command(demo_workspace, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=TIMEOUT_S)
    assert first.strip()
    assert err == b""
    # Whether the rest was still in the pipe's buffer when it closed is up to timing.
    assert process.returncode in {0, BROKEN_PIPE_EXIT}


@pytest.mark.skipif(shutil.which("head") is None, reason="needs a Unix shell and head")
def test_a_shell_pipeline_into_head(demo_workspace: Path) -> None:
    line = " ".join(f"'{part}'" for part in command(demo_workspace, "info"))
    done = subprocess.run(
        ["sh", "-c", f"{line} | head -1"], capture_output=True, text=True, timeout=TIMEOUT_S
    )
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""
