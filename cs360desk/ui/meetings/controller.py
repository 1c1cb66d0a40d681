"""Behaviour of the Meetings section: the filtered list, choosing a meeting, meeting actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QObject, Signal

from cs360desk.domain.enums import ReportKind, TeamKind
from cs360desk.domain.meeting_views import MeetingRow, TeamChoice
from cs360desk.domain.records import MeetingRecord
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.catalog import MEETING
from cs360desk.services.meeting_planning import (
    cancel_meeting,
    mark_held,
    new_action_item_from_meeting,
    new_meeting,
    schedule_next_meeting,
)
from cs360desk.services.meetings import (
    meeting_exists,
    meetings_for_initiative,
    teams_of_initiative,
)
from cs360desk.ui.common.edit_writer import edit_only
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.meetings.dialogs import ActionItemDialog, Confirmation
from cs360desk.ui.meetings.editor_controller import MeetingEditorController
from cs360desk.ui.meetings.list_model import long_meeting_time
from cs360desk.ui.meetings.view import MeetingsView
from cs360desk.ui.reports.dialog import MeetingReportDialog, show_meeting_report

AGENDA_TAB = 1


@dataclass(frozen=True)
class MeetingListData:
    teams: tuple[TeamChoice, ...]
    team_id: int | None  # the filter, dropped when the team is not the initiative's
    rows: tuple[MeetingRow, ...]
    open_still_exists: bool = False  # the meeting open in the editor (an undo may remove it)


def load_meeting_list(
    session: WorkSession,
    initiative_id: int,
    *,
    team_id: int | None,
    upcoming: bool,
    now: datetime,
    open_id: int | None = None,
) -> MeetingListData:
    teams = tuple(teams_of_initiative(session, initiative_id))
    if team_id not in {team.team_id for team in teams}:
        team_id = None
    rows = meetings_for_initiative(
        session, initiative_id, now=now, upcoming=upcoming, team_id=team_id
    )
    exists = open_id is not None and meeting_exists(session, open_id)
    return MeetingListData(teams, team_id, tuple(rows), exists)


def _empty_list_text(*, upcoming: bool, of_team: bool) -> str:
    """Why the list is empty, as one whole sentence."""
    if upcoming:
        return _("No upcoming meetings of this team.") if of_team else _("No upcoming meetings.")
    return _("No past meetings of this team.") if of_team else _("No past meetings.")


@dataclass(frozen=True)
class _Choice:
    """Which meeting to show once the list has loaded, and how."""

    select: int | None  # this one, opened on purpose
    fill: bool  # fill its attendance from the team if it has none
    quiet: bool  # a reload after a save: keep the open meeting even if it left the list
    reload_editor: bool  # after undo/redo: the open meeting's form may be stale


class MeetingsController(QObject):
    """Section controller; `list_loaded` fires each time the meeting list is shown anew."""

    list_loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = MeetingsView()
        self.editor = MeetingEditorController(self._view.editor, context, self)
        self._initiative_id: int | None = None
        self._team_id: int | None = None
        self._request = 0
        self.data: MeetingListData | None = None
        self.report_dialog: MeetingReportDialog | None = None
        self._focus_title_when_loaded = False
        self._connect()
        self.editor.clear()

    def _connect(self) -> None:
        view, editor = self._view, self._view.editor
        view.team_box.activated.connect(self._on_team_chosen)
        view.when_group.buttonClicked.connect(lambda _button: self._load_list())
        view.new_action.triggered.connect(self._on_new_meeting)
        view.table.selectionModel().currentRowChanged.connect(self._on_row_chosen)
        editor.mark_held_button.clicked.connect(self._on_mark_held)
        editor.schedule_next_button.clicked.connect(self._on_schedule_next)
        editor.new_action_button.clicked.connect(self._on_new_action_item)
        editor.agenda_pdf_button.clicked.connect(lambda: self._on_report(ReportKind.AGENDA))
        editor.minutes_pdf_button.clicked.connect(lambda: self._on_report(ReportKind.MINUTES))
        editor.cancel_button.clicked.connect(self._on_cancel)
        editor.delete_button.clicked.connect(self._on_delete)
        self.editor.changed.connect(lambda: self._load_list(quiet=True))
        self.editor.loaded.connect(self._on_editor_loaded)

    @property
    def view(self) -> MeetingsView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._team_id = None
            self.editor.clear()
        self._initiative_id = initiative_id
        self._load_list()

    def refresh(self) -> None:
        """Everything again (after undo or redo), the open meeting's form included."""
        self._load_list(reload_editor=True)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show this meeting: switch to upcoming or past and to its team as needed."""
        if kind != "meeting":
            return
        self._context.runner.run(
            lambda s: MEETING.get(s, record_id), on_success=self._on_record_found
        )

    def _on_record_found(self, record: MeetingRecord) -> None:
        self._view.set_upcoming(record.starts_at >= self._context.now())
        if self._team_id not in (None, record.team_id):
            self._team_id = record.team_id
        self._load_list(select=record.id, fill=True)

    # The list

    def _load_list(
        self,
        *,
        select: int | None = None,
        fill: bool = False,
        quiet: bool = False,
        reload_editor: bool = False,
    ) -> None:
        initiative_id = self._initiative_id
        self._request += 1
        if initiative_id is None:
            self.data = None
            self._view.list_model.set_rows(())
            self._view.show_list(_("This workspace has no initiative yet."))
            return
        request, team_id, upcoming = self._request, self._team_id, self._view.upcoming
        now, open_id = self._context.now(), self.editor.meeting_id
        self._view.loading_label.setVisible(not quiet)
        self._context.runner.run(
            lambda s: load_meeting_list(
                s, initiative_id, team_id=team_id, upcoming=upcoming, now=now, open_id=open_id
            ),
            on_success=lambda data: self._on_list_loaded(
                request, data, _Choice(select, fill, quiet, reload_editor)
            ),
        )

    def _on_list_loaded(self, request: int, data: MeetingListData, choice: _Choice) -> None:
        if request != self._request:
            return  # the filter changed again meanwhile
        view = self._view
        view.loading_label.hide()
        self.data = data
        self._team_id = data.team_id
        view.set_teams(data.teams, data.team_id)
        view.table.selectionModel().blockSignals(True)
        view.list_model.set_rows(data.rows)
        view.table.selectionModel().blockSignals(False)
        view.show_list(_empty_list_text(upcoming=view.upcoming, of_team=data.team_id is not None))
        self._choose_after_load(data, choice)
        self.list_loaded.emit()

    def _choose_after_load(self, data: MeetingListData, choice: _Choice) -> None:
        model, open_id = self._view.list_model, self.editor.meeting_id
        if choice.select is not None:  # opened on purpose: shown even if not listed here
            self._select_row(model.row_of(choice.select))
            self.editor.open(choice.select, fill_attendance=choice.fill)
        elif open_id is not None and (
            model.row_of(open_id) >= 0
            or choice.quiet
            or (choice.reload_editor and data.open_still_exists)
        ):
            # What is being edited stays open, even when it has moved out of this list
            # (held meanwhile, so no longer upcoming) or a reload was asked for.
            self._select_row(model.row_of(open_id))
            if choice.reload_editor:
                self.editor.reload()
        elif data.rows:
            self._select_row(0)
            self.editor.open(data.rows[0].meeting.id, fill_attendance=False)
        else:
            self._select_row(-1)
            self.editor.clear(_("No meeting to show."))

    def _select_row(self, row: int) -> None:
        table = self._view.table
        model = table.selectionModel()
        model.blockSignals(True)
        if row < 0:
            model.clearSelection()
            table.setCurrentIndex(table.model().index(-1, -1))
        else:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            model.setCurrentIndex(table.model().index(row, 0), flags)
            table.scrollTo(table.model().index(row, 0))
        model.blockSignals(False)
        table.viewport().update()

    def _on_row_chosen(self) -> None:
        row = self._view.table.currentIndex().row()
        if 0 <= row < self._view.list_model.rowCount():
            meeting_id = self._view.list_model.row_at(row).meeting.id
            if meeting_id != self.editor.meeting_id:
                self.editor.open(meeting_id, fill_attendance=True)

    def _on_team_chosen(self, _index: int) -> None:
        self._team_id = self._view.team_id
        self._load_list()

    # Meeting actions

    def _team_for_new_meeting(self) -> int | None:
        if self._team_id is not None:
            return self._team_id
        if self.editor.meeting is not None:
            return self.editor.meeting.team_id
        teams = list(self.data.teams) if self.data else []
        chosen = [t for t in teams if t.kind is TeamKind.PROBLEM_SOLVING_TEAM] or teams
        return chosen[0].team_id if chosen else None

    def _on_new_meeting(self) -> None:
        team_id = self._team_for_new_meeting()
        if team_id is None:
            self._context.show_status(_("This initiative has no team yet; add a team first."))
            return
        now = self._context.now()
        self.editor.writer.write(
            lambda s: new_meeting(s, team_id, now=now),
            done="",
            on_saved=lambda record: self._on_scheduled(record, focus_title=True),
            on_refused=self.editor.show_problem,
        )

    def _on_report(self, kind: ReportKind) -> None:
        meeting_id = self.editor.meeting_id
        if meeting_id is not None:
            self.report_dialog = show_meeting_report(self._context, kind, meeting_id, self._view)

    def _on_schedule_next(self) -> None:
        meeting_id = self.editor.meeting_id
        if meeting_id is None:
            return
        self.editor.writer.write(
            lambda s: schedule_next_meeting(s, meeting_id),
            done="",
            on_saved=lambda record: self._on_scheduled(record, focus_title=False),
            on_refused=self.editor.show_problem,
        )

    def _on_scheduled(self, record: MeetingRecord, *, focus_title: bool) -> None:
        self._context.show_status(
            _("Scheduled: {title}, {when}").format(
                title=record.title, when=long_meeting_time(record.starts_at)
            )
        )
        self._view.set_upcoming(record.starts_at >= self._context.now())
        if self._team_id not in (None, record.team_id):
            self._team_id = record.team_id
        editor = self._view.editor
        editor.tabs.setCurrentIndex(0 if focus_title else AGENDA_TAB)
        self._focus_title_when_loaded = focus_title
        self._load_list(select=record.id, fill=False)

    def _on_editor_loaded(self) -> None:
        if self._focus_title_when_loaded:
            self._focus_title_when_loaded = False
            self._view.editor.form.focus("title")

    def _on_mark_held(self) -> None:
        meeting_id = self.editor.meeting_id
        if meeting_id is None:
            return
        now = self._context.now()
        self.editor.writer.write(
            lambda s: mark_held(s, meeting_id, now=now),
            done=_("Marked as held"),
            on_saved=self.editor.show_meeting_fields,
            on_refused=self.editor.show_problem,
        )

    def _on_cancel(self) -> None:
        meeting = self.editor.meeting
        if meeting is None or not Confirmation.ask(
            self._view,
            _("Cancel meeting"),
            _("Cancel “{title}”?\n\nIt stays on record, marked as cancelled.").format(
                title=meeting.title
            ),
            _("Cancel meeting"),
        ):
            return
        self.editor.writer.write(
            lambda s: cancel_meeting(s, meeting.id),
            done=_("Meeting cancelled; it stays on record"),
            on_saved=self.editor.show_meeting_fields,
            on_refused=self.editor.show_problem,
        )

    def _on_delete(self) -> None:
        meeting = self.editor.meeting
        if meeting is None or not Confirmation.ask(
            self._view,
            _("Delete meeting"),
            _(
                "Delete “{title}” with its agenda and attendance?\n\n"
                "Edit ▸ Undo (Ctrl+Z) brings it back."
            ).format(title=meeting.title),
            _("Delete meeting"),
        ):
            return
        self.editor.writer.write(
            lambda s: edit_only(edits.delete(s, MEETING, meeting.id)),
            done=_("Deleted: {title} (Ctrl+Z to undo)").format(title=meeting.title),
            on_saved=lambda _deleted: self._after_delete(),
            on_refused=self.editor.show_problem,
        )

    def _after_delete(self) -> None:
        self.editor.clear()
        self._load_list()

    def _on_new_action_item(self) -> None:
        sheet = self.editor.sheet
        if sheet is None:
            return
        meeting = sheet.detail.meeting
        today = self._context.now().astimezone().date()
        wanted = ActionItemDialog.ask(
            self._view, sheet.people, meeting_title=meeting.title, today=today
        )
        if wanted is None:
            return
        self.editor.writer.write(
            lambda s: new_action_item_from_meeting(
                s, meeting.id, title=wanted.title, owner_id=wanted.owner_id, due_on=wanted.due_on
            ),
            done=_("Action item added: {title}").format(title=wanted.title),
            on_saved=lambda _item: None,
            on_refused=self.editor.show_problem,
        )
