"""Shared fixtures: a fresh workspace per test, one transaction, and builders for common rows."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from cs360desk import i18n
from cs360desk.db import models as m
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain import records as r
from cs360desk.domain.enums import (
    Affiliation,
    Audience,
    Cadence,
    Channel,
    CommunicationStatus,
    Decision,
    Direction,
    Frequency,
    GoalDimension,
    MeetingStatus,
    TeamKind,
)
from cs360desk.services import catalog

# The test run's one PostgreSQL server, shared by every test that asks for it: a session
# fixture named in more than one module would start a server per module.
from tests.backends import postgres  # noqa: F401

# Tests read English whatever the machine's own language; Spanish is asked for where tested.
os.environ["CS360DESK_LANG"] = "en"


@pytest.fixture(autouse=True)
def _english_screens() -> Iterator[None]:
    yield
    i18n.set_ui_language("en")


STARTED_ON = date(2026, 1, 5)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = open_workspace(tmp_path / "w.cs360")
    yield opened
    opened.close()


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    """One user action, committed at teardown. A ValidationError caught by pytest.raises leaves
    it usable (services validate before writing); to prove that a failure saved nothing, run
    the failing call in a `begin()` block of its own and look in a fresh one."""
    with workspace.session_factory.begin() as opened:
        yield opened


@dataclass(frozen=True)
class Basics:
    """What most tests need first: an agency, two people, an initiative and its PST."""

    agency: r.AgencyRecord
    champion: r.PersonRecord
    member: r.PersonRecord
    initiative: r.InitiativeRecord
    team: r.TeamRecord


class Builders:
    """Rows made through the catalog services, with just enough values to be valid."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._numbers = itertools.count(1)

    def _number(self) -> int:
        return next(self._numbers)

    def agency(self, **values: Any) -> r.AgencyRecord:
        values.setdefault("name", "Riverside Police Department")
        return catalog.AGENCY.create(self.session, **values)

    def person(self, full_name: str | None = None, **values: Any) -> r.PersonRecord:
        values.setdefault("affiliation", Affiliation.COMMUNITY)
        name = full_name or f"Person {self._number()}"
        return catalog.PERSON.create(self.session, full_name=name, **values)

    def organization(self, name: str | None = None, **values: Any) -> r.OrganizationRecord:
        name = name or f"Organization {self._number()}"
        return catalog.ORGANIZATION.create(self.session, name=name, **values)

    def initiative(self, name: str = "Gun violence reduction", **values: Any) -> r.InitiativeRecord:
        values.setdefault("started_on", STARTED_ON)
        return catalog.INITIATIVE.create(self.session, name=name, **values)

    def team(self, initiative_id: int, **values: Any) -> r.TeamRecord:
        values.setdefault("name", f"Team {self._number()}")
        values.setdefault("kind", TeamKind.PROBLEM_SOLVING_TEAM)
        values.setdefault("cadence", Cadence.MONTHLY)
        return catalog.TEAM.create(self.session, initiative_id=initiative_id, **values)

    def membership(self, team_id: int, person_id: int, **values: Any) -> r.MembershipRecord:
        return catalog.MEMBERSHIP.create(
            self.session, team_id=team_id, person_id=person_id, **values
        )

    def meeting(
        self, team_id: int, starts_at: datetime, *, title: str | None = None, **values: Any
    ) -> r.MeetingRecord:
        """Written through the ORM: the query tests must not hinge on MEETING.create,
        which tests of its own cover (test_catalog, test_entities)."""
        values.setdefault("status", MeetingStatus.SCHEDULED)
        row = m.Meeting(
            team_id=team_id,
            title=title or f"Meeting {self._number()}",
            starts_at=starts_at,
            **values,
        )
        self.session.add(row)
        self.session.flush()
        return catalog.MEETING.to_record(row)

    def problem(self, initiative_id: int, **values: Any) -> r.ProblemRecord:
        values.setdefault("title", f"Problem {self._number()}")
        return catalog.PROBLEM.create(self.session, initiative_id=initiative_id, **values)

    def response(self, problem_id: int, **values: Any) -> r.ResponseRecord:
        values.setdefault("title", f"Response {self._number()}")
        return catalog.RESPONSE.create(self.session, problem_id=problem_id, **values)

    def action_item(self, initiative_id: int, **values: Any) -> r.ActionItemRecord:
        values.setdefault("title", f"Action {self._number()}")
        return catalog.ACTION_ITEM.create(self.session, initiative_id=initiative_id, **values)

    def goal(self, initiative_id: int, **values: Any) -> r.GoalRecord:
        values.setdefault("dimension", GoalDimension.CRIME)
        values.setdefault("statement", f"Goal {self._number()}")
        return catalog.GOAL.create(self.session, initiative_id=initiative_id, **values)

    def measure(self, goal_id: int, **values: Any) -> r.MeasureRecord:
        values.setdefault("name", f"Measure {self._number()}")
        values.setdefault("direction", Direction.DECREASE)
        values.setdefault("frequency", Frequency.MONTHLY)
        return catalog.MEASURE.create(self.session, goal_id=goal_id, **values)

    def measurement(
        self, measure_id: int, period_end: date, value: float = 1.0
    ) -> r.MeasurementRecord:
        return catalog.MEASUREMENT.create(
            self.session, measure_id=measure_id, period_end=period_end, value=value
        )

    def communication(self, initiative_id: int, **values: Any) -> r.CommunicationRecord:
        values.setdefault("channel", Channel.SOCIAL_MEDIA)
        values.setdefault("audience", Audience.PUBLIC)
        values.setdefault("status", CommunicationStatus.DRAFT)
        values.setdefault("text", f"Update {self._number()}")
        return catalog.COMMUNICATION.create(self.session, initiative_id=initiative_id, **values)

    def recommendation(self, initiative_id: int, **values: Any) -> r.RecommendationRecord:
        values.setdefault("text", f"Recommendation {self._number()}")
        values.setdefault("decision", Decision.PROPOSED)
        return catalog.RECOMMENDATION.create(self.session, initiative_id=initiative_id, **values)

    def basics(self, initiative_name: str = "Gun violence reduction") -> Basics:
        """Adds the agency only once: a workspace holds a single agency."""
        agencies = catalog.AGENCY.list(self.session)
        agency = agencies[0] if agencies else self.agency()
        champion = self.person(affiliation=Affiliation.DEPARTMENT, title="Sergeant")
        member = self.person()
        initiative = self.initiative(initiative_name, champion_id=champion.id)
        team = self.team(initiative.id, name=f"PST of {initiative_name}")
        return Basics(agency, champion, member, initiative, team)


@pytest.fixture
def build(session: Session) -> Builders:
    return Builders(session)


@pytest.fixture
def builders_for() -> type[Builders]:
    """For tests that open their own transactions: ``builders_for(session).basics()``."""
    return Builders


@pytest.fixture
def make_initiative(build: Builders) -> Callable[..., Basics]:
    return build.basics
