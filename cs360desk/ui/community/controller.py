"""The Community input section: activities and findings, the theme summary, recommendations."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import Decision, InputKind
from cs360desk.domain.evidence_views import ActivityRow, CommunityInputPage
from cs360desk.domain.records import FindingRecord, InputActivityRecord
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.services.community_input import (
    community_input_page,
    create_activity,
    create_finding,
    delete_activity,
    delete_finding,
    findings_of,
    save_activity_field,
    save_finding_field,
)
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.page_widgets import Confirmation, TextPrompt
from cs360desk.ui.common.record_lists import ListEditor
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.community.recommendations import RecommendationsController
from cs360desk.ui.community.view import CommunityView


def page_summary(page: CommunityInputPage) -> str:
    people = sum(row.activity.participants for row in page.activities)
    findings = sum(theme.findings for theme in page.themes)
    waiting = sum(
        1 for line in page.recommendations if line.recommendation.decision is Decision.PROPOSED
    )
    count = len(page.activities)
    activities = ngettext(
        "{n} input activity with {participants}", "{n} input activities with {participants}", count
    ).format(n=count, participants=count_of(people, "{n} participant", "{n} participants"))
    themes = ngettext("{n} finding in {themes}", "{n} findings in {themes}", findings).format(
        n=findings, themes=count_of(len(page.themes), "{n} theme", "{n} themes")
    )
    recommendations = ngettext(
        "{n} recommendation, {waiting}",
        "{n} recommendations, {waiting}",
        len(page.recommendations),
    ).format(
        n=len(page.recommendations),
        waiting=count_of(waiting, "{n} awaiting a decision", "{n} awaiting a decision"),
    )
    return "  ·  ".join((activities, themes, recommendations))


class CommunityController(QObject):
    """Behaviour of the Community input page; `loaded` fires each time the page is shown."""

    loaded = Signal()
    findings_loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = CommunityView()
        self._initiative_id: int | None = None
        self._request = 0
        self._findings_request = 0
        self.page: CommunityInputPage | None = None
        tab = self._view.input_tab
        self.activities = ListEditor(
            context,
            tab.activity_model,
            tab.activities,
            tab.activity_fields,
            save_activity_field,
            id_of=lambda row: row.activity.id,
            values_of=lambda row: dataclasses.asdict(row.activity),
            parent=self,
        )
        self.findings = ListEditor(
            context,
            tab.finding_model,
            tab.findings,
            tab.finding_fields,
            save_finding_field,
            id_of=lambda finding: finding.id,
            values_of=dataclasses.asdict,
            parent=self,
        )
        self.recommendations = RecommendationsController(
            context, self._view.recommendations_tab, self.refresh, lambda: self._initiative_id, self
        )
        self._connect()
        self._on_activity_selected(None)

    def _connect(self) -> None:
        tab = self._view.input_tab
        self.activities.selected.connect(self._on_activity_selected)
        self.activities.saved.connect(lambda _record: self.refresh())
        self.findings.saved.connect(self._on_finding_saved)
        self.findings.selected.connect(
            lambda finding: tab.delete_finding.setEnabled(finding is not None)
        )
        tab.new_activity.clicked.connect(self._on_new_activity)
        tab.new_action.triggered.connect(self._on_new_activity)
        tab.delete_activity.clicked.connect(self._on_delete_activity)
        tab.new_finding.clicked.connect(self._on_new_finding)
        tab.delete_finding.clicked.connect(self._on_delete_finding)
        tab.delete_finding_action.triggered.connect(self._on_delete_finding)

    @property
    def view(self) -> CommunityView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self.activities.set_rows(())
            self.recommendations.clear()
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self, select_activity: int | None = None) -> None:
        self._request += 1
        request, initiative_id = self._request, self._initiative_id
        self._view.input_tab.new_activity.setEnabled(initiative_id is not None)
        if initiative_id is None:
            self.page = None
            self.activities.set_rows(())
            self.recommendations.clear()
            self._view.summary.setText(_("This workspace has no initiative yet."))
            self.loaded.emit()
            return
        today = self._today()
        self._context.runner.run(
            lambda s: community_input_page(s, initiative_id, today=today),
            on_success=lambda page: self._on_loaded(request, page, select_activity),
        )

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _on_loaded(self, request: int, page: CommunityInputPage, select: int | None) -> None:
        if request != self._request:
            return
        self.page = page
        view = self._view
        view.summary.setText(page_summary(page))
        view.themes_tab.model.set_rows(page.themes)
        view.themes_tab.chart.set_themes(page.themes)
        self.activities.set_rows(page.activities, select=select)
        self.recommendations.show_page(page)
        if self.activities.current_id is not None:
            self._load_findings(self.activities.current_id)
        self.loaded.emit()

    # Activities and findings -------------------------------------------------------------

    def _on_activity_selected(self, row: ActivityRow | None) -> None:
        tab = self._view.input_tab
        tab.delete_activity.setEnabled(row is not None)
        tab.new_finding.setEnabled(row is not None)
        if row is None:
            self.findings.set_rows(())
        else:
            self._load_findings(row.activity.id)

    def _load_findings(self, activity_id: int, select: int | None = None) -> None:
        self._findings_request += 1
        request = self._findings_request
        self._context.runner.run(
            lambda s: findings_of(s, activity_id),
            on_success=lambda found: self._on_findings_loaded(request, found, select),
        )

    def _on_findings_loaded(
        self, request: int, found: list[FindingRecord], select: int | None
    ) -> None:
        if request != self._findings_request:
            return
        self.findings.set_rows(found, select=select)
        self._view.input_tab.delete_finding.setEnabled(self.findings.current_id is not None)
        self.findings_loaded.emit()

    def _on_finding_saved(self, _record: FindingRecord) -> None:
        self.refresh()  # the counts and the theme summary follow

    def _on_new_activity(self) -> None:
        initiative_id = self._initiative_id
        if initiative_id is None:
            return
        today = self._today()
        self._writer.write(
            lambda s: create_activity(s, initiative_id, InputKind.COMMUNITY_MEETING, today),
            done=_("Saved: a new input activity; set its kind, date and summary"),
            on_saved=self._on_activity_created,
        )

    def _on_activity_created(self, record: InputActivityRecord) -> None:
        self._view.tabs.setCurrentWidget(self._view.input_tab)
        self.refresh(select_activity=record.id)
        self.activities.focus_first_field()

    def _on_delete_activity(self) -> None:
        row = self.activities.current_row
        if row is None:
            return
        activity = row.activity
        question = ngettext(
            "Delete the {kind} and its {n} finding?",
            "Delete the {kind} and its {n} findings?",
            row.findings,
        ).format(kind=activity.kind.label.lower(), n=row.findings)
        if not Confirmation.ask(self._view, _("Delete input activity"), question):
            return
        self._delete(lambda s: edit_only(delete_activity(s, activity.id)))

    def _on_new_finding(self) -> None:
        activity_id = self.activities.current_id
        if activity_id is None:
            return
        themes = [theme.theme for theme in self.page.themes] if self.page else []
        texts = TextPrompt.ask_several(
            self._view, _("New finding"), [(_("The&me:"), themes), (_("Fin&ding:"), ())]
        )
        if texts is None:
            return
        theme, text = texts
        self._writer.write(
            lambda s: create_finding(s, activity_id, theme, text),
            done=_("Saved: a new finding"),
            on_saved=lambda record: self._on_finding_created(activity_id, record),
        )

    def _on_finding_created(self, activity_id: int, record: FindingRecord) -> None:
        self.refresh()
        self._load_findings(activity_id, select=record.id)

    def _on_delete_finding(self) -> None:
        finding_id = self.findings.current_id
        if finding_id is None:
            return
        if not Confirmation.ask(self._view, _("Delete finding"), _("Delete this finding?")):
            return
        self._delete(lambda s: edit_only(delete_finding(s, finding_id)))

    def _delete(self, job: Callable[[WorkSession], tuple[bool, Edit]]) -> None:
        self._writer.write(
            job,
            done=lambda _deleted, edit: _("Saved: {change}").format(change=edit.label.lower()),
            on_saved=lambda _deleted: self.refresh(),
        )
