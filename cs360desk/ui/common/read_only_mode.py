"""A workspace opened read-only: every control that would change it is disabled, not left to fail.

Sections mark the controls that only look, filter, open or export with `keeps_working`; under
a `ReadOnlyGuard` everything else that edits is locked — buttons, combo boxes, actions and
shortcuts disabled, text and date fields made read-only (their text can still be selected and
copied), tables no longer editable or draggable. Controls made or re-enabled later (a page
filled after loading, a button a controller enables on selection) are locked as they appear.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from cs360desk.i18n import N_, _

KEEPS_WORKING = "cs360KeepsWorkingReadOnly"
READ_ONLY_TIP = N_("This workspace is open read-only.")  # translate with _() where shown
_LOCKED = "cs360LockedReadOnly"
# Parts of composite widgets (a tab bar's scroll arrows, a spin box's editor) follow their owner.
_COMPOSITES = (QTabBar, QAbstractSpinBox, QComboBox)
_WATCHED = frozenset(
    (
        QEvent.Type.Polish,
        QEvent.Type.EnabledChange,
        QEvent.Type.ReadOnlyChange,
        QEvent.Type.ActionAdded,
    )
)


def keeps_working(*controls: QObject) -> None:
    """Controls that only look, filter, open or export: usable in a read-only workspace."""
    for control in controls:
        control.setProperty(KEEPS_WORKING, True)


def _kept(control: QObject, root: QObject) -> bool:
    current: QObject | None = control
    while current is not None:
        if current.property(KEEPS_WORKING):
            return True
        if current is root:
            return False
        current = current.parent()
    return False


class ReadOnlyGuard(QObject):
    """Locks the editing controls under `root`, now and as they are made or re-enabled."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        for widget in [root, *root.findChildren(QWidget)]:
            self.lock(widget)
        for action in root.findChildren(QAction):
            self._lock_action(action)
        for shortcut in root.findChildren(QShortcut):
            if not _kept(shortcut, root):
                shortcut.setEnabled(False)
        app = QApplication.instance()
        if app is not None:  # widgets made later are polished before they first show
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WATCHED and isinstance(watched, QWidget) and self._owns(watched):
            self.lock(watched)
        return False

    def _owns(self, widget: QWidget) -> bool:
        return widget is self._root or self._root.isAncestorOf(widget)

    def lock(self, widget: QWidget) -> None:
        parent = widget.parentWidget()
        if isinstance(parent, _COMPOSITES) or _kept(widget, self._root):
            return
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
            if not widget.isReadOnly():
                widget.setReadOnly(True)
        elif isinstance(widget, QAbstractButton | QComboBox):
            if widget.isEnabled():
                widget.setEnabled(False)
            if not widget.property(_LOCKED):  # say why, once, after what it would have done
                widget.setProperty(_LOCKED, True)
                tip = widget.toolTip()
                said = _(READ_ONLY_TIP)
                widget.setToolTip(f"{tip}\n{said}" if tip else said)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for action in widget.actions():
            self._lock_action(action)

    def _lock_action(self, action: QAction) -> None:
        if _kept(action, self._root):
            return
        if action.isEnabled():
            action.setEnabled(False)
        if not action.property(_LOCKED):
            action.setProperty(_LOCKED, True)
            action.changed.connect(lambda: action.setEnabled(False) if action.isEnabled() else None)
