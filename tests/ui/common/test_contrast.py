"""The app's status and warning colours: WCAG 2.1 contrast in light and dark palettes, a dark
palette followed when the application gets one, the system's own roles in high contrast, and
no hard-coded colour left outside the palette module.

Thresholds: 4.5:1 for every text (SC 1.4.3; the app's badges, counters and error texts are
normal-size, so the 3:1 large-text allowance is not used); 3:1 for borders, chart lines and
bars, which are not text (SC 1.4.11, non-text contrast).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSet
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cs360desk.domain.tracker import RowOutcome, RowStatus
from cs360desk.ui.action_items.model import overdue_colours
from cs360desk.ui.common import palette as palette_module
from cs360desk.ui.common.palette import (
    DARK,
    DARK_CHART,
    LIGHT,
    LIGHT_CHART,
    NON_TEXT_CONTRAST,
    TEXT_CONTRAST,
    ChartColours,
    Scheme,
    Swatch,
    Tone,
    app_colours,
    contrast_ratio,
)
from cs360desk.ui.common.style import apply_style, semantic_rules, style_sheet
from cs360desk.ui.community.drafts_view import drafts_style
from cs360desk.ui.community.models import ThemeChart
from cs360desk.ui.goals.chart import MeasureChart
from cs360desk.ui.meetings.tables import invalid_rules
from cs360desk.ui.tracker.preview_model import ImportPreviewModel

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parents[3] / "cs360desk" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
Role = QPalette.ColorRole
# The windows and bases of common systems' themes the colours must read on.
LIGHT_GROUNDS = ("#efefef", "#ececec", "#f0f0f0", "#fafafa", "#ffffff")
DARK_GROUNDS = ("#1e1e1e", "#191919", "#202020", "#242424", "#2a2a2a", "#2d2d2d", "#323232")
DARK_GROUNDS += ("#353535",)  # Qt's own dark Fusion example


def make_palette(window: str, base: str, text: str) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (Role.Window, window),
        (Role.Base, base),
        (Role.AlternateBase, base),
        (Role.Button, window),
        (Role.Text, text),
        (Role.WindowText, text),
        (Role.ButtonText, text),
        (Role.Mid, "#6b6b6b" if QColor(window).lightness() < 128 else "#b8b8b8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


DARK_PALETTE = ("#2d2d2d", "#1e1e1e", "#e8e8e8")
LIGHT_PALETTE = ("#efefef", "#ffffff", "#000000")


@pytest.fixture
def dark_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application with a dark palette, as a system in dark mode gives it."""
    before = QPalette(qapp.palette())
    qapp.setPalette(make_palette(*DARK_PALETTE))
    yield qapp
    qapp.setPalette(before)


# --- the formula --------------------------------------------------------------------------


def test_the_contrast_ratio_is_wcag_2_1s() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#3b6ea5", "#3b6ea5") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the 4.5 grey
    assert contrast_ratio("#777777", "#ffffff") < TEXT_CONTRAST


# --- the colour tables, on the systems' windows -------------------------------------------


def _tables() -> Iterator[tuple[str, dict[Tone, Swatch], ChartColours, tuple[str, ...]]]:
    yield "light", dict(LIGHT), LIGHT_CHART, LIGHT_GROUNDS
    yield "dark", dict(DARK), DARK_CHART, DARK_GROUNDS


@pytest.mark.parametrize(
    ("name", "tones", "chart", "grounds"), list(_tables()), ids=["light", "dark"]
)
def test_every_tone_reads_on_its_paper_and_on_the_window(
    name: str, tones: dict[Tone, Swatch], chart: ChartColours, grounds: tuple[str, ...]
) -> None:
    assert set(tones) == set(Tone)
    for tone, swatch in tones.items():
        assert contrast_ratio(swatch.ink, swatch.paper) >= TEXT_CONTRAST, (name, tone)
        for ground in grounds:
            assert contrast_ratio(swatch.bare, ground) >= TEXT_CONTRAST, (name, tone, ground)
            assert contrast_ratio(swatch.edge, ground) >= NON_TEXT_CONTRAST, (name, tone, ground)
    assert contrast_ratio(chart.bar_label, chart.bar) >= TEXT_CONTRAST
    for ground in grounds:
        for line in (chart.values, chart.baseline, chart.target, chart.bar):
            assert contrast_ratio(line, ground) >= NON_TEXT_CONTRAST, (name, line, ground)


def _rules(sheet: str) -> Iterator[tuple[str, str]]:
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        yield selector.strip(), body


def _declared(body: str, name: str) -> str | None:
    found = re.search(rf"(?:^|[;\s]){name}\s*:\s*([^;]+)", body)
    return found.group(1).strip() if found else None


def _sheets() -> str:
    return style_sheet() + drafts_style() + invalid_rules()


