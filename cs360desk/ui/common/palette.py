"""The app's semantic colours in one place: each status and warning as ink on paper, for the
palette the windows are drawn with: light, dark, or the system's high contrast.

Colour only ever helps the eye: every state is also said by a word or a symbol ("✓ OK",
"⚠ Overdue", "⚠ Error"). The pairs meet WCAG 2.1: text 4.5:1 on its background (1.4.3),
borders and chart lines 3:1 on the window (1.4.11, non-text contrast). Colours drawn straight
on the palette's window or base are checked against the palette in use and fall back to its
own text colour when an unusual theme would make them hard to read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette, QPen

if TYPE_CHECKING:  # QtCharts loads with the sections that draw charts, not at start
    from PySide6.QtCharts import QChart

TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3, normal-size text
NON_TEXT_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11, borders, lines and bars
DARK_LIGHTNESS = 128  # a window or base colour darker than this is a dark palette


class Tone(Enum):
    OK = "ok"
    WATCH = "watch"
    ALERT = "alert"
    NOTICE = "notice"  # the banner over the sections
    ERROR = "error"  # a value that was refused: its message, its field's border
    OVERDUE = "overdue"  # an action item past its due date


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class Swatch:
    """One tone: `ink` is read on `paper` (a badge, a tinted cell); `edge` borders it; `bare`
    is the tone's text drawn straight on the palette's window or base (an error message)."""

    ink: str
    paper: str
    edge: str
    bare: str


@dataclass(frozen=True)
class ChartColours:
    """Series colours on the chart's background (the palette's base); `bar_label` is read on
    `bar`."""

    values: str
    baseline: str
    target: str
    bar: str
    bar_label: str


LIGHT: Mapping[Tone, Swatch] = {
    Tone.OK: Swatch(ink="#1e4620", paper="#e6f4ea", edge="#2e7d32", bare="#1b5e20"),
    Tone.WATCH: Swatch(ink="#5c3b00", paper="#fff1d6", edge="#b36b00", bare="#8a5300"),
    Tone.ALERT: Swatch(ink="#7f1d1d", paper="#fde7e7", edge="#c62828", bare="#b3261e"),
    Tone.NOTICE: Swatch(ink="#4a3b00", paper="#fff4ce", edge="#8a6d00", bare="#6b5500"),
    Tone.ERROR: Swatch(ink="#7f1d1d", paper="#fde7e7", edge="#b3261e", bare="#b3261e"),
    Tone.OVERDUE: Swatch(ink="#8c1d18", paper="#fbe9e7", edge="#b3261e", bare="#b3261e"),
}
DARK: Mapping[Tone, Swatch] = {
    Tone.OK: Swatch(ink="#c4eed0", paper="#1e3a26", edge="#5cb870", bare="#7fd08f"),
    Tone.WATCH: Swatch(ink="#ffe2a8", paper="#3d2c00", edge="#e0a030", bare="#f0b850"),
    Tone.ALERT: Swatch(ink="#ffd7d4", paper="#4a2323", edge="#ef6b62", bare="#ffb4ab"),
    Tone.NOTICE: Swatch(ink="#ffe8a3", paper="#3a3000", edge="#c9a93e", bare="#ffe08a"),
    Tone.ERROR: Swatch(ink="#ffd7d4", paper="#4a2323", edge="#ff8a80", bare="#ffb4ab"),
    Tone.OVERDUE: Swatch(ink="#ffb4ab", paper="#4a2323", edge="#ff8a80", bare="#ffb4ab"),
}
LIGHT_CHART = ChartColours(
    values="#3b6ea5", baseline="#6b6b6b", target="#2e7d32", bar="#3b6ea5", bar_label="#ffffff"
)
DARK_CHART = ChartColours(
    values="#8ab4f8", baseline="#a0a0a0", target="#81c995", bar="#8ab4f8", bar_label="#10233d"
)


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    colour = QColor(colour)

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = linear(colour.red()), linear(colour.green()), linear(colour.blue())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    """WCAG 2.1's contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def high_contrast() -> bool:
    """Whether the system asks for high contrast (Windows' contrast themes, macOS' Increase
    contrast); Qt says so from 6.10 on."""
    hints = QGuiApplication.styleHints()
    accessibility = hints.accessibility() if hints is not None else None
    if accessibility is None:
        return False
    return bool(accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast)


