"""The audit trail: every create, update and delete leaves one exact change record."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from cs360desk.db import audit
from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
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


def test_current_user_is_named() -> None:
    assert audit.current_user().strip()


def test_create_records_who_what_and_the_real_id(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name="José Núñez")
        hoa = catalog.PERSON.create(session, full_name=HOA, email="hoa@example.org")
    assert hoa.id == 2

    first, second = change_records(workspace)
    assert second.who == audit.current_user()
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
        catalog.AGENCY.create(session, name="Riverside PD", logo=b"\x89PNG" + bytes(96))
    assert changes_of(change_records(workspace)[0])["logo"] == "<100 bytes>"


def test_install_twice_records_once(workspace: Workspace) -> None:
    audit.install(workspace.session_factory)
    with workspace.session_factory.begin() as session:
        catalog.PERSON.create(session, full_name=HOA)
    assert len(change_records(workspace)) == 1
