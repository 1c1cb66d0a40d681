"""Action item lists: every filter alone and combined, literal text search, paging, sorting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from cs360desk.domain.enums import ActionStatus, TeamKind
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services.action_items import (
    SORTABLE,
    count_action_items,
    find_action_items,
)

if TYPE_CHECKING:
    from conftest import Builders
    from sqlalchemy.orm import Session

TODAY = date(2026, 3, 15)


@dataclass(frozen=True)
class Work:
    """Seven items of one initiative plus one of another, with known owners and dates."""

    initiative_id: int
    other_initiative_id: int
    ana: int
    bao: int
    pst: int
    steering: int
    guns: int
    lights: int
    meeting_title: str


def make_work(build: Builders) -> Work:
    basics = build.basics()
    other = build.basics("Traffic safety")
    ana = build.person("Ana Ruiz").id
    bao = build.person("Bao Tran").id
    steering = build.team(basics.initiative.id, kind=TeamKind.STEERING_COMMITTEE).id
    guns = build.problem(basics.initiative.id, title="Gun crime").id
    lights = build.problem(basics.initiative.id, title="Dark streets").id
    meeting = build.meeting(basics.team.id, datetime(2026, 2, 20, 18, tzinfo=UTC), title="Feb PST")
    add = build.action_item
    i = basics.initiative.id
    add(i, title="Call the landlord", owner_id=ana, team_id=basics.team.id, problem_id=guns,
        due_on=date(2026, 3, 1), source_meeting_id=meeting.id, details="about unit 4B")  # fmt: skip
    add(i, title="Survey block 4", owner_id=bao, team_id=steering, due_on=date(2026, 3, 20),
        status=ActionStatus.IN_PROGRESS)  # fmt: skip
    add(i, title="Print flyers", owner_id=ana, due_on=date(2026, 3, 10), status="done")
    add(i, title="Fix street lights", problem_id=lights, status=ActionStatus.BLOCKED)
    add(i, title="Old idea", owner_id=bao, due_on=date(2026, 2, 1), status="cancelled")
    add(i, title="Due today", owner_id=bao, due_on=TODAY, problem_id=guns)
    add(i, title="Blocked and late", owner_id=bao, due_on=date(2026, 3, 14), status="blocked")
    add(other.initiative.id, title="Other initiative late", due_on=date(2026, 1, 1))
    return Work(
        basics.initiative.id, other.initiative.id, ana, bao, basics.team.id, steering, guns,
        lights, meeting.title,
    )  # fmt: skip


def titles(session: Session, where: ActionItemFilter, **options: object) -> list[str]:
    rows = find_action_items(session, where, today=TODAY, **options)  # type: ignore[arg-type]
    return [row.item.title for row in rows]


def test_no_filter_lists_everything_by_due_date_undated_last(build: Builders) -> None:
    make_work(build)
    assert titles(build.session, ActionItemFilter()) == [
        "Other initiative late",
        "Old idea",
        "Call the landlord",
        "Print flyers",
        "Blocked and late",
        "Due today",
        "Survey block 4",
        "Fix street lights",
    ]


@pytest.mark.parametrize(
    ("make_filter", "expected"),
    [
        (
            lambda w: ActionItemFilter(initiative_id=w.other_initiative_id),
            ["Other initiative late"],
        ),
        (
            lambda w: ActionItemFilter(statuses=frozenset({ActionStatus.BLOCKED})),
            ["Blocked and late", "Fix street lights"],
        ),
        (
            lambda w: ActionItemFilter(
                statuses=frozenset({ActionStatus.DONE, ActionStatus.CANCELLED})
            ),
            ["Old idea", "Print flyers"],
        ),
        (
            lambda w: ActionItemFilter(owner_id=w.ana),
            ["Call the landlord", "Print flyers"],
        ),
        (lambda w: ActionItemFilter(team_id=w.steering), ["Survey block 4"]),
        (lambda w: ActionItemFilter(problem_id=w.guns), ["Call the landlord", "Due today"]),
        (
            lambda w: ActionItemFilter(due_from=date(2026, 3, 10)),
            ["Print flyers", "Blocked and late", "Due today", "Survey block 4"],
        ),
        (
            lambda w: ActionItemFilter(due_to=date(2026, 3, 1)),
            ["Other initiative late", "Old idea", "Call the landlord"],
        ),
        (
            lambda w: ActionItemFilter(due_from=date(2026, 3, 10), due_to=TODAY),
            ["Print flyers", "Blocked and late", "Due today"],
        ),
        (
            lambda w: ActionItemFilter(overdue_only=True),
            ["Other initiative late", "Call the landlord", "Blocked and late"],
        ),
        (lambda w: ActionItemFilter(text="LANDLORD"), ["Call the landlord"]),
        (lambda w: ActionItemFilter(text="  unit 4b "), ["Call the landlord"]),
        (lambda w: ActionItemFilter(text="   "), None),
        (lambda w: ActionItemFilter(owner_id=w.bao, overdue_only=True), ["Blocked and late"]),
        (
            lambda w: ActionItemFilter(
                initiative_id=w.initiative_id,
                statuses=frozenset({ActionStatus.OPEN, ActionStatus.BLOCKED}),
                due_to=TODAY,
            ),
            ["Call the landlord", "Blocked and late", "Due today"],
        ),
        (
            lambda w: ActionItemFilter(owner_id=w.bao, problem_id=w.guns, text="today"),
            ["Due today"],
        ),
        (lambda w: ActionItemFilter(owner_id=w.ana, team_id=w.steering), []),
    ],
    ids=[
        "initiative",
        "one status",
        "closed statuses",
        "owner",
        "team",
        "problem",
        "due from",
        "due to",
        "due range inclusive",
        "overdue",
        "text in title any case",
        "text in details trimmed",
        "blank text",
        "owner and overdue",
        "initiative, statuses, due",
        "owner, problem, text",
        "nothing matches",
    ],
)
def test_filters(
    build: Builders, make_filter: Callable[[Work], ActionItemFilter], expected: list[str] | None
) -> None:
    work = make_work(build)
    where = make_filter(work)
    found = titles(build.session, where)
    if expected is None:  # blank text narrows nothing
        expected = titles(build.session, ActionItemFilter())
    assert found == expected
    assert count_action_items(build.session, where, today=TODAY) == len(expected)


def test_rows_carry_the_names_users_read(build: Builders) -> None:
    make_work(build)
    rows = find_action_items(build.session, ActionItemFilter(text="landlord"), today=TODAY)
    (row,) = rows
    assert row.owner_name == "Ana Ruiz"
    assert row.team_name == "PST of Gun violence reduction"
    assert row.problem_title == "Gun crime"
    assert row.meeting_title == "Feb PST"
    assert row.overdue is True
    (plain,) = find_action_items(build.session, ActionItemFilter(text="street"), today=TODAY)
    assert (plain.owner_name, plain.team_name, plain.meeting_title) == ("", "", "")
    assert plain.problem_title == "Dark streets"
    assert plain.overdue is False


def test_overdue_flag_on_rows(build: Builders) -> None:
    make_work(build)
    rows = find_action_items(build.session, ActionItemFilter(), today=TODAY)
    flagged = {row.item.title for row in rows if row.overdue}
    assert flagged == {"Other initiative late", "Call the landlord", "Blocked and late"}


def test_overdue_depends_on_today(build: Builders) -> None:
    work = make_work(build)
    where = ActionItemFilter(initiative_id=work.initiative_id, overdue_only=True)
    later = find_action_items(build.session, where, today=date(2026, 3, 21))
    assert [row.item.title for row in later] == [
        "Call the landlord",
        "Blocked and late",
        "Due today",
        "Survey block 4",
    ]
    assert count_action_items(build.session, where, today=date(2026, 3, 1)) == 0


def make_texts(build: Builders) -> None:
    initiative = build.basics().initiative.id
    for title in (
        "100% done",
        "1000 done",
        "a_b check",
        "axb check",
        "C:\\temp\\report",
        "C:temp report",
        "Gặp ông Đức ở chợ",
        "Reunión con JOSÉ",
    ):
        build.action_item(initiative, title=title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100%", ["100% done"]),
        ("%", ["100% done"]),
        ("a_b", ["a_b check"]),
        ("_", ["a_b check"]),
        ("C:\\temp", ["C:\\temp\\report"]),
        ("\\", ["C:\\temp\\report"]),
        ("temp", ["C:\\temp\\report", "C:temp report"]),
        ("Đức", ["Gặp ông Đức ở chợ"]),
        ("josé", ["Reunión con JOSÉ"]),
        ("đức", ["Gặp ông Đức ở chợ"]),
    ],
)
def test_text_search_is_literal(build: Builders, text: str, expected: list[str]) -> None:
    make_texts(build)
    where = ActionItemFilter(text=text)
    assert titles(build.session, where, sort="title") == expected
    assert count_action_items(build.session, where, today=TODAY) == len(expected)


def test_sort_by_due_descending_keeps_undated_last(build: Builders) -> None:
    make_work(build)
    found = titles(build.session, ActionItemFilter(), descending=True)
    assert found[0] == "Survey block 4"
    assert found[-1] == "Fix street lights"


def test_sort_by_title(build: Builders) -> None:
    make_work(build)
    found = titles(build.session, ActionItemFilter(), sort="title")
    assert found == sorted(found)
    assert titles(build.session, ActionItemFilter(), sort="title", descending=True) == found[::-1]


def test_sort_by_owner_puts_unowned_last(build: Builders) -> None:
    work = make_work(build)
    rows = find_action_items(
        build.session, ActionItemFilter(initiative_id=work.initiative_id), today=TODAY, sort="owner"
    )
    owners = [row.owner_name for row in rows]
    assert owners == ["Ana Ruiz"] * 2 + ["Bao Tran"] * 4 + [""]
    # Ties keep a stable order by id, so paging never repeats or skips an item.
    assert [row.item.id for row in rows[:2]] == sorted(row.item.id for row in rows[:2])


def test_unknown_sort_is_refused(build: Builders) -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        find_action_items(build.session, ActionItemFilter(), today=TODAY, sort="details")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTABLE)
def test_pages_add_up_to_the_whole_list(build: Builders, sort: str, descending: bool) -> None:
    make_work(build)
    where = ActionItemFilter()

    def ids(**page: int) -> list[int]:
        rows = find_action_items(
            build.session, where, today=TODAY, sort=sort, descending=descending, **page
        )
        return [row.item.id for row in rows]

    whole = ids()
    pages = [ids(limit=3, offset=offset) for offset in (0, 3, 6, 9)]
    assert [len(page) for page in pages] == [3, 3, 2, 0]
    assert [item for page in pages for item in page] == whole
    assert len(whole) == count_action_items(build.session, where, today=TODAY) == 8
