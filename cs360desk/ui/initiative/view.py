"""The Initiative page's layout: the stage stepper, the leadership fields, the stage history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.initiative_views import STAGES, StageStep, StepState
from cs360desk.domain.records import StageChangeRecord
from cs360desk.i18n import N_, _, ngettext, pgettext
from cs360desk.ui.common.field_widgets import CHOICE, COUNT, DATE, LINE, TEXT, FieldSpec
from cs360desk.ui.common.formatting import format_date
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import (
    button,
    data_table,
    heading,
    note_label,
    stretch_column,
)
from cs360desk.ui.common.palette import Tone, app_colours, css
from cs360desk.ui.common.record_widgets import PAGE_MARGIN
from cs360desk.ui.common.style import follow_palette, scaled_font
from cs360desk.ui.common.table_models import Column, DtoTableModel

FIELDS = (
    FieldSpec("name", N_("&Name"), LINE),
    FieldSpec("started_on", N_("Started &on"), DATE),
    FieldSpec("champion_id", N_("&Champion"), CHOICE, none_text=N_("(no champion named)")),
    FieldSpec("sponsor_id", N_("Leadership &sponsor"), CHOICE, none_text=N_("(no sponsor named)")),
    FieldSpec(
        "commitment",
        N_("Commi&tment statement"),
        TEXT,
        lines=8,
        placeholder=N_("What the chief and command staff commit to, in their words"),
    ),
)
# The initiative's own update cadence; 0 on the spin box stands for None, the agency's default.
CADENCE_FIELDS = (
    FieldSpec("public_update_days", N_("&Public update every"), COUNT),
    FieldSpec("staff_update_days", N_("Staff &briefing every"), COUNT),
)
CADENCE_HELP = {
    "public_update_days": N_(
        "Days between public updates (social media, website, press) before "
        "the dashboard says one is due. 0 or empty: the agency's default."
    ),
    "staff_update_days": N_(
        "Days between staff briefings before the dashboard says one is due. "
        "0 or empty: the agency's default."
    ),
}
CADENCE_NOTE = N_(
    "How often the dashboard expects each. The agency's default is set in Edit → Settings."
)
MAX_CADENCE_DAYS = 365
AGENCY_DEFAULT = N_("agency default")
_SYMBOLS = {StepState.DONE: "✓", StepState.CURRENT: "●", StepState.AHEAD: "○"}
_STEP_STYLE = """
QFrame#StageStep { border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }
QFrame#StageStep[state="current"] { border: 2px solid palette(highlight); }
QFrame#StageStep[state="ahead"] { background: palette(window); }
QLabel#StepSymbol[state="done"] { color: {done}; }
QLabel#StepSymbol[state="current"] { color: palette(highlight); }
"""


def _step_style() -> str:
    """The tiles' rules; a done stage's "✓" in the palette's colour for OK."""
    return _STEP_STYLE.replace("{done}", css(app_colours(), Tone.OK, "bare"))


