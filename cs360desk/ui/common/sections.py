"""What every section of the main window is given and what it must offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the window's layout imports this module before the database layer loads
    from cs360desk.ui.common.edit_history import EditHistory
    from cs360desk.ui.common.tasks import TaskRunner


@dataclass(frozen=True)
class SectionContext:
    """What the main window lends every section."""

    runner: TaskRunner
    settings: QSettings
    show_status: Callable[[str], None]
    now: Callable[[], datetime]
    # Record each saved edit here; the history replays undo/redo and asks sections to reload.
    history: EditHistory
    # Show a record in whichever section owns its kind ("person", "meeting", "action_item"…).
    open_record: Callable[[str, int], None]
    # Opened read-only (a second copy, a read-only file): the section's edit controls are off.
    read_only: bool = False


class Section(Protocol):
    """A controller owning one page of the main window's stack."""

    @property
    def view(self) -> QWidget: ...

    def show_initiative(self, initiative_id: int | None) -> None: ...

    def refresh(self) -> None: ...


class RecordOpener(Protocol):
    """A section that can bring one record of the kinds it lists in its SectionSpec."""

    def open_record(self, kind: str, record_id: int) -> None: ...


@dataclass(frozen=True)
class SectionSpec:
    title: str
    build: Callable[[SectionContext], Section]
    # Record kinds this section opens for global search (it then implements RecordOpener).
    opens: tuple[str, ...] = ()
    # False for a section that only shows and exports: a read-only workspace leaves it whole.
    edits: bool = True
