"""First run: fill an empty workspace with the sample agency or with the user's own agency."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QWidget

from cs360desk.domain.errors import ValidationError
from cs360desk.i18n import _
from cs360desk.operations.sample import add_sample_agency
from cs360desk.services.agency_setup import AgencySetup, NewAgency, create_agency
from cs360desk.ui.common.tasks import Task, TaskCancelled, TaskJob, TaskRunner, WorkSession
from cs360desk.ui.shell.first_run_view import FirstRunView


class FirstRunChoice(StrEnum):
    SAMPLE = "sample"
    CREATED = "created"
    CANCELLED = "cancelled"


def build_sample(session: WorkSession, job: TaskJob, *, today: date) -> object:
    return add_sample_agency(session, size="small", seed=1, today=today, progress=job.progress)


class FirstRunDialog(FirstRunView):
    """Behaviour of the first-run dialog; its layout lives in FirstRunView."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, today: date) -> None:
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._task: Task[Any] | None = None
        self.choice = FirstRunChoice.CANCELLED
        self.sample_button.clicked.connect(self._on_sample_chosen)
        self.create_choice_button.clicked.connect(self._on_create_chosen)
        self.back_button.clicked.connect(self._on_back)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.cancel_sample_button.clicked.connect(self._on_cancel_sample)

    @classmethod
    def ask(cls, parent: QWidget | None, runner: TaskRunner, *, today: date) -> FirstRunChoice:
        """Modal; tests replace this classmethod instead of driving a nested event loop."""
        dialog = cls(runner, parent, today=today)
        dialog.exec()
        return dialog.choice

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        # Closing while work runs asks it to stop; the dialog closes when it has.
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()

    def _on_create_chosen(self) -> None:
        self.show_form()

    def _on_back(self) -> None:
        self.show_choices()

    def _on_sample_chosen(self) -> None:
        self.show_progress()
        today = self._today
        self._task = self._runner.run_long(
            lambda s, job: build_sample(s, job, today=today),
            on_success=self._on_sample_ready,
            on_progress=self.set_progress,
            on_failure=self._on_sample_failed,
        )

    def _on_cancel_sample(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.progress_label.setText(_("Stopping…"))

    def _on_sample_ready(self, _summary: object) -> None:
        self._task = None
        self.choice = FirstRunChoice.SAMPLE
        self.accept()

    def _on_sample_failed(self, error: BaseException) -> None:
        self._task = None
        self.show_choices()
        if isinstance(error, TaskCancelled):
            self.show_general_error(_("Stopped; nothing was added to the workspace."))
        else:
            self._runner.report_failure(error)

    def _on_create_clicked(self) -> None:
        self.clear_errors()
        try:
            new = self._new_agency()
        except ValidationError as error:
            self.show_field_error(error.field, error.problem)
            return
        today = self._today
        self.set_busy(True)
        self._task = self._runner.run(
            lambda s: create_agency(s, new, today=today),
            on_success=self._on_created,
            on_failure=self._on_create_failed,
        )

    def _new_agency(self) -> NewAgency:
        return NewAgency(
            agency_name=self.text_of("agency_name"),
            jurisdiction=self.text_of("jurisdiction"),
            chief_name=self.text_of("chief_name"),
            initiative_name=self.text_of("initiative_name"),
            champion_name=self.text_of("champion_name"),
            champion_title=self.text_of("champion_title"),
            population=self._population(),
        )

    def _population(self) -> int | None:
        text = self.text_of("population").replace(",", "").replace(" ", "")
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError("population", _("must be a whole number, like 12400"))
        return int(text)

    def _on_created(self, _setup: AgencySetup) -> None:
        self._task = None
        self.set_busy(False)
        self.choice = FirstRunChoice.CREATED
        self.accept()

    def _on_create_failed(self, error: BaseException) -> None:
        self._task = None
        self.set_busy(False)
        if isinstance(error, ValidationError) and self.has_field(error.field):
            self.show_field_error(error.field, error.problem)
        elif isinstance(error, ValidationError):
            self.show_general_error(str(error))
        else:
            self._runner.report_failure(error)