class StepTile(QFrame):
    """One stage: a symbol and word for its state (never colour alone), its day, its note."""

    def __init__(self, step: StageStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        state = step.state.value
        self.setObjectName("StageStep")
        self.setProperty("state", state)
        symbol = plain_label(_SYMBOLS[step.state], name="StepSymbol")
        symbol.setProperty("state", state)
        symbol.setFont(scaled_font(self, 1.4, bold=True))
        name = plain_label(step.stage.label, name="StepName")
        name.setFont(scaled_font(self, 1.05, bold=step.state is StepState.CURRENT))
        self.date_label = plain_label(self._when(), name="StepDate", wrap=True)
        self.note_label = note_label(step.note)
        if not step.note:
            self.note_label.hide()  # setVisible(True) on a parentless label would open a window
        self.note_label.setToolTip(step.note)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(symbol)
        top.addWidget(name, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.date_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        self.setAccessibleName(f"{step.stage.label}: {self._when()}")
        self.setAccessibleDescription(step.note)

    def _when(self) -> str:
        if self.step.state is StepState.AHEAD:
            return _("Not reached yet")
        current = self.step.state is StepState.CURRENT
        if self.step.reached_on is None:
            return _("Current (date not recorded)") if current else _("Reached (date not recorded)")
        day = format_date(self.step.reached_on)
        if current:
            return _("Current since {date}").format(date=day)
        return _("Reached {date}").format(date=day)


class StageStepper(QWidget):
    """Launch → … → Closed as a row of tiles joined by arrows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Stages"))
        follow_palette(self, _step_style)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self.tiles: list[StepTile] = []

    def set_steps(self, steps: tuple[StageStep, ...]) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            tile = item.widget() if item is not None else None
            if tile is not None:
                tile.deleteLater()
        self.tiles = []
        for position, step in enumerate(steps):
            if position:
                arrow = plain_label("→")
                arrow.setAccessibleName(_("then"))
                self._row.addWidget(arrow)
            tile = StepTile(step)
            self.tiles.append(tile)
            self._row.addWidget(tile, 1)


class StageHistoryModel(DtoTableModel[StageChangeRecord]):
    def __init__(self) -> None:
        super().__init__(
            (
                Column(_("Stage"), lambda c: c.stage.label, lambda c: STAGES.index(c.stage)),
                Column(
                    _("Reached on"), lambda c: format_date(c.reached_on), lambda c: c.reached_on
                ),
                Column(_("Note"), lambda c: c.note),
            )
        )


class InitiativeView(QWidget):
    """Layout only; InitiativeController fills it and gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Initiative"))
        self.message = plain_label(_("Loading…"), wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = plain_label(name="InitiativeTitle", wrap=True)
        self.title.setFont(scaled_font(self, 1.7, bold=True))
        self.stage_summary = note_label()
        self.stepper = StageStepper()
        self.move_button = button(
            _("&Move to next stage…"), _("Record the day and a note as you go")
        )
        self.fields = Fields((*FIELDS, *CADENCE_FIELDS), self)
        self._build_cadence_spins()
        self.history_model = StageHistoryModel()
        self.history_table = data_table(_("Stage history"), self.history_model)
        stretch_column(self.history_table, 2)
        self.history_empty = note_label(_("No stage changes recorded yet."))
        self._pages = QStackedWidget()
        self._pages.addWidget(self.message)
        self._pages.addWidget(self._content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)

    def _content(self) -> QScrollArea:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(PAGE_MARGIN + 8, PAGE_MARGIN, PAGE_MARGIN + 8, PAGE_MARGIN)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(heading(_("Stage")))
        layout.addWidget(self.stepper)
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_button)
        move_row.addSpacing(12)
        move_row.addWidget(self.stage_summary, 1)
        layout.addLayout(move_row)
        layout.addSpacing(8)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        left = QVBoxLayout()
        left.setSpacing(10)  # nested layouts would inherit the 32 between the columns
        left.addWidget(heading(_("Leadership and commitment")))
        left.addLayout(self._form())
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(heading(_("Stage history")))
        right.addWidget(self.history_empty)
        right.addWidget(self.history_table, 10)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setAccessibleName(_("Initiative"))
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def _build_cadence_spins(self) -> None:
        for spec in CADENCE_FIELDS:
            spin = self.cadence_spin(spec.name)
            spin.setRange(0, MAX_CADENCE_DAYS)
            spin.setSuffix(pgettext("spin box suffix", " days"))
            # Emptying the box means "no cadence of its own", not "undo my typing".
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            spin.setSpecialValueText(_(AGENCY_DEFAULT))  # until the agency's numbers are read
            self.fields.row(spec.name).set_help(_(CADENCE_HELP[spec.name]))

    def cadence_spin(self, name: str) -> QSpinBox:
        spin = self.fields.widget(name)
        assert isinstance(spin, QSpinBox)
        return spin

    def show_agency_defaults(self, public_days: int, staff_days: int) -> None:
        """What an initiative without a cadence of its own follows (Edit → Settings…)."""
        for name, days in (("public_update_days", public_days), ("staff_update_days", staff_days)):
            spin = self.cadence_spin(name)
            spin.setSpecialValueText(
                ngettext("agency default ({n} day)", "agency default ({n} days)", days).format(
                    n=days
                )
            )
            spin.updateGeometry()  # the layout would keep the width of the shorter text

    def _form(self) -> QFormLayout:
        """The leadership fields, then the update cadence, their labels in one column."""
        form = self.fields.form([spec.name for spec in (*FIELDS, *CADENCE_FIELDS)])
        cadence_heading = heading(_("Updates"), 1.1)
        cadence_heading.setContentsMargins(0, 8, 0, 0)
        form.insertRow(len(FIELDS), cadence_heading)
        form.addRow("", note_label(_(CADENCE_NOTE)))
        return form

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._pages.setCurrentIndex(0)

    def show_content(self) -> None:
        self._pages.setCurrentIndex(1)

    def show_history(self, history: tuple[StageChangeRecord, ...]) -> None:
        self.history_model.set_rows(history)
        self.history_table.setVisible(bool(history))
        self.history_empty.setVisible(not history)
