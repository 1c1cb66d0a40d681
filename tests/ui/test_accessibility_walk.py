"""What a screen reader and a keyboard user meet, over the sample agency: every section and the
main dialogs and editors.

- Every widget the Tab key can reach has a name in Qt's accessibility tree (what a screen
  reader reads: its accessible name, the text of the label it is the buddy of, or a button's
  own text), and a button that shows no text says what it does (accessible description or
  tooltip).
- In every dialog and editor the Tab chain reaches each visible, enabled control once, in
  reading order (top to bottom, left to right among the controls of one form), and a dialog's
  OK/Close buttons come last.
- Focus shows: a focused line edit or button is drawn differently from an unfocused one.

A failure lists each widget by class#objectName, its nearest label and its parents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.ui.action_items.controller import ActionItemsController
from cs360desk.ui.meetings.controller import MeetingsController
from cs360desk.ui.shell.main_window import MainWindow
from tests.ui.tour_support import (
    MODAL_OPENERS,
    TIMEOUT_MS,
    Look,
    ModalCatcher,
    go,
    inside_calendar,
    look_at_agenda,
    look_at_backups,
    look_at_drafts,
    look_at_first_run,
    look_at_generated_report,
    look_at_search,
    look_at_sections,
    look_at_settings,
    main_controller,
    main_window,
    open_modals,
    settle,
)

pytestmark = pytest.mark.gui
ROW_SLACK = 6  # pixels: controls whose tops differ by less share a row of a form
NAME = QAccessible.Text.Name
VALUE = QAccessible.Text.Value


# --- what is looked at ----------------------------------------------------------------------


def _inner_part(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a combo's or spin box's line edit, a table's corner
    button, a calendar's buttons, a tab bar's scroll arrows), named through their control."""
    parent = widget.parentWidget()
    if isinstance(widget, QTabBar) and isinstance(parent, QTabWidget):
        return False  # a tab widget's own bar takes the focus for it: it is looked at
    if widget.objectName().startswith("qt_"):
        return True
    if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QTabBar):
        return True
    return inside_calendar(widget)


def tab_stop(widget: QWidget) -> bool:
    """The Tab key can land on it as it stands."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and not _inner_part(widget)
    )


def describe(widget: QWidget) -> str:
    """Class#objectName of the widget, the label nearest to it and its named ancestors."""
    parts: list[str] = []
    current: QWidget | None = widget.parentWidget()
    while current is not None and len(parts) < 3:
        name = current.objectName()
        if name and not name.startswith("qt_"):
            parts.append(f"{type(current).__name__}#{name}")
        elif isinstance(current, QDialog | QGroupBox):
            parts.append(f"{type(current).__name__} {_own_words(current)!r}")
        elif current.accessibleName():
            parts.append(f"{type(current).__name__} {current.accessibleName()!r}")
        current = current.parentWidget()
    me = f"{type(widget).__name__}#{widget.objectName()}"
    words = _own_words(widget)
    if words:
        me += f" {words!r}"
    label = nearest_label(widget)
    near = f" near label {label!r}" if label else ""
    return f"{me}{near} in {' < '.join(parts) or 'window'}"


def _own_words(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, QDialog):
        return widget.windowTitle()
    if isinstance(widget, QLineEdit):
        return widget.placeholderText()
    return ""


def nearest_label(widget: QWidget) -> str:
    """The text of the visible label closest above or to the left of the widget."""
    top = widget.window()
    here = widget.mapTo(top, QPoint(0, 0))
    best: tuple[int, str] | None = None
    for label in top.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        there = label.mapTo(top, QPoint(0, 0))
        dx, dy = here.x() - there.x(), here.y() - there.y()
        if dy < -ROW_SLACK or (abs(dy) <= ROW_SLACK and dx < 0):
            continue  # below it, or to its right
        distance = abs(dx) + 2 * abs(dy)
        if best is None or distance < best[0]:
            best = (distance, label.text())
    return best[1][:60] if best else ""


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(kind).strip() if interface is not None and interface.isValid() else ""


def buddies(top: QWidget) -> dict[int, str]:
    """id(widget) → text of the label it is the buddy of, for every labelled widget in top."""
    found: dict[int, str] = {}
    for label in top.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            found[id(buddy)] = label.text()
    return found


def name_problem(widget: QWidget, labelled: dict[int, str]) -> str:
    """Why a screen reader would have nothing, or only the value, to say for it; "" if fine."""
    name = accessible_text(widget, NAME)
    if not name:
        return "no accessible name"
    own = widget.accessibleName().strip() or labelled.get(id(widget), "").strip()
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        own = widget.text()
    if not own and name == accessible_text(widget, VALUE):
        return f"named only by its value {name!r}"  # a combo box reads its current text
    icon_only = isinstance(widget, QAbstractButton) and not widget.text().strip()
    if icon_only and not (widget.accessibleDescription().strip() or widget.toolTip().strip()):
        return "icon-only button without accessible description or tooltip"
    return ""


