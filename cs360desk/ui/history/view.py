"""The History page's layout: filters, the change records, and the fields of the chosen one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import N_, _, pgettext
from cs360desk.ui.common.formatting import date_format, from_qdate
from cs360desk.ui.common.page_widgets import (
    button,
    note_label,
    page_layout,
)
from cs360desk.ui.common.read_only_mode import keeps_working
from cs360desk.ui.common.record_widgets import data_table, heading, set_column_widths
from cs360desk.ui.history.models import ChangeHistoryModel, FieldChangeModel

INTRO = N_(
    "Every change saved in this workspace, newest first: who made it, when, and what it was "
    "before. A deleted record can be brought back with Restore."
)


def _labelled(text: str, field: QWidget) -> QLabel:
    """A caption (translated, with its Alt key) that names `field` for screen readers too."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", "").rstrip(":"))
    return label


class HistoryView(QWidget):
    """Layout only; HistoryController gives it behaviour."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("History"))
        self.model = ChangeHistoryModel()
        self.field_model = FieldChangeModel()
        self.kind_combo = QComboBox()
        self.person_combo = QComboBox()
        self.record_edit = QLineEdit()
        self.record_edit.setPlaceholderText(pgettext("record number", "any"))
        self.record_edit.setMaximumWidth(80)
        self.since_check, self.since_edit = self._date_filter(
            pgettext("dates", "&From"), _("Filter from a date"), _("From date")
        )
        self.until_check, self.until_edit = self._date_filter(
            pgettext("dates", "&To"), _("Filter to a date"), _("To date")
        )
        keeps_working(
            self.kind_combo, self.person_combo, self.record_edit,
            self.since_check, self.since_edit, self.until_check, self.until_edit,
        )  # fmt: skip
        self.table = data_table(_("Change records"), self.model)
        self.table.setObjectName("Changerecords")
        self.field_table = data_table(_("Changed fields"), self.field_model)
        self.field_table.setObjectName("Changedfields")
        self.field_table.setWordWrap(True)
        set_column_widths(self.table, 18, 14, 9, 44)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        # Fields keep the order of the record's columns, which is how its editor shows them.
        self.field_table.setSortingEnabled(False)
        set_column_widths(self.field_table, 22, 60)
        self.count_label = note_label()
        self.detail_label = note_label(_("Choose a change to see its fields."))
        self.restore_button = button(_("&Restore…"), _("Bring the deleted record back"))
        self.restore_button.setEnabled(False)
        layout = page_layout(self)
        layout.addWidget(heading(_("History"), self))
        layout.addWidget(note_label(_(INTRO)))
        layout.addLayout(self._filter_row())
        layout.addWidget(self._splitter(), 1)

    def _date_filter(
        self, text: str, check_name: str, date_name: str
    ) -> tuple[QCheckBox, QDateEdit]:
        """A check box (`text`) and the date it filters by; all three texts translated."""
        check = QCheckBox(text)
        check.setAccessibleName(check_name)
        edit = QDateEdit()
        edit.setDisplayFormat(date_format())
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        edit.setAccessibleName(date_name)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(_labelled(_("&Kind:"), self.kind_combo))
        row.addWidget(self.kind_combo)
        row.addWidget(_labelled(_("Record &no.:"), self.record_edit))
        row.addWidget(self.record_edit)
        row.addWidget(_labelled(_("&Person:"), self.person_combo))
        row.addWidget(self.person_combo)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            row.addWidget(check)
            row.addWidget(edit)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _splitter(self) -> QSplitter:
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.detail_label, 1)
        top.addWidget(self.restore_button)
        column.addLayout(top)
        column.addWidget(self.field_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def since(self) -> date | None:
        return from_qdate(self.since_edit.date()) if self.since_check.isChecked() else None

    def until(self) -> date | None:
        return from_qdate(self.until_edit.date()) if self.until_check.isChecked() else None

    def record_id(self) -> int | None:
        text = self.record_edit.text().strip()
        return int(text) if text.isdigit() else None
