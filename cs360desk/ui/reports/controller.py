"""The Reports section: choose a report, generate it off the UI thread, preview, print, save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from cs360desk.domain.enums import MeetingStatus, ReportKind
from cs360desk.domain.report_data import ReportDefaults
from cs360desk.i18n import _
from cs360desk.operations.reports import MEETING_KINDS, ReportRequest
from cs360desk.services.report_data import report_defaults
from cs360desk.ui.common.formatting import format_date, from_qdate, to_qdate
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.reports.output import ReportOutput
from cs360desk.ui.reports.view import ReportsView


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class ReportsController(QObject):
    """Behaviour of the Reports page; `loaded` fires when the form has its defaults."""

    loaded = Signal()

    def __init__(self, context: SectionContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._view = ReportsView()
        self.output = ReportOutput(context, self._view.preview, self)
        self._initiative_id: int | None = None
        self._request_number = 0
        self._period_edited = False
        self.defaults: ReportDefaults | None = None
        view = self._view
        view.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        view.generate_button.clicked.connect(self._on_generate)
        view.from_edit.userDateChanged.connect(self._on_period_edited)
        view.to_edit.userDateChanged.connect(self._on_period_edited)
        self._on_kind_changed()

    @property
    def view(self) -> ReportsView:
        return self._view

    def show_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self._initiative_id:
            self._period_edited = False
        self._initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        self._request_number += 1
        initiative_id = self._initiative_id
        if initiative_id is None:
            self.defaults = None
            self._view.initiative_label.setText(_("This workspace has no initiative yet."))
            self._view.generate_button.setEnabled(False)
            return
        number, today = self._request_number, self._today()
        self._context.runner.run(
            lambda session: report_defaults(session, initiative_id, today=today),
            on_success=lambda defaults: self._on_defaults(number, defaults),
        )

    def open_meeting_report(self, kind: ReportKind, meeting_id: int) -> None:
        """Agenda or minutes of one meeting, generated at once (the Meetings section's door)."""
        if kind not in MEETING_KINDS:
            raise ValueError(f"{kind} is not a meeting report")
        view = self._view
        view.select_kind(kind)
        index = view.meeting_box.findData(meeting_id)
        if index >= 0:
            view.meeting_box.setCurrentIndex(index)
        self.output.generate(ReportRequest(kind, self._initiative_id, meeting_id))

    def _today(self) -> date:
        return self._context.now().astimezone().date()

    def _on_defaults(self, number: int, defaults: ReportDefaults) -> None:
        if number != self._request_number:
            return  # another initiative was chosen since
        self.defaults = defaults
        view = self._view
        view.initiative_label.setText(_("Initiative: {name}").format(name=defaults.initiative_name))
        if not self._period_edited:
            view.from_edit.setDate(to_qdate(defaults.period.start))
            view.to_edit.setDate(to_qdate(defaults.period.end))
            self._period_edited = False
        chosen = view.current_meeting()
        view.meeting_box.clear()
        held = MeetingStatus.HELD.label  # the labels come in the screens' language
        for choice in defaults.meetings:
            status = "" if choice.status_label == held else f" ({choice.status_label.lower()})"
            label = f"{format_date(choice.starts_at.date())} · {choice.title}{status}"
            view.meeting_box.addItem(label, choice.meeting_id)
        found = view.meeting_box.findData(chosen) if chosen is not None else -1
        view.meeting_box.setCurrentIndex(max(0, found) if view.meeting_box.count() else -1)
        self._on_kind_changed()
        self.loaded.emit()

    def _on_period_edited(self) -> None:
        self._period_edited = True

    def _on_kind_changed(self) -> None:
        view = self._view
        kind = view.current_kind()
        is_progress = kind is ReportKind.PROGRESS
        for key in ("from", "to", "highlights", "asks"):
            view.show_row(key, is_progress)
        view.show_row("meeting", kind in MEETING_KINDS)
        editions = kind in (ReportKind.PROGRESS, ReportKind.SCANNING)
        view.public_box.setVisible(editions)
        view.public_note.setVisible(editions)
        has_meeting = view.meeting_box.count() > 0
        ready = self._initiative_id is not None and (kind not in MEETING_KINDS or has_meeting)
        view.generate_button.setEnabled(ready)

    def request(self) -> ReportRequest | None:
        """What the form asks for, or None (with the reason shown) when it cannot be made."""
        view = self._view
        kind = view.current_kind()
        start, end = from_qdate(view.from_edit.date()), from_qdate(view.to_edit.date())
        if kind is ReportKind.PROGRESS and end < start:
            view.preview.show_message(_("The period ends before it starts; check From and To."))
            return None
        meeting_id = view.current_meeting() if kind in MEETING_KINDS else None
        if kind in MEETING_KINDS and meeting_id is None:
            view.preview.show_message(_("Choose a meeting first."))
            return None
        return ReportRequest(
            kind=kind,
            initiative_id=self._initiative_id,
            meeting_id=meeting_id,
            start=start if kind is ReportKind.PROGRESS else None,
            end=end if kind is ReportKind.PROGRESS else None,
            public=view.public_box.isChecked() and not view.public_box.isHidden(),
            paper=view.current_paper(),
            language=view.current_language(),
            highlights=_lines(view.highlights_edit.toPlainText()),
            asks=_lines(view.asks_edit.toPlainText()),
        )

    def _on_generate(self) -> None:
        request = self.request()
        if request is not None:
            self.output.generate(request)
