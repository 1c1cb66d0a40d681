"""The Problems section: SARA problems ranked by the worksheet, each edited phase by phase."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QItemSelection, QObject, Signal

from cs360desk.domain.enums import SaraPhase
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.problem_views import (
    CHEERS,
    MAX_TOTAL,
    WORKSHEET,
    ProblemDetail,
    ProblemRow,
    RankedProblem,
    rank_problems,
)
from cs360desk.domain.records import ProblemRecord
from cs360desk.i18n import _, ngettext
from cs360desk.services.problems import (
    create_problem,
    delete_problem,
    problem_detail,
    problem_rows,
    save_problem_field,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt, select_row
from cs360desk.ui.common.record_lists import FieldSaver
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.problems.responses import ResponsesController
from cs360desk.ui.problems.view import ProblemsView

SCORES = tuple(name for name, _label in WORKSHEET)
CHECKS = tuple(name for name, _short, _question in CHEERS)


class ProblemsController(QObject):
    """Behaviour of the Problems page; `loaded` (the list) and `detail_loaded` (the editor)."""

    loaded = Signal()
    detail_loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = ProblemsView()
        self._initiative_id: int | None = None
        self._list_request = 0
        self._detail_request = 0
        self.problem_id: int | None = None
        self.detail: ProblemDetail | None = None
        self._saver = FieldSaver(context, self._view.fields, save_problem_field, self)
        self.responses = ResponsesController(
            context, self._view.response, self._reload_detail, self
        )
        self._connect()
        self._show_detail(None)

    def _connect(self) -> None:
        view = self._view
        view.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._saver.saved.connect(self._on_saved)
        view.fields.changing.connect(self._on_changing)
        view.fields.edited.connect(self._on_edited)
        view.new_button.clicked.connect(self._on_new)
        view.new_action.triggered.connect(self._on_new)
        view.delete_button.clicked.connect(self._on_delete)

    @property
    def view(self) -> ProblemsView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._choose(None)
        self._initiative_id = initiative_id
        self._load_list()

    def refresh(self) -> None:
        self._load_list()
        self._reload_detail()

    def open_record(self, kind: str, record_id: int) -> None:
        if kind == "problem":
            self._choose(record_id)
            self._load_list()

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    # Loading ---------------------------------------------------------------------------

    def _load_list(self) -> None:
        self._list_request += 1
        request, initiative_id = self._list_request, self._initiative_id
        self._view.new_button.setEnabled(initiative_id is not None)
        if initiative_id is None:
            self._on_list_loaded(request, [])
            return
        self._context.runner.run(
            lambda s: problem_rows(s, initiative_id),
            on_success=lambda rows: self._on_list_loaded(request, rows),
        )

    def _on_list_loaded(self, request: int, rows: list[ProblemRow]) -> None:
        if request != self._list_request:
            return
        view = self._view
        view.model.set_rows(rows)
        header = view.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            view.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        view.count_label.setText(
            ngettext(
                "{n} problem, ranked by the worksheet",
                "{n} problems, ranked by the worksheet",
                len(rows),
            ).format(n=len(rows))
        )
        if view.model.row_of(self.problem_id) < 0 and rows:
            self._choose(rows[0].problem.id)  # the highest priority first
        select_row(view.table, view.model.row_of(self.problem_id))
        if not rows:
            self._choose(None)
        self.loaded.emit()

    def _choose(self, problem_id: int | None) -> None:
        if problem_id == self.problem_id:
            return
        self._view.fields.flush()
        self.problem_id = problem_id
        self._saver.record_id = problem_id
        self.detail = None
        self._reload_detail()

    def _reload_detail(self) -> None:
        self._detail_request += 1
        request, problem_id = self._detail_request, self.problem_id
        if problem_id is None:
            self._show_detail(None)
            return
        today = self._today()
        self._context.runner.run(
            lambda s: problem_detail(s, problem_id, today=today),
            on_success=lambda detail: self._on_detail_loaded(request, detail),
            on_failure=lambda error: self._on_detail_failed(request, error),
        )

    def _on_detail_loaded(self, request: int, detail: ProblemDetail) -> None:
        if request != self._detail_request or detail.problem.id != self.problem_id:
            return
        self._show_detail(detail)
        self.detail_loaded.emit()

    def _on_detail_failed(self, request: int, error: BaseException) -> None:
        if request != self._detail_request:
            return
        if isinstance(error, NotFoundError):  # deleted, or its creation undone
            self._choose(None)
            self._load_list()
        else:
            self._context.runner.report_failure(error)

    def _show_detail(self, detail: ProblemDetail | None) -> None:
        view = self._view
        same = (
            detail is not None
            and self.detail is not None
            and (detail.problem.id == self.detail.problem.id)
        )
        fresh = detail is not None and not same
        self.detail = detail
        view.show_editor(detail is not None)
        view.delete_button.setEnabled(detail is not None)
        self.responses.show_detail(detail)
        if detail is None:
            return
        values = dataclasses.asdict(detail.problem)
        if fresh:
            view.fields.load(values)
            view.show_phase(detail.problem.phase)
        else:
            view.fields.update_values(values)
        view.mark_phase(detail.problem.phase)
        self._show_worksheet(list(detail.ranking), detail.problem)
        self._show_cheers()
        view.assessment.model.set_rows(detail.measures)
        view.assessment.table.setVisible(bool(detail.measures))
        view.assessment.no_measures.setVisible(not detail.measures)

    def _show_worksheet(self, ranking: list[RankedProblem], problem: ProblemRecord) -> None:
        tab = self._view.scanning
        mine = next((r for r in ranking if r.problem.id == problem.id), None)
        total = mine.total if mine else 0
        if mine:
            text = _("Total: {total} of {most}  ·  ranked {rank} of {count}").format(
                total=total, most=MAX_TOTAL, rank=mine.rank, count=len(ranking)
            )
        else:
            text = _("Total: {total} of {most}").format(total=total, most=MAX_TOTAL)
        tab.total_label.setText(text)
        tab.ranking_model.current_id = problem.id
        tab.ranking_model.set_rows(ranking)

    def _show_cheers(self) -> None:
        met = sum(1 for name in CHECKS if self._view.fields.value(name))
        self._view.scanning.cheers_count.setText(
            _("{met} of {count} CHEERS elements met").format(met=met, count=len(CHECKS))
        )

    # Slots -----------------------------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._choose(self._view.model.row_at(indexes[0].row()).problem.id)

    def _on_changing(self, name: str) -> None:
        """A score spun: the total and the ranking follow at once, before the save."""
        detail = self.detail
        if detail is None or name not in SCORES:
            return
        fields = self._view.fields
        live = dataclasses.replace(detail.problem, **{n: fields.value(n) for n in SCORES})
        problems = [live if r.problem.id == live.id else r.problem for r in detail.ranking]
        self._show_worksheet(rank_problems(problems), live)

    def _on_edited(self, name: str) -> None:
        if name in CHECKS:
            self._show_cheers()
        elif name == "phase":
            self._view.show_phase(SaraPhase(self._view.fields.value("phase")))

    def _on_saved(self, record: ProblemRecord) -> None:
        if self.detail is not None and record.id == self.detail.problem.id:
            self.detail = dataclasses.replace(self.detail, problem=record)
        self.refresh()  # the rank, the phase and the status show in the list too

    def _on_new(self) -> None:
        initiative_id = self._initiative_id
        if initiative_id is None:
            return
        title = TextPrompt.ask(self._view, _("New candidate problem"), _("&Title:"))
        if title is None:
            return
        self._writer.write(
            lambda s: create_problem(s, initiative_id, title),
            done=_("Saved: a new candidate problem; score it on the worksheet"),
            on_saved=self._on_created,
        )

    def _on_created(self, record: ProblemRecord) -> None:
        self._choose(record.id)
        self._load_list()
        self._view.show_phase(record.phase)

    def _on_delete(self) -> None:
        detail = self.detail
        if detail is None:
            return
        count = len(detail.responses)
        title = detail.problem.title
        if count:
            question = ngettext(
                "Delete “{title}” and its {n} response?",
                "Delete “{title}” and its {n} responses?",
                count,
            ).format(title=title, n=count)
        else:
            question = _("Delete “{title}”?").format(title=title)
        if not Confirmation.ask(self._view, _("Delete problem"), question):
            return
        problem_id = detail.problem.id
        self._writer.write(
            lambda s: edit_only(delete_problem(s, problem_id)),
            done=lambda _deleted, edit: _("Saved: {change}").format(change=edit.label),
            on_saved=self._on_deleted,
        )

    def _on_deleted(self, _deleted: bool) -> None:
        self._choose(None)
        self._load_list()
