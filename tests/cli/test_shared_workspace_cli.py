"""The command line on a shared workspace: a real PostgreSQL server, one database per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cs360desk.app import main
from cs360desk.db import copying
from cs360desk.db.migration import head_revision
from cs360desk.db.workspace import inspect_workspace, open_workspace
from cs360desk.domain.enums import ActionStatus
from cs360desk.domain.errors import kind_name
from cs360desk.domain.tracker import ACTION_ITEMS
from cs360desk.services import catalog
from cs360desk.services.workspace_info import entity_counts
from tests.backends import SAMPLE_TEMPLATE
from tests.postgres_support import PASSWORD, Cluster
from tests.tracker_support import database_state, edit_workbook, row_of, sample_copy

pytestmark = pytest.mark.postgresql
WRONG_PASSWORD = "not-the-password-42"


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shared workspace's snapshots go to the user data folder: the test's own."""
    folder = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def new_database(postgres: Cluster) -> Iterator[Callable[..., str]]:  # noqa: F811
    made: list[str] = []

    def make(template: str | None = None) -> str:
        made.append(postgres.new_database(template=template))
        return made[-1]

    yield make
    for name in made:
        postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], log_folder: Path
) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """`cs360desk ARGS` in this process: exit code, stdout, stderr. The password is in no
    output, nor in any log line."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        for secret in (PASSWORD, WRONG_PASSWORD):
            assert secret not in captured.out + captured.err
        return code, captured.out, captured.err

    yield run
    for log in log_folder.rglob("*"):
        if log.is_file():
            text = log.read_text(encoding="utf-8", errors="replace")
            assert PASSWORD not in text and WRONG_PASSWORD not in text


def server_state(cluster: Cluster, database: str) -> dict[str, list[str]]:
    """Every row of every table in the database, read as the superuser."""
    query = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    tables = [str(name) for (name,) in cluster.query(query, database)]
    return {
        table: sorted(repr(row) for row in cluster.query(f'SELECT * FROM "{table}"', database))
        for table in tables
    }


def state_of(location: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    workspace = open_workspace(location, read_only=True)
    try:
        return database_state(workspace)
    finally:
        workspace.close()


def counts_of(location: str | Path) -> dict[str, int]:
    workspace = open_workspace(location, read_only=True)
    try:
        with workspace.session_factory.begin() as session:
            return entity_counts(session)
    finally:
        workspace.close()


def assert_counts_printed(out: str, counts: dict[str, int]) -> None:
    for kind, count in counts.items():
        line = next(line for line in out.splitlines() if line.strip().startswith(kind_name(kind)))
        assert line.split()[-2:] == [f"{count:,}", f"{count:,}"], line


def test_init_sets_up_the_schema_at_head(postgres: Cluster, new_database, cli) -> None:  # noqa: F811
    name = new_database()
    url = postgres.url(name)
    code, out, err = cli("--db", url, "init")
    assert code == 0 and err == "" and out.startswith("Workspace set up at postgresql://")
    assert postgres.query("SELECT version_num FROM alembic_version", name) == [(head_revision(),)]
    before = server_state(postgres, name)
    code, out, _ = cli("--db", url, "init")
    assert code == 0 and "is a workspace already; left as it is" in out
    assert server_state(postgres, name) == before


def test_demo_fills_a_server_and_refuses_to_overwrite_it(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
) -> None:
    name = new_database()
    url = postgres.url(name)
    code, out, _ = cli("--db", url, "demo")
    assert code == 0 and out.startswith("Sample agency written to postgresql://")
    counts = counts_of(url)
    assert counts["agency"] == 1 and counts["action item"] > 10
    before = server_state(postgres, name)
    code, out, err = cli("--db", url, "demo")
    assert code == 1 and out == "" and "already holds an agency" in err
    assert server_state(postgres, name) == before


def test_copy_up_to_a_server_and_back_keeps_ids_history_and_stage_dates(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
) -> None:
    laptop = sample_copy(tmp_path)
    edited = open_workspace(laptop, acting_user="Sgt. Hoa")
    try:
        with edited.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="María Núñez")
    finally:
        edited.close()
    url = postgres.url(new_database())
    counts = counts_of(laptop)
    code, out, err = cli("copy", str(laptop), url)
    assert code == 0, err
    assert out.startswith(f"Copied {laptop} into postgresql://")
    assert_counts_printed(out, counts)
    original = state_of(laptop)
    assert original["change_record"] and original["stage_change"]
    assert state_of(url) == original
    back = tmp_path / "back" / "portable.cs360"
    code, out, err = cli("copy", url, str(back))
    assert code == 0, err
    assert_counts_printed(out, counts)
    assert state_of(back) == original
    # The server goes on numbering after the highest id copied in.
    workspace = open_workspace(url)
    try:
        with workspace.session_factory.begin() as session:
            person = catalog.PERSON.create(session, full_name="Added on the server")
    finally:
        workspace.close()
    assert person.id == max(row[0] for row in original["person"]) + 1


def test_copy_onto_an_agency_needs_force_and_keeps_the_old_one(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
) -> None:
    name = new_database(template=SAMPLE_TEMPLATE)
    url = postgres.url(name)
    other = tmp_path / "other.cs360"
    assert cli("--db", str(other), "demo", "--seed", "7")[0] == 0
    before = server_state(postgres, name)
    old_counts = counts_of(url)
    code, out, err = cli("copy", str(other), url)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "already holds the workspace of" in err and "--force" in err
    assert server_state(postgres, name) == before
    code, out, err = cli("copy", str(other), url, "--force")
    assert code == 0, err
    kept = Path(out.strip().splitlines()[-1].removeprefix("What the destination held is kept as "))
    assert kept.is_file() and inspect_workspace(kept, full_check=True).sound
    assert counts_of(kept) == old_counts
    assert state_of(url) == state_of(other)


def test_backup_writes_a_sound_snapshot(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
) -> None:
    url = postgres.url(new_database(template=SAMPLE_TEMPLATE))
    code, out, err = cli("--db", url, "backup", "--to", str(tmp_path / "usb"))
    assert code == 0, err
    snapshot = Path(out.strip())
    assert snapshot.parent == tmp_path / "usb" and snapshot.suffix == ".cs360"
    assert inspect_workspace(snapshot, full_check=True).sound
    assert counts_of(snapshot) == counts_of(url)
    assert state_of(snapshot) == state_of(url)
    code, out, _ = cli("--db", url, "backups", "--in", str(tmp_path / "usb"))
    assert code == 0 and str(snapshot) in out


def test_a_snapshot_is_the_workspace_at_one_moment_while_others_write(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone saves a person (and its History row) after the snapshot began, while its
    tables are being read: the snapshot holds neither, and its counts still agree."""
    url = postgres.url(new_database(template=SAMPLE_TEMPLATE))
    before = counts_of(url)
    real_counts = copying.table_counts
    writes: list[str] = []

    def count_then_let_someone_save(connection: Any) -> dict[str, int]:
        counted = real_counts(connection)
        if not writes:  # the source's counts, read first in the snapshot transaction
            isolation = connection.exec_driver_sql("SHOW transaction_isolation").scalar()
            writes.append(str(isolation))
            other = open_workspace(url)
            try:
                with other.session_factory.begin() as session:
                    catalog.PERSON.create(session, full_name="Saved during the snapshot")
            finally:
                other.close()
        return counted

    monkeypatch.setattr(copying, "table_counts", count_then_let_someone_save)
    code, out, err = cli("--db", url, "backup", "--to", str(tmp_path / "snaps"))
    assert code == 0, err
    assert writes == ["repeatable read"]
    monkeypatch.setattr(copying, "table_counts", real_counts)
    assert counts_of(Path(out.strip())) == before
    assert counts_of(url)["person"] == before["person"] + 1


