"""The Excel & calendar section's layout: export and import buttons, progress, the preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import N_, _
from cs360desk.ui.common.field_widgets import fit_combo_text
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.style import scaled_font
from cs360desk.ui.tracker.preview_model import DETAIL_COLUMN, ImportPreviewModel

INTRO = N_(
    "Give PST members the Excel tracker to update offline, then import the file they return: "
    "every change is shown here before anything is saved. Meetings can go to any calendar."
)


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


class TrackerView(QWidget):
    """Layout only; TrackerController gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Excel and calendar"))
        title = plain_label(_("Excel & calendar"))
        title.setFont(scaled_font(title, 1.4, bold=True))
        self.export_button = _button(_("&Export tracker…"), _("Export the Excel tracker"))
        self.import_button = _button(_("&Import tracker…"), _("Import a returned tracker"))
        self.calendar_button = _button(_("Export &calendar…"), _("Export the meetings calendar"))
        self.team_box = QComboBox()
        self.team_box.setAccessibleName(_("Meetings of"))
        self.team_box.setMinimumContentsLength(24)
        # Its first entry whole: "Todos los equipos de esta iniciativa" (the controller's).
        fit_combo_text(self.team_box, _("All teams of this initiative"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress_label = plain_label()
        self.cancel_button = _button(_("Cancel"), _("Cancel the running export or import"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(plain_label(_(INTRO), wrap=True))
        layout.addLayout(self._actions_row())
        layout.addLayout(self._progress_row())
        self.preview_box = self._preview_box()
        layout.addWidget(self.preview_box, 1)
        self.placeholder = plain_label(
            _("Import a tracker to see its changes here."), name="TrackerPlaceholder"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.placeholder, 1)
        # Exports only read; an import would write, so it alone is off in a read-only workspace.
        keeps_working(self.export_button, self.calendar_button, self.team_box, self.cancel_button)
        self.set_busy(False)
        self.show_preview(False)

    def _actions_row(self) -> QHBoxLayout:
        tracker = QGroupBox(_("Excel tracker"))
        tracker_layout = QHBoxLayout(tracker)
        tracker_layout.addWidget(self.export_button)
        tracker_layout.addWidget(self.import_button)
        tracker_layout.addStretch(1)
        calendar = QGroupBox(_("Calendar (.ics)"))
        calendar_layout = QHBoxLayout(calendar)
        label = QLabel(_("&Meetings of"))
        label.setBuddy(self.team_box)
        calendar_layout.addWidget(label)
        calendar_layout.addWidget(self.team_box)
        calendar_layout.addWidget(self.calendar_button)
        row = QHBoxLayout()
        row.addWidget(tracker, 1)
        row.addWidget(calendar, 1)
        return row

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.progress_label, 2)
        row.addWidget(self.cancel_button)
        return row

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(_("Import preview"))
        self.file_label = plain_label(name="PreviewFile")
        self.file_label.setFont(scaled_font(self.file_label, 1.1, bold=True))
        self.summary_label = plain_label(name="PreviewSummary")
        self.notes_label = plain_label(wrap=True, name="PreviewNotes")
        self.advice_label = plain_label(wrap=True, name="PreviewAdvice")
        self.show_unchanged = QCheckBox(_("Show &unchanged rows"))
        self.model = ImportPreviewModel(self)
        self.table = self._table()
        self.apply_button = _button(_("&Apply changes"), _("Apply the changes"))
        self.apply_skipping_button = _button(
            _("Apply, &skipping rows with errors"),
            _("Apply the valid rows and skip rows with errors"),
        )
        self.discard_button = _button(_("&Discard"), _("Discard this import"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_unchanged)
        buttons.addStretch(1)
        for button in (self.apply_button, self.apply_skipping_button, self.discard_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        for widget in (self.file_label, self.summary_label, self.notes_label, self.advice_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return box

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("ImportPreview")
        table.setAccessibleName(_("Import preview"))
        table.setModel(self.model)
        table.setTabKeyNavigation(False)
        table.setSortingEnabled(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 110, 50, 60, 300)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        return table

    def set_busy(self, busy: bool, message: str = "") -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(busy)
        self.progress_label.setText(message)
        if not busy:
            self.progress.setValue(0)

    def show_preview(self, shown: bool) -> None:
        self.preview_box.setVisible(shown)
        self.placeholder.setVisible(not shown)
