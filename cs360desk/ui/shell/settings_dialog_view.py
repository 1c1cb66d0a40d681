"""The Settings dialog's layout: the agency, its time zone, public posts, momentum thresholds."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import PaperSize
from cs360desk.i18n import LANGUAGES, N_, _, pgettext
from cs360desk.ui.common.field_widgets import COUNT, ENUM, FieldRow, FieldSpec
from cs360desk.ui.common.forms import Fields
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.page_widgets import note_label
from cs360desk.ui.common.style import apply_style, scaled_font
from cs360desk.ui.shell.logo_file import fitted

# The box the report header prints the logo in (LOGO_BOX in reports/pdf_blocks.py, which the
# UI may not import; a test keeps the two equal).
LOGO_PRINT_INCHES = (1.3, 0.85)
LOCAL_ZONE_TEXT = N_("This computer's time zone")
# Names in the database that are not places: no one means to pick them.
_NOT_ZONES = frozenset({"Factory", "localtime", "posixrules"})
MAX_DAYS = 3650
LANGUAGE_NOTE = N_("Applies the next time CS360 Desk starts.")
PUBLIC_LANGUAGE_LABEL = N_("P&rintouts in")
PUBLIC_LANGUAGE_NOTE = N_(
    "Agendas, minutes, reports, trackers, calendars and drafts, unless another language is "
    "chosen when one is made."
)

AGENCY_FIELDS = (
    FieldSpec("name", N_("&Name"), placeholder=N_("e.g. Elm Ridge Police Department")),
    FieldSpec("jurisdiction", N_("&Jurisdiction"), placeholder=N_("e.g. City of Elm Ridge")),
    FieldSpec("chief_name", N_("Chie&f's name"), placeholder=N_("e.g. Chief Maria Delgado")),
)
PAPER_FIELD = FieldSpec("paper_size", N_("&Paper size"), ENUM, PaperSize)
POST_FIELDS = (
    FieldSpec("post_hashtag", N_("&Hashtag"), placeholder="#SaferElmRidge"),
    FieldSpec("post_link", N_("&Link"), placeholder="https://…"),
)
# (field, label, what it means: the tooltip and what a screen reader adds)
DAY_FIELDS = (
    ("public_update_days", N_("P&ublic update every"),
     N_("Days between public updates (social media, website, press) before one is due. "
        "An initiative can set its own.")),
    ("staff_update_days", N_("&Staff briefing every"),
     N_("Days between staff briefings before one is due. An initiative can set its own.")),
    ("meeting_grace_days", N_("&Grace after a missed PST meeting"),
     N_("Days past the team's usual meeting cadence before the dashboard warns.")),
    ("stage_stale_days", N_("A stage is stal&e after"),
     N_("Days in one stage before the dashboard asks whether the work has stalled.")),
    ("recommendation_wait_days", N_("Recommendations wait for a &decision"),
     N_("Days a delivered scanning recommendation may wait for a decision before it is "
        "flagged.")),
)  # fmt: skip
TIME_ZONE_SPEC = FieldSpec("time_zone", N_("Time &zone"))
LOGO_SPEC = FieldSpec("logo", N_("Logo"))

LOGO_STYLE = """
QLabel#LogoPreview { border: 1px dashed palette(mid); background: palette(base);
    color: palette(text); }
