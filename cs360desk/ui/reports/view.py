"""The Reports page: the choices on the left, the preview of the pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs360desk.domain.enums import PaperSize, ReportKind
from cs360desk.i18n import LANGUAGES, _
from cs360desk.operations.reports import KIND_TITLES
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.reports.preview import ReportPreview

FORM_WIDTH = 330


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    edit.setDisplayFormat(date_format())  # the locale's order: 12/7/2026 · 7/12/2026
    edit.setDate(QDate.currentDate())
    return edit


def _lines_edit(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on; one line per item is typed with Enter
    edit.setFixedHeight(78)
    return edit


class ReportsView(QWidget):
    """Layout only; ReportsController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Reports"))
        self.title = plain_label(_("Reports"), name="SectionTitle")
        self.title.setFont(scaled_font(self, 1.5, bold=True))
        self.initiative_label = plain_label("", name="ReportInitiative", wrap=True)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(_("Report"))
        for kind, title in KIND_TITLES.items():
            self.kind_box.addItem(_(title), kind.value)
        self.from_edit = _date_edit(_("Period from"))
        self.to_edit = _date_edit(_("Period to"))
        self.meeting_box = QComboBox()
        self.meeting_box.setAccessibleName(_("Meeting"))
        self.meeting_box.setMinimumContentsLength(24)
        # Meeting titles are long; the list opens wider than the form so they read in full.
        self.meeting_box.view().setMinimumWidth(460)
        self.public_box = QCheckBox(_("&Public edition"))
        self.public_box.setAccessibleName(_("Public edition"))
        self.public_box.setToolTip(
            _(
                "Leaves out phone numbers, e-mail addresses and people who keep their contact "
                "private"
            )
        )
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName(_("Paper size"))
        self.paper_box.addItem(_("The agency's setting"), "")
        for size in PaperSize:
            self.paper_box.addItem(size.label, size.value)
        # The report's own language: the chief may read English while the agenda goes out
        # in Spanish. Each language is named in itself, so anyone finds theirs.
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language of the report"))
        self.language_box.addItem(_("The agency's setting"), "")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.highlights_edit = _lines_edit(
            _("Highlights"),
            _("One per line. Left empty, the update lists targets met and work done."),
        )
        self.asks_edit = _lines_edit(
            _("Asks of leadership"),
            _("One per line. Left empty, it lists decisions still waiting."),
        )
        self.generate_button = QPushButton(_("&Generate"))
        self.generate_button.setAccessibleName(_("Generate the report"))
        self.generate_button.setDefault(True)
        self.preview = ReportPreview()
        self.form_rows: dict[str, tuple[QLabel, QWidget]] = {}
        self._build()

    def _build(self) -> None:
        form_holder = QWidget()
        form_holder.setFixedWidth(FORM_WIDTH)
        keeps_working(form_holder)  # the form only shapes a printout: nothing is written back
        column = QVBoxLayout(form_holder)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.title)
        column.addWidget(self.initiative_label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("kind", _("&Report:"), self.kind_box),
            ("from", _("&From:"), self.from_edit),
            ("to", _("&To:"), self.to_edit),
            ("meeting", _("&Meeting:"), self.meeting_box),
            ("paper", _("P&aper:"), self.paper_box),
            ("language", _("&Language:"), self.language_box),
            ("highlights", _("&Highlights:"), self.highlights_edit),
            ("asks", _("As&ks of leadership:"), self.asks_edit),
        )
        for key, text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            self.form_rows[key] = (label, field)
        column.addLayout(form)
        column.addWidget(self.public_box)
        self.public_note = plain_label(
            _("Leaves out phone numbers, e-mail addresses and people marked private."),
            name="PublicNote",
            wrap=True,
        )
        self.public_note.setFont(scaled_font(self, 0.9))
        column.addWidget(self.public_note)
        column.addSpacing(6)
        column.addWidget(self.generate_button)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.addWidget(form_holder)
        row.addWidget(self.preview, 1)

    def show_row(self, key: str, visible: bool) -> None:
        label, field = self.form_rows[key]
        label.setVisible(visible)
        field.setVisible(visible)

    # Qt hands enum data back as plain strings, so items carry the values and these convert.
    # No item carries None and an empty box is never asked: PySide6 6.12 on Python 3.11
    # drops a reference to None each time it converts an empty QVariant, until it crashes.
    def current_kind(self) -> ReportKind:
        return ReportKind(self.kind_box.currentData())

    def current_paper(self) -> PaperSize | None:
        value = self.paper_box.currentData()
        return PaperSize(value) if value else None

    def current_language(self) -> str | None:
        value = self.language_box.currentData()
        return value if isinstance(value, str) and value else None

    def current_meeting(self) -> int | None:
        if self.meeting_box.currentIndex() < 0:
            return None
        value = self.meeting_box.currentData()
        return value if isinstance(value, int) else None

    def select_kind(self, kind: ReportKind) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
