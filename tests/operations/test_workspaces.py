"""A workspace as a whole: opening one that must exist, the full check, the record counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cs360desk.db.migration import head_revision
from cs360desk.domain.errors import WorkspaceError
from cs360desk.operations.workspaces import (
    NoWorkspaceError,
    check_workspace,
    existing_workspace,
    record_counts,
)
from cs360desk.services.catalog import AGENCY, PERSON
from tests.workspace_support import transaction_in


def workspace_with_people(path: Path, *names: str) -> Path:
    with transaction_in(path) as session:
        AGENCY.create(session, name="Ríoverde Police Department")
        for name in names:
            PERSON.create(session, full_name=name)
    return path


def test_existing_workspace_is_open_inside_the_block_and_closed_after(tmp_path: Path) -> None:
    path = workspace_with_people(tmp_path / "w.cs360", "Nguyễn Thị Hoa")
    with existing_workspace(path) as workspace:
        assert workspace.path == path and not workspace.read_only
        with workspace.session_factory.begin() as session:
            assert [p.full_name for p in PERSON.list(session)] == ["Nguyễn Thị Hoa"]
    # Disposed: nothing of this process holds the file any more.
    assert workspace.engine.pool.checkedout() == 0


def test_existing_workspace_never_creates_one(tmp_path: Path) -> None:
    missing = tmp_path / "missing.cs360"
    with (
        pytest.raises(NoWorkspaceError, match="no workspace at") as raised,
        existing_workspace(missing),
    ):
        pytest.fail("the block must not run")
    assert raised.value.path == missing
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_existing_workspace_refuses_another_file_and_leaves_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes.cs360"
    notes.write_text("shopping list", encoding="utf-8")
    with (
        pytest.raises(WorkspaceError, match="not a CS360 Desk workspace"),
        existing_workspace(notes),
    ):
        pytest.fail("the block must not run")
    assert notes.read_text(encoding="utf-8") == "shopping list"


def test_check_of_a_sound_current_workspace(tmp_path: Path) -> None:
    path = workspace_with_people(tmp_path / "w.cs360", "Ana Ruiz")
    before = path.read_bytes()
    check = check_workspace(path)
    assert check.sound and check.current and check.problems == ()
    assert check.revision == head_revision() and check.path == path
    assert path.read_bytes() == before


def test_check_of_a_missing_workspace(tmp_path: Path) -> None:
    with pytest.raises(NoWorkspaceError, match="no workspace at"):
        check_workspace(tmp_path / "missing.cs360")
    assert list(tmp_path.iterdir()) == []


def test_check_of_another_programs_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "contacts.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(WorkspaceError, match="another program"):
        check_workspace(other)
    assert other.read_bytes() == before


def test_an_older_schema_is_sound_but_not_current(tmp_path: Path) -> None:
    path = workspace_with_people(tmp_path / "w.cs360")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    check = check_workspace(path)
    assert check.sound and not check.current and check.revision == "0001"


def test_record_counts_name_every_kind(tmp_path: Path) -> None:
    path = workspace_with_people(tmp_path / "w.cs360", "Ana Ruiz", "Trần Văn Minh")
    with existing_workspace(path) as workspace:
        counts = record_counts(workspace=workspace)
    assert counts["agency"] == 1 and counts["person"] == 2
    assert counts["action item"] == 0 and "measurement" in counts
