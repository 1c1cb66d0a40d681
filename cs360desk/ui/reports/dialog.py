"""A meeting's agenda or minutes in a window of its own, one click from the meeting editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cs360desk.domain.enums import ReportKind
from cs360desk.i18n import _
from cs360desk.operations.reports import KIND_TITLES, MEETING_KINDS, ReportRequest
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.reports.output import ReportOutput
from cs360desk.ui.reports.preview import ReportPreview


class MeetingReportDialog(QDialog):
    """Preview with Print and Save as PDF; the report is made as soon as it opens."""

    def __init__(
        self,
        context: SectionContext,
        kind: ReportKind,
        meeting_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in MEETING_KINDS:
            raise ValueError(f"{kind} is not a meeting report")
        self.setWindowTitle(_(KIND_TITLES[kind]))
        self.setAccessibleName(_(KIND_TITLES[kind]))
        self.resize(820, 900)
        self.preview = ReportPreview()
        self.output = ReportOutput(context, self.preview, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.finished.connect(self.output.cancel)
        self.output.generate(ReportRequest(kind, meeting_id=meeting_id))


def show_meeting_report(
    context: SectionContext, kind: ReportKind, meeting_id: int, parent: QWidget | None = None
) -> MeetingReportDialog:
    """Opens the agenda or minutes of a meeting without blocking; returns the dialog."""
    dialog = MeetingReportDialog(context, kind, meeting_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
