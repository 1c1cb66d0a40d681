"""The app's small style sheet and the colours and words that carry each momentum level."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from cs360desk.domain.enums import NC_
from cs360desk.domain.momentum import Level
from cs360desk.i18n import pgettext
from cs360desk.ui.common.palette import Colours, Tone, app_colours, css

# A level is always told by a word and a symbol too, never by colour alone. The words are
# marked with NC_(): `level_word` translates them.
# In context: the level's "OK" is not the button's ("Aceptar"), it says all is well.
LEVEL_WORDS: dict[Level, tuple[str, str]] = {
    Level.OK: NC_("momentum level", "OK"),
    Level.WATCH: NC_("momentum level", "Watch"),
    Level.ALERT: NC_("momentum level", "Needs attention"),
}
LEVEL_SYMBOLS: dict[Level, str] = {Level.OK: "✓", Level.WATCH: "●", Level.ALERT: "▲"}

# Each level's colours are the palette module's tone of the same name.
LEVEL_TONES: dict[Level, Tone] = {
    Level.OK: Tone.OK,
    Level.WATCH: Tone.WATCH,
    Level.ALERT: Tone.ALERT,
}


def level_word(level: Level) -> str:
    return pgettext(*LEVEL_WORDS[level])


def level_text(level: Level) -> str:
    return f"{LEVEL_SYMBOLS[level]} {level_word(level)}"


def _level_rules(colours: Colours) -> str:
    rules = []
    for level, tone in LEVEL_TONES.items():
        edge, paper, ink = (css(colours, tone, part) for part in ("edge", "paper", "ink"))
        rules.append(f'QFrame#SignalCard[level="{level.value}"] {{ border-left-color: {edge}; }}')
        rules.append(
            f'QLabel#LevelBadge[level="{level.value}"] {{ background: {paper}; color: {ink}; }}'
        )
    if colours.high_contrast:  # no tints: a frame and the word, in the system's own colours
        rules.append("QLabel#LevelBadge { border: 2px solid palette(text); font-weight: bold; }")
    return "\n".join(rules)


def semantic_rules(colours: Colours | None = None) -> str:
    """The rules that colour a state (levels, the banner, refused values), for the palette in
    use: dark tints on a dark window, the system's own roles in high contrast."""
    colours = app_colours() if colours is None else colours
    notice = {part: css(colours, Tone.NOTICE, part) for part in ("ink", "paper", "edge")}
    error, error_edge = css(colours, Tone.ERROR, "bare"), css(colours, Tone.ERROR, "edge")
    weight = " font-weight: bold;" if colours.high_contrast else ""
    return "\n".join(
        (
            f"QLabel#Banner {{ background: {notice['paper']}; color: {notice['ink']}; "
            f"border-bottom: 1px solid {notice['edge']}; }}",
            f"QLabel#FieldError {{ color: {error};{weight} }}",
            f'QLineEdit[invalid="true"] {{ border: 1px solid {error_edge}; }}',
            _level_rules(colours),
        )
    )


def style_sheet(colours: Colours | None = None) -> str:
    """The app's style sheet for the palette in use: apply it with `apply_style`."""
    return STYLE_SHEET + semantic_rules(colours)


class _Restyler(QObject):
    """Sets a widget's style sheet again when the system's palette or theme changes."""

    def __init__(self, widget: QWidget, build: Callable[[], str]) -> None:
        super().__init__(widget)
        self._build = build
        widget.installEventFilter(self)
        widget.setStyleSheet(build())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS and isinstance(watched, QWidget):
            sheet = self._build()
            if watched.styleSheet() != sheet:
                watched.setStyleSheet(sheet)
        return False


_PALETTE_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.ThemeChange)


def apply_style(widget: QWidget, *parts: str | Callable[[], str]) -> None:
    """The app's style sheet (and `parts`, strings or functions giving them) on `widget`, made
    again from the palette whenever the system switches between light, dark and high contrast."""

    def build() -> str:
        return style_sheet() + "".join(part() if callable(part) else part for part in parts)

    follow_palette(widget, build)


def follow_palette(widget: QWidget, build: Callable[[], str]) -> None:
    """`widget`'s style sheet from `build()`, now and after each palette or theme change."""
    _Restyler(widget, build)


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
QLabel#Banner { padding: 8px 14px; }
QTableView { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }
QTableView::item { padding: 0 8px; }
QTableView QHeaderView::section {
    background: palette(window);
    border: none;
    border-bottom: 1px solid palette(mid);
    padding: 6px 20px 6px 8px;
    font-weight: 600;
}
QLineEdit[invalid="true"] { border-radius: 3px; padding: 2px; }
/* Focus always shows, after a click too: 2 px in the highlight colour on buttons, lists,
   tables and charts (inputs show it themselves; an invalid one keeps its red, thicker). */
QPushButton:focus, QToolButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }
QGraphicsView { border: 1px solid palette(mid); }  /* a chart: needed for its :focus */
QAbstractItemView:focus, QGraphicsView:focus { border: 2px solid palette(highlight); }
QListWidget#Sidebar::item:selected:focus { border: 2px solid palette(highlighted-text); }
QLineEdit[invalid="true"]:focus { border-width: 2px; padding: 1px; }
"""  # palette-independent rules: the colours are added by `style_sheet()`


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's own font, larger or smaller, so the user's font size setting is honoured."""
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font
