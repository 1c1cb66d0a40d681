"""The default places, as the faces see them: from source, the system's usual folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cs360desk.operations.app_folders import default_workspace, portable_settings_file
from tests.portable_support import portable_program


def test_from_source_the_workspace_is_in_the_user_data_folder() -> None:
    assert not getattr(sys, "frozen", False)
    assert default_workspace().name == "workspace.cs360"
    assert portable_settings_file() is None


def test_a_portable_copy_keeps_both_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = portable_program(
        tmp_path, monkeypatch, marker="portable.txt", executable="cs360desk.exe"
    )
    assert default_workspace() == program.resolve() / "data" / "workspace.cs360"
    assert portable_settings_file() == program.resolve() / "data" / "settings.ini"
