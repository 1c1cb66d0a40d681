"""First run: agency, champion and initiative are created together or not at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Affiliation, Stage
from cs360desk.domain.errors import ValidationError
from cs360desk.services import catalog
from cs360desk.services.agency_setup import NewAgency, create_agency

TODAY = date(2026, 3, 15)
NEW = NewAgency(
    agency_name="Departamento de Policía de Río Verde",
    jurisdiction="Río Verde, NM",
    chief_name="Chief Ortega",
    initiative_name="Gun crime and fear of gun crime",
    champion_name="Nguyễn Thị Hoa",
    champion_title="Sergeant",
    population=8400,
)


def counts(workspace: Workspace) -> tuple[int, int, int]:
    with workspace.session_factory.begin() as session:
        return (
            catalog.AGENCY.count(session),
            catalog.PERSON.count(session),
            catalog.INITIATIVE.count(session),
        )


def test_creates_agency_champion_and_initiative(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        setup = create_agency(session, NEW, today=TODAY)
    with workspace.session_factory.begin() as session:
        agency = catalog.AGENCY.get(session, setup.agency.id)
        champion = catalog.PERSON.get(session, setup.champion.id)
        initiative = catalog.INITIATIVE.get(session, setup.initiative.id)
    assert (agency.name, agency.jurisdiction, agency.chief_name, agency.population) == (
        "Departamento de Policía de Río Verde",
        "Río Verde, NM",
        "Chief Ortega",
        8400,
    )
    assert (champion.full_name, champion.title) == ("Nguyễn Thị Hoa", "Sergeant")
    assert champion.affiliation is Affiliation.DEPARTMENT
    assert initiative.name == "Gun crime and fear of gun crime"
    assert initiative.stage is Stage.LAUNCH
    assert (initiative.started_on, initiative.stage_changed_on) == (TODAY, TODAY)
    assert initiative.champion_id == champion.id
    assert (setup.agency, setup.champion, setup.initiative) == (agency, champion, initiative)
    assert counts(workspace) == (1, 1, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"agency_name": ""}, "agency_name"),
        ({"agency_name": "   "}, "agency_name"),
        ({"agency_name": "x" * 201}, "agency_name"),
        ({"population": -5}, "population"),
        ({"population": True}, "population"),
        ({"champion_name": ""}, "champion_name"),
        ({"champion_name": " \t "}, "champion_name"),
        ({"champion_title": "x" * 201}, "champion_title"),
        ({"initiative_name": ""}, "initiative_name"),
        ({"initiative_name": "  "}, "initiative_name"),
        ({"initiative_name": "x" * 201}, "initiative_name"),
        ({"jurisdiction": "x" * 201}, "jurisdiction"),
    ],
    ids=lambda value: repr(value)[:30] if isinstance(value, dict) else value,
)
def test_bad_input_names_the_field_and_saves_nothing(
    workspace: Workspace, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as info, workspace.session_factory.begin() as session:
        create_agency(session, replace(NEW, **changes), today=TODAY)
    assert info.value.field == field
    assert counts(workspace) == (0, 0, 0)


def test_second_setup_is_refused(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        create_agency(session, NEW, today=TODAY)
    with pytest.raises(ValidationError) as info, workspace.session_factory.begin() as session:
        create_agency(session, replace(NEW, agency_name="Another PD"), today=TODAY)
    assert info.value.field == "agency_name"
    assert "already has an agency" in str(info.value)
    assert counts(workspace) == (1, 1, 1)
