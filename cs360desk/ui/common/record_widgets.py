"""Pieces the record pages share: how tables look, headings, actions, asking before deleting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import _, count_of
from cs360desk.ui.common.labels import plain_label
from cs360desk.ui.common.marked import shown
from cs360desk.ui.common.style import scaled_font

PAGE_MARGIN = 20
ROW_LINES = 1.9  # a row's height in lines of text
EDIT_IN_PLACE = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)
TableT = TypeVar("TableT", bound=QTableView)


def people_count(count: int) -> str:
    return count_of(count, "{n} person", "{n} people")


def plain_table(
    table: TableT, name: str, model: QAbstractItemModel, *, row_lines: float = ROW_LINES
) -> TableT:
    """The app's table look: whole rows selected, Tab leaves and arrows move inside, rows
    alternate without a grid and stay one line, cut short with "…" (the tooltip has it all).
    """
    table.setAccessibleName(name)
    table.setModel(model)
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(int(table.fontMetrics().height() * row_lines))
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    HeadingRoom(header)
    return table


def data_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A sortable, row-selecting, read-only table."""
    table = plain_table(QTableView(), name, model)
    table.setObjectName(name.replace(" ", "").replace("&", ""))
    table.setSortingEnabled(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def show_row(table: QTableView, position: int) -> None:
    """Select and reveal one row, or clear the selection for -1."""
    if position >= 0:
        table.selectRow(position)
        table.scrollTo(table.model().index(position, 0))
    else:
        table.clearSelection()


def resort(table: QTableView) -> None:
    """Sort new rows the way the user last sorted (sortByColumn skips an unchanged order)."""
    header = table.horizontalHeader()
    table.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


def set_column_widths(table: QTableView, *characters: int) -> None:
    """Initial widths in average characters; the user may drag them wider. Never narrower
    than the heading once shown (see `HeadingRoom`)."""
    width = table.fontMetrics().averageCharWidth()
    for column, count in enumerate(characters):
        table.setColumnWidth(column, count * width + 24)


def fit_headers(table: QTableView, *columns: int) -> None:
    """Columns of short values as wide as their heading (plus room for the sort arrow): a
    first guess, made exact by `HeadingRoom` when the table shows."""
    font = QFont(table.horizontalHeader().font())
    font.setBold(True)  # headings are bold in the app's style sheet
    metrics = QFontMetrics(font)
    model = table.model()
    for column in columns:
        text = str(model.headerData(column, Qt.Orientation.Horizontal))
        table.setColumnWidth(column, metrics.horizontalAdvance(text) + 44)


def widen_to_headings(header: QHeaderView) -> None:
    """Every column set by width (not stretching, not sized to its contents) at least as wide
    as its heading as drawn: bold, padded, with the sort arrow's room. Headings are our words,
    a third longer in Spanish ("Prioridad", "Reunión de origen"), and are never cut short."""
    if header.model() is None:
        return
    sized = (QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Fixed)
    shown_sections = [s for s in range(header.count()) if not header.isSectionHidden(s)]
    last = max(shown_sections, key=header.visualIndex, default=-1)
    for section in shown_sections:
        if header.sectionResizeMode(section) not in sized:
            continue
        if section == last and header.stretchLastSection():
            continue
        need = header.sectionSizeFromContents(section).width()
        if header.sectionSize(section) < need:
            header.resizeSection(section, need)


class HeadingRoom(QObject):
    """Runs `widen_to_headings` each time the header shows: only then does it have the
    window's style sheet (tables are built before they join the window), so widths set in
    characters or from the font earlier are made wide enough for their headings here."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        header.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QHeaderView):
            widen_to_headings(watched)
        return False


def fit_columns(table: QTableView, stretch: int) -> None:
    """One column takes the spare width, the others are as wide as their contents."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(table.model().columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def heading(text: str, widget: QWidget, factor: float = 1.5) -> QLabel:
    label = plain_label(text, name="PageHeading")
    label.setFont(scaled_font(widget, factor, bold=True))
    label.setAccessibleName(text)
    return label


def sub_heading(text: str, widget: QWidget) -> QLabel:
    label = plain_label(text, name="PanelHeading")
    label.setFont(scaled_font(widget, 1.12, bold=True))
    label.setAccessibleName(text)
    return label


def action_button(
    owner: QWidget, text: str, name: str, shortcut: str | QKeySequence.StandardKey | None = None
) -> tuple[QAction, QPushButton]:
    """An action (with its shortcut, live while `owner` is shown) and a button that fires it."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{name} ({keys})")
    else:
        action.setToolTip(name)
    owner.addAction(action)
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(action.toolTip())
    button.clicked.connect(action.trigger)
    action.enabledChanged.connect(button.setEnabled)
    return action, button


def table_action(table: QTableView, text: str, shortcut: str) -> QAction:
    """A shortcut that works only while the table has the focus (Delete, for one)."""
    action = QAction(text, table)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    table.addAction(action)
    return action


def scrolling(content: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName("EditorScroll")
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def editor_title(widget: QWidget, name: str) -> QLabel:
    """The large title over a record's editor, read out by `name`."""
    label = plain_label(name="EditorTitle", wrap=True)
    label.setFont(scaled_font(widget, 1.3, bold=True))
    label.setAccessibleName(name)
    return label


def set_tab_chain(chain: list[QWidget]) -> None:
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)


