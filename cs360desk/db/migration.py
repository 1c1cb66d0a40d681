"""Runs Alembic from code: the schema revision of a workspace and the upgrade to head.

Alembic itself is imported only when a workspace is created or upgraded. Which revisions this
version knows is read from the migration files' names (`NNNN_what_it_does.py`, revision
"NNNN"; a test holds Alembic to the same answer), so opening a current workspace stays quick.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from cs360desk.domain.errors import WorkspaceError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
_REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@cache
def _revisions() -> tuple[str, ...]:
    """Every revision this version ships, oldest first."""
    names = (path.name for path in VERSIONS_DIR.iterdir())
    found = sorted(match[1] for name in names if (match := _REVISION_FILE.fullmatch(name)))
    assert found, "the app ships no migrations"
    return tuple(found)


def known_revisions() -> set[str]:
    return set(_revisions())


def head_revision() -> str:
    return _revisions()[-1]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """All steps in one transaction: a failure leaves the previous schema intact.

    On SQLite foreign keys are off while the steps run, as SQLite's guide to schema changes
    asks: a step that rebuilds a table (Alembic's batch mode) drops the old one, and with
    foreign keys on that deletes every row that cascades from it (a problem's responses, a
    person's memberships). The references are checked once the steps are done, before the
    commit.
    """
    from alembic import command

    if engine.dialect.name != "sqlite":
        # PostgreSQL changes its schema inside a transaction and checks references as it goes.
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        return
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        # A pragma inside a transaction is ignored, so this goes straight to the driver.
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    table, rowid, parent, _ = broken[0]
                    raise UpgradeError(
                        f"the upgrade would leave {len(broken)} broken reference(s), e.g. "
                        f"{table} row {rowid} to a missing {parent}; nothing was changed"
                    )
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


class UpgradeError(WorkspaceError):
    """A schema upgrade that would break the workspace; it was rolled back."""
