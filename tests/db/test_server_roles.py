"""Roles on the server: one that may only read opens read-only, an editor edits, and the
History names whoever made each change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.read_only import READ_ONLY_BANNER
from cs360desk.db.sqlite_errors import ReadOnlyWorkspaceError
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.services import catalog
from tests.backends import SAMPLE_TEMPLATE
from tests.postgres_support import Cluster

pytestmark = pytest.mark.postgresql
ROLE_PASSWORD = "role-pass-7"
READS_ONLY = "your role on the server may only read it"


@pytest.fixture
def database(postgres: Cluster) -> Iterator[str]:  # noqa: F811
    name = postgres.new_database(template=SAMPLE_TEMPLATE)
    yield name
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def role(postgres: Cluster, database: str) -> Iterator[Callable[[str, str], str]]:  # noqa: F811
    """`role(kind, privileges)`: a login role on the test's database, dropped after."""
    made: list[str] = []

    def make(kind: str, privileges: str) -> str:
        name = f"{kind}_{database}"
        postgres.admin(
            f"CREATE ROLE {name} LOGIN PASSWORD '{ROLE_PASSWORD}';"
            f"GRANT CONNECT ON DATABASE {database} TO {name};"
        )
        postgres.admin(
            f"GRANT USAGE ON SCHEMA public TO {name};"
            f"GRANT {privileges} ON ALL TABLES IN SCHEMA public TO {name};"
            f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {name};",
            database=database,
        )
        made.append(name)
        return postgres.url(database, user=name, password=ROLE_PASSWORD)

    yield make
    for name in made:
        postgres.admin(f"DROP OWNED BY {name} CASCADE", database=database)
        postgres.admin(f"DROP ROLE IF EXISTS {name}")


def people(postgres: Cluster, database: str) -> list[tuple[object, ...]]:  # noqa: F811
    return postgres.query("SELECT * FROM person ORDER BY id", database)


def history(workspace: Workspace) -> list[tuple[str, str]]:
    with workspace.session_factory.begin() as session:
        rows = session.execute(select(m.ChangeRecord.who, m.ChangeRecord.entity))
        return [(who, entity) for who, entity in rows]


def test_a_role_that_may_only_read_opens_read_only_and_writes_nothing(
    postgres: Cluster,  # noqa: F811
    database: str,
    role: Callable[[str, str], str],
) -> None:
    url = role("chief", "SELECT")
    before = people(postgres, database)
    workspace = open_workspace(url)
    try:
        assert workspace.read_only
        assert READ_ONLY_BANNER.format(reason=READS_ONLY) in workspace.notices
        with workspace.session_factory.begin() as session:
            assert catalog.PERSON.list(session)  # reading works
        with (
            pytest.raises(ReadOnlyWorkspaceError) as refused,
            workspace.session_factory.begin() as session,
        ):
            catalog.PERSON.create(session, full_name="Written by a reader")
        assert str(refused.value) == (
            "not saved: your role on the server may only read this workspace."
        )
    finally:
        workspace.close()
    assert people(postgres, database) == before


def test_an_editor_edits_and_the_history_names_the_role(
    postgres: Cluster,  # noqa: F811
    role: Callable[[str, str], str],
    database: str,
) -> None:
    url = role("editor", "SELECT, INSERT, UPDATE, DELETE")
    workspace = open_workspace(url)
    try:
        assert not workspace.read_only and workspace.notices == ()
        assert workspace.acting_user == f"editor_{database}"
        with workspace.session_factory.begin() as session:
            person = catalog.PERSON.create(session, full_name="Added by the editor")
            catalog.PERSON.update(session, person.id, title="Sergeant")
        assert history(workspace) == [(f"editor_{database}", "person")] * 2
    finally:
        workspace.close()
    named = open_workspace(url, acting_user="Sgt. Hoa Tran")
    try:
        with named.session_factory.begin() as session:
            catalog.PERSON.delete(session, person.id)
        assert history(named)[-1] == ("Sgt. Hoa Tran", "person")
    finally:
        named.close()
