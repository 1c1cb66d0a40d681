"""The command line: commands, exit codes, one-line errors, files left untouched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cs360desk import __version__
from cs360desk.app import main
from cs360desk.cli.common import workspace_location
from cs360desk.db.migration import head_revision
from cs360desk.db.workspace import open_workspace
from cs360desk.services.catalog import AGENCY, PERSON
from cs360desk.services.workspace_info import entity_counts

ROOT = Path(__file__).resolve().parents[2]


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir())
    return path.read_bytes(), path.stat().st_mtime_ns, siblings


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def make_workspace_with_agency(path: Path) -> None:
    workspace = open_workspace(path)
    with workspace.session_factory.begin() as session:
        AGENCY.create(session, name="Ríoverde Police Department")
        PERSON.create(session, full_name="Nguyễn Thị Hoa")
    workspace.close()


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_small_creates_the_sample_agency(tmp_path: Path, capsys) -> None:
    db = tmp_path / "sample.cs360"
    assert main(["--db", str(db), "demo"]) == 0
    assert str(db) in capsys.readouterr().out
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        counts = entity_counts(session)
    workspace.close()
    assert counts["agency"] == 1
    assert 300 <= counts["action item"] <= 600
    assert counts["measurement"] > 0


def test_demo_refuses_a_workspace_that_holds_an_agency(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    assert main(["--db", str(db), "demo"]) == 1
    err = capsys.readouterr().err.strip()
    assert "--force" in err and len(err.splitlines()) == 1
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        assert [a.name for a in AGENCY.list(session)] == ["Ríoverde Police Department"]
    workspace.close()


def test_demo_keep_existing_leaves_the_workspace_alone(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    assert main(["--db", str(db), "demo", "--keep-existing"]) == 0
    assert "left as it is" in capsys.readouterr().out
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        assert entity_counts(session)["person"] == 1
    workspace.close()


def test_demo_force_replaces_and_keeps_the_old_file(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    assert main(["--db", str(db), "demo", "--force"]) == 0
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1
    old = open_workspace(kept[0])
    with old.session_factory.begin() as session:
        assert [a.name for a in AGENCY.list(session)] == ["Ríoverde Police Department"]
    old.close()
    new = open_workspace(db)
    with new.session_factory.begin() as session:
        assert entity_counts(session)["action item"] > 100
    new.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cs360-demo-")]


def test_info_counts_every_entity(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    assert main(["--db", str(db), "info"]) == 0
    out = capsys.readouterr().out
    for label in ("agency", "person", "action item", "measurement", "communication"):
        assert label in out
    assert any(line.split()[-1] == "1" for line in out.splitlines() if "person" in line)


def test_check_reports_a_sound_workspace(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    before = snapshot(db)
    assert main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert "sound" in out and f"schema {head_revision()}" in out and "current" in out
    assert snapshot(db) == before


@pytest.mark.parametrize("command", ["check", "info", "demo"])
@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("random bytes", lambda p: p.write_bytes(os.urandom(4096))),
        ("empty file", lambda p: p.write_bytes(b"")),
        ("text file", lambda p: p.write_text("name,team\nHoa,PST\n", encoding="utf-8")),
    ],
)
def test_non_workspace_files_are_refused_untouched(tmp_path, capsys, command, kind, make) -> None:
    db = tmp_path / "not-a-workspace.cs360"
    make(db)
    before = snapshot(db)
    assert main(["--db", str(db), command]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "workspace" in err, kind
    assert snapshot(db) == before


@pytest.mark.parametrize("command", ["check", "info", "demo"])
def test_another_programs_database_is_refused_untouched(tmp_path, capsys, command) -> None:
    db = tmp_path / "other.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('Trần Văn Minh')")
    connection.commit()
    connection.close()
    before = snapshot(db)
    assert main(["--db", str(db), command]) == 1
    assert "another program" in capsys.readouterr().err
    assert snapshot(db) == before


@pytest.mark.parametrize("command", ["check", "info", "demo"])
def test_truncated_workspace_is_refused_untouched(tmp_path, capsys, command) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    before = snapshot(db)
    assert main(["--db", str(db), command]) == 1
    assert "truncated" in capsys.readouterr().err
    assert snapshot(db) == before


@pytest.mark.parametrize("command", ["check", "info", "demo"])
def test_newer_workspace_is_refused_untouched(tmp_path, capsys, command) -> None:
    db = tmp_path / "w.cs360"
    make_workspace_with_agency(db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = snapshot(db)
    assert main(["--db", str(db), command]) == 1
    assert "newer version" in capsys.readouterr().err
    assert snapshot(db) == before


def test_missing_workspace_is_reported_for_info_and_check(tmp_path, capsys) -> None:
    db = tmp_path / "missing.cs360"
    assert main(["--db", str(db), "info"]) == 1
    assert main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert err.count("no workspace at") == 2
    assert not db.exists()


def test_errors_are_one_line_without_traceback_and_debug_shows_it(tmp_path: Path) -> None:
    db = tmp_path / "junk.cs360"
    db.write_bytes(b"\x00" * 300)
    plain = run_cli("--db", str(db), "info")
    assert plain.returncode == 1
    assert len(plain.stderr.strip().splitlines()) == 1
    assert "Traceback" not in plain.stderr
    debug = run_cli("--db", str(db), "--debug", "info")
    assert debug.returncode == 1 and "Traceback" in debug.stderr


def test_database_path_comes_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.cs360"
    make_workspace_with_agency(db)
    result = run_cli("info", env={"CS360DESK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert str(db) in result.stdout


def test_usage_errors_exit_non_zero(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["info", "check", "demo", "backup", "init"])
def test_an_unreachable_server_is_one_line_without_its_password(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # where a snapshot folder would go
    assert main(["--db", "postgresql://chief:s3cret@127.0.0.1:1/cs360", command]) == 1
    captured = capsys.readouterr()
    err = captured.err
    assert err.count("\n") == 1 and err.startswith("cs360desk: cannot reach the PostgreSQL")
    assert "chief@127.0.0.1:1/cs360" in err and err.rstrip().endswith("nothing was changed")
    assert "s3cret" not in err + captured.out and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing was created for it


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("https://example.org/agency", "https:// is not a kind of workspace"),
        ("sqlite:///tmp/x.cs360", "sqlite:// is not a kind of workspace"),
        ("  ", "no workspace given"),
    ],
)
def test_the_environment_variable_is_read_as_the_same_location(given: str, said: str) -> None:
    result = run_cli("info", env={"CS360DESK_DB": given})
    assert result.returncode == 2
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert said in result.stderr and "Traceback" not in result.stderr


def test_a_windows_drive_path_stays_a_file() -> None:
    assert workspace_location("C://Users/champion/agency.cs360").require_file() == Path(
        "C://Users/champion/agency.cs360"
    )
    assert workspace_location("~/agency.cs360").require_file() == Path.home() / "agency.cs360"
