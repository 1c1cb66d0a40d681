"""Reading every text a window shows and telling which ones never went through `_()`.

Used by test_pseudo_locale.py: the app runs in the pseudo-language en_XA, where each
translated string reads "[Ṁééţîñĝš]"; any other text with Latin letters in it must be user
data, a product or language name, a time zone or a date, or it was never wrapped.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import get_day_names, get_month_names, get_period_names
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)
from sqlalchemy import MetaData, String, Text, select
from sqlalchemy.engine import Engine

from cs360desk.i18n.pseudo import CLOSE, OPEN
from tests.ui.tour_support import inside_calendar

# Named as they are in every language (the brief's allow-list; keep it short).
PRODUCT_NAMES = ("CS360 Desk", "CS360", "SARA", "Excel", "PDF")
LANGUAGE_NAMES = ("English", "Español")
# Key sequences as Qt writes them (its own words, translated by qtbase): "Ctrl+N", "F5".
KEYS = r"(?<!\w)(?:(?:Ctrl|Shift|Alt|Meta)\+)+[^\s()]+|(?<!\w)F\d{1,2}(?!\w)"
WORD = re.compile(r"\w+")
EDGES = " \t\n·•,;:.()[]—–-0123456789%"
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Codes stored in the workspace (enum values, keys): never shown as they are.
CODE = re.compile(r"^[a-z0-9_.\-]*$")
TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9]*)[^<>]*>")
ROWS_READ = 60  # rows of each list or table read for its cells


def sample_strings(engine: Engine) -> set[str]:
    """Every text value of every table of the workspace: the user data a screen may show."""
    metadata = MetaData()
    metadata.reflect(engine)
    found: set[str] = set()
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in connection.execute(select(*columns)):
                for value in row:
                    if isinstance(value, str):
                        found.update(_data_forms(value))
    return found


def _data_forms(value: str) -> Iterator[str]:
    """The value, and its lines: a note shown on one line or cut after its first line."""
    for text in (value, *value.splitlines()):
        text = text.strip()
        if len(text) >= 2 and LATIN.search(text) and not CODE.match(text):
            yield text


def babel_date_words(locale: str = "en_US") -> set[str]:
    """Month and day names and AM/PM, as Babel writes dates in the pseudo-language's locale."""
    words: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            words.update(get_month_names(width, context, locale).values())
            words.update(get_day_names(width, context, locale).values())
        words.update(get_period_names(width, "format", locale).values())
    return {word for word in words if len(word) >= 2}


def strip_pseudo(text: str) -> str:
    """The text without its pseudo-translated parts, "[...]" (nested ones with them)."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept) if depth == 0 else text


@dataclass
class Judge:
    """Decides whether a shown text is fine: pseudo-translated, data, or no words at all."""

    data: set[str]
    extra_words: Iterable[str] = ()
    paths: Iterable[Path] = ()
    _pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        # A one-word value ("Place", "Youth") counts only as the whole text, so that it
        # cannot excuse the same word left unwrapped inside a sentence of the app's own.
        self._words = {value for value in self.data if WORD.fullmatch(value)}
        names = {
            *(self.data - self._words),
            *PRODUCT_NAMES,
            *LANGUAGE_NAMES,
            *babel_date_words(),
            *zoneinfo.available_timezones(),
            *self.extra_words,
        }
        # Longest first, so a name is taken whole before any shorter name inside it.
        alternatives = [re.escape(name) for name in sorted(names, key=len, reverse=True)]
        prefixes = [re.escape(str(path)) + r"\S*" for path in self.paths]
        self._pattern = re.compile(
            "|".join([KEYS, *prefixes, *(rf"(?<!\w){a}(?!\w)" for a in alternatives)])
        )

    def leftover(self, text: str) -> str:
        """What is left once pseudo parts, data and allowed names are taken out; "" if fine."""
        text = text.replace("&&", "&")
        if not LATIN.search(text):
            return ""
        rest = strip_pseudo(text)
        if not LATIN.search(rest) or rest.strip(EDGES) in self._words:
            return ""
        rest = self._pattern.sub(" ", rest)
        return rest.strip() if LATIN.search(rest) else ""

    def fine(self, text: str) -> bool:
        return not self.leftover(text)


@dataclass(frozen=True)
class Shown:
    """One text on screen and where: the widget's class, objectName and what the text is."""

    where: str
    kind: str
    text: str


def describe(widget: QWidget) -> str:
    """Class#objectName of the widget and of its nearest named ancestors, to find it by."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 3:
        name = current.objectName()
        if current is widget or (name and not name.startswith("qt_")):
            parts.append(f"{type(current).__name__}#{name}" if name else type(current).__name__)
        current = current.parentWidget()
    return " < ".join(parts)


def _plain(text: str) -> str:
    if TAG.search(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _qt_own(widget: QWidget) -> bool:
    """Widgets whose texts Qt writes itself (qtbase translates them, not our catalog)."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    if isinstance(parent, QTabBar) and isinstance(widget, QToolButton):
        return True  # "Scroll Left", "Scroll Right"
    if isinstance(parent, QDialogButtonBox) and isinstance(widget, QAbstractButton):
        return parent.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    return inside_calendar(widget)


