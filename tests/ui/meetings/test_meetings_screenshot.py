"""The Meetings section over the sample agency, rendered offscreen for review."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import MeetingStatus
from cs360desk.services.meetings import meetings_for_initiative
from cs360desk.services.workspace_info import initiatives
from cs360desk.ui.common.style import STYLE_SHEET
from cs360desk.ui.meetings.controller import MeetingsController

pytestmark = pytest.mark.gui
SIZE = (1280, 800)


def test_a_past_meeting_of_the_sample_agency_renders(
    qtbot: QtBot, sample_harness, sample_workspace: Workspace, tmp_path: Path
) -> None:
    now = sample_harness.context.now()
    with sample_workspace.session_factory.begin() as s:
        initiative = initiatives(s)[0].id
        past = meetings_for_initiative(s, initiative, now=now, upcoming=False)
    held = next(row for row in past if row.meeting.status is MeetingStatus.HELD)
    controller = MeetingsController(sample_harness.context)
    view = controller.view
    qtbot.addWidget(view)
    view.setStyleSheet(STYLE_SHEET + view.styleSheet())  # as inside the main window
    view.resize(*SIZE)
    view.show()
    qtbot.waitExposed(view)
    controller.show_initiative(initiative)
    sample_harness.wait_idle(qtbot)
    controller.open_record("meeting", held.meeting.id)
    qtbot.waitUntil(lambda: controller.editor.meeting_id == held.meeting.id, timeout=10_000)
    sample_harness.wait_idle(qtbot)
    view.editor.tabs.setCurrentIndex(1)

    path = Path(os.environ.get("CS360_SHOTS", tmp_path)) / "meetings.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    assert view.list_model.rowCount() == len(past)
    assert view.editor.agenda_model.rowCount() > 2
    assert view.editor.attendance_model.rowCount() == held.present + held.absent + held.excused
    assert sample_harness.failures == []
