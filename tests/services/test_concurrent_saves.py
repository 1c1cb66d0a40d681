"""Two people saving the same record on a shared workspace at the same moment: the second
save is refused as a conflict, never as an internal error, and the first is kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.errors import ConflictError
from cs360desk.services import catalog
from tests.backends import HEAD_TEMPLATE, server_database
from tests.conftest import Builders


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[Workspace]:
    for url in server_database(request, HEAD_TEMPLATE):
        opened = open_workspace(url)
        yield opened
        opened.close()


def test_a_save_that_lost_the_race_for_the_row_is_a_conflict(server: Workspace) -> None:
    with server.session_factory.begin() as session:
        build = Builders(session)
        item = build.action_item(build.basics().initiative.id, title="Walk the block")
    with server.session_factory.begin() as mine:
        # Read before the other save commits (and held, as a save holds it between its
        # read and its write): the version check in Python passes...
        held = catalog.ACTION_ITEM.load(mine, item.id)
        with server.session_factory.begin() as theirs:
            catalog.ACTION_ITEM.update(theirs, item.id, expected_version=1, title="Theirs")
        # ...and the UPDATE's own version test finds the row changed.
        with pytest.raises(ConflictError, match="changed elsewhere"):
            catalog.ACTION_ITEM.update(mine, item.id, expected_version=1, title="Mine")
        mine.rollback()
        del held
    with server.session_factory.begin() as session:
        stored = catalog.ACTION_ITEM.get(session, item.id)
    assert (stored.title, stored.version) == ("Theirs", 2)
