"""A shared workspace on a PostgreSQL server: the only place that speaks PostgreSQL.

The engine (psycopg 3), the look at a database before anything is written to it (is it
reachable, is it ours, is its schema one this version knows, may this role write), and the
translation of the server's failures into messages a user can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError

from cs360desk.db.sqlite_errors import DiskFullError, ReadOnlyWorkspaceError, WorkspaceBusyError
from cs360desk.domain.errors import UserFacingError, WorkspaceError
from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _

DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10
# Tables only a CS360 Desk workspace has together; a database with tables but not these is
# another program's.
OUR_TABLES = frozenset({"agency", "initiative", "action_item", "change_record"})
# Editors need these on every table; a role without them opens the workspace read-only.
WRITE_PRIVILEGES = ("INSERT", "UPDATE", "DELETE")


class UnreachableReason(StrEnum):
    NO_ANSWER = "no answer"
    PASSWORD_MISSING = "password missing"
    PASSWORD_REFUSED = "password refused"
    NO_DATABASE = "no database"


class ServerUnreachableError(WorkspaceError):
    """The server did not answer, or refused the login: nothing was read or written."""

    def __init__(self, message: str, reason: UnreachableReason) -> None:
        super().__init__(message)
        self.reason = reason


class UnstorableTextError(UserFacingError):
    """PostgreSQL keeps no NUL character (U+0000) in text; SQLite does."""


class ConnectionLostError(UserFacingError):
    """The connection dropped while working; what was being saved was not saved."""


CONNECTION_LOST = N_(
    "not saved: the connection to the server was lost. Nothing was changed; "
    "try again once the server can be reached."
)


@dataclass(frozen=True)
class ServerStatus:
    """What a look at the database found before anything was written."""

    revision: str | None  # None: an empty database, ready for a new workspace
    role: str
    may_write: bool


def server_url(location: WorkspaceLocation) -> URL:
    """The SQLAlchemy URL of a server location, always with the psycopg 3 driver."""
    assert location.url is not None, "a file location has no server URL"
    return make_url(location.url).set(drivername=DRIVER)


def with_password(location: WorkspaceLocation, password: str | None) -> WorkspaceLocation:
    """The location with `password` in it (from a prompt or the keychain), else as it is."""
    if not password:
        return location
    assert location.url is not None
    # The scheme stays as the user wrote it, so messages show the address they know.
    url = make_url(location.url).set(password=password)
    return WorkspaceLocation.parse(url.render_as_string(hide_password=False))


def database_name(location: WorkspaceLocation) -> str:
    return server_url(location).database or ""


def create_server_engine(location: WorkspaceLocation, *, read_only: bool = False) -> Engine:
    """An engine on the server; with `read_only`, the server itself refuses every write."""
    options = "-c default_transaction_read_only=on" if read_only else ""
    engine = create_engine(
        server_url(location),
        pool_pre_ping=True,  # a connection the server dropped is replaced, not handed out
        pool_size=2,
        max_overflow=3,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "CS360 Desk",
            "options": options,
        },
    )
    if not event.contains(engine, "handle_error", _translate):
        event.listen(engine, "handle_error", _translate)
    return engine


def inspect_server(engine: Engine, location: WorkspaceLocation) -> ServerStatus:
    """Read-only checks; a WorkspaceError when the database cannot be used as a workspace."""
    from cs360desk.db.migration import known_revisions

    try:
        with engine.connect() as connection:
            tables = _tables(connection)
            role = str(connection.execute(text("SELECT session_user")).scalar_one())
            revision = _revision(connection) if "alembic_version" in tables else None
            # Another program's tables are refused below; asking about ours there would fail.
            ours = not tables or tables >= OUR_TABLES
            may_write = _may_write(connection, tables) if ours else False
            encoding = str(connection.execute(text("SHOW server_encoding")).scalar_one())
    except ConnectionLostError as lost:
        cause = lost.__cause__ or lost.__context__ or lost
        raise unreachable(location, cause) from cause
    except UserFacingError:
        raise
    except DBAPIError as error:
        raise unreachable(location, error) from error
    where = location.describe()
    if encoding.upper() not in {"UTF8", "UTF-8"}:
        # Any text a user types must fit, and the search fold needs Unicode normalization.
        raise WorkspaceError(
            _(
                "{location} uses the {encoding} encoding; a workspace needs a database "
                "created with ENCODING 'UTF8'. Nothing was changed"
            ).format(location=where, encoding=encoding)
        )
    if tables and not tables >= OUR_TABLES:
        raise WorkspaceError(
            _(
                "{location} holds the tables of another program, not a CS360 Desk workspace; "
                "nothing was changed. Ask for an empty database of its own"
            ).format(location=where)
        )
    if tables and revision is None:
        raise WorkspaceError(
            _("{location} is an unfinished CS360 Desk workspace (no schema version)").format(
                location=where
            )
        )
    if revision is not None and revision not in known_revisions():
        raise WorkspaceError(
            _(
                "{location} was made by a newer version of CS360 Desk (schema {revision}); "
                "install the newer version to open it"
            ).format(location=where, revision=revision)
        )
    return ServerStatus(revision=revision, role=role, may_write=may_write)


def _tables(connection: Connection) -> set[str]:
    rows = connection.execute(
        text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    )
    return {str(name) for (name,) in rows}


def _revision(connection: Connection) -> str | None:
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)


def _may_write(connection: Connection, tables: set[str]) -> bool:
    if not tables:  # an empty database: may this role create the schema in it?
        query = "SELECT has_schema_privilege(current_schema(), 'CREATE')"
        return bool(connection.execute(text(query)).scalar())
    checks = " AND ".join(
        f"has_table_privilege(:table, '{privilege}')" for privilege in WRITE_PRIVILEGES
    )
    return bool(connection.execute(text(f"SELECT {checks}"), {"table": "action_item"}).scalar())


def unreachable(location: WorkspaceLocation, error: BaseException) -> ServerUnreachableError:
    """The message for a failed connection: which of the usual causes, in plain words, and
    that nothing was changed; `reason` says which, for a caller that asks for a password."""
    original = getattr(error, "orig", error)
    state = getattr(original, "sqlstate", None) or ""
    detail = str(original).strip().splitlines()[0] if str(original).strip() else ""
    where = location.describe()
    if state in {"28P01", "28000"} or "password authentication failed" in detail:
        reason = UnreachableReason.PASSWORD_REFUSED
        message = _(
            "the server at {location} refused the user name or password; nothing was changed"
        ).format(location=where)
    elif state == "3D000" or ("database" in detail and "does not exist" in detail):
        reason = UnreachableReason.NO_DATABASE
        message = _("the server has no database named {database}; nothing was changed").format(
            database=database_name(location)
        )
    elif "no password supplied" in detail:
        reason = UnreachableReason.PASSWORD_MISSING
        message = _("the server at {location} asks for a password; nothing was changed").format(
            location=where
        )
    else:
        reason = UnreachableReason.NO_ANSWER
        message = _(
            "cannot reach the PostgreSQL server at {location}: {detail}; nothing was changed"
        ).format(location=where, detail=detail or type(original).__name__)
    return ServerUnreachableError(message, reason)


def translate(error: BaseException) -> UserFacingError | None:
    """The user-facing error for a server failure, or None when it is a bug."""
    import psycopg

    if not isinstance(error, psycopg.Error):
        return None
    state = getattr(error, "sqlstate", None) or ""
    if state == "25006" or state == "42501":  # read-only transaction, insufficient privilege
        return ReadOnlyWorkspaceError(
            _("not saved: your role on the server may only read this workspace.")
        )
    if state in {"40001", "40P01", "55P03"}:  # serialization failure, deadlock, lock timeout
        return WorkspaceBusyError(
            _("not saved: someone else was saving the same records. Try again in a moment.")
        )
    if isinstance(error, psycopg.DataError) and "NUL (0x00)" in str(error):
        return UnstorableTextError(
            _(
                "not saved: the text holds an invisible NUL character (U+0000), which a "
                "shared workspace cannot keep. Remove it and save again."
            )
        )
    if state == "53100":  # disk full on the server
        return DiskFullError(_("not saved: the server's disk is full. Tell whoever runs it."))
    if isinstance(error, psycopg.OperationalError) and state[:2] in {"", "08", "57"}:
        return ConnectionLostError(_(CONNECTION_LOST))
    return None


def _translate(context: ExceptionContext) -> BaseException | None:
    if context.connection is None:
        # Failing to connect at all, when the server was reachable before (inspect_server
        # turns it into the message for the cause, for a workspace being opened).
        import psycopg

        if isinstance(context.original_exception, psycopg.OperationalError):
            return ConnectionLostError(_(CONNECTION_LOST))
        return None
    if context.is_disconnect:
        return ConnectionLostError(_(CONNECTION_LOST))
    return translate(context.original_exception)


def server_acting_user(engine: Engine) -> str:
    """The database role the workspace is opened as: who its changes are made by."""
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT session_user")).scalar_one())


def reset_sequences(connection: Connection, tables: Any) -> None:
    """After rows were written with their ids (a copy, a restore), the id sequences go on
    from the highest id, so the next record added gets a new one."""
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            ),
            {"table": table.name},
        )
