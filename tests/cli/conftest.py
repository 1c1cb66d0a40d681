"""Every command run by a CLI test, in process or as a subprocess, logs into a folder of its own;
`db` is a copy of the small sample agency for a test to change (where a module has no `db` of
its own)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cs360desk.db.workspace import open_workspace
from cs360desk.operations.log_files import LOG_ENV
from cs360desk.services.sample_agency import generate_sample_agency


@pytest.fixture(autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the user's real log folder, nor beside the test's workspace (tests compare the
    files there); subprocesses inherit the variable."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv(LOG_ENV, str(folder))
    return folder


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small sample agency, generated once per test module; tests work on a copy."""
    path = tmp_path_factory.mktemp("template") / "sample.cs360"
    workspace = open_workspace(path)
    with workspace.session_factory.begin() as session:
        generate_sample_agency(session, size="small", seed=1, today=date.today())
    workspace.close()
    return path


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Iterator[Path]:
    path = tmp_path / "w.cs360"
    path.write_bytes(template.read_bytes())
    yield path
