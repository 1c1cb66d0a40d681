"""The report preview: its pages one under another, with Print, Save and a progress line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cs360desk.i18n import _
from cs360desk.ui.common.labels import plain_label

PAGE_GAP = 18
MIN_PAGE_WIDTH = 240


class _PageScroll(QScrollArea):
    """Tells when its width changes, so the pages can be fitted to it again."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class ReportPreview(QWidget):
    """Layout only; ReportOutput gives it behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Report preview"))
        self.status_label = plain_label("", name="PreviewStatus", wrap=True)
        self.status_label.setAccessibleName(_("Preview status"))
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setAccessibleName(_("Print the report"))
        self.save_button = QPushButton(_("Save as P&DF…"))
        self.save_button.setAccessibleName(_("Save the report as a PDF file"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(_("Report progress"))
        self.progress_bar.setRange(0, 100)
        self.progress_label = plain_label("")
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel the report"))
        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("PreviewPages")
        self._pages_layout = QVBoxLayout(self.pages_widget)
        self._pages_layout.setSpacing(PAGE_GAP)
        self._pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_widget.setStyleSheet("QWidget#PreviewPages { background: palette(mid); }")
        self.page_scroll = _PageScroll()
        self.page_scroll.setObjectName("PreviewScroll")
        self.page_scroll.setAccessibleName(_("Report pages"))
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.pages_widget)
        self.page_labels: list[QLabel] = []
        self._images: tuple[QImage, ...] = ()
        self._fitted_width = 0
        self.page_scroll.resized.connect(self._fit_pages)
        self._build()
        self.set_busy(False)
        self.set_ready(False)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.busy_row = QWidget()
        busy = QHBoxLayout(self.busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.progress_bar, 1)
        busy.addWidget(self.progress_label)
        busy.addWidget(self.cancel_button)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.page_scroll, 1)

    def set_busy(self, busy: bool) -> None:
        self.busy_row.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_label.setText("")

    def set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def show_progress(self, percent: int, message: str) -> None:
        self.progress_bar.setValue(percent)
        self.progress_label.setText(message)

    def show_message(self, text: str) -> None:
        self.status_label.setText(text)

    def clear_pages(self) -> None:
        for label in self.page_labels:
            self._pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self._images = ()

    def show_pages(self, images: tuple[QImage, ...]) -> None:
        self.clear_pages()
        self._images = images
        for number in range(1, len(images) + 1):
            label = QLabel()
            label.setObjectName("PreviewPage")
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(
                _("Page {number} of {count}").format(number=number, count=len(images))
            )
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self._fitted_width = 0
        self._fit_pages()
        self.page_scroll.verticalScrollBar().setValue(0)

    def _fit_pages(self) -> None:
        """Pages as wide as the view allows (never wider than rendered), sharp on any screen."""
        available = self.page_scroll.viewport().width() - 2 * PAGE_GAP - 4
        width = max(MIN_PAGE_WIDTH, available)
        if not self._images or width == self._fitted_width:
            return
        self._fitted_width = width
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.page_labels, self._images, strict=True):
            target = min(width, round(image.width() / ratio))
            pixmap = QPixmap.fromImage(
                image.scaledToWidth(
                    round(target * ratio), Qt.TransformationMode.SmoothTransformation
                )
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
