"""A shared workspace whose server connection drops: the user is told plainly, the edit stays
in the form, the window keeps trying, and the save succeeds once the server answers again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.services import catalog
from cs360desk.ui.people.people import PeopleController
from tests import backends
from tests.backends import HEAD_TEMPLATE
from tests.postgres_support import Cluster
from tests.ui.conftest import ready_main_window

pytestmark = [pytest.mark.gui, pytest.mark.postgresql]
TIMEOUT_MS = 15_000
NOT_CONNECTED = "Not connected — retrying"
postgres = backends.postgres  # the test run's server, as a fixture of this module


@pytest.fixture
def database(postgres: Cluster) -> Iterator[str]:
    name = postgres.new_database(template=HEAD_TEMPLATE)
    yield name
    postgres.admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
    postgres.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def shared(postgres: Cluster, database: str) -> Iterator[Workspace]:
    opened = open_workspace(postgres.url(database))
    yield opened
    opened.close()


@pytest.fixture
def person_id(shared: Workspace) -> int:
    with shared.session_factory.begin() as session:
        return int(catalog.PERSON.create(session, full_name="Ana Ruiz").id)


@pytest.fixture
def window(qtbot: QtBot, shared: Workspace, settings: QSettings, now: datetime) -> Iterator[Any]:
    shown = ready_main_window(qtbot, shared, settings, now)
    yield shown
    shown.close()


def terminate(cluster: Cluster, database: str) -> None:
    cluster.admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
    )


def opened_person(qtbot: QtBot, window: Any, person_id: int) -> PeopleController:
    found = window.controller.sections.opener("person")
    assert found is not None
    section = found[1]
    assert isinstance(section, PeopleController)
    with qtbot.waitSignal(section.detail_loaded, timeout=TIMEOUT_MS):
        window.controller.open_record("person", person_id)
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)
    return section


def title_edit(section: PeopleController) -> QLineEdit:
    edit = section.view.editor.form.widget("title")
    assert isinstance(edit, QLineEdit)
    return edit


def stored_title(shared: Workspace, person_id: int) -> str:
    with shared.session_factory.begin() as session:
        return str(catalog.PERSON.get(session, person_id).title)


def test_a_save_that_loses_the_connection_is_said_and_can_be_done_again(
    qtbot: QtBot,
    window: Any,
    shared: Workspace,
    person_id: int,
    postgres: Cluster,
    database: str,
) -> None:
    section = opened_person(qtbot, window, person_id)
    autosave = section._autosave
    save = autosave._save
    dropped: list[bool] = []

    def save_as_the_server_goes(session: Any, *args: Any) -> Any:
        if not dropped:  # the connection drops in the middle of the save
            dropped.append(True)
            terminate(postgres, database)
        return save(session, *args)

    autosave._save = save_as_the_server_goes
    edit = title_edit(section)
    edit.setText("Lieutenant")
    edit.editingFinished.emit()
    failures = window.failures
    qtbot.waitUntil(lambda: failures.last_box is not None, timeout=TIMEOUT_MS)
    assert "connection to the server was lost" in failures.last_box.text()
    assert failures.crash_dialog is None
    assert window.statusBar().currentMessage() == NOT_CONNECTED
    assert edit.text() == "Lieutenant" and section.view.editor.form.is_changed("title")
    failures.last_box.close()
    edit.editingFinished.emit()  # the user tries again: the pool connects anew
    qtbot.waitUntil(lambda: stored_title(shared, person_id) == "Lieutenant", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not section.view.editor.form.is_changed("title"), timeout=TIMEOUT_MS)
    assert failures.crash_dialog is None


def test_the_window_says_it_is_not_connected_until_the_server_answers_again(
    qtbot: QtBot,
    window: Any,
    shared: Workspace,
    person_id: int,
    postgres: Cluster,
    database: str,
) -> None:
    section = opened_person(qtbot, window, person_id)
    live = window.controller.live
    postgres.admin(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
    terminate(postgres, database)  # as a restarting server does
    qtbot.waitUntil(lambda: not live.connected, timeout=TIMEOUT_MS)
    assert window.statusBar().currentMessage() == NOT_CONNECTED
    assert window.failures.crash_dialog is None and window.failures.last_box is None
    edit = title_edit(section)
    edit.setText("Lieutenant")  # typed while away: kept
    postgres.admin(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
    qtbot.waitUntil(lambda: live.connected, timeout=TIMEOUT_MS)
    assert edit.text() == "Lieutenant"
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: stored_title(shared, person_id) == "Lieutenant", timeout=TIMEOUT_MS)
    assert window.failures.crash_dialog is None