@pytest.mark.parametrize("colours", [LIGHT_PALETTE, DARK_PALETTE], ids=["light", "dark"])
def test_every_coloured_rule_of_the_style_sheets_meets_the_ratio(
    colours: tuple[str, str, str], qapp: QApplication
) -> None:
    before = QPalette(qapp.palette())
    qapp.setPalette(make_palette(*colours))
    try:
        window, base = colours[0], colours[1]
        checked = 0
        for selector, body in _rules(_sheets()):
            ink, paper = _declared(body, "color"), _declared(body, "background")
            if ink and HEX.fullmatch(ink):
                grounds = [paper] if paper and HEX.fullmatch(paper) else [window, base]
                for ground in grounds:
                    assert contrast_ratio(ink, ground) >= TEXT_CONTRAST, (selector, ink, ground)
                checked += 1
            for border in re.findall(r"border[-a-z]*\s*:\s*[^;]*?(#[0-9a-fA-F]{6})", body):
                for ground in (window, base):
                    assert contrast_ratio(border, ground) >= NON_TEXT_CONTRAST, (selector, border)
                checked += 1
        assert checked >= 12  # three badges, three edges, banner, errors, borders, counter
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize("colours", [LIGHT_PALETTE, DARK_PALETTE], ids=["light", "dark"])
def test_the_colours_models_give_their_cells_meet_the_ratio(
    colours: tuple[str, str, str], qapp: QApplication
) -> None:
    palette = make_palette(*colours)
    ink, background = overdue_colours(palette)
    assert contrast_ratio(ink, background) >= TEXT_CONTRAST
    error = app_colours(palette)[Tone.ERROR].bare  # refused cells, import rows in error
    assert contrast_ratio(error, palette.color(Role.Base)) >= TEXT_CONTRAST


@pytest.mark.parametrize("window", ["#9a9a9a", "#777777", "#5a5a5a", "#fff8e0", "#101040"])
def test_an_unusual_theme_falls_back_to_its_own_text_colour(window: str) -> None:
    text = "#000000" if QColor(window).lightness() >= 128 else "#ffffff"
    palette = make_palette(window, window, text)
    colours = app_colours(palette)
    for tone in Tone:
        assert contrast_ratio(colours[tone].bare, window) >= TEXT_CONTRAST, tone
        assert contrast_ratio(colours[tone].edge, window) >= NON_TEXT_CONTRAST, tone


# --- a dark palette is followed -----------------------------------------------------------


def test_a_dark_palette_gives_widgets_the_dark_set(dark_app: QApplication, qtbot) -> None:
    colours = app_colours()
    assert colours.scheme is Scheme.DARK
    assert colours[Tone.OK] == DARK[Tone.OK]
    ink, background = overdue_colours(dark_app.palette())
    assert (ink.name(), background.name()) == (DARK[Tone.OVERDUE].ink, DARK[Tone.OVERDUE].paper)
    sheet = style_sheet()
    assert DARK[Tone.ALERT].paper in sheet and DARK[Tone.NOTICE].paper in sheet
    light_papers = {swatch.paper for swatch in LIGHT.values()}
    assert not [paper for paper in light_papers if paper in sheet]  # no light tint left
    # The import preview's error rows and the refused agenda cells.
    model = ImportPreviewModel()
    model.set_outcomes([RowOutcome("Action items", 3, 5, "Call", RowStatus.ERROR)])
    brush = model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == DARK[Tone.ERROR].bare
    # Charts: the palette's base behind them, the dark series colours on it.
    themes = ThemeChart()
    qtbot.addWidget(themes)
    assert themes.chart().backgroundBrush().color().name() == "#1e1e1e"
    assert themes.series is not None
    bars = themes.series.barSets()[0]
    assert isinstance(bars, QBarSet) and bars.color().name() == DARK_CHART.bar
    measure = MeasureChart()
    qtbot.addWidget(measure)
    assert measure.chart().backgroundBrush().color().name() == "#1e1e1e"


def test_a_styled_widget_follows_a_palette_switch(qapp: QApplication, qtbot) -> None:
    before = QPalette(qapp.palette())
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel("▲ Needs attention", widget)
    label.setObjectName("LevelBadge")
    label.setProperty("level", "alert")
    apply_style(widget)
    assert LIGHT[Tone.ALERT].paper in widget.styleSheet()
    try:
        qapp.setPalette(make_palette(*DARK_PALETTE))
        qapp.processEvents()  # the change reaches widgets as a posted event
        assert DARK[Tone.ALERT].paper in widget.styleSheet()
        assert LIGHT[Tone.ALERT].paper not in widget.styleSheet()
    finally:
        qapp.setPalette(before)
        qapp.processEvents()
    assert LIGHT[Tone.ALERT].paper in widget.styleSheet()


def test_high_contrast_uses_the_systems_own_roles(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(palette_module, "high_contrast", lambda: True)
    palette = make_palette("#000000", "#000000", "#ffff00")
    palette.setColor(Role.Highlight, QColor("#00ffff"))
    colours = app_colours(palette)
    assert colours.scheme is Scheme.HIGH_CONTRAST
    for tone in Tone:
        assert (colours[tone].ink, colours[tone].paper) == ("#ffff00", "#000000")
    rules = semantic_rules(colours)
    assert not HEX.search(rules)  # no colours of our own: palette(text), palette(base)…
    assert "palette(text)" in rules and "font-weight: bold" in rules
    ink, background = overdue_colours(palette)
    assert (ink.name(), background.name()) == ("#ffff00", "#000000")


# --- one place for colours ----------------------------------------------------------------


def test_no_colour_is_hard_coded_outside_the_palette_module() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX.search(line) or re.search(r"QColor\(\s*[\"']", line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
