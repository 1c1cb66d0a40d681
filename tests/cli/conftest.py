"""Every command run by a CLI test, in process or as a subprocess, logs into a folder of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs360desk.operations.log_files import LOG_ENV


@pytest.fixture(autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's real log folder, nor beside the test's workspace (tests compare the
    files there); subprocesses inherit the variable."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv(LOG_ENV, str(folder))
    return folder
