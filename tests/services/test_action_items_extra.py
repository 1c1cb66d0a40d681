"""What the action items section needs beyond lists: positions, pages, details, bulk edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.errors import ConflictError, NotFoundError, ValidationError
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services import edits
from cs360desk.services.action_item_changes import (
    change_action_item,
    change_action_items,
    create_action_item,
    delete_action_items,
)
from cs360desk.services.action_items import (
    SORTABLE,
    action_item_choices,
    action_item_detail,
    action_item_ids,
    action_item_page,
    action_item_position,
    find_action_items,
    locate_action_item,
)
from cs360desk.services.catalog import ACTION_ITEM, PERSON
from cs360desk.services.progress_log import add_progress_note

if TYPE_CHECKING:
    from conftest import Builders

TODAY = date(2026, 3, 15)


@dataclass(frozen=True)
class Plan:
    initiative: int
    other: int
    ana: int
    bao: int
    team: int
    problem: int
    meeting: int
    ids: dict[str, int]


def make_plan(build: Builders) -> Plan:
    basics = build.basics()
    other = build.basics("Traffic safety").initiative.id
    i = basics.initiative.id
    ana, bao = build.person("Ana Ruiz").id, build.person("Bao Tran").id
    zulu = build.team(i, name="Zulu PST").id
    problem = build.problem(i, title="Gun crime").id
    meeting = build.meeting(
        basics.team.id, datetime(2026, 2, 20, 18, tzinfo=UTC), title="Feb PST"
    ).id
    specs = {
        "a": dict(status="done", priority="high", owner_id=bao, due_on=date(2026, 3, 1)),
        "b": dict(status="open", priority="low", owner_id=ana, team_id=zulu, problem_id=problem),
        "c": dict(status="blocked", priority="medium", due_on=date(2026, 3, 1)),
        "d": dict(status="in_progress", priority="high", team_id=basics.team.id),
        "e": dict(status="cancelled", priority="low", owner_id=ana, source_meeting_id=meeting),
        "f": dict(status="open", priority="medium", owner_id=bao, due_on=date(2026, 4, 1)),
    }
    ids = {
        name: build.action_item(i, title=f"Item {name}", **values).id  # type: ignore[arg-type]
        for name, values in specs.items()
    }
    build.action_item(other, title="Elsewhere")
    return Plan(i, other, ana, bao, zulu, problem, meeting, ids)


def _titles(build: Builders, plan: Plan, sort: str, descending: bool = False) -> list[str]:
    rows = find_action_items(
        build.session,
        ActionItemFilter(initiative_id=plan.initiative),
        today=TODAY,
        sort=sort,
        descending=descending,
    )
    return [row.item.title.removeprefix("Item ") for row in rows]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("status", ["b", "f", "d", "c", "a", "e"]),
        ("priority", ["b", "e", "c", "f", "a", "d"]),
        ("team", ["d", "b", "a", "c", "e", "f"]),
        ("problem", ["b", "a", "c", "d", "e", "f"]),
        ("meeting", ["e", "a", "b", "c", "d", "f"]),
    ],
)
def test_new_sort_keys_follow_the_work_not_the_alphabet(
    build: Builders, sort: str, expected: list[str]
) -> None:
    assert _titles(build, make_plan(build), sort) == expected


def test_priority_descending_puts_high_first(build: Builders) -> None:
    assert _titles(build, make_plan(build), "priority", descending=True)[:2] == ["a", "d"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTABLE)
def test_position_is_the_row_number_in_the_list(
    build: Builders, sort: str, descending: bool
) -> None:
    plan = make_plan(build)
    where = ActionItemFilter(initiative_id=plan.initiative)
    rows = find_action_items(build.session, where, today=TODAY, sort=sort, descending=descending)
    for number, row in enumerate(rows):
        position = action_item_position(
            build.session, where, row.item.id, today=TODAY, sort=sort, descending=descending
        )
        assert position == number, row.item.title


def test_position_is_none_when_the_filter_hides_the_item(build: Builders) -> None:
    plan = make_plan(build)
    hidden = ActionItemFilter(initiative_id=plan.initiative, owner_id=plan.ana)
    assert action_item_position(build.session, hidden, plan.ids["a"], today=TODAY) is None
    assert action_item_position(build.session, hidden, 999_999, today=TODAY) is None
    located = locate_action_item(build.session, hidden, plan.ids["b"], today=TODAY)
    assert located.position == 0
    assert located.detail.row.item.id == plan.ids["b"]


def test_page_carries_the_total_and_its_offset(build: Builders) -> None:
    plan = make_plan(build)
    where = ActionItemFilter(initiative_id=plan.initiative)
    page = action_item_page(build.session, where, today=TODAY, sort="title", offset=4, limit=4)
    assert page.total == 6
    assert page.offset == 4
    assert [row.item.title for row in page.rows] == ["Item e", "Item f"]


def test_a_full_page_is_counted_and_the_last_one_counts_itself(build: Builders) -> None:
    plan = make_plan(build)
    where = ActionItemFilter(initiative_id=plan.initiative)
    pages = [
        action_item_page(build.session, where, today=TODAY, sort="title", offset=at, limit=3)
        for at in (0, 3, 6, 40)
    ]
    assert [(page.total, len(page.rows)) for page in pages] == [(6, 3), (6, 3), (6, 0), (6, 0)]
    short = action_item_page(build.session, where, today=TODAY, offset=4, limit=50)
    assert (short.total, len(short.rows)) == (6, 2)
    none = ActionItemFilter(initiative_id=plan.initiative, text="no such words")
    assert action_item_page(build.session, none, today=TODAY).total == 0


def test_ids_of_ranges_follow_the_sort_and_skip_nonsense(build: Builders) -> None:
    plan = make_plan(build)
    where = ActionItemFilter(initiative_id=plan.initiative)
    ids = action_item_ids(
        build.session, where, [(0, 2), (1, 2), (5, 10), (-1, 3), (2, 0)], today=TODAY, sort="title"
    )
    assert ids == [plan.ids["a"], plan.ids["b"], plan.ids["c"], plan.ids["f"]]


def test_detail_has_names_meeting_time_and_notes_newest_first(build: Builders) -> None:
    plan = make_plan(build)
    add_progress_note(build.session, plan.ids["e"], noted_on=date(2026, 3, 1), text="old")
    add_progress_note(build.session, plan.ids["e"], noted_on=date(2026, 3, 5), text="new")
    detail = action_item_detail(build.session, plan.ids["e"], today=TODAY)
    assert detail.row.owner_name == "Ana Ruiz"
    assert detail.row.meeting_title == "Feb PST"
    assert detail.meeting_starts_at == datetime(2026, 2, 20, 18, tzinfo=UTC)
    assert detail.initiative_name == "Gun violence reduction"
    assert [note.text for note in detail.notes] == ["new", "old"]
    with pytest.raises(NotFoundError):
        action_item_detail(build.session, 999_999, today=TODAY)


def test_choices_list_everyone_and_only_this_initiatives_teams_and_problems(
    build: Builders,
) -> None:
    plan = make_plan(build)
    PERSON.update(build.session, plan.bao, active=False)
    choices = action_item_choices(build.session, plan.initiative)
    names = [choice.name for choice in choices.people]
    assert "Ana Ruiz" in names and "Bao Tran (inactive)" in names
    assert names == sorted(names, key=str)
    assert [team.name for team in choices.teams] == ["PST of Gun violence reduction", "Zulu PST"]
    assert [problem.name for problem in choices.problems] == ["Gun crime"]
    assert action_item_choices(build.session, plan.other).problems == ()


def test_change_one_item_checks_the_version_and_returns_the_named_row(build: Builders) -> None:
    plan = make_plan(build)
    item = ACTION_ITEM.get(build.session, plan.ids["c"])
    row, edit = change_action_item(
        build.session, item.id, today=TODAY, expected_version=item.version, owner_id=plan.ana
    )
    assert row.owner_name == "Ana Ruiz"
    assert row.overdue is True
    assert edit.label == "Change action item (owner)"
    with pytest.raises(ConflictError):
        change_action_item(
            build.session, item.id, today=TODAY, expected_version=item.version, status="done"
        )


def test_create_returns_the_row_and_an_undoable_edit(build: Builders) -> None:
    plan = make_plan(build)
    row, edit = create_action_item(
        build.session, today=TODAY, initiative_id=plan.initiative, title="New", owner_id=plan.bao
    )
    assert (row.item.title, row.owner_name) == ("New", "Bao Tran")
    edits.undo(build.session, edit)
    with pytest.raises(NotFoundError):
        ACTION_ITEM.get(build.session, row.item.id)
    with pytest.raises(ValidationError) as caught:
        create_action_item(build.session, today=TODAY, initiative_id=plan.initiative, title=" ")
    assert caught.value.field == "title"


def test_bulk_change_is_one_edit_undone_at_once(build: Builders) -> None:
    plan = make_plan(build)
    chosen = [plan.ids["b"], plan.ids["c"], plan.ids["b"], plan.ids["f"]]
    edit = change_action_items(build.session, chosen, owner_id=plan.bao, status="done")
    assert edit.label == "Change 3 action items (owner, status)"
    assert len(edit.changes) == 3
    for item_id in set(chosen):
        item = ACTION_ITEM.get(build.session, item_id)
        assert (item.owner_id, item.status) == (plan.bao, ActionStatus.DONE)
    edits.undo(build.session, edit)
    assert ACTION_ITEM.get(build.session, plan.ids["b"]).owner_id == plan.ana
    assert ACTION_ITEM.get(build.session, plan.ids["c"]).status is ActionStatus.BLOCKED


def test_bulk_change_saves_nothing_when_one_item_refuses(workspace, builders_for) -> None:
    with workspace.session_factory.begin() as session:
        plan = make_plan(builders_for(session))
    ids = [plan.ids["a"], 999_999]
    with pytest.raises(NotFoundError), workspace.session_factory.begin() as session:
        change_action_items(session, ids, priority=Priority.LOW)
    with workspace.session_factory.begin() as session:
        assert ACTION_ITEM.get(session, plan.ids["a"]).priority is Priority.HIGH
    with (
        pytest.raises(ValidationError, match="at least one"),
        workspace.session_factory.begin() as session,
    ):
        change_action_items(session, [], status="done")
    with pytest.raises(ValidationError) as caught, workspace.session_factory.begin() as session:
        change_action_items(session, [plan.ids["a"]], status="finished")
    assert caught.value.field == "status"


def test_bulk_delete_is_one_edit_and_undo_brings_back_items_and_notes(build: Builders) -> None:
    plan = make_plan(build)
    add_progress_note(build.session, plan.ids["a"], noted_on=date(2026, 3, 1), text="kept")
    edit = delete_action_items(build.session, [plan.ids["a"], plan.ids["b"]])
    assert edit.label == "Delete 2 action items"
    for item_id in (plan.ids["a"], plan.ids["b"]):
        with pytest.raises(NotFoundError):
            ACTION_ITEM.get(build.session, item_id)
    edits.undo(build.session, edit)
    detail = action_item_detail(build.session, plan.ids["a"], today=TODAY)
    assert [note.text for note in detail.notes] == ["kept"]
    assert ACTION_ITEM.get(build.session, plan.ids["b"]).title == "Item b"
