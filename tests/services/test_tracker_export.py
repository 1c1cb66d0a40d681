"""What the tracker of an initiative holds, straight from the sample agency."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.tracker import (
    ACTION_ITEM_HEADERS,
    ACTION_ITEMS,
    ATTENDANCE,
    COMMUNICATIONS,
    MEASUREMENT_HEADERS,
    MEASUREMENTS,
    MEASURES,
    MEETINGS,
    PEOPLE,
    TEAMS,
    TrackerData,
)
from cs360desk.services import catalog
from cs360desk.services.progress_log import add_progress_note
from cs360desk.services.tracker_export import tracker_data
from cs360desk.services.tracker_rows import NameIndex, workspace_key
from tests.tracker_support import GUN_CRIME, TODAY


def export(workspace: Workspace, initiative_id: int = GUN_CRIME) -> TrackerData:
    with workspace.session_factory.begin() as session:
        return tracker_data(session, initiative_id, today=TODAY)


def test_every_list_has_its_sheet_with_the_agreed_columns(sample: Workspace) -> None:
    data = export(sample)
    assert [sheet.title for sheet in data.sheets] == [
        ACTION_ITEMS, MEETINGS, ATTENDANCE, PEOPLE, TEAMS, MEASURES, MEASUREMENTS, COMMUNICATIONS,
    ]  # fmt: skip
    assert data.sheet(ACTION_ITEMS).headers == ACTION_ITEM_HEADERS
    assert data.sheet(MEASUREMENTS).headers == MEASUREMENT_HEADERS
    assert [s.title for s in data.sheets if s.editable] == [ACTION_ITEMS, MEASUREMENTS]
    assert data.closed_statuses == ("Done", "Cancelled")
    assert data.initiative_name == "Gun crime and fear of gun crime"


def test_action_items_rows_match_the_workspace(sample: Workspace) -> None:
    data = export(sample)
    rows = data.sheet(ACTION_ITEMS).rows
    with sample.session_factory.begin() as session:
        count = session.scalar(
            select(func.count()).select_from(m.ActionItem).where(m.ActionItem.initiative_id == 1)
        )
        item = catalog.ACTION_ITEM.get(session, int(rows[0][0]))  # type: ignore[arg-type]
        owner = catalog.PERSON.get(session, item.owner_id) if item.owner_id else None
    assert len(rows) == count
    first = dict(zip(ACTION_ITEM_HEADERS, rows[0], strict=True))
    assert first["Title"] == item.title and first["Status"] == item.status.label
    assert first["Owner"] == (owner.full_name if owner else "")
    assert first["Due"] == item.due_on
    # Soonest due first, undated last.
    dues = [row[4] for row in rows if row[4] is not None]
    assert dues == sorted(dues)


def test_last_update_is_the_newest_progress_note(sample: Workspace) -> None:
    with sample.session_factory.begin() as session:
        item_id = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)[0].id
        add_progress_note(session, item_id, noted_on=TODAY, text="Called the landlord")
    row = next(r for r in export(sample).sheet(ACTION_ITEMS).rows if r[0] == item_id)
    assert row[-1] == f"{TODAY.isoformat()}: Called the landlord"


def test_private_contact_details_are_left_out(sample: Workspace) -> None:
    with sample.session_factory.begin() as session:
        person = catalog.PERSON.list(session)[0]
        catalog.ACTION_ITEM.create(
            session, initiative_id=GUN_CRIME, title="Owned", owner_id=person.id
        )
        catalog.PERSON.update(
            session, person.id, contact_private=True, phone="555-0100", email="a@b.org"
        )
    people = export(sample).sheet(PEOPLE)
    row = next(r for r in people.rows if r[0] == person.id)
    assert "555-0100" not in row and "a@b.org" not in row


def test_only_the_initiatives_own_records_are_exported(sample: Workspace) -> None:
    traffic = export(sample, 2)
    with sample.session_factory.begin() as session:
        ids = {item.id for item in catalog.ACTION_ITEM.list(session, initiative_id=2)}
    assert {row[0] for row in traffic.sheet(ACTION_ITEMS).rows} == ids
    assert all(row[1] != "Shots-fired calls for service" for row in traffic.sheet(MEASURES).rows)


def test_drop_down_lists_hold_labels_people_and_names(sample: Workspace) -> None:
    lists = {choice.name: choice.values for choice in export(sample).lists}
    assert lists["Status"] == ("Open", "In progress", "Blocked", "Done", "Cancelled")
    assert lists["Priority"] == ("Low", "Medium", "High")
    assert "Eastside Problem-Solving Team" in lists["Team"]
    assert len(lists["Owner"]) > 10 and list(lists["Owner"]) == sorted(
        lists["Owner"], key=str.casefold
    )


def test_names_shared_by_two_people_carry_their_id() -> None:
    index = NameIndex.of([(1, "Ana Ruiz"), (2, "ana ruiz "), (3, "Hoa")])
    assert index.label(1) == "Ana Ruiz (#1)" and index.label(3) == "Hoa"
    assert index.find("ANA RUIZ (#2)") == 2 and index.find("Ana Ruiz") is None


def test_the_workspace_key_is_stable_and_needs_an_agency(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no agency"):
        workspace_key(session)
    catalog.AGENCY.create(session, name="Ríoverde PD")
    first = workspace_key(session)
    catalog.AGENCY.update(session, catalog.AGENCY.list(session)[0].id, name="Renamed PD")
    assert workspace_key(session) == first and len(first) == 12


def test_an_unknown_initiative_is_refused(sample: Workspace) -> None:
    with pytest.raises(NotFoundError), sample.session_factory.begin() as session:
        tracker_data(session, 999, today=TODAY)
