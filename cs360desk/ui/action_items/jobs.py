"""What the action items section asks of the worker: a page, the list, one item located."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from cs360desk.domain.action_item_views import (
    ActionItemChoices,
    ActionItemLocation,
    ActionItemPage,
)
from cs360desk.domain.views import ActionItemFilter
from cs360desk.services.action_items import (
    action_item_choices,
    action_item_page,
    locate_action_item,
)
from cs360desk.ui.action_items.model import PAGE_SIZE, ListQuery
from cs360desk.ui.common.tasks import WorkSession


@dataclass(frozen=True)
class ListLoad:
    """A fresh list: the page at the place the user was, and what items can point at when
    that was asked for (a filter change leaves the people, teams and problems as they are)."""

    page: ActionItemPage
    choices: ActionItemChoices | None


@dataclass(frozen=True)
class Located:
    """One item found for `open_record`, with the query and page that show it (if any)."""

    location: ActionItemLocation
    choices: ActionItemChoices
    query: ListQuery
    page: ActionItemPage | None
    filters_cleared: bool


def page_at(session: WorkSession, query: ListQuery, row: int) -> ActionItemPage:
    """The page holding `row`, with the count of the whole list."""
    return action_item_page(
        session,
        query.where,
        today=query.today,
        sort=query.sort,
        descending=query.descending,
        offset=max(0, row) // PAGE_SIZE * PAGE_SIZE,
        limit=PAGE_SIZE,
    )


def load_list(
    session: WorkSession, query: ListQuery, first_row: int, initiative_id: int, *, choices: bool
) -> ListLoad:
    page = page_at(session, query, first_row)
    return ListLoad(page, action_item_choices(session, initiative_id) if choices else None)


def locate(
    session: WorkSession, query: ListQuery, item_id: int, initiative_id: int | None
) -> Located:
    """Find the item under the current filters, or else with every filter cleared."""
    base = ActionItemFilter(initiative_id=initiative_id)

    def find(where: ActionItemFilter) -> ActionItemLocation:
        return locate_action_item(
            session, where, item_id, today=query.today, sort=query.sort, descending=query.descending
        )

    location = find(query.where)
    cleared = location.position is None and query.where != base
    if cleared:
        query = dataclasses.replace(query, where=base)
        location = find(base)
    page = None if location.position is None else page_at(session, query, location.position)
    choices = action_item_choices(session, initiative_id)
    return Located(location, choices, query, page, cleared)
