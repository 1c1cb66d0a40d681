"""Small pieces the problem-solving pages share: dates as typed, tables, headings, asking."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import _
from cs360desk.ui.common.formatting import date_format
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.record_widgets import PAGE_MARGIN, show_row
from cs360desk.ui.common.record_widgets import data_table as record_data_table
from cs360desk.ui.common.style import scaled_font

MAX_COLUMN_WIDTH = 240
CELL_PADDING = 20  # "QTableView::item { padding: 0 8px; }" in the app's style sheet, and a bit
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def date_text(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    qdate = QDate(value.year, value.month, value.day)
    return (locale or QLocale()).toString(qdate, date_format(locale))


def parse_date_text(text: str, locale: QLocale | None = None) -> date | None:
    """The locale's form, or ISO (2026-01-31) which every user may type; None if neither."""
    text = text.strip()
    if _ISO.match(text):
        try:
            return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
        except ValueError:
            return None
    locale = locale or QLocale()
    found = locale.toDate(text, date_format(locale))
    if not found.isValid():
        # "1/5/26" as people also type it: Qt reads a two-digit year as 19xx.
        found = locale.toDate(text, locale.dateFormat(QLocale.FormatType.ShortFormat))
        if not found.isValid():
            return None
        if found.year() < 2000:
            found = found.addYears(100)
    return date(found.year(), found.month(), found.day())


def data_table(name: str, model: QAbstractItemModel, *, sortable: bool = True) -> QTableView:
    """The shared read-only table, with columns sized to their contents."""
    table = record_data_table(name, model)
    table.setSortingEnabled(sortable)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # One long value must not push the other columns out of sight; the tooltip has it whole.
    header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
    # Rows keep the order the service gives (by date, by rank…) until a header is clicked.
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table


class WrappingDelegate(QStyledItemDelegate):
    """Measures wrapped text as drawn: the style sheet pads each cell by 8 px a side."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -CELL_PADDING, 0)
        return super().sizeHint(narrower, index)


def wrap_rows(table: QTableView) -> None:
    """Long sentences (titles, goals) wrap onto more lines rather than being cut short."""
    table.setItemDelegate(WrappingDelegate(table))
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Row heights follow the column once it is laid out, not only when the rows arrive.
    table.horizontalHeader().sectionResized.connect(lambda *_args: table.resizeRowsToContents())


def stretch_column(table: QTableView, column: int) -> None:
    table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def select_row(table: QTableView, position: int) -> None:
    """Select and reveal one row (or clear the selection for -1) without telling anyone."""
    selection = table.selectionModel()
    selection.blockSignals(True)
    show_row(table, position)
    selection.blockSignals(False)
    table.viewport().update()


def heading(text: str, factor: float = 1.25) -> QLabel:
    label = plain_label(text, name="PanelHeading")
    label.setFont(scaled_font(label, factor, bold=True))
    return label


def note_label(text: str = "") -> QLabel:
    """Secondary text: hints, counts, the empty state of a list."""
    label = plain_label(text, name="NoteLabel", wrap=True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def button(text: str, tip: str = "") -> QPushButton:
    pushed = QPushButton(text)
    pushed.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        pushed.setToolTip(tip)
    return pushed


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for pushed in buttons:
        row.addWidget(pushed)
    row.addStretch(1)
    return row


def page_layout(page: QWidget) -> QVBoxLayout:
    """The page's own column, inside the margins every page keeps."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    return layout


def column_panel(margins: tuple[int, int, int, int] = (0, 0, 0, 0)) -> tuple[QWidget, QVBoxLayout]:
    """A panel and the column the caller fills it with."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(*margins)
    return panel, layout


def list_panel(title: str) -> tuple[QWidget, QVBoxLayout]:
    """A page's left-hand panel, headed with the page's title, a gap before the next panel."""
    panel, layout = column_panel((0, 0, 12, 0))
    layout.addWidget(heading(title, 1.5))
    return panel, layout


def side_by_side(*panels: QWidget, sizes: list[int]) -> QSplitter:
    """Panels the user widens or narrows by dragging between them; none folds away."""
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    for panel in panels:
        splitter.addWidget(panel)
    splitter.setSizes(sizes)
    return splitter


class Confirmation:
    """Yes/no before something is deleted (`title` and `question` translated); replaceable in
    tests."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, question: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question)
        box.setInformativeText(_("Ctrl+Z brings it back."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


class TextPrompt(QDialog):
    """Asks for the texts a new record cannot be saved without (a title; a theme and a text).

    Each prompt is (label, suggestions); with suggestions its field is an editable list, so
    known themes are picked rather than retyped. The title and labels come translated.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompts: Sequence[tuple[str, Sequence[str]]],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.combos: list[QComboBox] = []
        form = QFormLayout()
        for label, suggestions in prompts:
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(list(suggestions))
            combo.setCurrentIndex(-1)
            combo.setAccessibleName(label.replace("&", "").rstrip(":"))
            combo.setMinimumContentsLength(44)
            caption = QLabel(label)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
            self.combos.append(combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def texts(self) -> tuple[str, ...]:
        return tuple(combo.currentText().strip() for combo in self.combos)

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, label: str, suggestions: Sequence[str] = ()
    ) -> str | None:
        """The text typed, stripped; None when cancelled or left empty."""
        texts = cls.ask_several(parent, title, [(label, suggestions)])
        return texts[0] if texts else None

    @classmethod
    def ask_several(
        cls, parent: QWidget | None, title: str, prompts: Sequence[tuple[str, Sequence[str]]]
    ) -> tuple[str, ...] | None:
        """Every text typed, stripped; None when cancelled or when one was left empty."""
        dialog = cls(parent, title, prompts)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        texts = dialog.texts()
        return texts if all(texts) else None


class ItemLinker(QWidget):
    """ "Link: [open action item ▾] Link  Unlink" under a table of linked action items.

    `link_tip` is the Link button's tip, a whole translated sentence ("Link the chosen action
    item to this response").
    """

    def __init__(self, link_tip: str, *extra: QPushButton) -> None:
        super().__init__()
        self.item_choice = QComboBox()
        self.item_choice.setAccessibleName(_("Action item to link"))
        self.item_choice.setMinimumContentsLength(16)
        self.item_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_button = button(_("Link"), link_tip)
        self.unlink_button = button(_("Unlink"), _("Unlink the selected action item"))
        caption = QLabel(_("Lin&k:"))
        caption.setBuddy(self.item_choice)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.item_choice, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        for pushed in extra:
            row.addSpacing(16)
            row.addWidget(pushed)
