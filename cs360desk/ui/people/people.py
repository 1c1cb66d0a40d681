"""The People section: find people, edit each field as it is left, delete with a hand-over."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer

from cs360desk.domain.enums import Affiliation
from cs360desk.domain.people_views import Holdings, PeopleFilter, PersonDetail, PersonRow
from cs360desk.i18n import _, ngettext
from cs360desk.services.people import delete_person, person_detail
from cs360desk.ui.common.autosave import AutoSave
from cs360desk.ui.common.edit_writer import edit_only
from cs360desk.ui.common.field_widgets import enum_data
from cs360desk.ui.common.record_section import RecordSection
from cs360desk.ui.common.record_widgets import DeleteConfirmation, people_count, resort
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.people.people_dialogs import HandOverDialog
from cs360desk.ui.people.people_loading import (
    DeleteCheck,
    PeoplePage,
    check_delete,
    create_person,
    load_people_page,
    save_person_field,
)
from cs360desk.ui.people.people_view import ALL, PeopleView

SEARCH_DELAY_MS = 250
NEW_PERSON = {
    "affiliation": Affiliation.COMMUNITY,
    "active": True,
    "contact_private": False,
    "named_in_public": False,  # nobody is named in public until someone says they may be
}


class PeopleController(RecordSection):
    """Behaviour of the People page; `loaded` fires when the list has been (re)shown."""

    record_kind = "person"
    _view: PeopleView

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(context, parent)
        view = PeopleView()
        self._initiative_id: int | None = None
        self._filter = PeopleFilter()
        self._detail: PersonDetail | None = None
        autosave = AutoSave(
            context,
            view.editor.form,
            save=save_person_field,
            create=create_person,
            id_of=lambda detail: detail.person.id,
            required="full_name",
            required_problem=_("type the person's full name to save them"),
            parent=self,
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._start(view, autosave)
        self._connect()
        self._update_actions()

    def _connect(self) -> None:
        view = self._view
        view.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._on_filter_changed)
        for combo in (view.affiliation_filter, view.team_filter, view.active_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        view.find_action.triggered.connect(self._on_find)
        view.editor.seats_table.doubleClicked.connect(self._on_seat_opened)

    @property
    def view(self) -> PeopleView:
        return self._view

    @property
    def person_id(self) -> int | None:
        """The person in the editor (None while nobody is, or while a new one is unsaved)."""
        return self.record_id

    @property
    def detail(self) -> PersonDetail | None:
        return self._detail

    def show_initiative(self, initiative_id: int | None) -> None:
        self._initiative_id = initiative_id
        self._load_list()

    def open_record(self, kind: str, record_id: int) -> None:
        if kind != "person":
            return
        view = self._view
        filters = (view.search_edit, view.affiliation_filter, view.team_filter, view.active_filter)
        for widget in filters:
            widget.blockSignals(True)
        view.search_edit.clear()
        for combo in filters[1:]:
            combo.setCurrentIndex(0)
        for widget in filters:
            widget.blockSignals(False)
        self._filter = PeopleFilter()
        self._show_record(record_id)
        self._load_list()

    # Loading ---------------------------------------------------------------------------

    def _list_work(self) -> Callable[[WorkSession], PeoplePage]:
        where, initiative_id = self._filter, self._initiative_id
        return lambda s: load_people_page(s, where, initiative_id)

    def _show_list(self, page: PeoplePage) -> None:
        view = self._view
        self._fill_team_filter(page.teams)
        view.editor.form.set_choices("organization_id", page.organizations)
        view.model.set_rows(page.rows)
        resort(view.table)
        view.count_label.setText(people_count(len(page.rows)))
        self._select_row_of(self.person_id)

    def _fill_team_filter(self, teams: tuple[tuple[int, str], ...]) -> None:
        combo = self._view.team_filter
        wanted = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("All teams"), None)
        for team_id, name in teams:
            combo.addItem(name, team_id)
        found = combo.findData(wanted)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if wanted is not None and found < 0:
            self._on_filter_changed()  # the team belongs to another initiative

    def _detail_work(self, session: WorkSession, person_id: int) -> PersonDetail:
        return person_detail(session, person_id)

    def _record_id_of(self, detail: PersonDetail) -> int:
        return detail.person.id

    def _show_detail(self, detail: PersonDetail) -> None:
        self._detail = detail
        editor = self._view.editor
        editor.form.load(dataclasses.asdict(detail.person))
        editor.title_label.setText(detail.person.full_name)
        editor.seats_model.set_rows(detail.seats)
        editor.show_seats(bool(detail.seats))
        self._show_holdings(detail.holdings)
        self._view.show_editor(True)
        self._update_actions()

    def _show_holdings(self, held: Holdings) -> None:
        label = self._view.editor.holdings_label
        text = _("Responsible for {held}.").format(held=held.describe()) if held.total else ""
        label.setText(text)
        label.setVisible(bool(held.total))

    # Slots -----------------------------------------------------------------------------

    def _on_filter_changed(self) -> None:
        view = self._view
        active = view.active_filter.currentData()
        self._filter = PeopleFilter(
            text=view.search_edit.text(),
            affiliation=enum_data(view.affiliation_filter, Affiliation),
            team_id=view.team_filter.currentData(),
            active=None if active == ALL else bool(active),
        )
        self._search_timer.stop()
        self._load_list()

    def _on_find(self) -> None:
        self._view.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._view.search_edit.selectAll()

    def _on_seat_opened(self, index: QModelIndex) -> None:
        team_id = self._view.editor.seats_model.id_at(index.row())
        self._context.open_record("team", team_id)

    def _on_new(self) -> None:
        self._start_draft(NEW_PERSON)
        self._view.editor.form.focus("full_name")
        self._context.show_status(
            _("Type the new person's full name; it is saved when you move on.")
        )

    def _show_blank_detail(self) -> None:
        editor = self._view.editor
        editor.title_label.setText(_("New person"))
        editor.seats_model.set_rows(())
        editor.show_seats(False)
        self._show_holdings(Holdings())

    def _on_created(self, detail: PersonDetail) -> None:
        self._detail = detail
        self._view.editor.title_label.setText(detail.person.full_name)
        self._update_actions()
        self._load_list()

    def _on_saved(self, row: PersonRow) -> None:
        self._view.model.replace(row)
        if row.person.id == self.person_id and self._detail is not None:
            self._detail = dataclasses.replace(self._detail, person=row.person)
            self._view.editor.title_label.setText(row.person.full_name)

    def _on_delete(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        self._context.runner.run(
            lambda s: check_delete(s, person_id), on_success=self._on_delete_checked
        )

    def _on_delete_checked(self, check: DeleteCheck) -> None:
        hand_to: int | None = None
        if check.holdings.total:
            hand_to = HandOverDialog.ask(
                self._view, list(check.others), check.name, check.holdings.open_items
            )
            if hand_to is None:
                self._context.show_status(_("{name} was not deleted.").format(name=check.name))
                return
        else:
            seats = self._detail.seats if self._detail else ()
            question = _("Delete {name}?").format(name=check.name)
            if seats:
                question = ngettext(
                    "Delete {name}? They are also taken off {n} team.",
                    "Delete {name}? They are also taken off {n} teams.",
                    len(seats),
                ).format(name=check.name, n=len(seats))
            title = _("Delete {name}").format(name=check.name)
            if not DeleteConfirmation.ask(self._view, title, question):
                return
        heir = next((c.full_name for c in check.others if c.id == hand_to), "")
        person_id = check.person_id
        if not heir:
            self._delete_record(
                lambda s: delete_person(s, person_id, hand_to=hand_to), person_id, check.name
            )
            return
        # Said whole here rather than through _delete_record's "Deleted {name}.".
        self._writer.write(
            lambda s: edit_only(delete_person(s, person_id, hand_to=hand_to)),
            done=_("Deleted {name}; {held} went to {heir}.").format(
                name=check.name, held=check.holdings.describe(), heir=heir
            ),
            on_saved=lambda _deleted: self._on_deleted(person_id),
        )
