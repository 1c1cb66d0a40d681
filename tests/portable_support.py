"""A portable copy of the built app, as the tests of where files go pretend to run one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def portable_program(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    marker: str = "portable",
    executable: str = "cs360desk",
) -> Path:
    """`tmp_path/CS360Desk` with the `marker` file that makes it portable, as the folder of
    the frozen program `executable` this process now pretends to be."""
    program = tmp_path / "CS360Desk"
    program.mkdir()
    (program / marker).write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / executable))
    return program
