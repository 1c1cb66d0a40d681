"""Behaviour of the main window: the workspace overview, initiative choice, sections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from cs360desk import __version__
from cs360desk.i18n import N_, _
from cs360desk.services.workspace_info import initiatives, the_agency
from cs360desk.ui.common.edit_history import EditHistory
from cs360desk.ui.common.sections import Section, SectionContext, SectionSpec
from cs360desk.ui.common.settings import last_initiative, remember_initiative
from cs360desk.ui.common.tasks import TaskRunner, WorkSession
from cs360desk.ui.shell.live_refresh import LiveRefresh
from cs360desk.ui.shell.main_window import SECTIONS, MainWindow
from cs360desk.ui.shell.section_pages import SectionPages

if TYPE_CHECKING:
    from cs360desk.ui.shell.search_dialog import SearchDialog
    from cs360desk.ui.shell.settings_dialog import SettingsDialog

LOADING = N_("Loading…")
# What the status bar says when no section opens a record of this kind (a whole sentence each).
NOT_SHOWN = {
    "meeting": N_("No section shows a meeting yet."),
    "action_item": N_("No section shows an action item yet."),
    "person": N_("No section shows a person yet."),
    "team": N_("No section shows a team yet."),
    "organization": N_("No section shows an organization yet."),
    "problem": N_("No section shows a problem yet."),
}
NOT_SHOWN_OTHER = N_("No section shows this kind of record yet.")


@dataclass(frozen=True)
class WorkspaceOverview:
    agency_name: str | None
    initiatives: tuple[tuple[int, str], ...]

    @property
    def is_empty(self) -> bool:
        return self.agency_name is None


def load_overview(session: WorkSession) -> WorkspaceOverview:
    agency = the_agency(session)
    return WorkspaceOverview(
        agency_name=agency.name if agency else None,
        initiatives=tuple((i.id, i.name) for i in initiatives(session)),
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


class MainWindowController(QObject):
    """`overview_changed` fires once the agency and its initiatives have been (re)loaded."""

    overview_changed = Signal()

    def __init__(
        self,
        window: MainWindow,
        runner: TaskRunner,
        settings: QSettings,
        *,
        now: Callable[[], datetime] = utc_now,
        sections: tuple[SectionSpec, ...] = SECTIONS,
        offer_first_run: bool = True,
        read_only: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.settings = settings
        self.overview: WorkspaceOverview | None = None
        self.read_only = read_only
        self._first_run_offered = not offer_first_run or read_only  # nothing can be set up
        self.history = EditHistory(runner, window.show_status, self)
        self.search_action = QAction(_("&Search…"), self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        self.search_action.triggered.connect(self._on_search)
        self.search_dialog: SearchDialog | None = None
        self.settings_action = QAction(_("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self._on_settings)
        self.settings_dialog: SettingsDialog | None = None
        window.add_edit_actions(
            self.history.undo_action, self.history.redo_action, self.search_action
        )
        window.edit_menu.addSeparator()
        window.add_edit_actions(self.settings_action)
        context = self.context = SectionContext(
            runner,
            settings,
            window.show_status,
            now,
            self.history,
            self.open_record,
            read_only,
        )
        self._stale: set[int] = set()
        self.sections = SectionPages(sections, context, window.pages, self._on_section_built)
        titles = [spec.title for spec in sections]
        # The window may list them already: it is shown before the workspace opens.
        actions = window.section_actions or window.add_sections(titles)
        if window.section_titles() != titles:
            raise ValueError(f"the window lists {window.section_titles()}, not {titles}")
        for index, action in enumerate(actions):
            action.triggered.connect(lambda _checked=False, i=index: self._on_section_chosen(i))
        self._connect()
        window.sidebar.setCurrentRow(0)
        # Other people's saves (a shared workspace, the CLI writing the file) show by themselves.
        self.live = LiveRefresh(
            runner,
            self.history,
            window.show_status,
            current=lambda: self.sections.at(window.pages.currentIndex()),
            mark_stale=lambda: self._on_edit_recorded(None),
            parent=self,
        )

    def _connect(self) -> None:
        window = self.window
        window.sidebar.currentRowChanged.connect(self._on_section_chosen)
        window.initiative_box.activated.connect(self._on_initiative_chosen)
        window.refresh_action.triggered.connect(self._on_refresh_requested)
        window.quit_action.triggered.connect(window.close)
        window.about_action.triggered.connect(self._on_about)
        window.setup_action.triggered.connect(self._on_setup_requested)
        window.closing.connect(self._on_closing)
        self.history.applied.connect(self._on_history_applied)
        self.history.recorded.connect(self._on_edit_recorded)

    @property
    def initiative_id(self) -> int | None:
        data = self.window.initiative_box.currentData()
        return int(data) if data is not None else None

    def first_page_ready(self) -> bool:
        """The overview and the first page (the dashboard) have loaded and nothing is running."""
        if self.overview is None or self.runner.busy:
            return False
        first = self.sections.at(0)
        return not self.overview.initiatives or getattr(first, "data", None) is not None

    def start(self) -> None:
        self.refresh()
        self.live.start()

    def refresh(self) -> None:
        self.window.show_status(_(LOADING))
        self.runner.run(load_overview, on_success=self._on_overview_loaded)

    def _on_overview_loaded(self, overview: WorkspaceOverview) -> None:
        self.overview = overview
        self.window.set_agency_name(overview.agency_name)
        self.window.setup_action.setVisible(overview.is_empty and not self.read_only)
        self._fill_initiatives(overview)
        self._show_initiative(self.initiative_id)
        if self.window.statusBar().currentMessage() == _(LOADING):  # not what was said since
            self.window.statusBar().clearMessage()
        self.overview_changed.emit()
        if overview.is_empty and not self._first_run_offered:
            self._first_run_offered = True
            # Outside this callback, so the dialog's own event loop starts from a clean state.
            QTimer.singleShot(0, self._on_setup_requested)

    def _fill_initiatives(self, overview: WorkspaceOverview) -> None:
        box = self.window.initiative_box
        wanted = self.initiative_id or last_initiative(self.settings)
        box.blockSignals(True)
        box.clear()
        for initiative_id, name in overview.initiatives:
            box.addItem(name, initiative_id)
        found = box.findData(wanted) if wanted is not None else -1
        box.setCurrentIndex(found if found >= 0 else 0 if box.count() else -1)
        box.setEnabled(box.count() > 0)
        box.blockSignals(False)

    def _show_initiative(self, initiative_id: int | None) -> None:
        for section in self.sections.built():
            section.show_initiative(initiative_id)

    def _on_section_built(self, index: int, section: Section) -> None:
        self._stale.discard(index)  # it is about to load fresh
        if self.overview is not None:  # otherwise it hears of the initiative with the others
            section.show_initiative(self.initiative_id)

    def _on_initiative_chosen(self, _index: int) -> None:
        initiative_id = self.initiative_id
        if initiative_id is not None:
            remember_initiative(self.settings, initiative_id)
        self._show_initiative(initiative_id)

    def open_record(self, kind: str, record_id: int) -> None:
        """Switch to the section that owns this kind of record and show the record there."""
        found = self.sections.opener(kind)
        if found is None:
            self.window.show_status(_(NOT_SHOWN.get(kind, NOT_SHOWN_OTHER)))
            return
        index, opener = found
        self._on_section_chosen(index)
        opener.open_record(kind, record_id)

    def _on_search(self) -> None:
        if self.search_dialog is None:
            from cs360desk.ui.shell.search_dialog import SearchDialog  # not needed to start

            self.search_dialog = SearchDialog(
                self.runner, self.open_record, lambda: self.initiative_id, self.window
            )
        self.search_dialog.query.selectAll()
        self.search_dialog.query.setFocus()
        self.search_dialog.open()

    def _on_settings(self) -> None:
        if self.settings_dialog is None:
            from cs360desk.ui.shell.settings_dialog import SettingsDialog  # not needed to start

            self.settings_dialog = SettingsDialog(self.context, self.window)
            self.settings_dialog.saved.connect(self.refresh)  # the agency's name, thresholds
        self.settings_dialog.reopen()

    def _on_history_applied(self, _edit: object) -> None:
        for section in self.sections.built():
            section.refresh()

    def _on_edit_recorded(self, _edit: object) -> None:
        # A save in one section can change what another shows (a new person to seat, an item
        # made from a meeting): the others reload when the user next goes to them.
        current = self.window.pages.currentIndex()
        self._stale = set(range(len(self.sections))) - {current}

    def _on_refresh_requested(self) -> None:
        """F5: the overview, then every section, each when it is next shown."""
        self._stale = set(range(len(self.sections)))
        self.refresh()
        self._refresh_if_stale(self.window.pages.currentIndex())

    def _refresh_if_stale(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.sections.at(index).refresh()

    def _on_section_chosen(self, index: int) -> None:
        if index < 0:
            return
        if self.window.sidebar.currentRow() != index:
            self.window.sidebar.setCurrentRow(index)
        self.sections.at(index)  # built on the first visit, loading as it is shown
        self.window.pages.setCurrentIndex(index)
        self._refresh_if_stale(index)

    def _on_setup_requested(self) -> None:
        from cs360desk.ui.shell.first_run import (  # needed once, if ever
            FirstRunChoice,
            FirstRunDialog,
        )

        choice = FirstRunDialog.ask(self.window, self.runner, today=date.today())
        if choice is FirstRunChoice.SAMPLE:
            self.window.show_status(_("The sample agency is ready to explore."))
        elif choice is FirstRunChoice.CREATED:
            self.window.show_status(_("Your agency is set up; every change is saved at once."))
        if choice is not FirstRunChoice.CANCELLED:
            self.refresh()

    def _on_about(self) -> None:
        box = QMessageBox(self.window)
        box.setWindowTitle(_("About CS360 Desk"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"CS360 Desk {__version__}")
        box.setInformativeText(
            _(
                "An offline workbench for running CS360 problem solving in a small police "
                "agency: teams, meetings, action items, goals and community input in one file."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_closing(self) -> None:
        self.live.stop()
        self.runner.shutdown()
