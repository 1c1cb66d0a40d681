"""The History section: change records filtered by kind, record, person and date; restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from cs360desk.domain.enums import ChangeAction
from cs360desk.i18n import _, count_of, pgettext
from cs360desk.services.history import (
    ChangeEntry,
    HistoryFilter,
    kind_label,
    list_changes,
    recorded_kinds,
    recorded_people,
)
from cs360desk.services.history_restore import RestoredRecord, restore_deleted_as_edit
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.record_widgets import resort
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.history.models import format_when, kind_count, kind_name, record_text
from cs360desk.ui.history.view import HistoryView


@dataclass(frozen=True)
class HistoryPage:
    entries: tuple[ChangeEntry, ...]
    kinds: tuple[str, ...]
    people: tuple[str, ...]


def load_history(session: WorkSession, wanted: HistoryFilter) -> HistoryPage:
    return HistoryPage(
        tuple(list_changes(session, wanted)),
        tuple(recorded_kinds(session)),
        tuple(recorded_people(session)),
    )


def local_bounds(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """The user's days, from local midnight to the last instant, as aware datetimes."""
    start = datetime.combine(since, time.min).astimezone() if since else None
    end = datetime.combine(until, time.max).astimezone() if until else None
    return start, end


class RestoreConfirmation:
    """The question before a restore; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, entry: ChangeEntry) -> bool:
        answer = QMessageBox.question(
            parent,
            _("Restore deleted record"),
            _(
                "Bring back {record}, deleted by {who} on {when}?\n\nWhat was deleted with it "
                "(agenda items, progress notes, links) comes back too. Links to records "
                "deleted since stay empty."
            ).format(record=record_text(entry), who=entry.who, when=format_when(entry.at)),
        )
        return answer == QMessageBox.StandardButton.Yes


class RestoreReport:
    """Says what a restore could not bring back, where a status line would scroll away."""

    @classmethod
    def tell(cls, parent: QWidget, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, _("Restored, with gaps"), message, parent=parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


class HistoryController(QObject):
    """Behaviour of the History page; `loaded` fires when the records have been shown."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = HistoryView()
        view = self._view
        view.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        view.restore_button.clicked.connect(self._on_restore)
        for combo in (view.kind_combo, view.person_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for check in (view.since_check, view.until_check):
            check.toggled.connect(self._on_filter_changed)
        for edit in (view.since_edit, view.until_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        view.record_edit.editingFinished.connect(self._on_filter_changed)
        self._filling = False

    @property
    def view(self) -> HistoryView:
        return self._view

    def show_initiative(self, _initiative_id: int | None) -> None:
        self.refresh()  # the history is the whole workspace's, not one initiative's

    def refresh(self) -> None:
        wanted = self.current_filter()
        self._context.runner.run(lambda s: load_history(s, wanted), on_success=self._show)

    def current_filter(self) -> HistoryFilter:
        view = self._view
        since, until = local_bounds(view.since(), view.until())
        return HistoryFilter(
            entity=view.kind_combo.currentData() or None,
            record_id=view.record_id(),
            who=view.person_combo.currentData() or None,
            since=since,
            until=until,
        )

    def selected_entry(self) -> ChangeEntry | None:
        rows = self._view.table.selectionModel().selectedRows()
        return self._view.model.row_at(rows[0].row()) if rows else None

    def _show(self, page: HistoryPage) -> None:
        view = self._view
        self._filling = True
        _fill_choices(
            view.kind_combo, [(kind_name(kind_label(k)).capitalize(), k) for k in page.kinds]
        )
        _fill_choices(view.person_combo, [(who, who) for who in page.people])
        self._filling = False
        view.model.set_rows(page.entries)
        resort(view.table)
        view.count_label.setText(count_of(len(page.entries), "{n} change", "{n} changes"))
        self._show_entry(None)
        self.loaded.emit()

    def _show_entry(self, entry: ChangeEntry | None) -> None:
        view = self._view
        view.field_model.set_rows(entry.fields if entry else ())
        view.restore_button.setEnabled(entry is not None and entry.restorable)
        if entry is None:
            view.detail_label.setText(_("Choose a change to see its fields."))
        else:
            view.detail_label.setText(
                _detail_sentence(entry.action).format(
                    record=record_text(entry), who=entry.who, when=format_when(entry.at)
                )
            )

    # Slots -----------------------------------------------------------------------------

    def _on_filter_changed(self, *_args: object) -> None:
        if not self._filling:
            self.refresh()

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self._show_entry(self.selected_entry())

    def _on_restore(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.restorable:
            return
        if not RestoreConfirmation.ask(self._view, entry):
            return
        self._writer.write(
            lambda s: restore_deleted_as_edit(s, entry.id),
            done=lambda restored, _edit: restored_message(restored),
            on_saved=self._on_restored,
        )

    def _on_restored(self, restored: RestoredRecord) -> None:
        self.refresh()
        if restored.left_out:
            RestoreReport.tell(self._view, restored_message(restored))


def _detail_sentence(action: ChangeAction) -> str:
    """The line over the chosen change's fields, with {record}, {who} and {when}."""
    if action is ChangeAction.CREATE:
        return _("Added {record} — by {who}, {when}")
    if action is ChangeAction.DELETE:
        return _("Deleted {record} — by {who}, {when}")
    return _("Changed {record} — by {who}, {when}")


def restored_message(restored: RestoredRecord) -> str:
    """One status line: what came back, under which number, and what could not."""
    kind = kind_name(kind_label(restored.entity))
    if restored.record_id:
        message = _("Restored {kind} {number}").format(kind=kind, number=restored.record_id)
    else:
        message = _("Restored {kind}").format(kind=kind)
    if not restored.same_id:
        message = _("{message} under a new number (its old one is taken)").format(message=message)
    if restored.companions:
        records = ", ".join(kind_count(noun, n) for noun, n in restored.companions)
        message = _("{message} with {records}").format(message=message, records=records)
    if restored.relinked:
        records = ", ".join(kind_count(noun, n) for noun, n in restored.relinked)
        message = _("{message}; linked to it again: {records}").format(
            message=message, records=records
        )
    if restored.dropped_links:
        message = _("{message}; left empty: {links}").format(
            message=message, links=", ".join(restored.dropped_links)
        )
    if restored.left_out:
        message = _("{message}; not restored: {rows}").format(
            message=message, rows="; ".join(restored.left_out)
        )
    return message


def _fill_choices(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
    """Replace the choices, keeping the chosen one when it is still offered."""
    current = combo.currentData()
    combo.clear()
    combo.addItem(pgettext("history filter", "All"), "")
    for text, value in choices:
        combo.addItem(text, value)
    found = combo.findData(current) if current else 0
    combo.setCurrentIndex(max(found, 0))
