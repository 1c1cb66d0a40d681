"""The main window's layout: sidebar of sections, page stack, initiative selector, menus."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.workspace_location import WorkspaceLocation
from cs360desk.i18n import N_, _
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.sections import SectionSpec
from cs360desk.ui.shell.section_pages import Deferred, SectionPages

if TYPE_CHECKING:
    from cs360desk.ui.common.failures import FailureReporter
    from cs360desk.ui.common.tasks import TaskRunner

APP_TITLE = "CS360 Desk"
STATUS_TIMEOUT_MS = 6000


def _lazy(title: str, module: str, controller: str, *opens: str, edits: bool = True) -> SectionSpec:
    return SectionSpec(title, Deferred(f"cs360desk.ui.{module}", controller), opens, edits)


# One line per section: its sidebar title, the module and controller that build its page (imported
# when the section is first needed, so start-up loads only the dashboard) and the record kinds
# it opens for global search; `edits=False` for a section that only shows and exports.
SECTIONS: tuple[SectionSpec, ...] = (
    _lazy(N_("Dashboard"), "dashboard.controller", "DashboardController", edits=False),
    _lazy(N_("Meetings"), "meetings.controller", "MeetingsController", "meeting"),
    _lazy(N_("Action items"), "action_items.controller", "ActionItemsController", "action_item"),
    _lazy(N_("People"), "people.people", "PeopleController", "person"),
    _lazy(N_("Teams"), "people.teams", "TeamsController", "team"),
    _lazy(N_("Community map"), "people.organizations", "OrganizationsController", "organization"),
    _lazy(N_("Initiative"), "initiative.controller", "InitiativeController"),
    _lazy(N_("Problems"), "problems.controller", "ProblemsController", "problem"),
    _lazy(N_("Goals & measures"), "goals.controller", "GoalsController"),
    _lazy(N_("Community input"), "community.controller", "CommunityController"),
    _lazy(N_("Communications"), "community.communications", "CommunicationsController"),
    _lazy(N_("Reports"), "reports.controller", "ReportsController", edits=False),
    _lazy(N_("Excel & calendar"), "tracker.controller", "TrackerController"),
    _lazy(N_("History"), "history.controller", "HistoryController"),
)


class WindowBehaviour(Protocol):
    """What those holding the window use of its controller (MainWindowController)."""

    @property
    def runner(self) -> TaskRunner: ...

    @property
    def sections(self) -> SectionPages: ...

    def first_page_ready(self) -> bool: ...


class MainWindow(QMainWindow):
    """Layout and actions only; MainWindowController gives them behaviour."""

    closing = Signal()

    def __init__(self, location: WorkspaceLocation | Path) -> None:
        super().__init__()
        self.location = WorkspaceLocation.parse(location)
        self.setWindowTitle(self._title(None))
        self.setAccessibleName(APP_TITLE)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName(_("Sections"))
        self.sidebar.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(_("Section"))
        self.initiative_box = QComboBox()
        self.initiative_box.setAccessibleName(_("Initiative"))
        self.initiative_box.setMinimumContentsLength(28)
        self.initiative_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_actions: list[QAction] = []
        self._section_titles: list[str] = []
        # Set by build_main_window(); kept here so they live exactly as long as the window.
        self.controller: WindowBehaviour | None = None
        self.failures: FailureReporter | None = None
        self.backups_dialog: QWidget | None = None
        self._build_central()
        self._build_toolbar()
        self._build_status_bar()
        self._build_menus()

    def _build_central(self) -> None:
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # Read-only, a sync folder, a skipped backup: said once, above everything.
        self.banner = QLabel()
        self.banner.setObjectName("Banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(_("Workspace notice"))
        self.banner.hide()
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

    def show_notices(self, notices: tuple[str, ...]) -> None:
        self.banner.setText("\n".join(f"⚠ {notice}" for notice in notices))
        self.banner.setVisible(bool(notices))

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(_("Initiative"))
        toolbar.setObjectName("InitiativeBar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 4, 8, 4)
        label = QLabel(_("&Initiative:"))
        label.setBuddy(self.initiative_box)  # Alt+I jumps to the selector
        row.addWidget(label)
        row.addWidget(self.initiative_box)
        toolbar.addWidget(holder)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.refresh_action = QAction(_("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.setToolTip(_("Load the figures again (F5)"))
        toolbar.addAction(self.refresh_action)
        toolbar.setIconSize(QSize(16, 16))
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        # describe(): a server's address never shows its password.
        self.path_label = QLabel(self.location.describe())
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        if self.location.is_file:
            self.path_label.setAccessibleName(_("Workspace file"))
            self.path_label.setToolTip(_("The workspace file in use"))
        else:
            self.path_label.setAccessibleName(_("Shared workspace"))
            self.path_label.setToolTip(_("The shared workspace on a server in use"))
        self.statusBar().addPermanentWidget(self.path_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.open_file_action = file_menu.addAction(_("Open workspace &file…"))
        self.open_shared_action = file_menu.addAction(_("Open shared &workspace…"))
        # Opening another workspace changes nothing in this one, read-only or not.
        keeps_working(self.open_file_action, self.open_shared_action)
        file_menu.addSeparator()
        self.setup_action = file_menu.addAction(_("&Set up this workspace…"))
        self.setup_action.setVisible(False)
        self.backup_action = file_menu.addAction(_("&Back up now…"))
        self.restore_action = file_menu.addAction(_("&Restore…"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(_("&Quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.view_menu = self.menuBar().addMenu(_("&View"))
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.about_action = help_menu.addAction(_("&About CS360 Desk"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def add_sections(self, titles: list[str]) -> list[QAction]:
        """The sidebar's sections, each with an empty page until it is first shown."""
        return [self.add_section(title, QWidget()) for title in titles]

    def section_titles(self) -> list[str]:
        """The sections' titles as their specs give them (English), not as the sidebar shows."""
        return list(self._section_titles)

    def add_section(self, title: str, page: QWidget) -> QAction:
        """A sidebar entry, a page and a View menu action with Ctrl+<number>."""
        number = self.pages.count() + 1
        self._section_titles.append(title)
        shown = _(title)
        self.sidebar.addItem(shown)
        # Wide enough for the longest title in full ("Aportes de la comunidad"), selected and
        # focused: the item's padding and margins (style.py), the focus ring and some air.
        needed = self.sidebar.fontMetrics().horizontalAdvance(shown) + 2 * (14 + 6 + 2) + 12
        self.sidebar.setFixedWidth(max(self.sidebar.minimumWidth(), needed))
        self.pages.addWidget(page)
        action = self.view_menu.addAction(_("Go to {section}").format(section=shown))
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.section_actions.append(action)
        return action

    def add_edit_actions(self, *actions: QAction) -> None:
        for action in actions:
            self.edit_menu.addAction(action)
            self.addAction(action)  # shortcuts work wherever the focus is

    def set_agency_name(self, name: str | None) -> None:
        self.setWindowTitle(self._title(name))

    def _title(self, name: str | None) -> str:
        # A shared workspace says which server it is on: several can look alike.
        parts = [APP_TITLE, *([name] if name else [])]
        if not self.location.is_file:
            parts.append(self.location.describe())
        return " — ".join(parts)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
