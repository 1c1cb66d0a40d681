"""The file choosers of the Excel & calendar section, replaceable in tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from cs360desk.i18n import N_, _

XLSX_FILTER = N_("Excel workbook (*.xlsx)")
ICS_FILTER = N_("Calendar file (*.ics)")


def _with_suffix(chosen: str, suffix: str) -> Path | None:
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class TrackerFiles:
    """Each method asks the user for a file; None when they cancel."""

    @classmethod
    def save_tracker(cls, parent: QWidget, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Export the Excel tracker"), str(suggested), _(XLSX_FILTER)
        )
        return _with_suffix(chosen, ".xlsx")

    @classmethod
    def open_tracker(cls, parent: QWidget, folder: Path) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, _("Import a returned tracker"), str(folder), _(XLSX_FILTER)
        )
        return Path(chosen) if chosen else None

    @classmethod
    def save_calendar(cls, parent: QWidget, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Export the meetings calendar"), str(suggested), _(ICS_FILTER)
        )
        return _with_suffix(chosen, ".ics")
