"""Loads the dashboard of the chosen initiative through the task runner and shows it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.errors import NotFoundError
from cs360desk.i18n import _
from cs360desk.services.catalog import PERSON
from cs360desk.services.momentum import dashboard
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.dashboard.view import DashboardData, DashboardView

if TYPE_CHECKING:  # the drafts dialog loads when first asked for, not with the dashboard
    from cs360desk.ui.community.drafts import DraftsOpener

STAFF_SIGNAL = "staff_update"


def load_dashboard(session: WorkSession, initiative_id: int, *, now: datetime) -> DashboardData:
    """Runs on the worker: the service's dashboard, judged by the agency's thresholds, plus
    the champion's name."""
    board = dashboard(session, initiative_id, now=now)
    initiative = board.initiative
    champion = ""
    if initiative.champion_id is not None:
        try:
            champion = PERSON.get(session, initiative.champion_id).full_name
        except NotFoundError:
            champion = ""
    return DashboardData(
        initiative_id=initiative.id,
        initiative_name=initiative.name,
        stage_label=initiative.stage.label,
        champion_name=champion,
        started_on=initiative.started_on,
        signals=board.signals,
        upcoming=board.upcoming,
        overdue=board.overdue,
        overdue_total=board.facts.overdue_items,
        today=now.astimezone().date(),
    )


class DashboardController(QObject):
    """Behaviour of the dashboard page; `loaded` fires each time new figures are shown."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = DashboardView()
        self._initiative_id: int | None = None
        self._request = 0
        self.data: DashboardData | None = None
        self.drafts: DraftsOpener | None = None
        self._view.cards.action_requested.connect(self._on_draft_requested)

    @property
    def view(self) -> DashboardView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        initiative_id = self._initiative_id
        self._request += 1
        if initiative_id is None:
            self.data = None
            self._view.show_message(_("This workspace has no initiative yet."))
            return
        request = self._request
        now = self._context.now()
        self._view.show_loading()
        self._context.runner.run(
            lambda s: load_dashboard(s, initiative_id, now=now),
            on_success=lambda data: self._on_loaded(request, data),
            on_failure=lambda error: self._on_failed(request, error),
        )

    def _on_loaded(self, request: int, data: DashboardData) -> None:
        if request != self._request:
            return  # the user has since picked another initiative
        self.data = data
        self._view.show_dashboard(data)
        self.loaded.emit()

    def _on_draft_requested(self, key: str) -> None:
        """The update cards' button: the drafts, with the staff briefing first for its card."""
        from cs360desk.domain.update_drafts import DraftKind
        from cs360desk.ui.community.drafts import DraftsOpener

        if self._initiative_id is None:
            return
        if self.drafts is None:
            self.drafts = DraftsOpener(self._context, self._view, lambda _record: self.refresh())
        focus = DraftKind.STAFF if key == STAFF_SIGNAL else DraftKind.SHORT
        self.drafts.open(self._initiative_id, focus)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.data = None
        self._view.show_message(_("The dashboard could not be loaded."))
        self._context.runner.report_failure(error)
