"""Where a workspace lives, parsed once from what the user gave: a file, or a server URL."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import SplitResult, urlsplit

from cs360desk.domain.errors import WorkspaceError
from cs360desk.i18n import _

# Two letters or more before "://", so a Windows drive ("C://Users") stays a path.
_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+)://")
# "postgresql+psycopg://" names a driver as well; the part before "+" says which server.
_POSTGRESQL_SCHEMES = {"postgresql", "postgres"}


class LocationKind(StrEnum):
    FILE = "file"
    POSTGRESQL = "postgresql"


@dataclass(frozen=True, repr=False)
class WorkspaceLocation:
    """One workspace's address. Build it with `parse` or `file`, never field by field.

    A server URL may carry a password: `describe()`, `str()` and `repr()` never show it, so
    the location can go into any message, log line or title bar as it is."""

    kind: LocationKind
    path: Path | None = None  # a file location's path, already with "~" expanded
    url: str | None = None  # a server location's URL exactly as given

    def __post_init__(self) -> None:
        is_file = self.kind is LocationKind.FILE
        if is_file != (self.path is not None) or is_file == (self.url is not None):
            raise ValueError(f"a {self.kind} location needs exactly its own address")

    @classmethod
    def file(cls, path: str | os.PathLike[str]) -> WorkspaceLocation:
        return cls(LocationKind.FILE, path=Path(path).expanduser())

    @classmethod
    def parse(cls, given: WorkspaceLocation | str | os.PathLike[str]) -> WorkspaceLocation:
        """What `--db` or CS360DESK_DB says: a `postgresql://` URL, else a file path.

        A Path is always a file. Text that is empty, or a URL of any other kind (`sqlite://`,
        `https://`...), is refused with a WorkspaceError naming what is accepted."""
        if isinstance(given, WorkspaceLocation):
            return given
        if not isinstance(given, str):
            return cls.file(given)
        if not given.strip():
            raise WorkspaceError(_("no workspace given: name a workspace file"))
        match = _URL.match(given)
        if match is None:
            return cls.file(given)
        scheme = match["scheme"].lower()
        if scheme.partition("+")[0] not in _POSTGRESQL_SCHEMES:
            raise WorkspaceError(
                _(
                    "{scheme}:// is not a kind of workspace CS360 Desk can open; "
                    "name a workspace file instead"
                ).format(scheme=scheme)
            )
        _split(given)  # refuses a malformed URL now, not when it is first shown
        return cls(LocationKind.POSTGRESQL, url=given)

    @property
    def is_file(self) -> bool:
        return self.kind is LocationKind.FILE

    def require_file(self) -> Path:
        """The workspace file; a server location is refused where only a file will do."""
        if self.path is None:
            raise WorkspaceError(
                _(
                    "{location} is a shared workspace on a server, and this needs a workspace "
                    "file: copy it to one first (`cs360desk copy`)"
                ).format(location=self.describe())
            )
        return self.path

    def describe(self) -> str:
        """The location as people read it: the file's path, or the URL without its secrets."""
        if self.path is not None:
            return str(self.path)
        assert self.url is not None
        return _without_secrets(_split(self.url))

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        return f"WorkspaceLocation({self.describe()!r})"


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - urlsplit checks the port only when it is read
    except ValueError as error:
        raise WorkspaceError(
            _("the PostgreSQL URL is not valid: {error}").format(error=error)
        ) from error
    return parts


def _without_secrets(parts: SplitResult) -> str:
    """scheme://user@host:port/database: the password and the query (which can carry one
    too, as `?password=`) are left out."""
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 address goes back in brackets
        host = f"[{host}]"
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port is not None else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"
