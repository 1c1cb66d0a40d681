"""What every section of the main window is given and what it must offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from cs360desk.ui.tasks import TaskRunner


@dataclass(frozen=True)
class SectionContext:
    runner: TaskRunner
    settings: QSettings
    show_status: Callable[[str], None]
    now: Callable[[], datetime]


class Section(Protocol):
    """A controller owning one page of the main window's stack."""

    @property
    def view(self) -> QWidget: ...

    def show_initiative(self, initiative_id: int | None) -> None: ...

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class SectionSpec:
    title: str
    build: Callable[[SectionContext], Section]