def _spoken(text: str) -> str:
    """A button's words as screen readers say them: no Alt-key &, no trailing "…"."""
    return text.replace("&", "").rstrip("…")


@dataclass(frozen=True)
class RecordTexts:
    """A record page's own words, each a whole sentence marked with N_(), so that every
    language says it its own way ("&New person", "&New team": "&Nueva persona", "&Nuevo
    equipo"). The page translates them as it is built.
    """

    new: str  # "&New person": the New button and action (Ctrl+N)
    delete: str  # "&Delete person…"
    delete_tip: str  # "Delete the chosen person (Delete key in the list)"
    editor: str  # "Person editor": what screen readers call the editor
    details: str  # "Person details": the editor's scrolling area


class RecordPage(QWidget):
    """A record page's layout: a heading with New and Delete, the list, then one record's editor.

    `title` and `count_name` are already translated; `texts` are marked with N_(). The
    subclass builds its table and editor, then calls `_stack_editor` and `_page_layout`.
    """

    def __init__(
        self, title: str, texts: RecordTexts, count_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.texts = texts
        self.setAccessibleName(title)
        new, delete = shown(texts.new), shown(texts.delete)
        self.new_action, self.new_button = action_button(
            self, new, _spoken(new), QKeySequence.StandardKey.New
        )
        self.delete_action, self.delete_button = action_button(self, delete, _spoken(delete))
        self.delete_button.setToolTip(shown(texts.delete_tip))
        self.count_label = plain_label(name="ListCount")
        self.count_label.setAccessibleName(count_name)

    def _stack_editor(self, editor: QWidget, no_selection: str) -> None:
        """The editor, behind a hint (translated) shown while no record is chosen."""
        self.empty_label = plain_label(no_selection, name="EmptyState", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack = QStackedWidget()
        self.editor_stack.setAccessibleName(shown(self.texts.editor))
        self.editor_stack.addWidget(self.empty_label)
        self.editor_stack.addWidget(scrolling(editor, shown(self.texts.details)))

    def _page_layout(self) -> QVBoxLayout:
        """The page's column, its heading row already in it."""
        header = QHBoxLayout()
        header.addWidget(heading(self.accessibleName(), self))
        header.addSpacing(12)
        header.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.new_button)
        header.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(10)
        layout.addLayout(header)
        return layout

    def _list_and_editor(
        self,
        table: QTableView,
        orientation: Qt.Orientation,
        stretch: tuple[int, int],
        sizes: list[int],
    ) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(table)
        splitter.addWidget(self.editor_stack)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setSizes(sizes)
        return splitter

    def show_editor(self, shown: bool) -> None:
        self.editor_stack.setCurrentIndex(1 if shown else 0)


class DeleteConfirmation:
    """Asks before deleting (`title` and `question` translated); tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(title)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setInformativeText(_("You can undo this with Ctrl+Z."))
        return box.exec() == QMessageBox.StandardButton.Yes
