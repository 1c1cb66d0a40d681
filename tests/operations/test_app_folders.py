"""The default places, as the faces see them: from source, the system's usual folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cs360desk.operations.app_folders import default_workspace, portable_settings_file


def test_from_source_the_workspace_is_in_the_user_data_folder() -> None:
    assert not getattr(sys, "frozen", False)
    assert default_workspace().name == "workspace.cs360"
    assert portable_settings_file() is None


def test_a_portable_copy_keeps_both_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "CS360Desk"
    program.mkdir()
    (program / "portable.txt").write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "cs360desk.exe"))
    assert default_workspace() == program.resolve() / "data" / "workspace.cs360"
    assert portable_settings_file() == program.resolve() / "data" / "settings.ini"
