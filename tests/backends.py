"""One fixture, two kinds of workspace: every service and operation test runs on a
workspace file (SQLite) and on a shared workspace (a real PostgreSQL server).

Import `workspace` and `sample` into a suite's conftest.py to run it on both. The server is
one throwaway cluster per test run (tests/postgres_support.py); each test gets a database of
its own, cloned from a template made once at the schema's head (or holding the small sample
agency), and dropped after.

A test that is about files (backups beside the workspace, the lock file, sync folders) asks
for `file_workspace` or takes `tmp_path` and opens its own file, and runs once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cs360desk.db.workspace import Workspace, open_workspace
from tests.postgres_support import Cluster, skip_or_fail, start_cluster, unavailable_reason
from tests.tracker_support import sample_copy

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
HEAD_TEMPLATE = "cs360_head"
SAMPLE_TEMPLATE = "cs360_sample"


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """The test run's server, with the templates the fixtures clone."""
    skip_or_fail()
    cluster = start_cluster()
    try:
        _make_templates(cluster, tmp_path_factory.mktemp("pg-templates"))
        yield cluster
    finally:
        cluster.stop()


def _make_templates(cluster: Cluster, folder: Path) -> None:
    from cs360desk.db.copying import copy_rows, snapshot

    cluster.admin(f"CREATE DATABASE {HEAD_TEMPLATE}")
    open_workspace(cluster.url(HEAD_TEMPLATE)).close()
    cluster.admin(f"CREATE DATABASE {SAMPLE_TEMPLATE} TEMPLATE {HEAD_TEMPLATE}")
    source = open_workspace(sample_copy(folder), read_only=True)
    target = open_workspace(cluster.url(SAMPLE_TEMPLATE))
    try:
        with snapshot(source.engine) as reading, target.engine.begin() as writing:
            copy_rows(reading, writing)
    finally:
        source.close()
        target.close()


def server_database(request: pytest.FixtureRequest, template: str) -> Iterator[str]:
    """A fresh database on the test run's server, cloned from `template`, dropped after."""
    cluster: Cluster = request.getfixturevalue("postgres")
    name = cluster.new_database(template=template)
    try:
        yield cluster.url(name)
    finally:
        cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which kind of workspace this run of the test is on."""
    return str(request.param)


@pytest.fixture
def workspace_location(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[str | Path]:
    """Where an empty workspace of the test's backend may be opened (or already is)."""
    if backend == "sqlite":
        yield tmp_path / "w.cs360"
        return
    yield from server_database(request, HEAD_TEMPLATE)


@pytest.fixture
def workspace(workspace_location: str | Path) -> Iterator[Workspace]:
    opened = open_workspace(workspace_location)
    yield opened
    opened.close()


@pytest.fixture
def sample_location(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[str | Path]:
    """A fresh copy of the small sample agency, on the test's backend."""
    if backend == "sqlite":
        yield sample_copy(tmp_path)
        return
    yield from server_database(request, SAMPLE_TEMPLATE)


@pytest.fixture
def sample(sample_location: str | Path) -> Iterator[Workspace]:
    """A fresh copy of the small sample agency, open."""
    opened = open_workspace(sample_location)
    yield opened
    opened.close()


@pytest.fixture
def file_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace file, for the tests that are about the file itself."""
    opened = open_workspace(tmp_path / "w.cs360")
    yield opened
    opened.close()


def postgres_available() -> bool:
    return unavailable_reason() is None
