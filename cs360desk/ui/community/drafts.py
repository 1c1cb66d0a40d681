"""Draft update…: the period's drafted public post, public update and staff briefing, built
from the records on the worker, rebuilt at once (no query) as facts are left out, copied or
saved into the Communications log through the edit writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from cs360desk.domain.draft_wording import build_drafts
from cs360desk.domain.edits import Edit
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.records import CommunicationRecord
from cs360desk.domain.update_drafts import Draft, DraftKind, UpdateDrafts
from cs360desk.i18n import N_, _, ngettext
from cs360desk.i18n.formats import medium_date
from cs360desk.operations.drafts import DraftRequest, DraftToSave, draft_updates, save_drafts
from cs360desk.services.update_drafts import local_today
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.common.edit_writer import EditWriter
from cs360desk.ui.common.formatting import from_qdate, to_qdate
from cs360desk.ui.common.read_only_mode import READ_ONLY_TIP
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.community.drafts_save import SaveDraftDialog
from cs360desk.ui.community.drafts_view import DraftsView

PERIOD_SETTLE_MS = 350  # typing a date changes it digit by digit: load once it rests
# What the dialog says after a draft was rebuilt, copied or saved: one sentence per draft.
REBUILT = {
    DraftKind.SHORT: N_("The short public post is back to what the facts give."),
    DraftKind.LONG: N_("The longer public update is back to what the facts give."),
    DraftKind.STAFF: N_("The staff briefing is back to what the facts give."),
}
COPIED = {
    DraftKind.SHORT: N_("Copied the short public post: paste it where it goes."),
    DraftKind.LONG: N_("Copied the longer public update: paste it where it goes."),
    DraftKind.STAFF: N_("Copied the staff briefing: paste it where it goes."),
}
SAVED = {
    DraftKind.SHORT: N_("Saved: the short public post in the Communications log, {status}."),
    DraftKind.LONG: N_("Saved: the longer public update in the Communications log, {status}."),
    DraftKind.STAFF: N_("Saved: the staff briefing in the Communications log, {status}."),
}


@dataclass(frozen=True)
class DraftsPage:
    """What the dialog shows, loaded in one go on the worker."""

    initiatives: tuple[tuple[int, str], ...]
    drafts: UpdateDrafts
    today: date  # as the agency's clock reads it: the day a draft is posted by default


def load_drafts(session: WorkSession, request: DraftRequest, *, now: datetime) -> DraftsPage:
    found = tuple((initiative.id, initiative.name) for initiative in initiatives(session))
    drafts = draft_updates(session, request, now=now)
    return DraftsPage(found, drafts, local_today(session, now))


def summary_text(drafts: UpdateDrafts) -> str:
    source = drafts.source
    start, end = medium_date(source.period.start), medium_date(source.period.end)
    if drafts.empty:
        return _(
            "{initiative}, {start} to {end}: nothing was recorded in this period, so there is "
            "no public post or update. Pick an earlier “From” day to take in more."
        ).format(initiative=source.initiative_name, start=start, end=end)
    kept = sum(1 for fact in source.facts if fact.key not in drafts.excluded)
    found = len(source.facts)
    return ngettext(
        "{initiative}, {start} to {end}: {n} fact found in the records, {kept} ticked. "
        "Every sentence comes from one of them; edit freely.",
        "{initiative}, {start} to {end}: {n} facts found in the records, {kept} ticked. "
        "Every sentence comes from one of them; edit freely.",
        found,
    ).format(initiative=source.initiative_name, start=start, end=end, n=found, kept=kept)


class DraftsDialog(DraftsView):
    """`loaded` fires when drafts for a new initiative or period are shown; `saved` with the
    CommunicationRecord once a draft is in the log.

    Made once by the section that opens it and reopened with `open_for()`, which starts
    afresh: the default period, every fact ticked, no hand edits.
    """

    loaded = Signal()
    saved = Signal(object)

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(context.read_only, parent)
        self._context = context
        self._writer = EditWriter(context)
        self._read_only = context.read_only
        self.drafts: UpdateDrafts | None = None
        self.today: date | None = None
        self.save_dialog: SaveDraftDialog | None = None
        self._request = 0
        self._loading = False
        self._focus = DraftKind.SHORT
        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(PERIOD_SETTLE_MS)
        self._period_timer.timeout.connect(self._on_period_settled)
        self.initiative_box.activated.connect(self._on_initiative_chosen)
        self.start_edit.dateChanged.connect(self._on_period_edited)
        self.end_edit.dateChanged.connect(self._on_period_edited)
        self.language_box.activated.connect(self._on_language_chosen)
        self.facts.excluded_changed.connect(self._on_facts_changed)
        for kind, panel in self.panels.items():
            panel.copy_requested.connect(lambda k=kind: self._on_copy(k))
            panel.save_requested.connect(lambda k=kind: self._on_save(k))
            panel.rebuild_requested.connect(lambda k=kind: self._on_rebuild(k))

    @property
    def busy(self) -> bool:
        return self._loading or self._period_timer.isActive()

    def open_for(self, initiative_id: int | None, focus: DraftKind = DraftKind.SHORT) -> None:
        """Show the dialog with the drafts of this initiative's default period."""
        self._focus = focus
        self.drafts = None
        for panel in self.panels.values():
            panel.reset()
        self.facts.clear()
        self.summary.setText(_("Loading the facts of the period…"))
        self.feedback.setText(
            _("{read_only} The drafts can be copied but not saved.").format(
                read_only=_(READ_ONLY_TIP)
            )
            if self._read_only
            else ""
        )
        self._load(DraftRequest(initiative_id, language=self.chosen_language()), fresh=True)
        self.open()

    def chosen_language(self) -> str | None:
        """The language picked for the drafts; None: the agency's for public outputs."""
        value = self.language_box.currentData()
        return value if isinstance(value, str) and value else None

    # Loading -----------------------------------------------------------------------------

    def _load(self, request: DraftRequest, *, fresh: bool) -> None:
        self._request += 1
        number = self._request
        self._loading = True
        self.loading_label.show()
        self.period_error.hide()
        now = self._context.now()
        self._context.runner.run(
            lambda s: load_drafts(s, request, now=now),
            on_success=lambda page: self._on_loaded(number, page, fresh),
            on_failure=lambda error: self._on_load_failed(number, error),
        )

    def _on_loaded(self, number: int, page: DraftsPage, fresh: bool) -> None:
        if number != self._request:
            return  # another initiative or period was asked for since
        self._loading = False
        self.loading_label.hide()
        self.today = page.today
        drafts = page.drafts
        source = drafts.source
        self._fill_initiatives(page.initiatives, source.initiative_id)
        self._set_period(source.period.start, source.period.end)
        self.setWindowTitle(
            _("Draft update: {initiative}").format(initiative=source.initiative_name)
        )
        self.facts.show_facts(drafts)
        self._show(drafts)
        if fresh:
            self.show_draft_kind(self._focus)
        self.loaded.emit()

    def _on_load_failed(self, number: int, error: BaseException) -> None:
        if number != self._request:
            return
        self._loading = False
        self.loading_label.hide()
        if not isinstance(error, UserFacingError):
            self._context.runner.report_failure(error)
            return
        self.period_error.setText(_("No drafts: {error}").format(error=error))
        self.period_error.show()
        reason = _("No drafts: {error}.").format(error=error)
        for kind, panel in self.panels.items():  # not left saying "Loading…"
            panel.show_draft(Draft(kind, None, (), reason=reason))

    def _fill_initiatives(self, found: tuple[tuple[int, str], ...], current: int) -> None:
        box = self.initiative_box
        box.blockSignals(True)
        box.clear()
        for initiative_id, name in found:
            box.addItem(name, initiative_id)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def _set_period(self, start: date, end: date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)

    def _show(self, drafts: UpdateDrafts) -> None:
        self.drafts = drafts
        self.summary.setText(summary_text(drafts))
        for kind, panel in self.panels.items():
            panel.show_draft(drafts.draft(kind))

    # Slots -------------------------------------------------------------------------------

    def _on_initiative_chosen(self, _index: int) -> None:
        initiative_id = self.initiative_box.currentData()
        if initiative_id is not None:
            self._period_timer.stop()
            request = DraftRequest(int(initiative_id), language=self.chosen_language())
            self._load(request, fresh=False)

    def _on_period_edited(self, _day: QDate) -> None:
        self._period_timer.start()

    def _on_period_settled(self) -> None:
        drafts = self.drafts
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        if end < start:
            self.period_error.setText(
                _(
                    "The period must not end before it starts: pick a “To” day on or after {start}."
                ).format(start=medium_date(start))
            )
            self.period_error.show()
            return
        if drafts is None:
            return
        excluded = self.facts.excluded()
        request = DraftRequest(
            drafts.source.initiative_id, start, end, excluded, self.chosen_language()
        )
        self._load(request, fresh=False)

    def _on_language_chosen(self, _index: int) -> None:
        # The facts' own wording is in the drafts' language too: read them again.
        self._period_timer.stop()
        self._on_period_settled()

    def _on_facts_changed(self) -> None:
        drafts = self.drafts
        if drafts is None:
            return
        rebuilt = build_drafts(drafts.source, self.facts.excluded())  # pure: no query
        self._show(rebuilt)
        self.facts.show_use(rebuilt)

    def _on_rebuild(self, kind: DraftKind) -> None:
        panel = self.panels[kind]
        panel.rebuild()
        panel.editor.setFocus()
        self.feedback.setText(_(REBUILT[kind]))

    def _on_copy(self, kind: DraftKind) -> None:
        text = self.panels[kind].text
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.feedback.setText(_(COPIED[kind]))

    # Saving ------------------------------------------------------------------------------

    def _on_save(self, kind: DraftKind) -> None:
        text = self.panels[kind].text
        drafts = self.drafts
        if self._read_only or drafts is None or not text or not text.strip():
            return
        dialog = SaveDraftDialog(kind, text, self.today or date.today(), self)
        initiative_id = drafts.source.initiative_id
        dialog.save_requested.connect(lambda draft: self._write(dialog, initiative_id, draft))
        dialog.finished.connect(lambda _result: self._on_save_dialog_closed(dialog))
        self.save_dialog = dialog
        dialog.open()

    def _on_save_dialog_closed(self, dialog: SaveDraftDialog) -> None:
        if self.save_dialog is dialog:
            self.save_dialog = None
        dialog.deleteLater()

    def _write(self, dialog: SaveDraftDialog, initiative_id: int, draft: DraftToSave) -> None:
        said = _(SAVED[draft.kind]).format(status=draft.status.label.lower())

        def job(session: WorkSession) -> tuple[CommunicationRecord, Edit]:
            (saved,) = save_drafts(session, initiative_id, [draft])
            return saved

        def on_failed(error: BaseException) -> None:
            if isinstance(error, UserFacingError):
                self._context.show_status(_("Not saved: {error}").format(error=error))
                dialog.show_error(error)
            else:
                dialog.set_saving(False)
                self._context.runner.report_failure(error)

        def on_saved(record: CommunicationRecord) -> None:
            dialog.set_saving(False)
            dialog.accept()
            self.feedback.setText(said)
            self.saved.emit(record)

        self._writer.write(job, done=said, on_saved=on_saved, on_failed=on_failed)


class DraftsOpener:
    """The drafts dialog of one section: made on first use, over `parent`, reopened after;
    each saved draft is handed to `on_saved` (the section reloads what it shows)."""

    def __init__(
        self,
        context: SectionContext,
        parent: QWidget,
        on_saved: Callable[[CommunicationRecord], None],
    ) -> None:
        self._context = context
        self._parent = parent
        self._on_saved = on_saved
        self.dialog: DraftsDialog | None = None

    def open(self, initiative_id: int | None, focus: DraftKind = DraftKind.SHORT) -> DraftsDialog:
        if self.dialog is None:
            self.dialog = DraftsDialog(self._context, self._parent)
            self.dialog.saved.connect(self._on_saved)
        self.dialog.open_for(initiative_id, focus)
        return self.dialog
