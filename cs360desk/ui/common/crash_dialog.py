"""The dialog for a bug: nothing saved is lost, where the log is, the details one click away."""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cs360desk import __version__
from cs360desk.i18n import N_, _, ngettext
from cs360desk.operations.log_files import current_log_file
from cs360desk.ui.common.labels import plain_label

ICON_SIZE = 48  # logical pixels
# Marked with N_(): translate with _() where shown.
BUG_TITLE = N_("Something went wrong")
HEADING = N_("Something went wrong — nothing you saved is lost.")
EXPLANATION = N_(
    "CS360 Desk saves each change the moment you make it, so your work up to now is safe in "
    "the workspace. The step that failed did not finish: try it again, or close CS360 Desk "
    "and open it again. If it keeps happening, copy the details and send them to whoever "
    "helps you with the app."
)
NO_LOG_FILE = N_("No log file could be written on this computer; copy the details to keep them.")
# A bug that repeats (in a timer, say) must not fill the clipboard or the memory without end.
KEPT_REPORTS = 10
# A dialog with no parent window lives only while Python holds it: held here until closed.
_unparented: set[CrashDialog] = set()


def crash_details(error: BaseException, origin: str, log_file: Path | None) -> str:
    """What a helper needs to find the bug: versions, where it happened, the traceback.

    Left in English: it is read by whoever fixes the bug, like the log.
    """
    lines = [
        f"CS360 Desk {__version__}",
        f"Python {platform.python_version()} ({sys.platform}, {platform.platform()})",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"When: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Where: {origin}",
        f"Log file: {log_file if log_file is not None else 'none'}",
        "",
    ]
    return "\n".join(lines) + "".join(traceback.format_exception(error))


def error_summary(error: BaseException) -> str:
    """The last line of the traceback, e.g. `KeyError: 'missing'`."""
    return traceback.format_exception_only(error)[-1].strip()


class CrashDialog(QDialog):
    """Told once per bug; a bug that happens again while it is open is counted in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("{title} — CS360 Desk").format(title=_(BUG_TITLE)))
        self.setAccessibleName(_(BUG_TITLE))
        self.setAccessibleDescription(_(HEADING))
        self.setMinimumWidth(520)
        self.reports: list[str] = []
        self.count = 0
        self.summary = plain_label(name="CrashSummary", wrap=True)
        self.summary.setAccessibleName(_("What failed"))
        self.repeats = plain_label(name="CrashRepeats", wrap=True)
        self.repeats.setAccessibleName(_("How often it happened"))
        self.repeats.hide()
        self.log_path = QLineEdit()
        self.log_path.setReadOnly(True)
        self.log_path.setAccessibleName(_("Log file"))
        self.log_path.setAccessibleDescription(_("The log file's path; select it to copy it"))
        self.no_log = plain_label(_(NO_LOG_FILE), name="CrashNoLog", wrap=True)
        self.copy_button = QPushButton(_("&Copy details"))
        self.copy_button.setAccessibleName(_("Copy details"))
        self.copy_button.setAccessibleDescription(
            _(
                "Copies the error's details, the app's version and Python's and Qt's to the "
                "clipboard"
            )
        )
        self.copy_button.clicked.connect(self._on_copy)
        self._build_layout()

    @property
    def details(self) -> str:
        """Every kept report, newest last: what the copy button puts on the clipboard."""
        return "\n\n".join(self.reports)

    def add(self, error: BaseException, origin: str) -> None:
        """Tell one more failure: the first fills the dialog, later ones are counted."""
        log_file = current_log_file()
        self.count += 1
        self.reports = [*self.reports, crash_details(error, origin, log_file)][-KEPT_REPORTS:]
        self.summary.setText(_("What failed: {error}").format(error=error_summary(error)))
        self.log_path.setText(str(log_file) if log_file is not None else "")
        self.log_path.setVisible(log_file is not None)
        self.no_log.setVisible(log_file is None)
        if self.count > 1:
            self.repeats.setText(
                ngettext(
                    "This has now happened {n} time.",
                    "This has now happened {n} times.",
                    self.count,
                ).format(n=self.count)
            )
            self.repeats.show()
        self.copy_button.setText(_("&Copy details"))

    def _build_layout(self) -> None:
        icon = QLabel()
        # Drawn for the screen's pixel ratio, so it stays sharp at 200 %.
        critical = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        icon.setPixmap(critical.pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF()))
        icon.setAccessibleName(_("Error"))
        heading = plain_label(_(HEADING), name="CrashHeading", wrap=True)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        explanation = plain_label(_(EXPLANATION), name="CrashExplanation", wrap=True)
        log_caption = plain_label(_("The details are also in the log file:"), wrap=True)
        log_caption.setBuddy(self.log_path)
        text = QVBoxLayout()
        text.setSpacing(10)
        for widget in (heading, explanation, self.summary, self.repeats, log_caption):
            text.addWidget(widget)
        text.addWidget(self.log_path)
        text.addWidget(self.no_log)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_("Close"))
        close.setDefault(True)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(16)
        grid.addWidget(icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, 0, 1)
        grid.addWidget(buttons, 1, 0, 1, 2)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(_("Copied ✓"))


def show_crash(error: BaseException, origin: str, parent: QWidget | None) -> CrashDialog:
    """Tell the user about a bug: in the crash dialog already open, else in a new one."""
    dialog = open_crash_dialog()
    if dialog is None:
        dialog = CrashDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if parent is None:
            _unparented.add(dialog)
            dialog.finished.connect(lambda _result: _unparented.discard(dialog))
        dialog.add(error, origin)
        # open(), not exec(): window-modal, and the event loop (and autosave) keep running.
        dialog.open()
    else:
        dialog.add(error, origin)
    return dialog


def open_crash_dialog() -> CrashDialog | None:
    """The crash dialog on screen now, wherever it is parented."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CrashDialog) and widget.isVisible():
            return widget
    return None
