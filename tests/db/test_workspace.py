"""Opening a workspace: new files are set up; files that are not ours are refused untouched."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cs360desk.db.engine import APPLICATION_ID
from cs360desk.db.migration import head_revision
from cs360desk.db.server import ServerUnreachableError
from cs360desk.db.workspace import inspect_workspace, is_current, open_workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.services import catalog


def sqlite_value(path: Path, sql: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def make_workspace_with_data(path: Path) -> Path:
    workspace = open_workspace(path)
    with workspace.session_factory.begin() as session:
        catalog.AGENCY.create(session, name="Riverside Police Department")
        for number in range(40):
            catalog.PERSON.create(session, full_name=f"Nguyễn Thị Hoa {number}", notes="x" * 500)
    workspace.close()
    return path


@dataclass(frozen=True)
class Snapshot:
    data: bytes
    mtime_ns: int
    neighbours: frozenset[str]

    @classmethod
    def of(cls, path: Path) -> Snapshot:
        return cls(
            path.read_bytes(),
            path.stat().st_mtime_ns,
            frozenset(p.name for p in path.parent.iterdir()),
        )


def test_new_workspace_is_marked_migrated_and_usable(tmp_path: Path) -> None:
    path = tmp_path / "new.cs360"
    workspace = open_workspace(path)
    try:
        assert path.is_file()
        assert workspace.path == path
        with workspace.session_factory.begin() as session:
            catalog.AGENCY.create(session, name="Riverside PD")
    finally:
        workspace.close()
    assert sqlite_value(path, "PRAGMA application_id") == APPLICATION_ID
    assert sqlite_value(path, "SELECT version_num FROM alembic_version") == head_revision()
    assert is_current(inspect_workspace(path))


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = make_workspace_with_data(tmp_path / "w.cs360")
    workspace = open_workspace(path)
    try:
        with workspace.session_factory.begin() as session:
            assert catalog.AGENCY.list(session)[0].name == "Riverside Police Department"
            names = [person.full_name for person in catalog.PERSON.list(session)]
        assert len(names) == 40
        assert "Nguyễn Thị Hoa 7" in names
    finally:
        workspace.close()
    assert sqlite_value(path, "SELECT version_num FROM alembic_version") == head_revision()


def test_inspect_reports_a_sound_current_workspace(tmp_path: Path) -> None:
    path = make_workspace_with_data(tmp_path / "w.cs360")
    for full_check in (False, True):
        status = inspect_workspace(path, full_check=full_check)
        assert status.revision == head_revision()
        assert status.sound
        assert status.problems == ()


def test_inspect_leaves_no_side_files(tmp_path: Path) -> None:
    """A read-only look must not leave -wal/-shm files behind (e.g. on a USB stick)."""
    path = make_workspace_with_data(tmp_path / "w.cs360")
    before = Snapshot.of(path)
    inspect_workspace(path, full_check=True)
    after = Snapshot.of(path)
    assert after == before


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(360).randbytes(8192))
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def truncated_workspace(path: Path) -> Path:
    make_workspace_with_data(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def other_programs_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO recipes (name) VALUES ('pho')")
    connection.commit()
    connection.close()
    return path


def workspace_from_newer_version(path: Path) -> Path:
    make_workspace_with_data(path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    return path


REFUSED: list[tuple[Callable[[Path], Path], str]] = [
    (random_bytes, "not a SQLite database"),
    (empty_file, "is empty"),
    (truncated_workspace, "truncated"),
    (other_programs_database, "another program"),
    (workspace_from_newer_version, "newer version"),
]


@pytest.mark.parametrize("opener", [open_workspace, inspect_workspace], ids=["open", "inspect"])
@pytest.mark.parametrize(
    ("make_file", "message"), REFUSED, ids=[make.__name__ for make, _ in REFUSED]
)
def test_refused_file_is_left_untouched(
    tmp_path: Path,
    opener: Callable[[Path], object],
    make_file: Callable[[Path], Path],
    message: str,
) -> None:
    path = make_file(tmp_path / "suspect.cs360")
    before = Snapshot.of(path)
    assert before.neighbours == {"suspect.cs360"}, "the setup must leave no side files"

    with pytest.raises(WorkspaceError, match=message) as info:
        opener(path)

    assert str(path) in str(info.value)
    after = Snapshot.of(path)
    assert after.data == before.data
    assert after.mtime_ns == before.mtime_ns
    assert after.neighbours == before.neighbours, "no -wal/-shm files may appear"


def test_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.cs360"
    folder.mkdir()
    with pytest.raises(WorkspaceError, match="not a file"):
        open_workspace(folder)
    assert list(folder.iterdir()) == []


def test_path_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "w.cs360"
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(path)
    assert not path.parent.exists()


def test_marked_file_without_tables_is_migrated(tmp_path: Path) -> None:
    """A first run that stopped after marking the file resumes instead of refusing it."""
    path = tmp_path / "half.cs360"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.execute("VACUUM")  # forces the header (with the id) onto disk
    connection.close()
    assert inspect_workspace(path).revision == "(empty)"

    workspace = open_workspace(path)
    workspace.close()
    assert sqlite_value(path, "SELECT version_num FROM alembic_version") == head_revision()


@pytest.mark.parametrize("given", ["text", "location"])
def test_a_workspace_opens_from_text_or_a_location_as_from_a_path(
    tmp_path: Path, given: str
) -> None:
    path = tmp_path / "Ríoverde PD.cs360"
    location = WorkspaceLocation.file(path)
    workspace = open_workspace(str(path) if given == "text" else location)
    try:
        assert workspace.path == path and path.is_file()
        assert workspace.location == location
        assert workspace.location.describe() == str(path)
    finally:
        workspace.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_an_unreachable_server_is_one_sentence_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool
) -> None:
    monkeypatch.chdir(tmp_path)  # a URL mistaken for a path would create files here
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # nor a snapshot folder
    with pytest.raises(ServerUnreachableError) as refused:
        open_workspace("postgresql://hoa:s3cr@127.0.0.1:1/cs360", read_only=read_only)
    message = str(refused.value)
    assert message.startswith("cannot reach the PostgreSQL server at postgresql://hoa@127.0.0.1:1/")
    assert message.endswith("; nothing was changed") and "\n" not in message
    assert "s3cr" not in message
    assert list(tmp_path.iterdir()) == []