def test_restore_into_a_server_needs_force_and_keeps_a_snapshot(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
) -> None:
    name = new_database(template=SAMPLE_TEMPLATE)
    url = postgres.url(name)
    backup = Path(cli("--db", url, "backup", "--to", str(tmp_path / "b"))[1].strip())
    as_backed_up = state_of(url)
    workspace = open_workspace(url)
    try:
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name="Added after the backup")
    finally:
        workspace.close()
    before = server_state(postgres, name)
    code, out, err = cli("--db", url, "restore", str(backup))
    assert code == 1 and out == "" and "add --force" in err and err.count("\n") == 1
    assert server_state(postgres, name) == before
    code, out, err = cli("--db", url, "restore", str(backup), "--force")
    assert code == 0, err
    kept = Path(out.strip().splitlines()[-1].removeprefix("The workspace as it was is kept as "))
    assert state_of(url) == as_backed_up
    names = [row[1] for row in state_of(kept)["person"]]
    assert "Added after the backup" in names


def _refusals(source: Path, backup: Path) -> list[tuple[str, ...]]:
    """Every command that would write, as arguments after `--db URL` (or with URL in it)."""
    return [
        ("init",),
        ("demo",),
        ("info",),
        ("check",),
        ("backup", "--to", str(backup.parent / "snaps")),
        ("restore", str(backup), "--force"),
        ("copy", str(source), "{url}"),
    ]


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("unreachable", "cannot reach the PostgreSQL server at postgresql://"),
        ("wrong password", "refused the user name or password"),
        ("no such database", "the server has no database named nosuchdb"),
        ("another program", "holds the tables of another program"),
        ("newer schema", "was made by a newer version of CS360 Desk (schema 9999)"),
    ],
)
def test_a_server_that_cannot_be_used_is_one_line_and_nothing_is_written(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
    data_home: Path,
    case: str,
    said: str,
) -> None:
    name = new_database()
    if case == "another program":
        postgres.admin("CREATE TABLE foo (x integer); INSERT INTO foo VALUES (1)", database=name)
    if case == "newer schema":
        open_workspace(postgres.url(name)).close()
        postgres.admin("UPDATE alembic_version SET version_num = '9999'", database=name)
    url = {
        "unreachable": f"postgresql://cs360admin:{PASSWORD}@127.0.0.1:1/{name}",
        "wrong password": postgres.url(name, password=WRONG_PASSWORD),
        "no such database": postgres.url("nosuchdb"),
    }.get(case, postgres.url(name))
    source = sample_copy(tmp_path)
    backup = sample_copy(tmp_path, "backup.cs360")
    files = sorted(tmp_path.rglob("*"))
    before = server_state(postgres, name)
    for command in _refusals(source, backup):
        argv = [part.format(url=url) for part in command]
        code, out, err = cli(*(argv if command[0] == "copy" else ["--db", url, *argv]))
        assert code == 1, (command, out, err)
        assert err.count("\n") == 1 and err.startswith("cs360desk: "), (command, err)
        assert said in err and "Traceback" not in err, (command, err)
        assert server_state(postgres, name) == before, command
        assert sorted(tmp_path.rglob("*")) == files, command
    assert not data_home.exists()


