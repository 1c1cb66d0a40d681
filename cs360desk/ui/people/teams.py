"""The Teams section: the initiative's teams, each team's fields and its roster."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import Cadence, MemberRole, TeamKind
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.people_views import TeamDetail, TeamRow
from cs360desk.i18n import _, count_of, ngettext
from cs360desk.services.teams import team_detail
from cs360desk.ui.common.autosave import AutoSave
from cs360desk.ui.common.field_widgets import enum_data
from cs360desk.ui.common.record_section import RecordSection
from cs360desk.ui.common.record_widgets import DeleteConfirmation, resort
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.people.people_models import name_key
from cs360desk.ui.people.teams_loading import (
    TeamsPage,
    change_member_role,
    create_team,
    delete_team,
    load_teams_page,
    save_team_field,
    seat_member,
    unseat_member,
)
from cs360desk.ui.people.teams_view import TeamsView

NEW_TEAM = {"kind": TeamKind.PROBLEM_SOLVING_TEAM, "cadence": Cadence.MONTHLY}


class TeamsController(RecordSection):
    """Behaviour of the Teams page; `loaded` and `detail_loaded` fire as data arrives."""

    record_kind = "team"
    _view: TeamsView

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        view = TeamsView()
        self._initiative_id: int | None = None
        self._detail: TeamDetail | None = None
        autosave = AutoSave(
            context,
            view.editor.form,
            save=save_team_field,
            create=create_team,
            id_of=lambda detail: detail.team.id,
            required="name",
            required_problem=_("type the team's name to save it"),
            parent=self,
        )
        self._start(view, autosave)
        self._connect_roster()
        self._update_actions()

    def _connect_roster(self) -> None:
        roster = self._view.editor.roster
        roster.add_button.clicked.connect(self._on_add_member)
        roster.remove_button.clicked.connect(self._on_remove_member)
        roster.remove_key_action.triggered.connect(self._on_remove_member)
        roster.model.role_chosen.connect(self._on_role_chosen)
        roster.table.selectionModel().selectionChanged.connect(self._update_actions)
        roster.person_box.currentIndexChanged.connect(lambda _i: roster.show_error(""))

    @property
    def view(self) -> TeamsView:
        return self._view

    @property
    def team_id(self) -> int | None:
        return self.record_id

    @property
    def detail(self) -> TeamDetail | None:
        return self._detail

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._clear_editor()
        self._initiative_id = initiative_id
        self._load_list()

    # Loading ---------------------------------------------------------------------------

    def _list_work(self) -> Callable[[WorkSession], TeamsPage]:
        initiative_id = self._initiative_id
        return lambda s: load_teams_page(s, initiative_id)

    def _show_list(self, page: TeamsPage) -> None:
        view, box = self._view, self._view.editor.roster.person_box
        view.model.set_rows(page.rows)
        resort(view.table)
        view.count_label.setText(count_of(len(page.rows), "{n} team", "{n} teams"))
        wanted = box.currentData()
        box.clear()
        for person in sorted(page.people, key=lambda p: name_key(p.full_name)):
            box.addItem(person.full_name, person.id)
        box.setCurrentIndex(max(box.findData(wanted), 0))
        self._select_row_of(self.team_id)
        self._update_actions()

    def _detail_work(self, session: WorkSession, team_id: int) -> TeamDetail:
        return team_detail(session, team_id)

    def _record_id_of(self, detail: TeamDetail) -> int:
        return detail.team.id

    def _show_detail(self, detail: TeamDetail) -> None:
        editor = self._view.editor
        editor.form.load(dataclasses.asdict(detail.team))
        self._show_roster(detail)
        self._view.show_editor(True)

    def _show_roster(self, detail: TeamDetail) -> None:
        self._detail = detail
        roster = self._view.editor.roster
        self._view.editor.title_label.setText(detail.team.name)
        roster.model.set_rows(detail.members)
        resort(roster.table)
        roster.empty_label.setVisible(not detail.members)
        roster.show_error("")
        self._update_actions()

    def _clear_editor(self) -> None:
        self._detail_request += 1
        super()._clear_editor()

    def _update_actions(self) -> None:
        view, roster = self._view, self._view.editor.roster
        has_team = self.team_id is not None
        view.new_action.setEnabled(self._initiative_id is not None)
        view.delete_action.setEnabled(has_team)
        view.delete_key_action.setEnabled(has_team)
        roster.add_button.setEnabled(has_team and roster.person_box.count() > 0)
        chosen = bool(roster.table.selectionModel().selectedRows())
        roster.remove_button.setEnabled(has_team and chosen)
        roster.remove_key_action.setEnabled(has_team and chosen)

    # Slots -----------------------------------------------------------------------------

    def _on_new(self) -> None:
        if self._initiative_id is None:
            return
        self._start_draft(NEW_TEAM, {"initiative_id": self._initiative_id})
        self._view.editor.form.focus("name")
        self._context.show_status(_("Type the team's name; it is saved when you move on."))

    def _show_blank_detail(self) -> None:
        editor = self._view.editor
        editor.title_label.setText(_("New team"))
        editor.roster.model.set_rows(())
        editor.roster.empty_label.show()

    def _on_created(self, detail: TeamDetail) -> None:
        self._show_roster(detail)
        self._load_list()

    def _on_saved(self, row: TeamRow) -> None:
        self._view.model.replace(row)
        if row.team.id == self.team_id and self._detail is not None:
            self._detail = dataclasses.replace(self._detail, team=row.team)
            self._view.editor.title_label.setText(row.team.name)

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _on_add_member(self) -> None:
        roster, team_id = self._view.editor.roster, self.team_id
        person_id, role = roster.person_box.currentData(), enum_data(roster.role_box, MemberRole)
        if team_id is None or person_id is None or role is None:
            return
        today = self._today()
        self._run_roster_change(lambda s: seat_member(s, team_id, person_id, role, today))

    def _on_remove_member(self) -> None:
        roster, team_id = self._view.editor.roster, self.team_id
        chosen = roster.table.selectionModel().selectedRows()
        if team_id is None or not chosen:
            return
        seat = roster.model.row_at(chosen[0].row()).membership
        today = self._today()
        # Someone seated today was seated by mistake; anyone else is kept as a former member.
        left_on = None if seat.joined_on is not None and seat.joined_on >= today else today
        self._run_roster_change(lambda s: unseat_member(s, team_id, seat.id, left_on))

    def _on_role_chosen(self, membership_id: int, role: MemberRole) -> None:
        team_id = self.team_id
        if team_id is not None:
            self._run_roster_change(lambda s: change_member_role(s, team_id, membership_id, role))

    def _run_roster_change(self, work: Callable[[WorkSession], tuple[TeamDetail, Edit]]) -> None:
        team_id = self.team_id
        self._writer.write(
            work,
            done=lambda _detail, edit: _("Saved: {change}").format(change=edit.label),
            on_saved=lambda detail: self._on_roster_changed(team_id, detail),
            on_failed=self._on_roster_failed,
        )

    def _on_roster_changed(self, team_id: int | None, detail: TeamDetail) -> None:
        if team_id == self.team_id:
            self._show_roster(detail)
        self._load_list()

    def _on_roster_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._view.editor.roster.show_error(error.problem)
            self._context.show_status(_("Not saved: {error}").format(error=error.problem))
        else:
            self._context.runner.report_failure(error)

    def _on_delete(self) -> None:
        detail = self._detail
        if detail is None or self.team_id is None:
            return
        name = detail.team.name
        question = _("Delete {name}?").format(name=name)
        if detail.members:
            question = ngettext(
                "Delete {name}? Its {n} member come off it too.",
                "Delete {name}? Its {n} members come off it too.",
                len(detail.members),
            ).format(name=name, n=len(detail.members))
        title = _("Delete {name}").format(name=name)
        if not DeleteConfirmation.ask(self._view, title, question):
            return
        team_id = detail.team.id
        self._delete_record(lambda s: delete_team(s, team_id), team_id, name)