@dataclass
class Findings:
    """What failed, each with where it was seen, in the order found."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    checked: int = 0

    def add(self, what: str, where: str) -> None:
        places = self.problems.setdefault(what, [])
        if where not in places:
            places.append(where)

    def check_names(self, top: QWidget, where: str) -> None:
        labelled = buddies(top.window())
        for widget in [top, *top.findChildren(QWidget)]:
            if not tab_stop(widget):
                continue
            self.checked += 1
            problem = name_problem(widget, labelled)
            if problem:
                self.add(f"{problem}: {describe(widget)}", where)

    def report(self, title: str) -> str:
        lines = [f"{len(self.problems)} {title}:"]
        for what, places in self.problems.items():
            lines.append(f"  {what}")
            lines.append(f"      seen in {', '.join(places[:3])}")
        return "\n".join(lines)


# --- the Tab chain ---------------------------------------------------------------------------


def tab_chain(top: QWidget, within: QWidget | None = None) -> list[QWidget]:
    """The tab stops in `within` (default `top`), in the order Tab visits them, from the first
    one after `top` in its window's focus chain, once round."""
    within = within or top
    chain: list[QWidget] = []
    seen: set[int] = set()
    widget = top.nextInFocusChain()
    for _step in range(5000):
        if widget is top and chain:
            break
        if id(widget) in seen:
            break
        seen.add(id(widget))
        if tab_stop(widget) and (widget is within or within.isAncestorOf(widget)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _reads_before(a: QWidget, b: QWidget) -> bool:
    """a comes before b when read top to bottom, left to right (rows within ROW_SLACK)."""
    ra, rb = _rect(a), _rect(b)
    if abs(ra.top() - rb.top()) <= ROW_SLACK:
        return ra.left() <= rb.left()
    return ra.top() < rb.top()


def _form_of(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None and isinstance(parent, QDialogButtonBox):
        parent = parent.parentWidget()
    return parent


def chain_problems(top: QWidget, where: str, within: QWidget | None = None) -> list[str]:
    """What is wrong with the Tab chain of a dialog or editor; [] if nothing."""
    within = within or top
    chain = tab_chain(top, within)
    problems: list[str] = []
    expected = [w for w in [within, *within.findChildren(QWidget)] if tab_stop(w)]
    missed = [w for w in expected if w not in chain]
    problems += [f"{where}: Tab never reaches {describe(w)}" for w in missed]
    if not chain:
        return [*problems, f"{where}: nothing to Tab to"]
    # Controls sharing a parent (one form, one row of buttons) are visited in reading order;
    # an editor's Close button may come last wherever it sits, as a dialog's does.
    for a, b in zip(chain, chain[1:], strict=False):
        closes_last = b is chain[-1] and isinstance(b, QPushButton)
        if _form_of(a) is _form_of(b) and not _reads_before(a, b) and not closes_last:
            problems.append(f"{where}: Tab goes back from {describe(a)} to {describe(b)}")
    # A dialog's OK / Close / Cancel buttons come last.
    boxes = [box for box in within.findChildren(QDialogButtonBox) if box.isVisible()]
    closing = [
        w
        for box in boxes
        for w in box.buttons()
        if tab_stop(w)
        and box.buttonRole(w)
        in (
            QDialogButtonBox.ButtonRole.AcceptRole,
            QDialogButtonBox.ButtonRole.RejectRole,
            QDialogButtonBox.ButtonRole.DestructiveRole,
            QDialogButtonBox.ButtonRole.YesRole,
            QDialogButtonBox.ButtonRole.NoRole,
        )
    ]
    if closing and isinstance(within, QDialog):
        tail = chain[-len(closing) :]
        if set(map(id, tail)) != set(map(id, closing)):
            problems.append(
                f"{where}: the dialog's buttons are not last; Tab ends on "
                + ", ".join(describe(w) for w in tail)
            )
    return problems


# --- the tour --------------------------------------------------------------------------------


def _open_dialogs(qtbot: QtBot, window: MainWindow, look: Look) -> Iterator[str]:
    """Opens each of the main dialogs in turn, has it looked at and closes it."""
    for name, look_at in (
        ("settings", look_at_settings),
        ("report", look_at_agenda),
        ("drafts", look_at_drafts),
        ("backups", look_at_backups),
        ("search", look_at_search),
        ("first run", look_at_first_run),
    ):
        look_at(qtbot, window, look)
        yield name


@pytest.fixture
def window(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> Iterator[MainWindow]:
    with main_window(qtbot, sample_workspace, settings, now) as main:
        yield main


def _open_action_item(qtbot: QtBot, window: MainWindow) -> ActionItemsController:
    """The Action items section with its first item open in the editor."""
    items = go(qtbot, window, "Action items")
    assert isinstance(items, ActionItemsController)
    items.view.table.selectRow(0)
    items.view.open_button.click()
    qtbot.waitUntil(items.view.editor.isVisible, timeout=TIMEOUT_MS)
    settle(qtbot, lambda: main_controller(window).runner.busy)
    return items


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = Findings()
    modal = ModalCatcher(findings.check_names)
    modal.install(monkeypatch)
    look_at_sections(qtbot, window, findings.check_names)
    _open_action_item(qtbot, window)
    findings.check_names(window, "Action items, editor open")
    look_at_generated_report(qtbot, window, findings.check_names)

    opened = list(_open_dialogs(qtbot, window, findings.check_names))
    assert len(opened) == 6
    open_modals(qtbot, window, modal.seen, MODAL_OPENERS)

    assert findings.checked > 300, "too few controls looked at: the tour did not happen"
    assert not findings.problems, findings.report("focusable widgets a screen reader can't name")


def test_tab_goes_through_every_dialog_and_editor_in_reading_order(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems: list[str] = []
    looked: list[str] = []

    def look(top: QWidget, where: str) -> None:
        looked.append(where)
        problems.extend(chain_problems(top, where))

    modal = ModalCatcher(look)
    modal.install(monkeypatch)
    list(_open_dialogs(qtbot, window, look))
    open_modals(qtbot, window, modal.seen, MODAL_OPENERS)

    # The editors that sit in a section: the meeting editor, the action-item editor.
    meetings = go(qtbot, window, "Meetings")
    assert isinstance(meetings, MeetingsController)
    problems.extend(chain_problems(window, "meeting editor", meetings.view.editor))
    items = _open_action_item(qtbot, window)
    problems.extend(chain_problems(window, "action-item editor", items.view.editor))
    assert len(looked) > 10
    assert not problems, f"{len(problems)} Tab chain problems:\n  " + "\n  ".join(problems)


# --- focus shows -----------------------------------------------------------------------------


def tab_through(qtbot: QtBot, top: QWidget, within: QWidget, where: str) -> list[str]:
    """Presses Tab round `top` from its first control; fails on each control in `within` that
    the key never reaches or that looks the same focused as unfocused."""
    top.activateWindow()
    chain = tab_chain(top, within)
    assert chain, f"{where}: nothing to Tab to"
    start = tab_chain(top)[0]
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=TIMEOUT_MS)
    focused: dict[int, QImage] = {id(start): QImage()}  # until Tab comes round to it
    unfocused: dict[int, QImage] = {}
    reached: list[QWidget] = []
    stuck = 0
    for _press in range(2 * len(tab_chain(top)) + 8):
        before = QApplication.focusWidget()
        assert before is not None, f"{where}: focus left the window"
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        assert now is not None, f"{where}: focus left the window after {describe(before)}"
        if now is before:
            # A date and time box takes Tab from one part to the next (as many as its format
            # has: "ddd M/d/yyyy h:mm AP" has seven), then lets go.
            stuck += 1
            parts = before.sectionCount() if isinstance(before, QDateTimeEdit) else 1
            assert stuck < parts, f"{where}: Tab stays on {describe(before)}"
            continue
        stuck = 0
        unfocused.setdefault(id(before), before.grab().toImage())
        if now is start:
            focused[id(start)] = start.grab().toImage()
            reached.append(start)
            break
        if id(now) not in focused:
            focused[id(now)] = now.grab().toImage()
            reached.append(now)
    problems = [
        f"{where}: Tab never reaches {describe(w)}"
        for w in chain
        if w not in reached and not _reached_by_arrows(qtbot, w, reached)
    ]
    problems += [
        f"{where}: focus does not show on {describe(w)}"
        for w in chain
        if w in reached and focused[id(w)] == unfocused.get(id(w))
    ]
    return problems


def _reached_by_arrows(qtbot: QtBot, widget: QWidget, reached: list[QWidget]) -> bool:
    """Tab stops at the checked button of an exclusive group (as at a radio button); the
    arrow keys move from it to the others."""
    if not isinstance(widget, QAbstractButton) or not widget.isCheckable():
        return False
    group = widget.group()
    if group is None or not group.exclusive():
        return False
    checked = group.checkedButton()
    if checked is None or checked not in reached:
        return False
    checked.setFocus(Qt.FocusReason.TabFocusReason)
    for _press in range(len(group.buttons())):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        if widget.hasFocus():
            return True
    return False


def test_focus_shows_on_every_control_tabbed_to(qtbot: QtBot, window: MainWindow) -> None:
    controller = main_controller(window)
    problems = tab_through(qtbot, window, window.sidebar, "sidebar")
    for section in ("People", "Meetings", "Goals & measures"):
        view = go(qtbot, window, section).view  # type: ignore[attr-defined]
        problems += tab_through(qtbot, window, view, section)
    items = _open_action_item(qtbot, window)
    problems += tab_through(qtbot, window, items.view, "Action items")

    controller.settings_action.trigger()
    dialog = controller.settings_dialog
    assert dialog is not None
    settle(qtbot, lambda: controller.runner.busy or dialog.busy)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    problems += tab_through(qtbot, dialog, dialog, "settings dialog")
    kinds = {type(w) for w in dialog.findChildren(QWidget) if tab_stop(w)}
    assert {QLineEdit, QPushButton} <= kinds
    dialog.reject()
    assert not problems, f"{len(problems)} focus problems:\n  " + "\n  ".join(problems)
