"""The first-run dialog's layout: two choices, the agency form, the sample progress page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import N_, _
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.style import apply_style, scaled_font

# (field as the service names it, label with its Alt key, example shown while empty)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("agency_name", N_("&Agency name"), N_("e.g. Riverside Police Department")),
    ("jurisdiction", N_("&Jurisdiction"), N_("e.g. City of Riverside")),
    ("population", N_("&Population (optional)"), N_("e.g. 12400")),
    ("chief_name", N_("C&hief's name"), N_("e.g. Chief Maria Delgado")),
    ("initiative_name", N_("First &initiative"), N_("e.g. CS360 – Eastside gun violence")),
    ("champion_name", N_("&Champion's name"), N_("the internal champion who drives the work")),
    ("champion_title", N_("Champion's &title"), N_("e.g. Sergeant, Crime Analyst")),
)
CREATE_TEXT = N_("C&reate agency")
BUILDING_TEXT = N_("Building the sample agency…")


class FieldRow(QWidget):
    """A line edit with the error message that belongs to it just below (label and example
    as FIELDS marks them: translated here)."""

    def __init__(self, label: str, example: str) -> None:
        super().__init__()
        name = _(label).replace("&", "")
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(_(example))
        self.error = plain_label(name="FieldError", wrap=True)
        self.error.setAccessibleName(_("{field} error").format(field=name))
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    def show_error(self, problem: str) -> None:
        self.error.setText(problem)
        self.error.show()
        self.edit.setAccessibleDescription(_("Error: {problem}").format(problem=problem))
        self._mark(True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.edit.setAccessibleDescription("")
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        self.edit.setProperty("invalid", invalid)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)


class FirstRunView(QDialog):
    """Layout only; FirstRunDialog holds the behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Welcome to CS360 Desk"))
        self.setAccessibleName(_("Welcome to CS360 Desk"))
        apply_style(self)
        self.setMinimumWidth(600)
        self.rows = {field: FieldRow(label, example) for field, label, example in FIELDS}
        self.general_error = plain_label(name="FieldError", wrap=True)
        self.general_error.setAccessibleName(_("Problem"))
        self.general_error.hide()
        # Plain widgets shown one at a time, not a QStackedWidget: the dialog then fits the
        # page in view instead of the tallest page.
        self._pages = [self._choices_page(), self._form_page(), self._progress_page()]
        heading = plain_label(_("Welcome to CS360 Desk"), wrap=True)
        heading.setFont(scaled_font(self, 1.6, bold=True))
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        for page in self._pages:
            layout.addWidget(page)
        layout.addWidget(self.general_error)
        self.not_now_button = QPushButton(_("&Not now"))
        self.not_now_button.setAccessibleName(_("Not now"))
        self.not_now_button.setToolTip(_("Set up the workspace later from the File menu"))
        self.not_now_button.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.not_now_button)
        layout.addLayout(footer)
        self._switch_to(0)

    def _choices_page(self) -> QWidget:
        intro = plain_label(
            _("This workspace is empty. Explore a made-up agency first, or set up your own."),
            wrap=True,
        )
        self.sample_button = QCommandLinkButton(
            _("Start with the sample agency"),
            _(
                "A small made-up agency with its teams, meetings, action items and goals, "
                "to try everything out safely."
            ),
        )
        self.create_choice_button = QCommandLinkButton(
            _("Create your agency"),
            _("Name your agency, its first CS360 initiative and the internal champion."),
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(6)
        for button in (self.sample_button, self.create_choice_button):
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(button.description())
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _form_page(self) -> QWidget:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(10)
        for field, label_text, _example in FIELDS:
            label = QLabel(_(label_text))
            label.setBuddy(self.rows[field].edit)
            form.addRow(label, self.rows[field])
        self.back_button = QPushButton(_("&Back"))
        self.back_button.setAccessibleName(_("Back"))
        self.create_button = QPushButton(_(CREATE_TEXT))
        self.create_button.setAccessibleName(_("Create agency"))
        self.create_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        intro = plain_label(
            _(
                "Name your agency, its first CS360 initiative and the internal champion who "
                "drives it. You can change all of this later."
            ),
            wrap=True,
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _progress_page(self) -> QWidget:
        self.progress_label = plain_label(_(BUILDING_TEXT), wrap=True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setAccessibleName(_("Progress"))
        self.cancel_sample_button = QPushButton(_("&Stop"))
        self.cancel_sample_button.setAccessibleName(_("Stop building the sample agency"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_sample_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _switch_to(self, index: int) -> None:
        self.not_now_button.setVisible(index == 0)
        for position, page in enumerate(self._pages):
            page.setVisible(position == index)
        self._fit_height()

    def _fit_height(self) -> None:
        # Wrapped labels make adjustSize() guess too tall; ask for the height at our width.
        self._layout.activate()
        width = self.width() if self.isVisible() else self.minimumWidth()
        self.resize(width, max(self.minimumHeight(), self._layout.totalHeightForWidth(width)))

    def show_choices(self) -> None:
        self._switch_to(0)
        self.sample_button.setFocus()

    def show_form(self) -> None:
        self.general_error.hide()
        self._switch_to(1)
        self.rows["agency_name"].edit.setFocus()

    def show_progress(self) -> None:
        self.general_error.hide()
        self.progress_bar.setValue(0)
        self.progress_label.setText(_(BUILDING_TEXT))
        self._switch_to(2)
        self.cancel_sample_button.setFocus()

    @property
    def page_index(self) -> int:
        return next(i for i, page in enumerate(self._pages) if not page.isHidden())

    def set_progress(self, percent: int, message: str) -> None:
        self.progress_bar.setValue(max(0, min(100, percent)))
        if message:
            self.progress_label.setText(message)

    def text_of(self, field: str) -> str:
        return self.rows[field].edit.text()

    def has_field(self, field: str) -> bool:
        return field in self.rows

    def show_field_error(self, field: str, problem: str) -> None:
        row = self.rows[field]
        row.show_error(problem)
        row.edit.setFocus()
        self._fit_height()

    def show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
        self._fit_height()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.create_button.setText(_("Saving…") if busy else _(CREATE_TEXT))
