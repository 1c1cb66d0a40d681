"""The Initiative section: its stage stepper, moving on with a note, champion and sponsor."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import NotFoundError
from cs360desk.domain.initiative_views import InitiativePage
from cs360desk.domain.momentum import MomentumThresholds
from cs360desk.domain.records import InitiativeRecord
from cs360desk.i18n import _, ngettext
from cs360desk.services.agency_settings import momentum_limits
from cs360desk.services.initiative_page import (
    initiative_page,
    move_to_next_stage,
    save_initiative_field,
)
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.record_lists import FieldSaver
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.initiative.dialogs import MoveStageDialog
from cs360desk.ui.initiative.view import CADENCE_FIELDS, InitiativeView

CADENCE_NAMES = frozenset(spec.name for spec in CADENCE_FIELDS)


@dataclass(frozen=True)
class LoadedPage:
    """The page and the agency's defaults its cadence fields show for "none of its own"."""

    page: InitiativePage
    limits: MomentumThresholds


def load_page(session: WorkSession, initiative_id: int) -> LoadedPage:
    return LoadedPage(initiative_page(session, initiative_id), momentum_limits(session))


def save_page_field(
    session: WorkSession, initiative_id: int, name: str, value: Any
) -> tuple[InitiativeRecord, Edit]:
    """A cadence spin box at 0 shows the agency's default: the initiative keeps none."""
    if name in CADENCE_NAMES and value == 0:
        value = None
    return save_initiative_field(session, initiative_id, name, value)


class InitiativeController(QObject):
    """Behaviour of the Initiative page; `loaded` fires each time the page has been shown."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = InitiativeView()
        self._initiative_id: int | None = None
        self._request = 0
        self.page: InitiativePage | None = None
        self._saver = FieldSaver(context, self._view.fields, save_page_field, self)
        self._saver.saved.connect(self._on_saved)
        self._view.move_button.clicked.connect(self._on_move)

    @property
    def view(self) -> InitiativeView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        self._initiative_id = initiative_id
        self._saver.record_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        self._request += 1
        initiative_id, request = self._initiative_id, self._request
        if initiative_id is None:
            self.page = None
            self._view.show_message(_("This workspace has no initiative yet."))
            return
        self._context.runner.run(
            lambda s: load_page(s, initiative_id),
            on_success=lambda loaded: self._on_loaded(request, loaded),
            on_failure=lambda error: self._on_failed(request, error),
        )

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _on_loaded(self, request: int, loaded: LoadedPage) -> None:
        if request != self._request:
            return  # another initiative was chosen meanwhile
        page, limits = loaded.page, loaded.limits
        self.page = page
        view = self._view
        view.show_agency_defaults(limits.public_update_days, limits.staff_update_days)
        fields = view.fields
        fields.set_choices("champion_id", page.people)
        fields.set_choices("sponsor_id", page.people)
        fields.load(dataclasses.asdict(page.initiative))
        view.stepper.set_steps(page.steps)
        view.show_history(page.history)
        self._show_heading(page.initiative)
        view.show_content()
        self.loaded.emit()

    def _show_heading(self, initiative: InitiativeRecord) -> None:
        view = self._view
        view.title.setText(initiative.name)
        target = self.page.next_stage if self.page else None
        view.move_button.setEnabled(target is not None)
        view.move_button.setText(
            _("&Move to {stage}…").format(stage=target.label)
            if target
            else _("Closed: no stage after this one")
        )
        since = initiative.stage_changed_on or initiative.started_on
        days = max(0, (self._today() - since).days)
        view.stage_summary.setText(
            ngettext("In {stage} for {n} day.", "In {stage} for {n} days.", days).format(
                stage=initiative.stage.label, n=days
            )
        )

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        if isinstance(error, NotFoundError):
            self._view.show_message(_("This initiative no longer exists."))
            return
        self._view.show_message(_("The initiative could not be loaded."))
        self._context.runner.report_failure(error)

    def _on_saved(self, record: InitiativeRecord) -> None:
        if self.page is None or record.id != self.page.initiative.id:
            return
        self.page = dataclasses.replace(self.page, initiative=record)
        self._show_heading(record)

    def _on_move(self) -> None:
        page = self.page
        if page is None or page.next_stage is None:
            return
        self._view.fields.flush()
        chosen = MoveStageDialog.ask(
            self._view, page.initiative.stage, page.next_stage, self._today()
        )
        if chosen is None:
            return
        initiative = page.initiative
        self._writer.write(
            lambda s: move_to_next_stage(
                s,
                initiative.id,
                note=chosen.note,
                reached_on=chosen.reached_on,
                expected_version=initiative.version,
            ),
            done=lambda record, _edit: _("Saved: moved to {stage}").format(
                stage=record.stage.label
            ),
            on_saved=lambda _record: self.refresh(),
        )
