"""The filter bar of the action items section, read as an ActionItemFilter and reset."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from cs360desk.domain.views import ActionItemFilter
from cs360desk.ui.action_items.view import DEFAULT_STATUS_FILTER, STATUS_FILTERS, ActionItemsView


def week_of(today: date, first_day: int) -> tuple[date, date]:
    """The calendar week holding `today`, starting on ISO weekday `first_day` (1 = Monday)."""
    start = today - timedelta(days=(today.isoweekday() - first_day) % 7)
    return start, start + timedelta(days=6)


def filter_of(view: ActionItemsView, initiative_id: int | None, today: date) -> ActionItemFilter:
    """What the filter bar asks for; "due this week" follows the locale's first weekday."""
    due_from = due_to = None
    if view.week_box.isChecked():
        due_from, due_to = week_of(today, QLocale().firstDayOfWeek().value)
    return ActionItemFilter(
        initiative_id=initiative_id,
        statuses=STATUS_FILTERS[max(0, view.status_box.currentIndex())][1],
        owner_id=view.owner_box.value(),
        team_id=view.team_box.value(),
        problem_id=view.problem_box.value(),
        due_from=due_from,
        due_to=due_to,
        overdue_only=view.overdue_box.isChecked(),
        text=view.search_box.text(),
    )


def is_filtered(where: ActionItemFilter) -> bool:
    return where != ActionItemFilter(initiative_id=where.initiative_id)


def default_filter(initiative_id: int | None) -> ActionItemFilter:
    return ActionItemFilter(
        initiative_id=initiative_id, statuses=STATUS_FILTERS[DEFAULT_STATUS_FILTER][1]
    )


def reset_filters(view: ActionItemsView, *, everything: bool) -> None:
    """Back to the default view (or to every item), without a signal per widget."""
    widgets: list[QWidget] = [
        view.search_box, view.status_box, view.owner_box, view.team_box, view.problem_box,
        view.overdue_box, view.week_box,
    ]  # fmt: skip
    for widget in widgets:
        widget.blockSignals(True)
    view.search_box.clear()
    view.status_box.setCurrentIndex(0 if everything else DEFAULT_STATUS_FILTER)
    for box in (view.owner_box, view.team_box, view.problem_box):
        box.set_value(None)
    view.overdue_box.setChecked(False)
    view.week_box.setChecked(False)
    for widget in widgets:
        widget.blockSignals(False)
