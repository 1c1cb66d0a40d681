"""The Goals & measures section: goals by dimension, their measures, values, chart and trend."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import GoalDimension
from cs360desk.domain.evidence_views import GoalsPage, GoalView
from cs360desk.domain.problem_views import MeasureStanding
from cs360desk.domain.records import GoalRecord, MeasureRecord
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.services.evidence import (
    create_goal,
    create_measure,
    delete_goal,
    delete_measure,
    goals_page,
    save_goal_field,
    save_measure_field,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.common.record_lists import ListEditor
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.goals.values import ValuesController
from cs360desk.ui.goals.view import GoalsView


def page_summary(page: GoalsPage) -> str:
    goals = [view for group in page.dimensions for view in group.goals]
    measures = [m for view in goals for m in view.measures]
    right = sum(1 for m in measures if m.trend.verdict.value == "improving")
    return ngettext(
        "{goals} with {measures}; {n} going the right way",
        "{goals} with {measures}; {n} going the right way",
        right,
    ).format(
        goals=count_of(len(goals), "{n} goal", "{n} goals"),
        measures=count_of(len(measures), "{n} measure", "{n} measures"),
        n=right,
    )


class GoalsController(QObject):
    """Behaviour of the Goals & measures page; `loaded` fires each time the page is shown."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = GoalsView()
        self._initiative_id: int | None = None
        self._request = 0
        self._select_measure: int | None = None
        self.page: GoalsPage | None = None
        view = self._view
        self.goals = ListEditor(
            context,
            view.goal_model,
            view.goals,
            view.goal_fields,
            save_goal_field,
            id_of=lambda g: g.goal.id,
            values_of=lambda g: dataclasses.asdict(g.goal),
            parent=self,
        )
        self.measures = ListEditor(
            context,
            view.measure_model,
            view.measures,
            view.measure_fields,
            save_measure_field,
            id_of=lambda m: m.measure.id,
            values_of=lambda m: dataclasses.asdict(m.measure),
            parent=self,
        )
        self.values = ValuesController(context, view, self.refresh, self)
        self._connect()
        self._on_goal_selected(None)

    def _connect(self) -> None:
        view = self._view
        self.goals.selected.connect(self._on_goal_selected)
        self.goals.saved.connect(lambda _record: self.refresh())
        self.measures.selected.connect(self._on_measure_selected)
        self.measures.saved.connect(lambda _record: self.refresh())
        view.new_goal.clicked.connect(self._on_new_goal)
        view.new_action.triggered.connect(self._on_new_goal)
        view.delete_goal.clicked.connect(self._on_delete_goal)
        view.new_measure.clicked.connect(self._on_new_measure)
        view.delete_measure.clicked.connect(self._on_delete_measure)

    @property
    def view(self) -> GoalsView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self.goals.set_rows(())
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self, select_goal: int | None = None) -> None:
        self._request += 1
        request, initiative_id = self._request, self._initiative_id
        self._view.new_goal.setEnabled(initiative_id is not None)
        if initiative_id is None:
            self.page = None
            self.goals.set_rows(())
            self._view.summary.setText(_("This workspace has no initiative yet."))
            self.loaded.emit()
            return
        self._context.runner.run(
            lambda s: goals_page(s, initiative_id),
            on_success=lambda page: self._on_loaded(request, page, select_goal),
        )

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _on_loaded(self, request: int, page: GoalsPage, select: int | None) -> None:
        if request != self._request:
            return
        self.page = page
        self._view.summary.setText(page_summary(page))
        self._view.goal_fields.set_choices("problem_id", page.problems)
        goals = [view for group in page.dimensions for view in group.goals]
        self.goals.set_rows(goals, select=select)
        self._show_measures(self.goals.current_row)
        self.loaded.emit()

    def _on_goal_selected(self, goal: GoalView | None) -> None:
        self._view.delete_goal.setEnabled(goal is not None)
        self._view.new_measure.setEnabled(goal is not None)
        self._show_measures(goal)

    def _show_measures(self, goal: GoalView | None) -> None:
        select, self._select_measure = self._select_measure, None
        self.measures.set_rows(goal.measures if goal else (), select=select)
        self._show_measure(self.measures.current_row)

    def _on_measure_selected(self, standing: MeasureStanding | None) -> None:
        self._show_measure(standing)

    def _show_measure(self, standing: MeasureStanding | None) -> None:
        view = self._view
        view.delete_measure.setEnabled(standing is not None)
        if standing is None:
            view.measure_title.setText(_("Measure"))
        else:
            unit = f" ({standing.measure.unit})" if standing.measure.unit else ""
            view.measure_title.setText(f"{standing.measure.name}{unit}")
        view.chart.show_measure(standing)
        view.trend.show_measure(standing)
        self.values.show_measure(standing, self._today())

    def _on_new_goal(self) -> None:
        initiative_id = self._initiative_id
        if initiative_id is None:
            return
        statement = TextPrompt.ask(self._view, _("New goal"), _("&Goal:"))
        if statement is None:
            return
        current = self.goals.current_row
        dimension = current.goal.dimension if current else GoalDimension.CRIME
        self._writer.write(
            lambda s: create_goal(s, initiative_id, dimension, statement),
            done=_("Saved: a new goal; choose its dimension below"),
            on_saved=self._on_goal_created,
        )

    def _on_goal_created(self, record: GoalRecord) -> None:
        self.refresh(select_goal=record.id)

    def _on_new_measure(self) -> None:
        goal_id = self.goals.current_id
        if goal_id is None:
            return
        name = TextPrompt.ask(self._view, _("New measure"), _("&Name of the measure:"))
        if name is None:
            return
        self._writer.write(
            lambda s: create_measure(s, goal_id, name),
            done=_("Saved: a new measure; set its baseline and target"),
            on_saved=lambda record: self._on_measure_created(goal_id, record),
        )

    def _on_measure_created(self, goal_id: int, record: MeasureRecord) -> None:
        self._select_measure = record.id
        self._view.tabs.setCurrentIndex(1)
        self.refresh(select_goal=goal_id)

    def _on_delete_goal(self) -> None:
        goal = self.goals.current_row
        if goal is None:
            return
        count = len(goal.measures)
        question = ngettext(
            "Delete this goal and its {n} measure?", "Delete this goal and its {n} measures?", count
        ).format(n=count)
        if Confirmation.ask(self._view, _("Delete goal"), question):
            goal_id = goal.goal.id
            self._delete(lambda s: edit_only(delete_goal(s, goal_id)))

    def _on_delete_measure(self) -> None:
        standing = self.measures.current_row
        if standing is None:
            return
        count = len(standing.values)
        question = ngettext(
            "Delete “{name}” and its {n} value?", "Delete “{name}” and its {n} values?", count
        ).format(name=standing.measure.name, n=count)
        if Confirmation.ask(self._view, _("Delete measure"), question):
            measure_id = standing.measure.id
            self._delete(lambda s: edit_only(delete_measure(s, measure_id)))

    def _delete(self, job: Callable[[WorkSession], tuple[bool, Edit]]) -> None:
        self._writer.write(
            job,
            done=lambda _deleted, edit: _("Saved: {change}").format(change=edit.label.lower()),
            on_saved=lambda _deleted: self.refresh(),
        )
