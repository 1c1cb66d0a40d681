"""Workspace locations: parsed once from what the user gave, shown without secrets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cs360desk.domain.errors import WorkspaceError
from cs360desk.domain.workspace_location import LocationKind, WorkspaceLocation

SECRET_URL = "postgresql://hoa:s3cr%40t@db.agency.local:5433/cs360?sslmode=require&password=s3cr"


@pytest.mark.parametrize(
    "text",
    [
        "/home/hoa/w.cs360",
        "w.cs360",
        "relative/folder/w.cs360",
        "/home/Nguyễn Thị Hoa/Ríoverde PD.cs360",
        r"C:\Users\hoa\Documents\w.cs360",
        "C://Users/hoa/w.cs360",  # a drive letter is not a URL scheme
        r"\\server\share\w.cs360",
        "//server/share/w.cs360",
        " w.cs360",  # kept verbatim: a name may start with a space
        "postgresql.cs360",
        "postgresql:w.cs360",
    ],
)
def test_a_path_is_a_file_location(text: str) -> None:
    location = WorkspaceLocation.parse(text)
    assert location.kind is LocationKind.FILE and location.is_file
    assert location.path == Path(text)
    assert location.require_file() == Path(text)
    assert location.describe() == str(location) == str(Path(text))


def test_a_home_folder_is_expanded() -> None:
    location = WorkspaceLocation.parse("~/w.cs360")
    assert location.path == Path.home() / "w.cs360"
    assert WorkspaceLocation.file(Path("~/w.cs360")) == location


def test_a_path_object_is_always_a_file_even_when_it_reads_like_a_url() -> None:
    # Path() folds "//" to "/": a Path can never have been a URL, so it is not read as one.
    location = WorkspaceLocation.parse(Path("postgresql://db/cs360"))
    assert location.is_file and location.path == Path("postgresql:/db/cs360")


def test_a_location_parses_to_itself() -> None:
    location = WorkspaceLocation.parse(SECRET_URL)
    assert WorkspaceLocation.parse(location) is location


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://db.agency.local/cs360",
        "postgres://db.agency.local/cs360",
        "POSTGRESQL://db.agency.local/cs360",
        "postgresql+psycopg://db.agency.local/cs360",
        "postgresql+psycopg2://db.agency.local/cs360",
        "postgresql:///cs360",  # a local socket
        "postgresql://",  # every part from the server's defaults
    ],
)
def test_a_postgresql_url_is_a_server_location(url: str) -> None:
    location = WorkspaceLocation.parse(url)
    assert location.kind is LocationKind.POSTGRESQL and not location.is_file
    assert location.path is None and location.url == url


def test_a_server_location_is_shown_without_its_password_or_query() -> None:
    location = WorkspaceLocation.parse(SECRET_URL)
    shown = "postgresql://hoa@db.agency.local:5433/cs360"
    assert location.describe() == str(location) == shown
    assert repr(location) == f"WorkspaceLocation({shown!r})"
    for text in (location.describe(), str(location), repr(location), f"{location}"):
        assert "s3cr" not in text and "sslmode" not in text


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://[::1]:5432/cs360", "postgresql://[::1]:5432/cs360"),
        ("postgresql://:only-a-password@db/cs360", "postgresql://db/cs360"),
        ("postgresql://Nguy%E1%BB%85n@db/cs360", "postgresql://Nguy%E1%BB%85n@db/cs360"),
        ("postgresql://u:p@ss:w@rd@db/cs360", "postgresql://u@db/cs360"),
        ("postgresql://", "postgresql://"),
    ],
)
def test_what_a_server_location_shows(url: str, shown: str) -> None:
    assert WorkspaceLocation.parse(url).describe() == shown


def test_a_file_only_operation_refuses_a_server_location_in_one_clear_sentence() -> None:
    location = WorkspaceLocation.parse(SECRET_URL)
    with pytest.raises(WorkspaceError) as refused:
        location.require_file()
    message = str(refused.value)
    assert message == (
        "postgresql://hoa@db.agency.local:5433/cs360 is a shared workspace on a server, and "
        "this needs a workspace file: copy it to one first (`cs360desk copy`)"
    )
    assert "s3cr" not in message


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_nothing_is_no_location(text: str) -> None:
    with pytest.raises(WorkspaceError, match="no workspace given"):
        WorkspaceLocation.parse(text)


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("sqlite:///home/hoa/w.cs360", "sqlite"),
        ("file:///home/hoa/w.cs360", "file"),
        ("https://agency.example/w.cs360", "https"),
        ("mysql://root:hunter2@db/cs360", "mysql"),
        ("MySQL+pymysql://db/cs360", "mysql+pymysql"),
    ],
)
def test_other_urls_are_refused_naming_only_their_scheme(text: str, scheme: str) -> None:
    with pytest.raises(WorkspaceError) as refused:
        WorkspaceLocation.parse(text)
    assert str(refused.value) == (
        f"{scheme}:// is not a kind of workspace CS360 Desk can open; name a workspace file instead"
    )


@pytest.mark.parametrize(
    "url",
    ["postgresql://hoa:s3cr@db:port/cs360", "postgresql://db:99999/cs360", "postgresql://[::1/x"],
)
def test_a_malformed_postgresql_url_is_refused_without_showing_it(url: str) -> None:
    with pytest.raises(WorkspaceError, match="the PostgreSQL URL is not valid") as refused:
        WorkspaceLocation.parse(url)
    assert "s3cr" not in str(refused.value)


def test_locations_compare_by_value_and_cannot_change() -> None:
    first, second = WorkspaceLocation.parse("w.cs360"), WorkspaceLocation.file(Path("w.cs360"))
    assert first == second and hash(first) == hash(second)
    assert WorkspaceLocation.parse(SECRET_URL) != WorkspaceLocation.parse(SECRET_URL + "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.path = Path("other.cs360")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kind", "path", "url"),
    [
        (LocationKind.FILE, None, None),
        (LocationKind.FILE, Path("w.cs360"), "postgresql://db/cs360"),
        (LocationKind.POSTGRESQL, None, None),
        (LocationKind.POSTGRESQL, Path("w.cs360"), None),
    ],
)
def test_a_location_built_by_hand_must_be_whole(
    kind: LocationKind, path: Path | None, url: str | None
) -> None:
    with pytest.raises(ValueError, match="exactly its own address"):
        WorkspaceLocation(kind, path=path, url=url)
