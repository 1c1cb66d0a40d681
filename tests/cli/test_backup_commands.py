"""backup, backups and restore from the command line, including refusals."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from cs360desk.cli import backup_commands, guarded
from cs360desk.cli.backup_commands import human_size
from cs360desk.db.workspace import open_workspace
from cs360desk.services.catalog import PERSON
from tests.sqlite_support import person_names


def run(db: Path, *argv: str) -> tuple[int, str, str]:
    """The command as `cs360desk --db DB ...` runs it, whether or not it is registered yet."""
    parser = argparse.ArgumentParser(prog="cs360desk")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--debug", action="store_true")
    backup_commands.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", str(db), *argv])
    out, err = io.StringIO(), io.StringIO()
    handler = backup_commands.HANDLERS[args.command]
    code = guarded(args, lambda: handler(args, out), err)
    return code, out.getvalue(), err.getvalue()


def make(db: Path, *names: str) -> Path:
    workspace = open_workspace(db)
    with workspace.session_factory.begin() as session:
        for name in names:
            PERSON.create(session, full_name=name)
    workspace.close()
    return db


def names(db: Path) -> list[str]:
    return person_names(db)


def test_backup_prints_the_new_path_beside_the_workspace(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    code, out, err = run(db, "backup")
    assert (code, err) == (0, "")
    made = Path(out.strip())
    assert made.parent == tmp_path / "w-backups" and made.is_file()
    assert names(made) == ["Hoa"]


def test_backup_to_a_chosen_folder(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    code, out, _ = run(db, "backup", "--to", str(tmp_path / "usb"))
    assert code == 0 and Path(out.strip()).parent == tmp_path / "usb"


def test_backup_into_an_unusable_folder_is_one_clear_line(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    (tmp_path / "usb").write_text("a file, not a folder")
    code, out, err = run(db, "backup", "--to", str(tmp_path / "usb"))
    assert code == 1 and out == ""
    assert err.startswith("cs360desk: cannot write backups to") and err.count("\n") == 1


def test_backup_of_a_missing_workspace_is_refused(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "none.cs360", "backup")
    assert code == 1 and "no workspace at" in err
    assert list(tmp_path.iterdir()) == []


def test_backups_lists_date_and_size(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    assert run(db, "backups")[1].startswith("No backups of w.cs360")
    _, first, _ = run(db, "backup")
    _, second, _ = run(db, "backup")
    code, out, _ = run(db, "backups")
    lines = out.splitlines()
    assert code == 0 and "newest first" in lines[0]
    assert lines[1].endswith(second.strip()) and lines[2].endswith(first.strip())
    assert " KB " in lines[1]


def test_restore_replaces_and_keeps_the_current_workspace(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    _, made, _ = run(db, "backup")
    make(db, "Later")
    code, out, err = run(db, "restore", made.strip())
    assert (code, err) == (0, "")
    assert "w.cs360.pre-restore" in out
    assert names(db) == ["Hoa"]
    assert names(tmp_path / "w.cs360.pre-restore") == ["Hoa", "Later"]


def test_restore_of_a_non_workspace_leaves_everything_untouched(tmp_path: Path) -> None:
    db = make(tmp_path / "w.cs360", "Hoa")
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a workspace at all, just some text " * 10)
    before = db.read_bytes()
    siblings = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run(db, "restore", str(bogus))
    assert code == 1 and out == "" and "not a CS360 Desk workspace" in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_sizes_read_well() -> None:
    assert human_size(512) == "512 bytes"
    assert human_size(2048) == "2.0 KB"
    assert human_size(5 * 1024 * 1024) == "5.0 MB"
