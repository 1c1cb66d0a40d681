"""The migrations build exactly the schema the models describe, and run to head at open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect as sa_inspect

from cs360desk.db import models  # noqa: F401  (registers every table)
from cs360desk.db.base import Base
from cs360desk.db.migration import (
    current_revision,
    head_revision,
    known_revisions,
    upgrade_to_head,
)
from cs360desk.db.workspace import Workspace, open_workspace
from tests.postgres_support import Cluster


def test_head_is_a_known_revision() -> None:
    assert head_revision() in known_revisions()


def test_fresh_workspace_is_at_head(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert stored == [(head_revision(),)]


def test_autogenerate_finds_no_difference(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_model_table_exists(workspace: Workspace) -> None:
    tables = set(sa_inspect(workspace.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_upgrade_at_head_changes_nothing(workspace: Workspace) -> None:
    upgrade_to_head(workspace.engine)
    with workspace.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        rows = connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
    assert rows == 1


def test_reopening_keeps_the_revision(tmp_path: Path) -> None:
    path = tmp_path / "w.cs360"
    open_workspace(path).close()
    again = open_workspace(path)
    try:
        with again.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
    finally:
        again.close()


def test_the_file_names_give_the_revisions_alembic_finds() -> None:
    """Opening reads revisions from file names; Alembic's own walk must agree, head included."""
    from alembic.script import ScriptDirectory

    from cs360desk.db.migration import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    assert {script.revision for script in scripts.walk_revisions()} == known_revisions()
    assert scripts.get_current_head() == head_revision()


def test_opening_a_current_workspace_runs_no_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "current.cs360"
    open_workspace(path).close()

    def refuse(_engine: object) -> None:
        raise AssertionError("a workspace at head was handed to Alembic")

    monkeypatch.setattr("cs360desk.db.workspace.upgrade_to_head", refuse)
    reopened = open_workspace(path)
    try:
        with reopened.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
    finally:
        reopened.close()


@pytest.fixture
def server_workspace(postgres: Cluster) -> Iterator[Workspace]:  # noqa: F811
    """A workspace set up by the migrations on an empty database of the test server."""
    name = postgres.new_database()
    opened = open_workspace(postgres.url(name))
    yield opened
    opened.close()
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.postgresql
def test_autogenerate_finds_no_difference_on_postgresql(server_workspace: Workspace) -> None:
    with server_workspace.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.postgresql
def test_upgrade_at_head_changes_nothing_on_postgresql(server_workspace: Workspace) -> None:
    def schema() -> object:
        inspector = sa_inspect(server_workspace.engine)
        return {
            table: (inspector.get_columns(table), inspector.get_indexes(table))
            for table in sorted(inspector.get_table_names())
        }

    before = schema()
    upgrade_to_head(server_workspace.engine)
    with server_workspace.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        rows = connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
    assert rows == 1
    assert repr(schema()) == repr(before)
