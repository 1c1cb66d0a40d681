"""Spanish is about a third longer than English: over the sample agency, in Spanish, no
section, tab or main dialog clips a label, a button, a group title, a tab or a table heading.

What fails (each listed with its widget's class and objectName, and the text):
- a visible QLabel without word wrap whose text needs more width than the label has;
- a button (push, tool, check or radio) narrower than its size hint;
- a QGroupBox whose title runs past its right edge;
- a tab narrower than its text needs (Qt elides it, or cuts it);
- a table or tree heading narrower than its text and the sort arrow's room need. Cells hold
  user data, which may elide ("…", the tooltip has it all); headings are our words and may
  not, not even over a column that stretches over what the others leave: at 1280×800 the
  others must leave it room.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontMetrics, Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionGroupBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.i18n import _, ui_language
from cs360desk.ui.shell.main_window import MainWindow
from tests.ui.pseudo_support import describe
from tests.ui.tour_support import inside_calendar, main_window, tour, use_language

pytestmark = pytest.mark.gui
SPANISH = "es"


def _label_need(label: QLabel) -> int:
    """The width the label's text takes in its font, each line on its own."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return int(document.idealWidth() + 0.999)
    flags = Qt.TextFlag.TextShowMnemonic if label.buddy() is not None else 0
    return label.fontMetrics().size(flags, text).width()


def _label_clip(label: QLabel) -> str | None:
    if label.wordWrap() or not label.text().strip() or not label.pixmap().isNull():
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    need = _label_need(label)
    return f"label needs {need}px, has {room}px" if need > room else None


def _button_clip(button: QAbstractButton) -> str | None:
    if not button.text().strip() or isinstance(button.parentWidget(), QTabBar):
        return None
    need, room = button.sizeHint().width(), button.width()
    return f"button needs {need}px, has {room}px" if need > room else None


def _group_clip(box: QGroupBox) -> str | None:
    if not box.title().strip():
        return None
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    title = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    if title.right() <= box.rect().right():
        return None
    return f"group title ends at {title.right()}px, box at {box.rect().right()}px"


def _tab_clips(bar: QTabBar) -> Iterator[tuple[str, str]]:
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        need, room = bar.tabSizeHint(index).width(), bar.tabRect(index).width()
        if need > room:
            yield bar.tabText(index), f"tab needs {need}px, has {room}px"


def _header_clips(header: QHeaderView) -> Iterator[tuple[str, str]]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(title, str) or not title.strip():
            continue
        need, room = header.sectionSizeFromContents(section).width(), header.sectionSize(section)
        if need > room:
            yield title, f"heading needs {need}px, has {room}px"


def clips(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(text, what is wrong) for each text the widget itself clips."""
    problem: str | None = None
    if isinstance(widget, QLabel):
        text, problem = widget.text(), _label_clip(widget)
    elif isinstance(widget, QAbstractButton):
        text, problem = widget.text(), _button_clip(widget)
    elif isinstance(widget, QGroupBox):
        text, problem = widget.title(), _group_clip(widget)
    elif isinstance(widget, QTabBar):
        yield from _tab_clips(widget)
    elif isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QWidget):
        yield from _header_clips(widget)
    if problem is not None:
        yield text, problem


@dataclass
class Clips:
    """Every clipped text, with the places it was seen, in the order found."""

    found: dict[str, list[str]] = field(default_factory=dict)
    read: int = 0

    def check(self, top: QWidget, context: str) -> None:
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible() or inside_calendar(widget):
                continue
            self.read += 1
            for text, problem in clips(widget):
                key = f"{type(widget).__name__}#{widget.objectName()} {text!r}"
                places = self.found.setdefault(key, [])
                place = f"{context}: {describe(widget)}: {problem}"
                if len(places) < 4 and place not in places:
                    places.append(place)

    def report(self) -> str:
        lines = [f"{len(self.found)} texts do not fit in Spanish:"]
        for key, places in self.found.items():
            lines.append(f"  {key}")
            lines.extend(f"      at {place}" for place in places)
        return "\n".join(lines)


@pytest.fixture
def window(
    qtbot: QtBot,
    sample_workspace: Workspace,
    settings: QSettings,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    use_language(monkeypatch, SPANISH)
    with main_window(qtbot, sample_workspace, settings, now) as main:
        assert ui_language() == SPANISH and _("Meetings") == "Reuniones"
        yield main


def test_no_spanish_text_is_clipped(
    qtbot: QtBot,
    window: MainWindow,
    sample_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = Clips()
    tour(qtbot, window, sample_workspace, found.check, monkeypatch)
    assert found.read > 500, "too few widgets read: the window did not show its sections"
    assert not found.found, found.report()


def test_the_checks_see_a_clipped_label_button_heading_and_tab(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QTableView, QTabWidget, QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    label = QLabel("Solicitudes a la jefatura")
    label.setFixedWidth(40)
    button = QPushButton("Programar siguiente reunión")
    button.setFixedWidth(60)
    table = QTableView()
    model = QStandardItemModel(1, 2, table)
    model.setHorizontalHeaderLabels(["Prioridad", "Título"])
    table.setModel(model)
    table.horizontalHeader().resizeSection(0, 30)
    tabs = QTabWidget()
    tabs.setFixedWidth(120)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    tabs.tabBar().setUsesScrollButtons(False)
    for title in ("Consultas y hallazgos", "Recomendaciones"):
        tabs.addTab(QWidget(), title)
    fits = QLabel("Sí")
    for widget in (label, button, table, tabs, fits):
        layout.addWidget(widget)
    top.show()
    QCoreApplication.processEvents()
    found = Clips()
    found.check(top, "test")
    texts = " ".join(found.found)
    for clipped in ("Solicitudes", "Programar", "Prioridad", "Consultas"):
        assert clipped in texts, found.report()
    assert "'Sí'" not in texts and "Título" not in texts, found.report()
    assert QFontMetrics(fits.font()).horizontalAdvance("Sí") <= fits.width()