def test_an_import_refuses_a_row_edited_in_the_app_since_the_export(
    postgres: Cluster,  # noqa: F811
    new_database,
    cli,
    tmp_path: Path,
) -> None:
    name = new_database(template=SAMPLE_TEMPLATE)
    url = postgres.url(name)
    tracker = tmp_path / "tracker.xlsx"
    code, _, err = cli("--db", url, "export", "xlsx", "--initiative", "1", "-o", str(tracker))
    assert code == 0, err
    workspace = open_workspace(url)
    try:
        with workspace.session_factory.begin() as session:
            items = catalog.ACTION_ITEM.list(session, initiative_id=1)
            first = next(item for item in items if not item.status.is_closed)
            catalog.ACTION_ITEM.update(session, first.id, status=ActionStatus.DONE)
    finally:
        workspace.close()

    def edit(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        sheet[f"C{row_of(sheet, first.id)}"] = "Blocked"

    edit_workbook(tracker, edit)
    before = server_state(postgres, name)
    code, out, err = cli("--db", url, "import", "xlsx", str(tracker), "--apply")
    assert code == 1 and err.count("\n") == 1
    assert "changed in CS360 Desk since the export (now 'Done')" in out
    assert server_state(postgres, name) == before
    workspace = open_workspace(url, read_only=True)
    try:
        with workspace.session_factory.begin() as session:
            assert catalog.ACTION_ITEM.get(session, first.id).status is ActionStatus.DONE
    finally:
        workspace.close()