def _action_texts(action: QAction, where: str) -> Iterator[Shown]:
    if action.isSeparator() or not action.isVisible():
        return
    yield Shown(where, "action text", action.text())
    tip = action.toolTip()
    if tip and tip.replace("&", "") != action.text().replace("&", ""):
        yield Shown(where, "action tooltip", tip)
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            yield from _action_texts(inner, f"{where} > {menu.title() or 'QMenu'}")


def _model_texts(view: QAbstractItemView, where: str) -> Iterator[Shown]:
    model = view.model()
    if not isinstance(model, QAbstractItemModel):
        return
    root = view.rootIndex()
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    header_view = header() if callable(header) else None
    if isinstance(view, QListView):
        visible = [view.modelColumn()]
    else:
        visible = [
            column
            for column in range(model.columnCount(root))
            if not (isinstance(header_view, QHeaderView) and header_view.isSectionHidden(column))
        ]
    if isinstance(header_view, QHeaderView) and header_view.isVisible():
        for column in visible:
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "header"),
                (Qt.ItemDataRole.ToolTipRole, "header tooltip"),
            ):
                value = model.headerData(column, Qt.Orientation.Horizontal, role)
                if isinstance(value, str) and value:
                    yield Shown(where, kind, value)
    for row in range(min(model.rowCount(root), ROWS_READ)):
        for column in visible:
            index = model.index(row, column, root)
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
            ):
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield Shown(where, kind, value)


def widget_texts(widget: QWidget) -> Iterator[Shown]:
    """The user-visible texts of one widget (not of its children)."""
    where = describe(widget)
    if widget.isWindow() and widget.windowTitle():
        yield Shown(where, "window title", widget.windowTitle())
    if widget.toolTip():
        yield Shown(where, "tooltip", _plain(widget.toolTip()))
    if widget.accessibleName():
        yield Shown(where, "accessible name", widget.accessibleName())
    if widget.accessibleDescription():
        yield Shown(where, "accessible description", widget.accessibleDescription())
    if isinstance(widget, QLabel) and widget.text():
        yield Shown(where, "label", _plain(widget.text()))
    elif isinstance(widget, QAbstractButton) and widget.text():
        yield Shown(where, "button", widget.text())
    elif isinstance(widget, QGroupBox) and widget.title():
        yield Shown(where, "group title", widget.title())
    elif isinstance(widget, QLineEdit) and widget.placeholderText():
        yield Shown(where, "placeholder", widget.placeholderText())
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        if widget.placeholderText():
            yield Shown(where, "placeholder", widget.placeholderText())
        if widget.isReadOnly():
            for line in widget.toPlainText().splitlines():
                if line.strip():
                    yield Shown(where, "read-only text", line.strip())
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield Shown(where, "combo item", widget.itemText(index))
    elif isinstance(widget, QTabWidget | QTabBar):
        for index in range(widget.count()):
            yield Shown(where, "tab", widget.tabText(index))
            if widget.tabToolTip(index):
                yield Shown(where, "tab tooltip", widget.tabToolTip(index))
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _model_texts(widget, where)
    elif isinstance(widget, QStatusBar) and widget.currentMessage():
        yield Shown(where, "status", widget.currentMessage())
    if isinstance(widget, QAbstractSpinBox):
        if widget.specialValueText():
            yield Shown(where, "special value", widget.specialValueText())
        if isinstance(widget, QSpinBox):
            for kind, text in (("prefix", widget.prefix()), ("suffix", widget.suffix())):
                if text.strip():
                    yield Shown(where, kind, text)
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield from _action_texts(action, f"{where} > menu bar")
    elif not isinstance(widget, QMenu):
        for action in widget.actions():
            yield from _action_texts(action, f"{where} > action")


def visible_texts(top: QWidget) -> Iterator[Shown]:
    """Every text shown by `top` and its visible children."""
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.isVisible() and not _qt_own(widget):
            yield from widget_texts(widget)


@dataclass
class Offences:
    """The texts that failed, each with every place it was seen, in the order found."""

    judge: Judge
    found: dict[str, list[str]] = field(default_factory=dict)
    read: int = 0

    def check(self, top: QWidget, context: str) -> None:
        for shown in visible_texts(top):
            self.read += 1
            if not self.judge.fine(shown.text):
                places = self.found.setdefault(shown.text, [])
                place = f"{context}: {shown.where} ({shown.kind})"
                if place not in places:
                    places.append(place)

    def report(self) -> str:
        lines = [f"{len(self.found)} shown texts are not pseudo-translated (never wrapped?):"]
        for text, places in self.found.items():
            lines.append(f"  {text!r}")
            lines.extend(f"      at {place}" for place in places[:4])
            if len(places) > 4:
                lines.append(f"      … and {len(places) - 4} more places")
        return "\n".join(lines)
