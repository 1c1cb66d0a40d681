"""The generic entity service: round trips for every entity and validation from the columns."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.base import Base, Editable
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import (
    ActionStatus,
    Channel,
    GoalDimension,
    InputKind,
    MeetingStatus,
    ReportKind,
    Stage,
    TeamKind,
)
from cs360desk.domain.errors import ConflictError, NotFoundError, ValidationError
from cs360desk.services import catalog
from cs360desk.services.entities import EntityService

if TYPE_CHECKING:
    from conftest import Builders

MEETING_AT = datetime(2026, 4, 2, 18, 0, tzinfo=UTC)

# For each entity: the minimal valid values (building what its keys need) and one edit.
Minimal = Callable[["Builders"], dict[str, Any]]


def _initiative_id(build: Builders) -> int:
    return build.basics().initiative.id


def _meeting_id(build: Builders) -> int:
    return build.meeting(build.basics().team.id, MEETING_AT).id


def _problem_id(build: Builders) -> int:
    return build.problem(_initiative_id(build)).id


def _goal_id(build: Builders) -> int:
    return build.goal(_initiative_id(build)).id


def _input_activity_id(build: Builders) -> int:
    return catalog.INPUT_ACTIVITY.create(
        build.session,
        initiative_id=_initiative_id(build),
        kind=InputKind.SURVEY,
        held_on=date(2026, 2, 1),
    ).id


def _membership(build: Builders) -> dict[str, Any]:
    basics = build.basics()
    return {"team_id": basics.team.id, "person_id": basics.member.id}


ROUND_TRIPS: dict[str, tuple[Minimal, dict[str, Any]]] = {
    "agency": (lambda b: {"name": "Riverside PD"}, {"chief_name": "Chief Ortega"}),
    "initiative": (
        lambda b: {"name": "Gun crime", "started_on": date(2026, 1, 5)},
        {"stage": "Scanning"},
    ),
    "person": (lambda b: {"full_name": "Nguyễn Thị Hoa"}, {"email": "hoa@example.org"}),
    "organization": (lambda b: {"name": "Iglesia San José"}, {"engagement": "supporter"}),
    "team": (
        lambda b: {
            "initiative_id": _initiative_id(b),
            "name": "Steering",
            "kind": TeamKind.STEERING_COMMITTEE,
        },
        {"charter": "Guide the effort"},
    ),
    "membership": (_membership, {"role": "Co-chair"}),
    "meeting": (
        lambda b: {"team_id": b.basics().team.id, "title": "April PST", "starts_at": MEETING_AT},
        {"location": "Community room"},
    ),
    "agenda item": (lambda b: {"meeting_id": _meeting_id(b), "title": "Welcome"}, {"notes": "5'"}),
    "attendance": (
        lambda b: {"meeting_id": _meeting_id(b), "guest_name": "María López"},
        {"status": "excused"},
    ),
    "action item": (
        lambda b: {"initiative_id": _initiative_id(b), "title": "Call the landlord"},
        {"due_on": "2026-04-30"},
    ),
    "stage change": (
        lambda b: {
            "initiative_id": _initiative_id(b),
            "stage": Stage.SCANNING,
            "reached_on": date(2026, 2, 1),
        },
        {"note": "PST chartered"},
    ),
    "progress note": (
        lambda b: {
            "action_item_id": b.action_item(_initiative_id(b), title="Call the landlord").id,
            "noted_on": date(2026, 3, 2),
            "text": "Called the school district",
        },
        {"text": "Called the school district again"},
    ),
    "problem": (
        lambda b: {"initiative_id": _initiative_id(b), "title": "Gun crime downtown"},
        {"score_impact": 4},
    ),
    "response": (lambda b: {"problem_id": _problem_id(b), "title": "Lighting"}, {"partners": "PW"}),
    "goal": (
        lambda b: {
            "initiative_id": _initiative_id(b),
            "dimension": GoalDimension.CRIME,
            "statement": "Fewer shootings",
        },
        {"dimension": GoalDimension.PARTNERS},
    ),
    "measure": (
        lambda b: {"goal_id": _goal_id(b), "name": "Shots fired calls", "direction": "decrease"},
        {"target_value": 12.5},
    ),
    "measurement": (
        lambda b: {
            "measure_id": b.measure(_goal_id(b)).id,
            "period_end": date(2026, 1, 31),
            "value": 17,
        },
        {"value": 15.5},
    ),
    "input activity": (
        lambda b: {
            "initiative_id": _initiative_id(b),
            "kind": InputKind.LISTENING_SESSION,
            "held_on": "2026-02-10",
        },
        {"participants": 34},
    ),
    "finding": (
        lambda b: {"input_activity_id": _input_activity_id(b), "theme": "Fear", "text": "Dark"},
        {"theme": "Lighting"},
    ),
    "recommendation": (
        lambda b: {"initiative_id": _initiative_id(b), "text": "Add patrols"},
        {"decision": "accepted"},
    ),
    "communication": (
        lambda b: {
            "initiative_id": _initiative_id(b),
            "channel": Channel.WEBSITE,
            "text": "We met",
        },
        {"text": "We met again"},
    ),
    "issued report": (
        lambda b: {"kind": ReportKind.PROGRESS, "issued_on": date(2026, 3, 1)},
        {"file_name": "progress-2026-03.pdf"},
    ),
}


def test_every_entity_has_a_service_and_a_round_trip() -> None:
    user_tables = {
        mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Editable) or mapper.class_ is m.ReportIssued
    }
    assert {service.model for service in catalog.ALL} == user_tables
    assert {service.label for service in catalog.ALL} == set(ROUND_TRIPS)


@pytest.mark.parametrize("service", catalog.ALL, ids=lambda s: s.label)
def test_round_trip(build: Builders, service: EntityService[Any, Any]) -> None:
    make_values, change = ROUND_TRIPS[service.label]
    session = build.session
    values = make_values(build)
    created = service.create(session, **values)
    assert created.id > 0
    assert service.get(session, created.id) == created
    assert created in service.list(session)

    version = getattr(created, "version", None)
    updated = service.update(session, created.id, expected_version=version, **change)
    for name in change:
        assert getattr(updated, name) != getattr(created, name)
    if version is not None:
        assert updated.version == version + 1
    assert service.get(session, created.id) == updated

    count = service.count(session)
    service.delete(session, created.id)
    assert service.count(session) == count - 1
    with pytest.raises(NotFoundError):
        service.get(session, created.id)


def test_records_come_back_from_the_database_unchanged(
    workspace: Workspace, builders_for: type[Builders]
) -> None:
    with workspace.session_factory.begin() as session:
        basics = builders_for(session).basics()
        item = catalog.ACTION_ITEM.create(
            session,
            initiative_id=basics.initiative.id,
            title="Walk the block",
            owner_id=basics.member.id,
            due_on="2026-04-01",
            status="In progress",
        )
    with workspace.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, item.id) == item


MISSING = object()

# Bad input: (case, values over a valid item, the field named, a piece of the message).
BAD_CREATES: list[tuple[str, dict[str, Any], str, str]] = [
    ("missing title", {"title": MISSING}, "title", "required"),
    ("whitespace title", {"title": " \t\n "}, "title", "must not be empty"),
    ("too long title", {"title": "x" * 501}, "title", "too long"),
    ("title not text", {"title": 42}, "title", "must be text"),
    ("unknown status", {"status": "finished"}, "status", "unknown value 'finished'"),
    ("bad date", {"due_on": "2026-02-30"}, "due_on", "not a date"),
    ("us date", {"due_on": "03/15/2026"}, "due_on", "YYYY-MM-DD"),
    ("datetime as date", {"due_on": datetime(2026, 3, 15, tzinfo=UTC)}, "due_on", "not a date"),
    ("number as date", {"due_on": 20260315}, "due_on", "not a date"),
    ("unknown owner", {"owner_id": 999}, "owner_id", "no person with id 999"),
    ("bool as owner", {"owner_id": True}, "owner_id", "whole number"),
    ("text as owner", {"owner_id": "1"}, "owner_id", "whole number"),
    ("float as owner", {"owner_id": 1.0}, "owner_id", "whole number"),
    ("unknown field", {"colour": "red"}, "colour", "not an editable field"),
    ("id given", {"id": 77}, "id", "not an editable field"),
    ("version given", {"version": 3}, "version", "not an editable field"),
    ("None for required", {"initiative_id": None}, "initiative_id", "required"),
]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [case[1:] for case in BAD_CREATES],
    ids=[case[0] for case in BAD_CREATES],
)
def test_bad_action_item_is_refused_naming_the_field(
    build: Builders, values: dict[str, Any], field: str, message: str
) -> None:
    valid = {"initiative_id": build.basics().initiative.id, "title": "Call"}
    given = {k: v for k, v in {**valid, **values}.items() if v is not MISSING}
    with pytest.raises(ValidationError) as info:
        catalog.ACTION_ITEM.create(build.session, **given)
    assert info.value.field == field
    assert message in str(info.value)
    assert catalog.ACTION_ITEM.count(build.session) == 0


def test_bad_update_is_refused_naming_the_field(build: Builders) -> None:
    item = build.action_item(build.basics().initiative.id, title="Call")
    for changes, field in (
        ({"owner_id": 999}, "owner_id"),
        ({"status": "finished"}, "status"),
        ({"due_on": datetime(2026, 3, 15, tzinfo=UTC)}, "due_on"),
        ({"title": None}, "title"),
        ({"colour": "red"}, "colour"),
    ):
        with pytest.raises(ValidationError) as info:
            catalog.ACTION_ITEM.update(build.session, item.id, **changes)
        assert info.value.field == field
    assert catalog.ACTION_ITEM.get(build.session, item.id) == item


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), -math.inf, "3.5", True, None], ids=repr
)
def test_bad_numbers_are_refused(build: Builders, value: Any) -> None:
    measure = build.measure(build.goal(build.basics().initiative.id).id)
    with pytest.raises(ValidationError) as info:
        catalog.MEASUREMENT.create(
            build.session, measure_id=measure.id, period_end=date(2026, 1, 31), value=value
        )
    assert info.value.field == "value"


def test_whole_numbers_are_accepted_as_floats(build: Builders) -> None:
    measure = build.measure(build.goal(build.basics().initiative.id).id)
    created = build.measurement(measure.id, date(2026, 1, 31), value=17)
    assert created.value == 17.0
    assert isinstance(created.value, float)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("active", "yes", "yes or no"),
        ("active", 1, "yes or no"),
        ("organization_id", 999, "no organization with id 999"),
        ("full_name", "x" * 201, "at most 200 characters"),
    ],
)
def test_bad_person_fields(build: Builders, field: str, value: Any, message: str) -> None:
    values = {"full_name": "Ana Ruiz", field: value}
    with pytest.raises(ValidationError) as info:
        catalog.PERSON.create(build.session, **values)
    assert info.value.field == field
    assert message in str(info.value)


def test_text_at_the_length_limit_is_accepted(build: Builders) -> None:
    name = "ễ" * 200  # the limit counts characters, not bytes
    assert build.person(name).full_name == name


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("In progress", ActionStatus.IN_PROGRESS),
        ("in progress", ActionStatus.IN_PROGRESS),
        ("in_progress", ActionStatus.IN_PROGRESS),
        (" DONE ", ActionStatus.DONE),
        (ActionStatus.BLOCKED, ActionStatus.BLOCKED),
    ],
)
def test_enum_by_value_or_label(build: Builders, given: Any, expected: ActionStatus) -> None:
    initiative = build.basics().initiative
    assert build.action_item(initiative.id, status=given).status is expected


def test_iso_date_string_is_accepted(build: Builders) -> None:
    item = build.action_item(build.basics().initiative.id, due_on=" 2026-04-01 ")
    assert item.due_on == date(2026, 4, 1)


def test_meeting_start_must_be_aware(build: Builders) -> None:
    team = build.basics().team
    with pytest.raises(ValidationError) as info:
        catalog.MEETING.create(
            build.session, team_id=team.id, title="PST", starts_at=datetime(2026, 4, 2, 18, 0)
        )
    assert info.value.field == "starts_at"


@pytest.mark.parametrize(
    "changes",
    [{"id": 5}, {"version": 9}, {"created_at": MEETING_AT}, {"updated_at": MEETING_AT}],
    ids=lambda c: next(iter(c)),
)
def test_managed_fields_cannot_be_edited(build: Builders, changes: dict[str, Any]) -> None:
    person = build.person("Ana Ruiz")
    with pytest.raises(ValidationError) as info:
        catalog.PERSON.update(build.session, person.id, **changes)
    assert info.value.field == next(iter(changes))
    assert catalog.PERSON.get(build.session, person.id) == person


def test_update_to_invalid_value_changes_nothing(build: Builders) -> None:
    item = build.action_item(build.basics().initiative.id, title="Call")
    with pytest.raises(ValidationError) as info:
        catalog.ACTION_ITEM.update(build.session, item.id, title="  ")
    assert info.value.field == "title"
    assert catalog.ACTION_ITEM.get(build.session, item.id) == item


@pytest.mark.parametrize("record_id", [999, 0, -1, "1", None, 1.0, True])
def test_missing_ids_are_not_found(build: Builders, record_id: Any) -> None:
    build.person("Ana Ruiz")
    for call in (
        lambda: catalog.PERSON.get(build.session, record_id),
        lambda: catalog.PERSON.update(build.session, record_id, title="x"),
        lambda: catalog.PERSON.delete(build.session, record_id),
    ):
        with pytest.raises(NotFoundError, match="no person with id"):
            call()
    assert catalog.PERSON.count(build.session) == 1


def test_stale_version_is_a_conflict(build: Builders) -> None:
    person = build.person("Ana Ruiz")
    catalog.PERSON.update(build.session, person.id, expected_version=1, title="Sergeant")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        catalog.PERSON.update(build.session, person.id, expected_version=1, title="Lieutenant")
    stored = catalog.PERSON.get(build.session, person.id)
    assert (stored.title, stored.version) == ("Sergeant", 2)


def test_conflict_between_two_sessions(workspace: Workspace) -> None:
    with workspace.session_factory.begin() as session:
        person = catalog.PERSON.create(session, full_name="Ana Ruiz")
    with workspace.session_factory.begin() as session:
        catalog.PERSON.update(session, person.id, expected_version=person.version, title="Sgt.")
    with pytest.raises(ConflictError), workspace.session_factory.begin() as session:
        catalog.PERSON.update(session, person.id, expected_version=person.version, title="Lt.")
    with workspace.session_factory.begin() as session:
        assert catalog.PERSON.get(session, person.id).title == "Sgt."


def test_delete_of_an_owner_is_refused(build: Builders) -> None:
    basics = build.basics()
    item = build.action_item(basics.initiative.id, owner_id=basics.member.id)
    with pytest.raises(ValidationError) as info:
        catalog.PERSON.delete(build.session, basics.member.id)
    message = str(info.value)
    assert "cannot be deleted" in message
    assert "1 action item record(s)" in message
    assert "owner" in message
    assert catalog.PERSON.get(build.session, basics.member.id) == basics.member
    assert catalog.ACTION_ITEM.get(build.session, item.id).owner_id == basics.member.id


def test_delete_of_a_team_with_meetings_is_refused(build: Builders) -> None:
    team = build.basics().team
    build.meeting(team.id, MEETING_AT)
    with pytest.raises(ValidationError, match="meeting"):
        catalog.TEAM.delete(build.session, team.id)
    assert catalog.TEAM.get(build.session, team.id) == team


def test_delete_of_a_meeting_cascades(workspace: Workspace, builders_for: type[Builders]) -> None:
    with workspace.session_factory.begin() as session:
        build = builders_for(session)
        basics = build.basics()
        meeting = build.meeting(basics.team.id, MEETING_AT, status=MeetingStatus.HELD)
        catalog.AGENDA_ITEM.create(session, meeting_id=meeting.id, title="Welcome")
        catalog.AGENDA_ITEM.create(session, meeting_id=meeting.id, title="Hot spots")
        catalog.ATTENDANCE.create(session, meeting_id=meeting.id, person_id=basics.member.id)
        catalog.ATTENDANCE.create(session, meeting_id=meeting.id, guest_name="María López")
        item = build.action_item(basics.initiative.id, source_meeting_id=meeting.id)
    with workspace.session_factory.begin() as session:
        catalog.MEETING.delete(session, meeting.id)
    with workspace.session_factory.begin() as session:
        assert catalog.MEETING.count(session) == 0
        assert catalog.AGENDA_ITEM.count(session) == 0
        assert catalog.ATTENDANCE.count(session) == 0
        assert catalog.ACTION_ITEM.get(session, item.id).source_meeting_id is None
        assert catalog.PERSON.get(session, basics.member.id) == basics.member


def test_two_organizations_with_one_name_are_refused(build: Builders) -> None:
    first = build.organization("Iglesia San José")
    with pytest.raises(ValidationError) as info:
        build.organization("Iglesia San José")
    assert info.value.field == "name"
    assert "already has this name" in str(info.value)

    other = build.organization("Rotary Club")
    with pytest.raises(ValidationError):
        catalog.ORGANIZATION.update(build.session, other.id, name="Iglesia San José")
    kept = catalog.ORGANIZATION.update(build.session, first.id, name="Iglesia San José", notes="x")
    assert kept.notes == "x"
    assert catalog.ORGANIZATION.count(build.session) == 2


def test_the_same_person_twice_on_a_team_is_refused(build: Builders) -> None:
    basics = build.basics()
    build.membership(basics.team.id, basics.member.id)
    with pytest.raises(ValidationError) as info:
        build.membership(basics.team.id, basics.member.id, role="chair")
    assert info.value.field == "person_id"
    other_team = build.team(basics.initiative.id, kind=TeamKind.ADVISORY_TEAM)
    build.membership(other_team.id, basics.member.id)
    assert catalog.MEMBERSHIP.count(build.session) == 2


def test_two_values_for_one_measure_and_period_are_refused(build: Builders) -> None:
    goal = build.goal(build.basics().initiative.id)
    measure, other = build.measure(goal.id), build.measure(goal.id)
    build.measurement(measure.id, date(2026, 1, 31), 17)
    with pytest.raises(ValidationError) as info:
        build.measurement(measure.id, date(2026, 1, 31), 18)
    assert info.value.field == "period_end"
    build.measurement(other.id, date(2026, 1, 31), 5)
    second = build.measurement(measure.id, date(2026, 2, 28), 16)
    with pytest.raises(ValidationError):
        catalog.MEASUREMENT.update(build.session, second.id, period_end="2026-01-31")
    assert catalog.MEASUREMENT.count(build.session) == 3


def test_nothing_is_half_saved(workspace: Workspace) -> None:
    with pytest.raises(ValidationError), workspace.session_factory.begin() as session:
        catalog.ORGANIZATION.create(session, name="Rotary Club")
        catalog.PERSON.create(session, full_name="Ana Ruiz", email="not an address")
    with workspace.session_factory.begin() as session:
        assert catalog.ORGANIZATION.count(session) == 0
        assert catalog.PERSON.count(session) == 0


def test_list_filters_and_orders(build: Builders) -> None:
    for name in ("Zoe Park", "Ana Ruiz", "Nguyễn Thị Hoa"):
        build.person(name, active=name != "Zoe Park")
    names = [person.full_name for person in catalog.PERSON.list(build.session)]
    assert names == ["Ana Ruiz", "Nguyễn Thị Hoa", "Zoe Park"]
    active = catalog.PERSON.list(build.session, active=True)
    assert [person.full_name for person in active] == ["Ana Ruiz", "Nguyễn Thị Hoa"]
    hoa = catalog.PERSON.list(build.session, m.Person.full_name.like("Ng%"))
    assert [person.full_name for person in hoa] == ["Nguyễn Thị Hoa"]


def test_create_flushes_so_the_row_is_queryable(build: Builders) -> None:
    person = build.person("Ana Ruiz")
    found = build.session.scalar(select(m.Person.full_name).where(m.Person.id == person.id))
    assert found == "Ana Ruiz"


def test_validated_checks_every_rule_and_writes_nothing(build: Builders) -> None:
    initiative = build.basics().initiative
    merged = catalog.ACTION_ITEM.validated(
        build.session, {"initiative_id": initiative.id, "title": "Call", "status": "done"}
    )
    assert merged["status"] is ActionStatus.DONE and merged["completed_on"] == date.today()
    assert catalog.ACTION_ITEM.count(build.session) == 0
    with pytest.raises(ValidationError, match="must not be empty"):
        catalog.ACTION_ITEM.validated(build.session, {"initiative_id": initiative.id, "title": ""})


class _NothingIsFree:
    """Stands in for the workspace: no row exists, and every unique key is taken."""

    def exists(self, table: Any, record_id: int) -> bool:
        return False

    def taken(self, table: Any, key: Any, other_than: int | None) -> bool:
        return True


def test_validated_asks_the_rows_it_is_given(build: Builders) -> None:
    measure = build.measure(build.goal(build.basics().initiative.id).id)
    values = {"measure_id": measure.id, "period_end": date(2026, 1, 31), "value": 1.0}
    assert catalog.MEASUREMENT.validated(build.session, values)["value"] == 1.0
    with pytest.raises(ValidationError, match=f"no measure with id {measure.id}"):
        catalog.MEASUREMENT.validated(build.session, values, rows=_NothingIsFree())
    stored = build.session.get(m.Measurement, build.measurement(measure.id, date(2026, 2, 28)).id)
    with pytest.raises(ValidationError, match="already has this period end"):
        catalog.MEASUREMENT.validated(build.session, {"value": 2.0}, stored, rows=_NothingIsFree())
