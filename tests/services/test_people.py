"""People: search and filters, what a person holds, deleting with a hand-over, and its undo."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.base import Base
from cs360desk.domain.enums import ActionStatus, Affiliation, AttendanceStatus, MemberRole
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.services import catalog, edits
from cs360desk.services.people import (
    HANDED_OVER,
    delete_person,
    find_people,
    holdings,
    open_items_owned,
    person_choices,
    person_detail,
    person_row,
)

if TYPE_CHECKING:
    from conftest import Basics, Builders


def names(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row.person.full_name for row in rows]


def make_people(build: Builders) -> Basics:
    basics = build.basics()
    rescue = build.organization("Rescue 100% Mission_Inc")
    church = build.organization("Our Lady of La Vang")
    hoa = build.person("Nguyễn Thị Hoa", organization_id=church.id, email="hoa@example.org")
    build.person("Ana Ruiz", affiliation=Affiliation.DEPARTMENT, title="Crime analyst")
    build.person("Zed Old", active=False, organization_id=rescue.id, phone="555-0100")
    build.membership(basics.team.id, hoa.id, role=MemberRole.COMMUNITY_REPRESENTATIVE)
    steering = build.team(basics.initiative.id, name="Steering")
    build.membership(steering.id, hoa.id)
    return basics


def test_everyone_by_name_with_organization_and_current_teams(build: Builders) -> None:
    basics = make_people(build)
    left = build.team(basics.initiative.id, name="Old team")
    hoa = find_people(build.session, text="Hoa")[0]
    build.membership(left.id, hoa.person.id, left_on=date(2026, 2, 1))
    rows = find_people(build.session)
    assert names(rows) == ["Ana Ruiz", "Nguyễn Thị Hoa", "Person 1", "Person 2", "Zed Old"]
    hoa = rows[1]
    assert hoa.organization_name == "Our Lady of La Vang"
    assert hoa.team_names == ("PST of Gun violence reduction", "Steering")
    assert rows[0].organization_name == "" and rows[0].team_names == ()


def test_text_matches_name_title_contact_and_organization(build: Builders) -> None:
    make_people(build)
    session = build.session
    assert names(find_people(session, text="nguyễn")) == ["Nguyễn Thị Hoa"]
    assert names(find_people(session, text="NGUYỄN THỊ")) == ["Nguyễn Thị Hoa"]
    assert names(find_people(session, text="  analyst ")) == ["Ana Ruiz"]
    assert names(find_people(session, text="hoa@example")) == ["Nguyễn Thị Hoa"]
    assert names(find_people(session, text="555-01")) == ["Zed Old"]
    assert names(find_people(session, text="la vang")) == ["Nguyễn Thị Hoa"]
    assert find_people(session, text="nobody like this") == []


def test_wildcards_in_the_text_are_literal(build: Builders) -> None:
    make_people(build)
    assert names(find_people(build.session, text="100%")) == ["Zed Old"]
    assert names(find_people(build.session, text="n_Inc")) == ["Zed Old"]
    assert find_people(build.session, text="%") == find_people(build.session, text="100%")
    assert find_people(build.session, text="_") == find_people(build.session, text="n_I")


def test_filters_alone_and_combined(build: Builders) -> None:
    basics = make_people(build)
    session = build.session
    department = find_people(session, affiliation=Affiliation.DEPARTMENT)
    assert names(department) == ["Ana Ruiz", "Person 1"]
    assert names(find_people(session, team_id=basics.team.id)) == ["Nguyễn Thị Hoa"]
    assert names(find_people(session, active=False)) == ["Zed Old"]
    assert "Zed Old" not in names(find_people(session, active=True))
    assert names(
        find_people(session, text="a", affiliation=Affiliation.COMMUNITY, active=True)
    ) == ["Nguyễn Thị Hoa"]
    assert find_people(session, team_id=9999) == []


def test_private_contacts_are_hidden_in_rows(build: Builders) -> None:
    build.person("Quiet Person", phone="555-0199", email="q@example.org", contact_private=True)
    row = find_people(build.session)[0]
    assert (row.shown_phone, row.shown_email) == ("(private)", "(private)")
    assert row.person.phone == "555-0199"


def test_person_row_and_detail(build: Builders) -> None:
    basics = make_people(build)
    hoa = find_people(build.session, text="Hoa")[0].person
    assert person_row(build.session, hoa.id).team_names == (
        "PST of Gun violence reduction",
        "Steering",
    )
    detail = person_detail(build.session, hoa.id)
    assert [seat.team_name for seat in detail.seats] == [
        "PST of Gun violence reduction",
        "Steering",
    ]
    assert detail.seats[0].membership.role is MemberRole.COMMUNITY_REPRESENTATIVE
    assert detail.seats[0].initiative_name == basics.initiative.name
    assert detail.holdings.total == 0
    with pytest.raises(NotFoundError):
        person_row(build.session, 404)
    with pytest.raises(NotFoundError):
        person_detail(build.session, 404)


def test_person_choices(build: Builders) -> None:
    make_people(build)
    everyone = person_choices(build.session)
    assert [c.full_name for c in everyone][-1] == "Zed Old"
    assert "Zed Old" not in [c.full_name for c in person_choices(build.session, active_only=True)]


def test_open_items_and_holdings(build: Builders) -> None:
    basics = make_people(build)
    ana = basics.member.id
    add = build.action_item
    i = basics.initiative.id
    add(i, owner_id=ana)
    add(i, owner_id=ana, status=ActionStatus.BLOCKED)
    add(i, owner_id=ana, status=ActionStatus.DONE)
    add(i, owner_id=ana, status=ActionStatus.CANCELLED)
    add(i, owner_id=basics.champion.id)
    problem = build.problem(i)
    build.response(problem.id, lead_id=ana)
    build.recommendation(i, owner_id=ana)
    assert open_items_owned(build.session, ana) == 2
    held = holdings(build.session, ana)
    assert (held.open_items, held.closed_items, held.responses, held.recommendations) == (
        2, 2, 1, 1,
    )  # fmt: skip
    assert held.describe() == (
        "2 open action items, 2 closed action items, 1 response to lead, 1 recommendation"
    )
    assert holdings(build.session, basics.champion.id).initiatives == 1
    with pytest.raises(NotFoundError):
        open_items_owned(build.session, 404)


def test_delete_person_who_owns_nothing_needs_no_successor(build: Builders) -> None:
    person = build.person("Lonely")
    edit = delete_person(build.session, person.id, hand_to=None)
    assert edit.label == "Delete Lonely"
    assert find_people(build.session) == []


def test_delete_owner_without_successor_is_refused(build: Builders) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, owner_id=basics.member.id)
    build.action_item(basics.initiative.id, owner_id=basics.member.id)
    with pytest.raises(ValidationError) as caught:
        delete_person(build.session, basics.member.id, hand_to=None)
    assert caught.value.field == "hand_to"
    assert "owns 2 open action items" in caught.value.problem
    assert "choose who takes them over" in caught.value.problem
    assert open_items_owned(build.session, basics.member.id) == 2


def test_closed_items_also_need_a_successor(build: Builders) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, owner_id=basics.member.id, status="done")
    with pytest.raises(ValidationError, match="1 closed action item"):
        delete_person(build.session, basics.member.id, hand_to=None)


@pytest.mark.parametrize("bad", ["self", 404, "text", True])
def test_bad_successor_is_refused(build: Builders, bad: object) -> None:
    basics = build.basics()
    build.action_item(basics.initiative.id, owner_id=basics.member.id)
    hand_to = basics.member.id if bad == "self" else bad
    with pytest.raises(ValidationError) as caught:
        delete_person(build.session, basics.member.id, hand_to=hand_to)  # type: ignore[arg-type]
    assert caught.value.field == "hand_to"
    assert catalog.PERSON.get(build.session, basics.member.id).full_name == basics.member.full_name


def test_unknown_person_cannot_be_deleted(build: Builders) -> None:
    with pytest.raises(NotFoundError):
        delete_person(build.session, 404, hand_to=None)


def make_owner(build: Builders) -> tuple[Basics, int, int]:
    """The member owns items, leads a response, owns a recommendation, sponsors the
    initiative, sits on the PST, attended a meeting and presented an agenda item."""
    basics = build.basics()
    member, i = basics.member.id, basics.initiative.id
    heir = build.person("Heir Apparent").id
    build.action_item(i, owner_id=member, title="Open one")
    build.action_item(i, owner_id=member, title="Done one", status=ActionStatus.DONE)
    build.response(build.problem(i).id, lead_id=member)
    build.recommendation(i, owner_id=member)
    catalog.INITIATIVE.update(build.session, i, sponsor_id=member)
    build.membership(basics.team.id, member, role=MemberRole.ANALYST)
    meeting = build.meeting(basics.team.id, datetime(2026, 2, 1, 18, tzinfo=UTC))
    catalog.ATTENDANCE.create(
        build.session, meeting_id=meeting.id, person_id=member, status=AttendanceStatus.PRESENT
    )
    catalog.AGENDA_ITEM.create(
        build.session, meeting_id=meeting.id, title="Report", presenter_id=member
    )
    return basics, member, heir


def owners(build: Builders) -> list[tuple[str, int | None]]:
    s = build.session
    rows = [
        (f"item {t}", o) for t, o in s.execute(select(m.ActionItem.title, m.ActionItem.owner_id))
    ]
    rows += [("response", o) for o in s.scalars(select(m.Response.lead_id))]
    rows += [("recommendation", o) for o in s.scalars(select(m.Recommendation.owner_id))]
    rows += [("sponsor", o) for o in s.scalars(select(m.Initiative.sponsor_id))]
    rows += [("presenter", o) for o in s.scalars(select(m.AgendaItem.presenter_id))]
    return sorted(rows, key=lambda row: row[0])


def test_delete_hands_everything_over_in_one_edit(build: Builders) -> None:
    basics, member, heir = make_owner(build)
    edit = delete_person(build.session, member, hand_to=heir)
    assert edit.label == f"Delete {basics.member.full_name}"
    assert owners(build) == [
        ("item Done one", heir),
        ("item Open one", heir),
        ("presenter", None),
        ("recommendation", heir),
        ("response", heir),
        ("sponsor", heir),
    ]
    with pytest.raises(NotFoundError):
        catalog.PERSON.get(build.session, member)
    assert catalog.MEMBERSHIP.list(build.session, person_id=member) == []
    assert catalog.ATTENDANCE.list(build.session) == []
    assert catalog.INITIATIVE.get(build.session, basics.initiative.id).champion_id == (
        basics.champion.id
    )


def test_undo_of_delete_restores_person_seats_attendance_and_owners(build: Builders) -> None:
    basics, member, heir = make_owner(build)
    before = owners(build)
    seats = catalog.MEMBERSHIP.list(build.session, person_id=member)
    edit = delete_person(build.session, member, hand_to=heir)
    edits.undo(build.session, edit)
    assert catalog.PERSON.get(build.session, member).full_name == basics.member.full_name
    assert owners(build) == before
    restored = catalog.MEMBERSHIP.list(build.session, person_id=member)
    assert [(s.id, s.role) for s in restored] == [(s.id, s.role) for s in seats]
    assert [a.person_id for a in catalog.ATTENDANCE.list(build.session)] == [member]
    edits.redo(build.session, edit)
    with pytest.raises(NotFoundError):
        catalog.PERSON.get(build.session, member)
    assert ("response", heir) in owners(build)


def test_refused_delete_changes_nothing(workspace, builders_for) -> None:  # type: ignore[no-untyped-def]
    with workspace.session_factory.begin() as session:
        basics = builders_for(session).basics()
        member = basics.member.id
        builders_for(session).action_item(basics.initiative.id, owner_id=member)
    with pytest.raises(ValidationError), workspace.session_factory.begin() as session:
        delete_person(session, member, hand_to=member)
    with workspace.session_factory.begin() as session:
        assert open_items_owned(session, member) == 1


def test_every_key_that_blocks_deleting_a_person_is_handed_over() -> None:
    """A new "owner" column must be added to HANDED_OVER, or deleting its owners fails."""
    person = Base.metadata.tables["person"]
    blocking = {
        (table.name, key.parent.key)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table is person and key.ondelete in (None, "RESTRICT")
    }
    handed = {(column.class_.__tablename__, column.key) for _, column in HANDED_OVER}
    assert handed == blocking
