"""Where the app keeps its files: the user's data folder, or `data/` beside a portable copy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_data_path

from cs360desk.db import app_folders
from cs360desk.db.app_folders import (
    data_folder,
    default_workspace,
    portable_data_folder,
    portable_settings_file,
    program_folder,
)


@pytest.fixture
def frozen_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be a built app whose executable sits in `tmp_path/CS360Desk`."""
    program = tmp_path / "CS360Desk"
    program.mkdir()
    executable = program / "cs360desk"
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    return program


def test_from_source_nothing_is_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A marker beside the Python interpreter of a source run is ignored.
    (tmp_path / "portable").write_text("")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert not getattr(sys, "frozen", False)
    assert program_folder() is None
    assert portable_data_folder(None) is None
    assert portable_settings_file() is None


def test_without_a_marker_the_user_data_folder_is_used(frozen_copy: Path) -> None:
    expected = user_data_path(app_folders.APP_FOLDER, appauthor=False)
    assert program_folder() == frozen_copy.resolve()
    assert data_folder() == expected
    assert default_workspace() == expected / "workspace.cs360"
    assert portable_settings_file() is None


@pytest.mark.parametrize("marker", ["portable", "portable.txt"])
def test_a_marker_beside_the_executable_keeps_everything_in_data(
    frozen_copy: Path, marker: str
) -> None:
    (frozen_copy / marker).write_text("")
    data = frozen_copy.resolve() / "data"
    assert data_folder() == data
    assert default_workspace() == data / "workspace.cs360"
    assert portable_settings_file() == data / "settings.ini"


def test_a_folder_named_portable_is_not_a_marker(frozen_copy: Path) -> None:
    (frozen_copy / "portable").mkdir()
    assert portable_data_folder(frozen_copy) is None
    assert portable_settings_file() is None


def test_a_marker_elsewhere_does_not_count(frozen_copy: Path) -> None:
    (frozen_copy.parent / "portable").write_text("")
    (frozen_copy / "data").mkdir()
    assert portable_data_folder(frozen_copy) is None
    assert data_folder() == user_data_path(app_folders.APP_FOLDER, appauthor=False)


def test_a_symlinked_executable_finds_the_real_folder(
    frozen_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Linux installs link ~/.local/bin/cs360desk to the executable inside the bundle.
    (frozen_copy / "portable").write_text("")
    link = tmp_path / "bin" / "cs360desk"
    link.parent.mkdir()
    link.symlink_to(frozen_copy / "cs360desk")
    monkeypatch.setattr(sys, "executable", str(link))
    assert data_folder() == frozen_copy.resolve() / "data"
