"""The checklist of a period's facts under the drafts: ticked ones are used, grouped by kind,
each saying which drafts take it and, when it may not be public, why."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cs360desk.domain.update_drafts import DraftKind, Fact, FactKind, UpdateDrafts
from cs360desk.i18n import N_, _, pgettext
from cs360desk.ui.common.style import scaled_font

FACT, USED_IN, PUBLIC = range(3)
KEY_ROLE = Qt.ItemDataRole.UserRole
GROUP_TITLES = {
    FactKind.STAGE_REACHED: N_("Stages reached"),
    FactKind.MEASURE: N_("Measures"),
    FactKind.RESPONSE_FINISHED: N_("Responses completed"),
    FactKind.RESPONSE_STARTED: N_("Responses started"),
    FactKind.ACTION_DONE: N_("Action items done"),
    FactKind.RECOMMENDATION: N_("Recommendations acted on"),
    FactKind.INPUT_HELD: N_("Community input"),
    FactKind.MEETING_HELD: N_("Meetings held"),
    FactKind.NEXT_MEETING: N_("Next meetings"),
    FactKind.OVERDUE: N_("Overdue action items"),
    FactKind.DECISION_WANTED: N_("Decisions asked of leadership"),
    FactKind.BLOCKED: N_("Blocked action items"),
}
# Share of the width the two narrow columns take; the fact's own text has the rest.
USED_IN_SHARE, PUBLIC_SHARE = 0.15, 0.24
MIN_COLUMN = 130
ROW_PADDING = 6  # between wrapped facts, so each reads as one


def draft_names() -> dict[DraftKind, str]:
    """The drafts as the "Used in" column names them."""
    return {
        DraftKind.SHORT: pgettext("fact used in", "post"),
        DraftKind.LONG: pgettext("fact used in", "update"),
        DraftKind.STAFF: pgettext("fact used in", "briefing"),
    }


def used_in_text(key: tuple[str, int], drafts: UpdateDrafts) -> str:
    if key in drafts.excluded:
        return _("left out")
    named = draft_names()
    names = [
        named[kind]
        for kind in DraftKind
        if any(fact.key == key for fact in drafts.draft(kind).facts)
    ]
    if not names:
        return _("Not used")
    if len(names) == len(DraftKind):
        return _("All three")
    text = ", ".join(names)
    return text[0].upper() + text[1:]


def public_text(fact: Fact) -> str:
    return _("Yes") if fact.public else _("No: {reason}").format(reason=fact.private)


class WrappingTreeDelegate(QStyledItemDelegate):
    """Row heights for wrapped text: QTreeView asks its delegate without the column's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        tree = self._tree
        style = tree.style()
        width = tree.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= tree.indentation() * (depth + 1)
            if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                width -= style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        narrower = QStyleOptionViewItem(option)
        # A little narrower than drawn: a row one line too tall beats a line cut off.
        narrower.rect.setRect(0, 0, max(40, width - 8), 1)
        hint = super().sizeHint(narrower, index)
        line = max(
            style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight),
            option.fontMetrics.height(),
        )
        return QSize(hint.width(), max(hint.height(), line) + ROW_PADDING)


class FactChecklist(QTreeWidget):
    """`excluded_changed` fires when the user ticks or unticks a fact (Space or a click)."""

    excluded_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FactChecklist")
        self.setAccessibleName(_("Facts from the records"))
        self.setAccessibleDescription(
            _("Ticked facts are used in the drafts; Space ticks or unticks the current one.")
        )
        self.setColumnCount(3)
        self.setHeaderLabels([_("Fact"), _("Used in"), _("Public?")])
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FACT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(USED_IN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PUBLIC, QHeaderView.ResizeMode.Interactive)
        self.setItemDelegate(WrappingTreeDelegate(self))
        # Rows take the height their wrapped text needs at the columns' new widths.
        header.sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    def show_facts(self, drafts: UpdateDrafts) -> None:
        """Every fact of the period, ticked unless left out; replaces what was listed."""
        self._filling = True
        try:
            self.clear()
            self._items = {}
            groups: dict[FactKind, QTreeWidgetItem] = {}
            for fact in drafts.source.facts:
                group = groups.get(fact.kind)
                if group is None:
                    group = groups[fact.kind] = self._group(fact.kind)
                group.addChild(self._fact_item(fact, fact.key not in drafts.excluded))
            for kind, group in groups.items():
                count = group.childCount()
                title = _(GROUP_TITLES[kind]) if kind in GROUP_TITLES else kind.value
                group.setText(FACT, f"{title} ({count})")
                group.setExpanded(True)
            self.show_use(drafts)
        finally:
            self._filling = False
        first = self.topLevelItem(0)
        child = first.child(0) if first is not None else None
        if child is not None:  # where Space works at once; not selected until the user moves
            self.setCurrentItem(child, FACT, QItemSelectionModel.SelectionFlag.NoUpdate)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        self.setColumnWidth(USED_IN, max(MIN_COLUMN, int(width * USED_IN_SHARE)))
        self.setColumnWidth(PUBLIC, max(MIN_COLUMN, int(width * PUBLIC_SHARE)))

    def show_use(self, drafts: UpdateDrafts) -> None:
        """Which drafts take each fact, after the drafts were rebuilt."""
        filling, self._filling = self._filling, True
        try:
            for key, item in self._items.items():
                item.setText(USED_IN, used_in_text(key, drafts))
        finally:
            self._filling = filling

    def excluded(self) -> frozenset[tuple[str, int]]:
        return frozenset(
            key
            for key, item in self._items.items()
            if item.checkState(FACT) != Qt.CheckState.Checked
        )

    def item_of(self, key: tuple[str, int]) -> QTreeWidgetItem | None:
        return self._items.get(key)

    def set_kept(self, key: tuple[str, int], kept: bool) -> None:
        """As a click on the fact's box would."""
        item = self._items[key]
        item.setCheckState(FACT, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)

    def _group(self, kind: FactKind) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setFont(FACT, scaled_font(self, 1.0, bold=True))
        group.setFirstColumnSpanned(True)
        return group

    def _fact_item(self, fact: Fact, kept: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        item.setCheckState(FACT, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
        item.setText(FACT, fact.text)  # wrapped in full; no tooltip, which would read markup
        item.setText(PUBLIC, public_text(fact))
        item.setData(FACT, KEY_ROLE, list(fact.key))
        self._items[fact.key] = item
        return item

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._filling and column == FACT and item.childCount() == 0:
            self.excluded_changed.emit()
