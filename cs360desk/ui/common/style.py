"""The app's small style sheet and the colours and words that carry each momentum level."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from cs360desk.domain.momentum import Level

# A level is always told by a word and a symbol too, never by colour alone.
LEVEL_WORDS: dict[Level, str] = {
    Level.OK: "OK",
    Level.WATCH: "Watch",
    Level.ALERT: "Needs attention",
}
LEVEL_SYMBOLS: dict[Level, str] = {Level.OK: "✓", Level.WATCH: "●", Level.ALERT: "▲"}

_EDGE = {Level.OK: "#2e7d32", Level.WATCH: "#c77700", Level.ALERT: "#c62828"}
# Dark text on a pale tint: readable in light and dark themes alike.
_BADGE = {
    Level.OK: ("#e6f4ea", "#1e4620"),
    Level.WATCH: ("#fff1d6", "#5c3b00"),
    Level.ALERT: ("#fde7e7", "#7f1d1d"),
}


def level_text(level: Level) -> str:
    return f"{LEVEL_SYMBOLS[level]} {LEVEL_WORDS[level]}"


def _level_rules() -> str:
    rules = []
    for level, edge in _EDGE.items():
        background, text = _BADGE[level]
        rules.append(f'QFrame#SignalCard[level="{level.value}"] {{ border-left-color: {edge}; }}')
        rules.append(
            f'QLabel#LevelBadge[level="{level.value}"] '
            f"{{ background: {background}; color: {text}; }}"
        )
    return "\n".join(rules)


STYLE_SHEET = """
QFrame#SignalCard {
    background: palette(base);
    border: 1px solid palette(mid);
    border-left: 6px solid palette(mid);
    border-radius: 3px;
}
QLabel#LevelBadge { border-radius: 10px; padding: 2px 10px; font-weight: 600; }
QListWidget#Sidebar {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(base);
    padding-top: 8px;
    outline: 0; /* the selected row already shows focus; no dotted box inside it */
}
QListWidget#Sidebar::item { padding: 8px 14px; border-radius: 4px; margin: 1px 6px; }
QListWidget#Sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QScrollArea#DashboardScroll { border: none; }
QLabel#Banner { background: #fff4ce; color: #4a3b00; padding: 8px 14px;
    border-bottom: 1px solid #e0c97a; }
QTableView { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }
QTableView::item { padding: 0 8px; }
QTableView QHeaderView::section {
    background: palette(window);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 6px 20px 6px 8px;
    font-weight: 600;
}
QLabel#FieldError { color: #b3261e; }
QLineEdit[invalid="true"] { border: 1px solid #b3261e; border-radius: 3px; padding: 2px; }
""" + _level_rules()


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's own font, larger or smaller, so the user's font size setting is honoured."""
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font