"""


def time_zone_names() -> list[str]:
    return sorted(available_timezones() - _NOT_ZONES)


class SettingsView(QDialog):
    """Layout only; SettingsDialog holds the behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setAccessibleName(_("Settings"))
        self.setModal(True)
        apply_style(self, LOGO_STYLE)
        specs = [*AGENCY_FIELDS, PAPER_FIELD, *POST_FIELDS]
        specs += [FieldSpec(name, label, COUNT) for name, label, _help in DAY_FIELDS]
        self.fields = Fields(specs, self, combo_chars=0)
        self._build_day_spins()
        self.time_zone = self._time_zone_box()
        self.logo_preview = plain_label(name="LogoPreview")
        self.choose_logo_button = QPushButton(_("&Choose image…"))
        self.remove_logo_button = QPushButton(_("Re&move"))
        self.language = self._language_box()
        self.public_language = self._public_language_box()
        self.rows: dict[str, FieldRow] = {
            **self.fields.rows,
            "time_zone": FieldRow(TIME_ZONE_SPEC, self.time_zone),
            "logo": FieldRow(LOGO_SPEC, self._logo_box()),
        }
        self.read_only_note = plain_label(name="Banner", wrap=True)
        self.read_only_note.hide()
        self.general_error = plain_label(name="FieldError", wrap=True)
        self.general_error.setAccessibleName(_("Problem"))
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setAccessibleName(_("OK: save the settings"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self._build_layout()
        self._set_tab_order()

    def _build_day_spins(self) -> None:
        for name, _label, help_text in DAY_FIELDS:
            spin = self.fields.widget(name)
            assert isinstance(spin, QSpinBox)
            spin.setRange(1, MAX_DAYS)
            suffix = pgettext("spin box suffix", " days")
            spin.setSuffix(suffix)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000" + suffix) + 40)
            self.fields.row(name).set_help(_(help_text))

    def _time_zone_box(self) -> QComboBox:
        box = QComboBox()
        box.setObjectName("field_time_zone")
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItem(_(LOCAL_ZONE_TEXT), "")
        for name in time_zone_names():
            box.addItem(name, name)
        box.setMaxVisibleItems(16)
        box.setMinimumContentsLength(26)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(box.model(), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "Chicago" finds America/Chicago
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        return box

    def _language_box(self) -> QComboBox:
        """The screens' language on this computer: kept in its preferences, not the workspace."""
        box = QComboBox()
        box.setObjectName("field_language")
        box.setAccessibleName(_("Language"))
        box.setAccessibleDescription(_(LANGUAGE_NOTE))
        for code, name in LANGUAGES.items():  # each named in itself
            box.addItem(name, code)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _logo_box(self) -> QWidget:
        self.logo_box_size = QSize(
            round(LOGO_PRINT_INCHES[0] * self.logicalDpiX()),
            round(LOGO_PRINT_INCHES[1] * self.logicalDpiY()),
        )
        self.logo_preview.setFixedSize(self.logo_box_size + QSize(2, 2))  # and its border
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setAccessibleName(_("Logo as printed"))
        self.choose_logo_button.setAccessibleName(_("Choose the logo image"))
        self.remove_logo_button.setAccessibleName(_("Remove the logo"))
        self.choose_logo_button.setToolTip(_("A PNG, JPEG or SVG image of at most 5 MB"))
        self.remove_logo_button.setToolTip(_("Print the reports without a logo"))
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(buttons)
        row.addStretch(1)
        caption = note_label(
            _(
                "At its printed size: {width} × {height} in., at the top right of every report."
            ).format(width=LOGO_PRINT_INCHES[0], height=LOGO_PRINT_INCHES[1])
        )
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(caption)
        return holder

    def _build_layout(self) -> None:
        heading = plain_label(_("Settings of this workspace"))
        heading.setFont(scaled_font(self, 1.35, bold=True))
        intro = note_label(_("They are kept in the workspace file and travel with it."))
        left = QVBoxLayout()
        left.addWidget(self._agency_group())
        left.addWidget(self._computer_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._time_zone_group())
        right.addWidget(self._posts_group())
        right.addWidget(self._momentum_group())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.read_only_note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _public_language_box(self) -> QComboBox:
        """The agency's language for what it hands out: kept in the workspace."""
        box = QComboBox()
        box.setObjectName("field_public_language")
        box.setAccessibleName(_("Language of printouts"))
        for code, name in LANGUAGES.items():
            box.addItem(name, code)
        return box

    def _agency_group(self) -> QGroupBox:
        for spec in AGENCY_FIELDS:  # room for a county's name and a state's
            edit = self.fields.widget(spec.name)
            edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 46)
        form = self.fields.form([spec.name for spec in AGENCY_FIELDS])
        form.addRow(_top_label(_(LOGO_SPEC.label)), self.rows["logo"])
        paper = QLabel(_(PAPER_FIELD.label))
        paper.setBuddy(self.fields.widget(PAPER_FIELD.name))
        form.addRow(paper, self.rows[PAPER_FIELD.name])
        printouts = QLabel(_(PUBLIC_LANGUAGE_LABEL))
        printouts.setBuddy(self.public_language)
        form.addRow(printouts, self.public_language)
        form.addRow("", note_label(_(PUBLIC_LANGUAGE_NOTE)))
        return _group(_("Agency"), form)

    def _computer_group(self) -> QGroupBox:
        form = _form()
        label = QLabel(_("L&anguage"))
        label.setBuddy(self.language)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.language)
        row.addWidget(note_label(_(LANGUAGE_NOTE)), 1)
        form.addRow(label, row)
        return _group(_("On this computer"), form)

    def _time_zone_group(self) -> QGroupBox:
        form = _form()
        label = QLabel(_(TIME_ZONE_SPEC.label))
        label.setBuddy(self.time_zone)
        form.addRow(label, self.rows["time_zone"])
        form.addRow(
            "", note_label(_("Meeting times in reports and update drafts are given in it."))
        )
        return _group(_("Time zone"), form)

    def _posts_group(self) -> QGroupBox:
        form = self.fields.form([spec.name for spec in POST_FIELDS])
        form.addRow("", note_label(_("Added to the public updates the app drafts.")))
        return _group(_("Public posts"), form)

    def _momentum_group(self) -> QGroupBox:
        form = self.fields.form([name for name, _label, _help in DAY_FIELDS])
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.insertRow(0, note_label(_("The dashboard warns when these are passed.")))
        return _group(_("Momentum && updates"), form)

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [self.rows[spec.name].widget for spec in AGENCY_FIELDS]
        order += [self.choose_logo_button, self.remove_logo_button]
        order += [self.fields.widget(PAPER_FIELD.name), self.public_language, self.language]
        order += [self.time_zone]
        order += [self.fields.widget(spec.name) for spec in POST_FIELDS]
        order += [self.fields.widget(name) for name, _label, _help in DAY_FIELDS]
        order += [self.ok_button, self.cancel_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def fit_height(self) -> None:
        """Tall enough for the wrapped notes, which the size hint alone underestimates."""
        self._layout.activate()
        width = max(self.width(), self.sizeHint().width())
        self.resize(width, max(self.height(), self._layout.totalHeightForWidth(width)))

    def show_logo(self, data: bytes | None) -> None:
        """The logo as the report header prints it: scaled to fit its box, kept in shape."""
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo") if not data else _("Cannot be shown"))
            self.remove_logo_button.setEnabled(bool(data))
            return
        ratio = self.devicePixelRatioF()
        size = fitted(image.size(), self.logo_box_size)
        pixmap = QPixmap.fromImage(
            image.scaled(
                size * ratio,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        pixmap.setDevicePixelRatio(ratio)
        self.logo_preview.setText("")
        self.logo_preview.setPixmap(pixmap)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.remove_logo_button.setEnabled(True)

    def show_field_error(self, field: str, problem: str) -> None:
        self.rows[field].show_error(problem)

    def show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.clear()
        self.general_error.hide()

    def show_read_only(self, reason: str) -> None:
        self.read_only_note.setText(reason)
        self.read_only_note.show()
        self.ok_button.hide()
        self.cancel_button.setText(_("Close"))
        self.cancel_button.setAccessibleName(_("Close"))


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setVerticalSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _group(title: str, form: QFormLayout) -> QGroupBox:
    group = QGroupBox(title)
    group.setAccessibleName(title.replace("&&", "&"))
    form.setContentsMargins(10, 8, 10, 8)
    group.setLayout(form)
    return group


def _top_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label
