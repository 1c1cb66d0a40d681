"""File → Open shared workspace…, the password prompt and the keychain, over a real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from cs360desk.db import app_folders
from cs360desk.db.locking import WorkspaceLock
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.operations.server_passwords import SERVICE_NAME, keychain_name
from cs360desk.ui.common.settings import last_workspace
from cs360desk.ui.shell import opening
from cs360desk.ui.shell.first_run import FirstRunChoice, FirstRunDialog
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.new_window import new_main_window
from cs360desk.ui.shell.server_dialogs import (
    PasswordAnswer,
    PasswordPrompt,
    SharedWorkspaceDialog,
)
from tests.backends import SAMPLE_TEMPLATE
from tests.operations.test_server_passwords import BrokenKeychain, MemoryKeychain, use_keychain
from tests.postgres_support import PASSWORD, SUPERUSER, Cluster
from tests.ui.test_read_only_controls import Offenders
from tests.ui.tour_support import look_at_sections

pytestmark = [pytest.mark.gui, pytest.mark.postgresql]
TIMEOUT_MS = 20_000
CANCELLED = FirstRunChoice.CANCELLED


@pytest.fixture
def keychain() -> Iterator[MemoryKeychain]:
    yield from use_keychain(MemoryKeychain())  # type: ignore[misc]


@pytest.fixture
def no_keychain() -> Iterator[KeyringBackend]:
    yield from use_keychain(BrokenKeychain(NoKeyringError()))


@pytest.fixture
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots in the test's folder, not the user's; no message box left waiting."""
    monkeypatch.setattr(app_folders, "data_folder", lambda: tmp_path / "data")
    monkeypatch.setattr(opening, "_explain", lambda text, _details: pytest.fail(text))


@pytest.fixture
def session(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, sample_template: Path, quiet: None
) -> Iterator[opening.AppSession]:
    """The app as it starts over a workspace file, its dashboard loaded."""
    path = tmp_path / "sample.cs360"
    shutil.copyfile(sample_template, path)
    window = new_main_window(path, settings)
    window.show()
    started = opening.open_into(window, settings)
    assert started is not None
    wait_loaded(qtbot, window)
    yield started
    started.window.close()
    started.close()


@pytest.fixture
def database(postgres: Cluster) -> Iterator[str]:  # noqa: F811
    """A fresh copy of the sample agency on the server, dropped after."""
    name = postgres.new_database(template=SAMPLE_TEMPLATE)
    yield name
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    controller = window.controller
    assert controller is not None
    qtbot.waitUntil(controller.first_page_ready, timeout=TIMEOUT_MS)


def open_dialog(session: opening.AppSession) -> SharedWorkspaceDialog:
    session.window.open_shared_action.trigger()
    dialog = session.shared_dialog
    assert isinstance(dialog, SharedWorkspaceDialog) and dialog.isVisible()
    return dialog


def fill(
    dialog: SharedWorkspaceDialog,
    cluster: Cluster,
    database: str,
    *,
    user: str = SUPERUSER,
    password: str = PASSWORD,
    remember: bool = False,
    acting_user: str = "",
) -> None:
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_spin.setValue(cluster.port)
    dialog.database_edit.setText(database)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    dialog.remember_box.setChecked(remember)
    dialog.acting_user_edit.setText(acting_user)


def switched(qtbot: QtBot, session: opening.AppSession, before: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: session.window is not before, timeout=TIMEOUT_MS)
    wait_loaded(qtbot, session.window)
    return session.window


def server(cluster: Cluster, database: str, user: str = SUPERUSER) -> WorkspaceLocation:
    return WorkspaceLocation.parse(f"postgresql://{user}@127.0.0.1:{cluster.port}/{database}")


def table_count(cluster: Cluster, database: str) -> object:
    query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    return cluster.query(query, database)[0][0]


