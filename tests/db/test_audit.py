"""The audit trail: every create, update and delete leaves one exact change record."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from cs360desk.db import audit
from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.enums import ChangeAction
from cs360desk.domain.errors import ValidationError
from cs360desk.services import catalog

HOA = "Nguyễn Thị Hoa"


def change_records(workspace: Workspace) -> list[m.ChangeRecord]:
    with workspace.session_factory.begin() as session:
        return list(session.scalars(select(m.ChangeRecord).order_by(m.ChangeRecord.id)))


def changes_of(record: m.ChangeRecord) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(record.changes)
    return loaded


def test_the_os_user_is_named() -> None:
    assert audit.os_user().strip()


def test_create_records_who_what_and_the_real_id(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="José Núñez")
        hoa = catalog.PERSON.create(session, full_name=HOA, email="hoa@example.org")
    assert hoa.id == 2

    first, second = change_records(workspace)
    assert second.who == workspace.acting_user == audit.os_user()
    assert second.who.strip()
    assert second.entity == "person"
    assert second.entity_id == hoa.id
    assert first.entity_id == 1
    assert second.action is ChangeAction.CREATE
    assert second.at.tzinfo is not None
    values = changes_of(second)
    assert values["full_name"] == HOA
    assert values["email"] == "hoa@example.org"
    assert values["active"] is True
    assert values["affiliation"] == "community"
    assert not {"created_at", "updated_at", "version"} & values.keys()
    assert HOA in second.changes, "Unicode is stored verbatim, not as \\u escapes"


def test_update_records_only_changed_fields_as_old_new(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        hoa = catalog.PERSON.create(session, full_name="Hoa", title="Officer")
    with workspace.session_factory.begin() as session:
        catalog.PERSON.update(session, hoa.id, full_name=HOA, title="Officer", phone="555-0100")

    update = change_records(workspace)[-1]
    assert update.action is ChangeAction.UPDATE
    assert update.entity == "person"
    assert update.entity_id == hoa.id
    assert changes_of(update) == {"full_name": ["Hoa", HOA], "phone": ["", "555-0100"]}
    assert HOA in update.changes


def test_update_of_enums_and_dates_is_plain_json(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        initiative = catalog.INITIATIVE.create(session, name="I", started_on=date(2026, 1, 5))
        item = catalog.ACTION_ITEM.create(session, initiative_id=initiative.id, title="Call")
    with workspace.session_factory.begin() as session:
        catalog.ACTION_ITEM.update(session, item.id, status="done", due_on="2026-03-01")

    values = changes_of(change_records(workspace)[-1])
    assert values["status"] == ["open", "done"]
    assert values["due_on"] == [None, "2026-03-01"]
    assert values["completed_on"] == [None, date.today().isoformat()]
    assert set(values) == {"status", "due_on", "completed_on"}


def test_update_without_change_records_nothing(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        hoa = catalog.PERSON.create(session, full_name=HOA)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.update(session, hoa.id, full_name=HOA)
    assert [record.action for record in change_records(workspace)] == [ChangeAction.CREATE]


def test_delete_records_the_deleted_values(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        org = catalog.ORGANIZATION.create(session, name="Asociación de Vecinos")
    with workspace.session_factory.begin() as session:
        catalog.ORGANIZATION.delete(session, org.id)

    delete = change_records(workspace)[-1]
    assert delete.action is ChangeAction.DELETE
    assert delete.entity == "organization"
    assert delete.entity_id == org.id
    assert changes_of(delete)["name"] == "Asociación de Vecinos"


def test_rolled_back_transaction_leaves_no_record(workspace: Workspace) -> None:
    with pytest.raises(ValidationError), workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name=HOA)
        catalog.PERSON.create(session, full_name="   ")
    assert change_records(workspace) == []


def test_binary_values_are_summarised(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        catalog.AGENCY.create(session, name="Riverside PD", logo=b"\x89PNG\r\n\x1a\n" + bytes(92))
    assert changes_of(change_records(workspace)[0])["logo"] == "<100 bytes>"


def test_install_twice_records_once(workspace: Workspace) -> None:
    audit.install(workspace.session_factory, acting_user=workspace.acting_user)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name=HOA)
    assert len(change_records(workspace)) == 1


SERGEANT = "Sgt. Nguyễn"


@pytest.fixture
def open_as(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """Open workspaces by file name in tmp_path; all are closed after the test."""
    opened: list[Workspace] = []

    def open_named(name: str, **options: Any) -> Workspace:
        opened.append(open_workspace(tmp_path / name, **options))
        return opened[-1]

    yield open_named
    for workspace in opened:
        workspace.close()


def test_the_acting_user_given_on_opening_is_in_every_change_record(
    open_as: Callable[..., Workspace],
) -> None:
    workspace = open_as("w.cs360", acting_user=SERGEANT)
    assert workspace.acting_user == SERGEANT
    with workspace.session_factory.begin() as session:
        org = catalog.ORGANIZATION.create(session, name="Asociación de Vecinos")
        hoa = catalog.PERSON.create(session, full_name=HOA, organization_id=org.id)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.update(session, hoa.id, phone="555-0100")
    with workspace.session_factory.begin() as session:
        catalog.ORGANIZATION.delete(session, org.id)  # empties the person's organization too
    records = change_records(workspace)
    assert [record.action for record in records] == [
        ChangeAction.CREATE, ChangeAction.CREATE, ChangeAction.UPDATE,
        ChangeAction.DELETE, ChangeAction.UPDATE,
    ]  # fmt: skip
    assert {record.who for record in records} == {SERGEANT}


def test_two_workspaces_in_one_process_record_each_their_own_user(
    open_as: Callable[..., Workspace],
) -> None:
    first = open_as("first.cs360", acting_user=SERGEANT)
    second = open_as("second.cs360", acting_user="Det. García")
    for round_ in range(2):  # interleaved, so neither user can leak into the other's sessions
        for workspace in (first, second):
            with workspace.session_factory.begin() as session:
                catalog.PERSON.create(session, full_name=f"Person {round_}")
    assert {record.who for record in change_records(first)} == {SERGEANT}
    assert {record.who for record in change_records(second)} == {"Det. García"}


def test_the_os_user_is_asked_once_per_opening_not_per_change(
    open_as: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def getuser() -> str:
        asked.append("hoa")
        return "hoa"

    monkeypatch.setattr(getpass, "getuser", getuser)
    workspace = open_as("w.cs360")
    for number in range(3):
        with workspace.session_factory.begin() as session:
            catalog.PERSON.create(session, full_name=f"Person {number}")
    assert asked == ["hoa"]
    assert {record.who for record in change_records(workspace)} == {"hoa"}


def test_a_read_only_workspace_knows_its_acting_user_too(
    open_as: Callable[..., Workspace],
) -> None:
    open_as("w.cs360").close()
    workspace = open_as("w.cs360", read_only=True, acting_user=SERGEANT)
    assert workspace.read_only and workspace.acting_user == SERGEANT


@pytest.mark.parametrize(
    "problem",
    [
        OSError("no login name"),
        KeyError("getpwuid(): uid not found: 1234"),
        ImportError("No module named 'pwd'"),
    ],
)
def test_without_a_login_name_the_user_is_unknown(
    problem: Exception, monkeypatch: pytest.MonkeyPatch
) -> None:
    def getuser() -> str:
        raise problem

    monkeypatch.setattr(getpass, "getuser", getuser)
    assert audit.os_user() == audit.UNKNOWN_USER == "unknown"


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_login_name_is_unknown(blank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: blank)
    assert audit.os_user() == "unknown"


@pytest.mark.parametrize("name", ["x", "  spaced  ", "Ñ" * 200, "Đức (analyst)"])
def test_a_given_acting_user_is_kept_verbatim(name: str) -> None:
    assert audit.decide_acting_user(name) == name


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "must not be empty"),
        (" \t ", "must not be empty"),
        ("x" * 201, "must be at most 200 characters"),
        ("Hoa\nGarcía", "must be one line"),
        ("Hoa\x00", "must be one line"),
        (42, "must be text"),
    ],
)
def test_a_bad_acting_user_is_refused_before_anything_is_created(
    tmp_path: Path, name: Any, problem: str
) -> None:
    path = tmp_path / "w.cs360"
    with pytest.raises(ValidationError, match=f"acting user: {problem}"):
        open_workspace(path, acting_user=name)
    assert not path.exists()


def test_a_session_of_no_workspace_cannot_write_change_records(workspace: Workspace) -> None:
    with Session(workspace.engine) as session, pytest.raises(LookupError, match="factory"):
        audit.record(session, "person", 1, ChangeAction.CREATE, {})


def test_every_new_session_factory_records_even_when_it_reuses_an_old_ones_id(
    workspace: Workspace,
) -> None:
    # Python soon gives a discarded factory's id to a new one: whether a factory listens must
    # be asked of the factory itself, not of an id-keyed registry that still remembers the old.
    for number in range(20):
        factory = sessionmaker(workspace.engine)
        audit.install(factory, acting_user=f"User {number}")
        with factory.begin() as session:
            catalog.PERSON.create(session, full_name=f"{HOA} {number}")
        del factory, session
    assert [record.who for record in change_records(workspace)] == [
        f"User {number}" for number in range(20)
    ]