def is_dark(palette: QPalette) -> bool:
    window = palette.color(QPalette.ColorRole.Window).lightness()
    base = palette.color(QPalette.ColorRole.Base).lightness()
    return min(window, base) < DARK_LIGHTNESS


@dataclass(frozen=True)
class Colours:
    """The semantic colours for one palette; `Colours.css` gives style sheet values."""

    scheme: Scheme
    tones: Mapping[Tone, Swatch]
    chart: ChartColours

    def __getitem__(self, tone: Tone) -> Swatch:
        return self.tones[tone]

    @property
    def high_contrast(self) -> bool:
        return self.scheme is Scheme.HIGH_CONTRAST


# In high contrast the palette's own roles, by their style sheet names.
_CONTRAST_ROLES = Swatch(
    ink="palette(text)", paper="palette(base)", edge="palette(text)", bare="palette(window-text)"
)


def css(colours: Colours, tone: Tone, part: str) -> str:
    """A swatch's colour for a style sheet: `part` is "ink", "paper", "edge" or "bare". In high
    contrast the palette's role itself, so the sheet draws exactly what the system asks."""
    swatch = _CONTRAST_ROLES if colours.high_contrast else colours[tone]
    return str(getattr(swatch, part))


def _legible(colour: str, backgrounds: Iterable[QColor], minimum: float, fallback: QColor) -> str:
    """`colour` if it reads on every background; else the palette's text colour; else black or
    white, whichever reads better."""
    grounds = list(backgrounds)

    def worst(candidate: str) -> float:
        return min(contrast_ratio(candidate, ground) for ground in grounds)

    for candidate in (colour, fallback.name()):
        if worst(candidate) >= minimum:
            return candidate
    return max(("#000000", "#ffffff"), key=worst)


def _checked(swatch: Swatch, palette: QPalette) -> Swatch:
    """Bare text and edges kept legible on this palette's window and base, whatever the theme."""
    grounds = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.WindowText)
    return Swatch(
        ink=swatch.ink,
        paper=swatch.paper,
        edge=_legible(swatch.edge, grounds, NON_TEXT_CONTRAST, text),
        bare=_legible(swatch.bare, grounds, TEXT_CONTRAST, text),
    )


def _checked_chart(chart: ChartColours, palette: QPalette) -> ChartColours:
    base = (palette.color(QPalette.ColorRole.Base),)
    text = palette.color(QPalette.ColorRole.Text)
    return ChartColours(
        values=_legible(chart.values, base, NON_TEXT_CONTRAST, text),
        baseline=_legible(chart.baseline, base, NON_TEXT_CONTRAST, text),
        target=_legible(chart.target, base, NON_TEXT_CONTRAST, text),
        bar=_legible(chart.bar, base, NON_TEXT_CONTRAST, text),
        bar_label=chart.bar_label,
    )


def _contrast_set(palette: QPalette) -> Colours:
    """High contrast: the palette's own text, base and highlight; no tints of our own."""
    text = palette.color(QPalette.ColorRole.Text).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    window_text = palette.color(QPalette.ColorRole.WindowText).name()
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    swatch = Swatch(ink=text, paper=base, edge=text, bare=window_text)
    chart = ChartColours(
        values=highlight,
        baseline=text,
        target=text,
        bar=highlight,
        bar_label=palette.color(QPalette.ColorRole.HighlightedText).name(),
    )
    return Colours(Scheme.HIGH_CONTRAST, {tone: swatch for tone in Tone}, chart)


def app_colours(palette: QPalette | None = None) -> Colours:
    """The semantic colours for `palette` (the application's when not given)."""
    palette = QGuiApplication.palette() if palette is None else palette
    if high_contrast():
        return _contrast_set(palette)
    dark = is_dark(palette)
    tones = DARK if dark else LIGHT
    chart = DARK_CHART if dark else LIGHT_CHART
    return Colours(
        Scheme.DARK if dark else Scheme.LIGHT,
        {tone: _checked(swatch, palette) for tone, swatch in tones.items()},
        _checked_chart(chart, palette),
    )


def chart_in_palette(chart: QChart, palette: QPalette | None = None) -> None:
    """A chart's background, titles, legend and axes in the palette's own colours (a chart's
    default theme is always light); call it once its axes are added."""
    palette = QGuiApplication.palette() if palette is None else palette
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    grid = palette.color(QPalette.ColorRole.Mid)
    chart.setBackgroundBrush(QBrush(base))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setTitleBrush(QBrush(text))
        axis.setLinePen(QPen(grid))
        axis.setGridLineColor(grid)
