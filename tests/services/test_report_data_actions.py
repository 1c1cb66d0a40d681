"""The progress update's action items: totals of every item, only the first few listed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from cs360desk.domain.enums import ActionStatus, Priority
from cs360desk.domain.report_data import LISTED_ITEMS, MonthCount, ReportPeriod
from cs360desk.services import catalog
from cs360desk.services import report_data as rd
from cs360desk.services.report_data_actions import NO_OWNER
from cs360desk.services.report_data_common import WITHHELD_NAME, PeopleDirectory

if TYPE_CHECKING:
    from conftest import Builders

TODAY = date(2026, 6, 30)
YEAR = ReportPeriod(date(2025, 7, 15), TODAY)
MORE = LISTED_ITEMS + 5


def test_a_long_year_lists_the_latest_done_and_counts_every_one(build: Builders) -> None:
    initiative = build.basics().initiative.id
    owner = build.person("Nguyễn Thị Hoa").id
    for n in range(MORE):
        build.action_item(
            initiative, title=f"Visit {n:02d} <b>", status=ActionStatus.DONE,
            completed_on=TODAY - timedelta(days=n), owner_id=owner,
        )  # fmt: skip
    build.action_item(
        initiative, title="Done before the period", status=ActionStatus.DONE,
        completed_on=YEAR.start - timedelta(days=1),
    )  # fmt: skip
    build.action_item(initiative, title="Reopened", completed_on=TODAY)
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR)
    assert data.numbers.items_done == MORE
    assert [line.title for line in data.done] == [f"Visit {n:02d} <b>" for n in range(LISTED_ITEMS)]
    assert data.done[0].owner == "Nguyễn Thị Hoa"
    assert data.done[0].completed_on == TODAY


def test_done_per_month_covers_every_month_of_the_period(build: Builders) -> None:
    initiative = build.basics().initiative.id
    for completed in (date(2025, 7, 15), date(2025, 7, 31), date(2026, 1, 1), TODAY):
        build.action_item(initiative, status=ActionStatus.DONE, completed_on=completed)
    build.action_item(initiative, status=ActionStatus.DONE, completed_on=date(2025, 7, 14))
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR)
    months = data.done_by_month
    assert len(months) == 12
    assert months[0] == MonthCount(date(2025, 7, 15), date(2025, 7, 31), 2)
    assert not months[0].whole
    assert months[6] == MonthCount(date(2026, 1, 1), date(2026, 1, 31), 1)
    assert months[-1] == MonthCount(date(2026, 6, 1), TODAY, 1)
    assert months[-1].whole
    assert sum(month.done for month in months) == data.numbers.items_done == 4


def test_the_longest_overdue_are_listed_and_every_owner_is_counted(build: Builders) -> None:
    initiative = build.basics().initiative.id
    busy = build.person("José Ramírez Núñez", phone="361-555-0142").id
    for n in range(MORE):
        build.action_item(initiative, title=f"Late {n:02d}", due_on=TODAY - timedelta(days=100 - n),
                          owner_id=busy if n % 2 else None)  # fmt: skip
    build.action_item(initiative, title="Due today", due_on=TODAY)
    build.action_item(initiative, status=ActionStatus.CANCELLED, due_on=date(2026, 1, 1))
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR)
    assert data.numbers.items_overdue == MORE
    assert [line.title for line in data.overdue] == [f"Late {n:02d}" for n in range(LISTED_ITEMS)]
    # The owners count the items left off the list too.
    owners = [(o.owner, o.overdue, o.oldest_due, o.phone) for o in data.overdue_owners]
    assert owners == [
        (NO_OWNER, MORE - MORE // 2, TODAY - timedelta(days=100), ""),
        ("José Ramírez Núñez", MORE // 2, TODAY - timedelta(days=99), "361-555-0142"),
    ]


def test_the_soonest_due_are_listed_and_counted_to_the_next_period_end(build: Builders) -> None:
    initiative = build.basics().initiative.id
    for n in range(MORE):
        build.action_item(initiative, title=f"Next {n:02d}", due_on=TODAY + timedelta(days=1 + n))
    build.action_item(initiative, title="Too far", due_on=TODAY + timedelta(days=400))
    build.action_item(initiative, status=ActionStatus.DONE, due_on=TODAY + timedelta(days=2))
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR)
    assert data.numbers.items_due_next == MORE
    assert [line.title for line in data.due_next] == [f"Next {n:02d}" for n in range(LISTED_ITEMS)]
    assert data.due_next[0].status_label == "Open"


def test_derived_highlights_take_the_first_high_priority_work_done(build: Builders) -> None:
    initiative = build.basics().initiative.id
    for n in range(8):
        build.action_item(
            initiative, title=f"Job {n}", status=ActionStatus.DONE, priority=Priority.HIGH,
            completed_on=date(2026, 6, 1) + timedelta(days=n),
        )  # fmt: skip
    build.action_item(
        initiative, title="Routine", status=ActionStatus.DONE, completed_on=date(2026, 1, 1)
    )
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR)
    assert data.highlights == tuple(f"Done: Job {n}." for n in range(6))


def test_public_edition_withholds_private_owners_one_line_each(build: Builders) -> None:
    initiative = build.basics().initiative.id
    for name in ("Ana Private", "Bea Private"):
        hidden = build.person(name, email=f"{name[:3]}@example.org", contact_private=True).id
        build.action_item(initiative, title=f"Ask {name}", due_on=date(2026, 6, 1), owner_id=hidden)
    data = rd.progress_report_data(build.session, initiative, today=TODAY, period=YEAR, public=True)
    assert [line.title for line in data.overdue] == [f"Ask {WITHHELD_NAME}"] * 2
    assert [(o.owner, o.overdue, o.email) for o in data.overdue_owners] == [
        (WITHHELD_NAME, 1, ""),
        (WITHHELD_NAME, 1, ""),
    ]


def test_the_directory_reads_the_same_people_the_catalog_does(build: Builders) -> None:
    build.person("Trần Văn Minh", title="Pastor", phone="(361) 555-0101", contact_private=True)
    build.person("Mary Green", email="mary@example.org", active=False)
    directory = PeopleDirectory.load(build.session, public=False)
    assert directory.people == {p.id: p for p in catalog.PERSON.list(build.session)}
