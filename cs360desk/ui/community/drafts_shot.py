"""The drafts dialog rendered to PNG files offscreen, wide and narrow, for review and the README."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from cs360desk.ui.common.sections import SectionContext
from cs360desk.ui.community.drafts import DraftsDialog

TIMEOUT_S = 60.0
# (file name, size): three columns side by side, then tabs on a smaller screen.
SHOTS = (("drafts.png", (1280, 800)), ("drafts_narrow.png", (900, 700)))


def _settle(dialog: DraftsDialog, context: SectionContext) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while dialog.busy or context.runner.busy:
        if time.monotonic() > deadline:
            raise TimeoutError("the drafts did not finish loading in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    QApplication.processEvents()


def render_drafts_shot(
    context: SectionContext,
    initiative_id: int | None,
    out_dir: Path,
    parent: QWidget | None = None,
) -> list[Path]:
    """Draft update… for the initiative (None: the first), as opened from Communications.

    With the main window's controller: ``render_drafts_shot(controller.context,
    controller.initiative_id, out_dir, window)``; needs a running QApplication.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    dialog = DraftsDialog(context, parent)
    paths = []
    try:
        dialog.open_for(initiative_id)
        _settle(dialog, context)
        for name, (width, height) in SHOTS:
            dialog.resize(width, height)
            for _turn in range(3):  # the new layout, then the heights shared out after it
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            path = out_dir / name
            if not dialog.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            paths.append(path)
    finally:
        dialog.done(0)
        dialog.deleteLater()
    return paths