def test_the_dialog_opens_a_shared_workspace_in_place_of_the_file(
    qtbot: QtBot,
    session: opening.AppSession,
    postgres: Cluster,  # noqa: F811
    database: str,
    settings: QSettings,
    keychain: MemoryKeychain,
) -> None:
    before, file_path = session.window, session.window.location.require_file()
    dialog = open_dialog(session)
    assert dialog.port_spin.value() == 5432 and not dialog.ok_button.isEnabled()
    fill(dialog, postgres, database, acting_user="Officer Diaz")
    dialog.ok_button.click()
    window = switched(qtbot, session, before)
    location = server(postgres, database)
    assert window.location == location and session.opened.workspace.shared
    assert session.opened.workspace.acting_user == "Officer Diaz"
    assert window.path_label.text() == location.describe()
    qtbot.waitUntil(lambda: location.describe() in window.windowTitle(), timeout=TIMEOUT_MS)
    assert window.controller is not None and window.banner.isHidden()
    # Remembered for the next start, without the password; the keychain keeps nothing.
    assert last_workspace(settings) == location
    settings.sync()
    assert PASSWORD not in Path(settings.fileName()).read_text(encoding="utf-8")
    assert keychain.kept == {}
    assert WorkspaceLock(file_path).acquire()  # the file's workspace was closed


def test_a_wrong_password_is_said_in_the_dialog_and_nothing_is_written(
    qtbot: QtBot,
    session: opening.AppSession,
    postgres: Cluster,  # noqa: F811
    keychain: MemoryKeychain,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[object] = []
    monkeypatch.setattr(
        FirstRunDialog, "ask", classmethod(lambda *a, **k: offered.append(a) or CANCELLED)
    )
    empty = postgres.new_database()
    before = session.window
    dialog = open_dialog(session)
    fill(dialog, postgres, empty, password="not-it", remember=True)
    dialog.ok_button.click()
    assert dialog.isVisible() and not dialog.message_label.isHidden()
    message = dialog.message_label.text()
    assert "refused the user name or password" in message and "not-it" not in message
    assert session.window is before and before.isVisible()
    assert table_count(postgres, empty) == 0 and keychain.kept == {}
    # Another program's database is refused untouched, in the same place.
    postgres.admin("CREATE TABLE invoices (id integer)", database=empty)
    fill(dialog, postgres, empty)
    dialog.ok_button.click()
    # (db/server.py's privilege check runs before its "another program" check, so today the
    # message is the server's own; either way it is said here and nothing is written.)
    assert dialog.isVisible() and "nothing was changed" in dialog.message_label.text()
    assert table_count(postgres, empty) == 1
    # The dialog stays for another try, which opens once the database is right.
    postgres.admin("DROP TABLE invoices", database=empty)
    dialog.ok_button.click()
    switched(qtbot, session, before)
    assert table_count(postgres, empty) > 1
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=TIMEOUT_MS)  # an empty one: set it up


