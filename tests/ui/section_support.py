"""What the GUI section tests share: one transaction on the workspace, and a section opened as
the main window opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.services import catalog

TIMEOUT_MS = 15_000


class SectionController(Protocol):
    @property
    def view(self) -> QWidget: ...

    def show_initiative(self, initiative_id: int | None) -> None: ...

    def refresh(self) -> None: ...


Controller = TypeVar("Controller", bound=SectionController)


def read(workspace: Workspace, work: Callable[[Any], Any]) -> Any:
    """`work(session)` in one transaction of its own, committed as it ends."""
    with workspace.session_factory.begin() as session:
        return work(session)


write = read  # the same, where the work changes the workspace


def first_initiative(workspace: Workspace) -> int:
    return int(read(workspace, lambda s: catalog.INITIATIVE.list(s)[0].id))


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.insert(text)  # as typed; QTest's key clicks know only ASCII
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # editing finishes: the field saves


def choose(combo: QComboBox, data: object) -> None:
    """Picks `data` in the combo box as the user does, so that it is saved."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def focusable_controls(view: QWidget) -> list[QWidget]:
    """What the keyboard can reach in `view` as it stands, without the parts Qt makes itself."""
    return [
        w
        for w in view.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(view)
        and not w.objectName().startswith("qt_")
    ]


def shown_section(
    qtbot: QtBot, controller: Controller, *, resize: bool = True, show: bool = True
) -> Controller:
    """`controller`'s page, closed after the test, at 1280×800 (unless not `resize`) and shown
    (unless not `show`)."""
    view = controller.view
    qtbot.addWidget(view)
    if resize:
        view.resize(1280, 800)
    if show:
        view.show()
    return controller


def open_section(
    qtbot: QtBot,
    controller: Controller,
    initiative_id: int | None,
    *,
    loaded: SignalInstance | None = None,
    resize: bool = True,
    show: bool = True,
    refresh_after_undo: Any = None,
    timeout: int = TIMEOUT_MS,
) -> Controller:
    """`shown_section`, once it has loaded `initiative_id` (`loaded` is the signal that says
    so, `controller.loaded` unless given). Given a harness as `refresh_after_undo`, the section
    then reloads after every undo or redo, as the main window has every section do."""
    shown_section(qtbot, controller, resize=resize, show=show)
    signal = loaded if loaded is not None else controller.loaded  # type: ignore[attr-defined]
    with qtbot.waitSignal(signal, timeout=timeout):
        controller.show_initiative(initiative_id)
    if refresh_after_undo is not None:
        refresh_after_undo.history.applied.connect(lambda _edit: controller.refresh())
    return controller
