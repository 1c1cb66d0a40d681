"""Which workspace a command uses without --db: $CS360DESK_DB, else the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs360desk.cli import parse_args
from cs360desk.cli.common import DB_ENV
from cs360desk.domain.workspace_location import WorkspaceLocation
from tests.portable_support import portable_program


@pytest.fixture
def portable_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program = portable_program(tmp_path, monkeypatch)
    monkeypatch.delenv(DB_ENV, raising=False)
    return program.resolve()


def test_a_portable_copy_uses_its_data_folder(portable_copy: Path) -> None:
    assert parse_args(["check"]).db == WorkspaceLocation.file(
        portable_copy / "data" / "workspace.cs360"
    )


def test_the_environment_variable_wins_over_the_portable_folder(
    portable_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "chosen.cs360"))
    assert parse_args(["check"]).db == WorkspaceLocation.file(tmp_path / "chosen.cs360")


def test_db_wins_over_both(
    portable_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "chosen.cs360"))
    chosen = parse_args(["--db", str(tmp_path / "x.cs360"), "check"]).db
    assert chosen == WorkspaceLocation.file(tmp_path / "x.cs360")


def test_help_names_the_portable_workspace(
    portable_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    # argparse wraps the epilog at spaces; the tmp path itself has none.
    printed = "".join(capsys.readouterr().out.split())
    assert str(portable_copy / "data" / "workspace.cs360") in printed
