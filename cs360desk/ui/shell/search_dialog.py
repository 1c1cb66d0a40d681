"""Global search (Ctrl+K / Ctrl+F): type, pick with the arrow keys, Enter opens the record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from cs360desk.i18n import N_, _, count_of
from cs360desk.services.search import SearchHit, search_everything
from cs360desk.ui.common.tasks import TaskRunner

KIND_LABELS = {
    "person": N_("Person"),
    "organization": N_("Organization"),
    "meeting": N_("Meeting"),
    "action_item": N_("Action item"),
    "problem": N_("Problem"),
}
DEBOUNCE_MS = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class SearchHitListModel(QAbstractListModel):
    """Hits as two-part lines: "Action item — Fix the lights on 5th St · Open · Hoa"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            detail = f"  ·  {hit.detail}" if hit.detail else ""
            kind = _(KIND_LABELS[hit.kind]) if hit.kind in KIND_LABELS else hit.kind
            return f"{kind} — {hit.title}{detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        return None


class SearchDialog(QDialog):
    """Queries run on the worker as the user types; the newest answer wins."""

    def __init__(
        self,
        runner: TaskRunner,
        open_record: Callable[[str, int], None],
        initiative_id: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Search"))
        self.setAccessibleName(_("Search the workspace"))
        self.resize(640, 420)
        self._runner = runner
        self._open_record = open_record
        self._initiative_id = initiative_id
        self._request = 0
        self.query = QLineEdit()
        self.query.setAccessibleName(_("Search for"))
        self.query.setPlaceholderText(_("People, organizations, meetings, action items, problems…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListView()
        self.results.setAccessibleName(_("Search results"))
        self.results.setUniformItemSizes(True)
        self.model = SearchHitListModel(self)
        self.results.setModel(self.model)
        self.summary = QLabel(_("Type to search."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.installEventFilter(self)
        self.results.activated.connect(self._on_activated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move through the results; Enter opens the chosen one."""
        if watched is self.query and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_activated(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if count:
            row = min(max(self.results.currentIndex().row() + step, 0), count - 1)
            self.results.setCurrentIndex(self.model.index(row))

    def _on_search(self) -> None:
        text = self.query.text()
        initiative_id = self._initiative_id()
        self._request += 1
        request = self._request
        self._runner.run(
            lambda s: search_everything(s, text, initiative_id=initiative_id),
            on_success=lambda hits: self._on_results(request, text, hits),
        )

    def _on_results(self, request: int, text: str, hits: list[SearchHit]) -> None:
        if request != self._request:
            return  # the user kept typing; a newer query is on its way
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
            self.summary.setText(
                count_of(
                    len(hits),
                    "{n} found. Enter opens the highlighted one.",
                    "{n} found. Enter opens the highlighted one.",
                )
            )
        else:
            self.summary.setText(_("Nothing found.") if text.strip() else _("Type to search."))

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.hit_at(index.row())
        self.accept()
        self._open_record(hit.kind, hit.record_id)