def test_remember_keeps_the_password_and_the_next_start_uses_it(
    qtbot: QtBot,
    session: opening.AppSession,
    postgres: Cluster,  # noqa: F811
    database: str,
    settings: QSettings,
    keychain: MemoryKeychain,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = session.window
    dialog = open_dialog(session)
    fill(dialog, postgres, database, remember=True)
    dialog.ok_button.click()
    switched(qtbot, session, before)
    location = server(postgres, database)
    assert keychain.kept == {(SERVICE_NAME, keychain_name(location)): PASSWORD}
    monkeypatch.setattr(PasswordPrompt, "ask", classmethod(lambda *a, **k: pytest.fail("asked")))
    again = opening._open_or_explain(location, settings)  # as the next start does
    assert again is not None
    again.close()
    # Opened again with Remember off, the password is no longer kept.
    dialog = open_dialog(session)
    fill(dialog, postgres, database, remember=False)
    before = session.window
    dialog.ok_button.click()
    switched(qtbot, session, before)
    assert keychain.kept == {}


def test_the_start_asks_for_the_password_until_the_server_takes_it(
    qtbot: QtBot,
    postgres: Cluster,  # noqa: F811
    database: str,
    settings: QSettings,
    keychain: MemoryKeychain,
    quiet: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    location = server(postgres, database)
    asked: list[tuple[bool, str | None]] = []
    answers = iter(
        [PasswordAnswer("wrong", remember=True), PasswordAnswer(PASSWORD, remember=True)]
    )

    def ask(
        _cls: object, _parent: object, where: WorkspaceLocation, **kwargs: object
    ) -> PasswordAnswer:
        assert where == location
        asked.append((bool(kwargs["refused"]), kwargs["keychain_problem"]))  # type: ignore[arg-type]
        return next(answers)

    monkeypatch.setattr(PasswordPrompt, "ask", classmethod(ask))
    opened = opening._open_or_explain(location, settings)
    assert opened is not None
    opened.close()
    assert asked == [(False, None), (True, None)]  # asked, then told the password was wrong
    assert keychain.kept == {(SERVICE_NAME, keychain_name(location)): PASSWORD}


def test_giving_up_on_the_password_opens_nothing(
    qtbot: QtBot,
    postgres: Cluster,  # noqa: F811
    database: str,
    settings: QSettings,
    keychain: MemoryKeychain,
    quiet: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PasswordPrompt, "ask", classmethod(lambda *a, **k: None))
    assert opening._open_or_explain(server(postgres, database), settings) is None


def test_a_computer_without_a_keychain_still_opens_and_says_it_cannot_remember(
    qtbot: QtBot,
    session: opening.AppSession,
    postgres: Cluster,  # noqa: F811
    database: str,
    settings: QSettings,
    no_keychain: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = session.window
    dialog = open_dialog(session)
    assert not dialog.remember_box.isEnabled()
    assert "cannot be remembered" in dialog.keychain_label.text()
    assert not dialog.keychain_label.isHidden()
    fill(dialog, postgres, database, remember=True)
    dialog.ok_button.click()
    switched(qtbot, session, before)
    problems: list[object] = []

    def ask(_cls: object, *_args: object, **kwargs: object) -> PasswordAnswer:
        problems.append(kwargs["keychain_problem"])
        return PasswordAnswer(PASSWORD, remember=True)

    monkeypatch.setattr(PasswordPrompt, "ask", classmethod(ask))
    opened = opening._open_or_explain(server(postgres, database), settings)
    assert opened is not None
    opened.close()
    assert len(problems) == 1 and "cannot be remembered" in str(problems[0])


def test_the_password_prompt_masks_what_is_typed(qtbot: QtBot) -> None:
    location = WorkspaceLocation.parse("postgresql://chief@db.agency.local/lakeview")
    prompt = PasswordPrompt(location, refused=True, keychain_problem="No keychain here.")
    qtbot.addWidget(prompt)
    prompt.password_edit.setText("secret")
    assert prompt.password_edit.echoMode() == prompt.password_edit.EchoMode.Password
    assert not prompt.remember_box.isEnabled()
    assert prompt.answer() == PasswordAnswer("secret", remember=False)
    assert "refused" in prompt.problem_label.text()


def test_the_window_never_shows_a_password(qtbot: QtBot, settings: QSettings) -> None:
    given = WorkspaceLocation.parse("postgresql://chief:hunter2@db.agency.local:6543/lakeview")
    window = new_main_window(given, settings)
    qtbot.addWidget(window)
    window.set_agency_name("Lakeview PD")
    shown = [window.windowTitle(), window.path_label.text(), window.path_label.toolTip()]
    assert all("hunter2" not in text for text in shown)
    assert window.windowTitle() == (
        "CS360 Desk — Lakeview PD — postgresql://chief@db.agency.local:6543/lakeview"
    )


def test_a_role_that_may_only_read_opens_read_only(
    qtbot: QtBot,
    session: opening.AppSession,
    postgres: Cluster,  # noqa: F811
    database: str,
    keychain: MemoryKeychain,
) -> None:
    role = f"chief_{database}"
    postgres.admin(
        f"CREATE ROLE {role} LOGIN PASSWORD 'x'; GRANT CONNECT ON DATABASE {database} TO {role}"
    )
    postgres.admin(
        f"GRANT USAGE ON SCHEMA public TO {role}; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
        database=database,
    )
    try:
        before = session.window
        dialog = open_dialog(session)
        fill(dialog, postgres, database, user=role, password="x")
        dialog.ok_button.click()
        window = switched(qtbot, session, before)
        assert session.opened.workspace.read_only
        assert not window.banner.isHidden()
        assert "read-only" in window.banner.text() and "may only read" in window.banner.text()
        assert not window.restore_action.isEnabled()
        offenders = Offenders()
        look_at_sections(qtbot, window, offenders.look)
        assert not offenders.found, "enabled read-only:\n" + offenders.report()
    finally:
        session.window.close()
        session.close()
        postgres.admin(f"DROP OWNED BY {role}", database=database)
        postgres.admin(f"DROP ROLE {role}")
