"""A throwaway PostgreSQL cluster for the tests: the system's own initdb and pg_ctl.

One cluster per test run, in a temporary folder, listening on 127.0.0.1 at a free port, with
password authentication over TCP (as a county's server would have). Run as root (CI), the
server runs as the `postgres` system user, since PostgreSQL refuses to run as root.

Where PostgreSQL is not installed the tests that need it skip with one line saying how to
install it; with CS360DESK_REQUIRE_POSTGRES=1 (set by .ci/run) that is a failure instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

REQUIRED = "CS360DESK_REQUIRE_POSTGRES"
HOW_TO_INSTALL = (
    "PostgreSQL is not installed, so the shared-workspace tests skip: install it "
    "(Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@16)"
)
SUPERUSER = "cs360admin"
PASSWORD = "s3cret-for-tests"
_BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _BIN_FOLDERS:
        if (folder / name).exists():
            return str(folder / name)
    return None


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None when one can."""
    if _tool("initdb") is None or _tool("pg_ctl") is None:
        return HOW_TO_INSTALL
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "PostgreSQL refuses to run as root, and runuser is missing to run it as postgres"
    return None


def skip_or_fail() -> None:
    """Skip a test that needs PostgreSQL here, or fail it where CI requires PostgreSQL."""
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get(REQUIRED) == "1":
        pytest.fail(f"{REQUIRED}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running server; `url(database, user, password)` addresses it."""

    folder: Path
    port: int
    _numbers: Iterator[int]

    def url(self, database: str, user: str = SUPERUSER, password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password is not None else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Run statements as the superuser, outside any transaction (CREATE DATABASE...)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def query(self, sql: str, database: str) -> list[tuple[object, ...]]:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            return list(connection.execute(sql).fetchall())  # type: ignore[arg-type]

    def new_database(self, template: str | None = None) -> str:
        """An empty database (or a copy of `template`) with a name no other test uses."""
        name = f"ws{next(self._numbers)}"
        source = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name}{source}")
        return name

    def stop(self) -> None:
        _run_as_server_user(
            [_need("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def _need(name: str) -> str:
    found = _tool(name)
    assert found is not None, HOW_TO_INSTALL
    return found


def _run_as_server_user(command: list[str], *, check: bool = True) -> None:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)


def start_cluster() -> Cluster:
    folder = Path(tempfile.mkdtemp(prefix="cs360-pg-"))
    data = folder / "data"
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(password_file, "postgres", "postgres")
    _run_as_server_user(
        [
            _need("initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(password_file),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ]
    )
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    _run_as_server_user(
        [_need("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]
    )
    cluster = Cluster(folder, port, count(1))
    _wait_until_up(cluster)
    return cluster


def _wait_until_up(cluster: Cluster) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            cluster.admin("SELECT 1")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
