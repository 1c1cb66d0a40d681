"""Shared workspaces' passwords: kept in the keychain (a failing one survived), and which
failures to open ask for a password."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.operations.server_passwords import (
    SERVICE_NAME,
    PasswordTrouble,
    forget_password,
    keychain_name,
    password_trouble,
    remember_password,
    remembered_password,
)
from cs360desk.operations.workspaces import open_workspace
from tests.postgres_support import PASSWORD, SUPERUSER, Cluster

SERVER = WorkspaceLocation.parse("postgresql://chief@db.agency.local:6543/lakeview")


class MemoryKeychain(KeyringBackend):
    """A keychain held in memory, so no test touches the computer's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class BrokenKeychain(KeyringBackend):
    """A computer without a usable keychain: every call fails, as keyring's own do."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


def use_keychain(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """A fixture's body: `backend` as the keychain during the test, the one before after."""
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def keychain() -> Iterator[MemoryKeychain]:
    yield from use_keychain(MemoryKeychain())  # type: ignore[misc]


@pytest.fixture(params=[NoKeyringError(), KeyringError("locked"), RuntimeError("dbus gone")])
def broken_keychain(request: pytest.FixtureRequest) -> Iterator[KeyringBackend]:
    yield from use_keychain(BrokenKeychain(request.param))


def test_the_keychain_entry_names_user_server_port_and_database() -> None:
    assert keychain_name(SERVER) == "chief@db.agency.local:6543/lakeview"
    default_port = WorkspaceLocation.parse("postgresql://chief@db.agency.local/lakeview")
    assert keychain_name(default_port) == "chief@db.agency.local:5432/lakeview"


def test_a_remembered_password_is_read_back_and_forgotten(keychain: MemoryKeychain) -> None:
    assert remembered_password(SERVER).password is None
    assert remember_password(SERVER, "pässwörd") is None
    assert keychain.kept == {(SERVICE_NAME, "chief@db.agency.local:6543/lakeview"): "pässwörd"}
    found = remembered_password(SERVER)
    assert found.password == "pässwörd" and found.problem is None
    forget_password(SERVER)
    assert keychain.kept == {}
    forget_password(SERVER)  # nothing kept: nothing to do, no error


def test_a_failing_keychain_never_raises_and_says_why(broken_keychain: KeyringBackend) -> None:
    found = remembered_password(SERVER)
    assert found.password is None
    assert found.problem is not None and "cannot be remembered" in found.problem
    assert remember_password(SERVER, "x") == found.problem
    forget_password(SERVER)


def test_which_failures_ask_for_a_password(postgres: Cluster) -> None:  # noqa: F811
    database = postgres.new_database()
    asked = postgres.url(database, password=None)
    wrong = postgres.url(database, password="not-" + PASSWORD)
    gone = f"postgresql://{SUPERUSER}@127.0.0.1:1/{database}"
    troubles = []
    for url in (asked, wrong, gone):
        with pytest.raises(Exception) as raised:
            open_workspace(url).close()
        troubles.append(password_trouble(raised.value))
    assert troubles == [PasswordTrouble.ASKED, PasswordTrouble.REFUSED, None]
    assert password_trouble(ValueError("no password supplied")) is None
    # Nothing was written: the database is as empty as it was made.
    assert postgres.query("SELECT count(*) FROM pg_tables WHERE schemaname='public'", database) == [
        (0,)
    ]
