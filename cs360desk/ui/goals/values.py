"""A measure's values: typed into the table, pasted as a column from a spreadsheet, deleted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import Frequency
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.evidence_views import next_period_end
from cs360desk.domain.problem_views import MeasureStanding
from cs360desk.domain.records import MeasurementRecord
from cs360desk.i18n import _, ngettext
from cs360desk.services.evidence import delete_measurements, record_values, save_measurement_field
from cs360desk.ui.common.edit_writer import EditWriter, edit_only
from cs360desk.ui.common.page_widgets import parse_date_text
from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.common.tasks import WorkSession
from cs360desk.ui.goals.view import GoalsView

PastedRow = tuple[object, object]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _period(text: str) -> object:
    """The user's own date format first; anything else goes to the service, which names
    the row when it cannot read it either."""
    return parse_date_text(text) or text


def pasted_rows(
    text: str,
    values: Sequence[MeasurementRecord],
    start_row: int,
    frequency: Frequency,
    next_period: date,
) -> list[PastedRow]:
    """Rows to enter from the clipboard: "date<TAB>value" lines as they are; a column of values
    alone fills the rows from `start_row` down, continuing past the last with new periods."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()  # spreadsheets end a copied column with a newline
    if any(len([c for c in _cells(line) if c]) >= 2 for line in lines):
        return [
            (_period(cells[0]), cells[1] if len(cells) > 1 else "") for cells in map(_cells, lines)
        ]
    rows: list[PastedRow] = []
    period = next_period
    for offset, line in enumerate(lines):
        position = start_row + offset
        if position < len(values):
            rows.append((values[position].period_end, line.strip()))
            continue
        rows.append((period, line.strip()))
        period = next_period_end(frequency, period, period)
    return rows


class ValuesController(QObject):
    """Saves what is typed or pasted into the values table of the measure shown."""

    def __init__(
        self,
        context: SectionContext,
        view: GoalsView,
        reload: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._writer = EditWriter(context)
        self._view = view
        self._reload = reload
        self.standing: MeasureStanding | None = None
        view.value_model.edit_requested.connect(self._on_edit_requested)
        view.values.paste_requested.connect(self._on_paste)
        view.values.delete_requested.connect(self._on_delete)

    def show_measure(self, standing: MeasureStanding | None, today: date) -> None:
        keep_error = (
            standing is not None
            and self.standing is not None
            and (standing.measure.id == self.standing.measure.id)
        )
        self.standing = standing
        model = self._view.value_model
        if standing is None:
            model.set_values((), None)
        else:
            latest = standing.latest.period_end if standing.latest else None
            model.set_values(
                standing.values, next_period_end(standing.measure.frequency, latest, today)
            )
        self._view.values.setEnabled(standing is not None)
        self._view.values.show_latest()
        if not keep_error:
            self._show_error("")

    def _on_edit_requested(self, row: int, field: str, text: str) -> None:
        standing = self.standing
        if standing is None:
            return
        model = self._view.value_model
        stored = model.value_at(row)
        if field == "period_end":
            day = parse_date_text(text)
            if day is None:
                self._show_error(
                    _("Not saved: {text} is not a date.").format(text=repr(text.strip()))
                )
                return
            if stored is None:  # the next row: its value is still to come
                model.set_values(tuple(model.values), day)
                return
            self._save(lambda s: save_measurement_field(s, stored.id, "period_end", day)[1])
        elif field == "value":
            period = stored.period_end if stored else model.next_period
            measure_id = standing.measure.id
            self._save(lambda s: record_values(s, measure_id, [(period, text)]))
        elif stored is not None:
            self._save(lambda s: save_measurement_field(s, stored.id, "note", text)[1])

    def _save(self, work: Callable[[WorkSession], Edit]) -> None:
        self._writer.write(
            lambda s: edit_only(work(s)),
            done=_("Saved"),
            on_saved=self._on_saved,
            on_failed=self._on_failed,
        )

    def _on_saved(self, _changed: bool) -> None:
        self._show_error("")
        self._reload()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._show_error(_("Not saved: {error}").format(error=error))
        else:
            self._context.runner.report_failure(error)

    def _show_error(self, text: str) -> None:
        label = self._view.values_error
        label.setText(f"⚠ {text}" if text else "")
        label.setVisible(bool(text))
        if text:
            self._context.show_status(text)

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self._view.values.selectionModel().selectedRows()})

    def _on_paste(self) -> None:
        standing = self.standing
        if standing is None:
            return
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._show_error(_("Nothing to paste: copy a column of values first."))
            return
        model = self._view.value_model
        if model.next_period is None:
            return
        selected = self._selected_rows()
        current = self._view.values.currentIndex()
        start = selected[0] if selected else (current.row() if current.isValid() else 0)
        rows = pasted_rows(text, model.values, start, standing.measure.frequency, model.next_period)
        measure_id = standing.measure.id
        self._save(lambda s: record_values(s, measure_id, rows))

    def _on_delete(self) -> None:
        model = self._view.value_model
        doomed = [v.id for row in self._selected_rows() if (v := model.value_at(row)) is not None]
        if not doomed:
            return
        self._writer.write(
            lambda s: edit_only(delete_measurements(s, doomed)),
            done=ngettext(
                "Deleted {n} value; Ctrl+Z brings it back",
                "Deleted {n} values; Ctrl+Z brings them back",
                len(doomed),
            ).format(n=len(doomed)),
            on_saved=lambda _deleted: self._reload(),
        )
