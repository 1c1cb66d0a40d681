"""The meeting editor's "Open to the public": off by default, saved when ticked, undone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import Affiliation, MeetingMode, TeamKind
from cs360desk.services import catalog
from cs360desk.ui.common.read_only_mode import ReadOnlyGuard
from cs360desk.ui.meetings.controller import MeetingsController
from cs360desk.ui.meetings.editor import DETAIL_FIELDS

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
OPEN = "open_to_public"


@dataclass(frozen=True)
class Planned:
    initiative: int
    meeting: int


def read(workspace: Workspace, work: Callable[[Any], Any]) -> Any:
    with workspace.session_factory.begin() as session:
        return work(session)


def is_open(workspace: Workspace, meeting_id: int) -> bool:
    return bool(read(workspace, lambda s: catalog.MEETING.get(s, meeting_id).open_to_public))


@pytest.fixture
def planned(workspace: Workspace, now: datetime) -> Planned:
    def build(s: Any) -> Planned:
        catalog.AGENCY.create(s, name="Riverside Police Department")
        champion = catalog.PERSON.create(
            s, full_name="Sgt. Dana Whitfield", affiliation=Affiliation.DEPARTMENT
        )
        initiative = catalog.INITIATIVE.create(
            s, name="Eastside", started_on=now.date(), champion_id=champion.id
        )
        team = catalog.TEAM.create(
            s,
            initiative_id=initiative.id,
            name="Community Advisory Team",
            kind=TeamKind.ADVISORY_TEAM,
        )
        meeting = catalog.MEETING.create(
            s,
            team_id=team.id,
            title="Town hall on the Eastside",
            starts_at=now + timedelta(days=5),
            mode=MeetingMode.IN_PERSON,
            location="Iglesia San José, 12 Calle Ocho",
        )
        return Planned(initiative.id, meeting.id)

    return read(workspace, build)  # type: ignore[no-any-return]


@pytest.fixture
def section(qtbot: QtBot, harness: Any, planned: Planned) -> Iterator[MeetingsController]:
    controller = MeetingsController(harness.context)
    qtbot.addWidget(controller.view)
    controller.view.resize(1280, 800)
    controller.view.show()
    qtbot.waitExposed(controller.view)
    controller.show_initiative(planned.initiative)
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: controller.editor.meeting_id == planned.meeting, timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    yield controller
    harness.runner.shutdown()


def check_box(section: MeetingsController) -> QCheckBox:
    box = section.view.editor.form.widget(OPEN)
    assert isinstance(box, QCheckBox)
    return box


def click(qtbot: QtBot, box: QCheckBox) -> None:
    """On the box and its words: the row is wider than what a click toggles."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_box_is_on_the_details_tab_under_the_place_and_starts_off(
    section: MeetingsController,
) -> None:
    editor = section.view.editor
    box = check_box(section)
    assert not box.isChecked()
    assert box.text() == "Open to the pu&blic"
    assert box.accessibleName() == "Open to the public"
    assert "place" in box.toolTip() and box.accessibleDescription() == box.toolTip()
    assert DETAIL_FIELDS[-2:] == ("video_link", OPEN)
    assert editor.tabs.currentIndex() == 0 and box.isVisibleTo(editor)


def test_ticking_it_saves_at_once_and_undo_clears_it(
    qtbot: QtBot,
    section: MeetingsController,
    harness: Any,
    planned: Planned,
    workspace: Workspace,
) -> None:
    click(qtbot, check_box(section))
    harness.wait_idle(qtbot)
    assert is_open(workspace, planned.meeting)
    assert harness.statuses[-1] == "Saved"
    assert harness.failures == []
    harness.history.undo()
    harness.wait_idle(qtbot)
    assert not is_open(workspace, planned.meeting)
    section.refresh()  # as the main window does after an undo
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: not check_box(section).isChecked(), timeout=TIMEOUT_MS)
    harness.history.redo()
    harness.wait_idle(qtbot)
    section.refresh()
    harness.wait_idle(qtbot)
    qtbot.waitUntil(lambda: check_box(section).isChecked(), timeout=TIMEOUT_MS)
    assert is_open(workspace, planned.meeting)
    # Other fields are saved as before, and leave the box alone.
    location = read(workspace, lambda s: catalog.MEETING.get(s, planned.meeting).location)
    assert location == "Iglesia San José, 12 Calle Ocho"


def test_alt_b_toggles_it_and_tab_reaches_it_after_the_video_link(
    qtbot: QtBot,
    section: MeetingsController,
    harness: Any,
    planned: Planned,
    workspace: Workspace,
) -> None:
    view = section.view
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=TIMEOUT_MS)
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: check_box(section).isChecked(), timeout=TIMEOUT_MS)
    harness.wait_idle(qtbot)
    assert is_open(workspace, planned.meeting)
    shown = [w for w in (*view.findChildren(QLabel), *view.findChildren(QCheckBox)) if _shown(w)]
    keys = [w.text().replace("&&", "").split("&")[1][0].lower() for w in shown if _has_key(w)]
    assert keys.count("b") == 1, keys
    video = view.editor.form.widget("video_link")
    assert video.nextInFocusChain() is check_box(section)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible()


def _has_key(widget: QLabel | QCheckBox) -> bool:
    return "&" in widget.text().replace("&&", "")


def test_read_only_leaves_the_box_disabled(
    qtbot: QtBot,
    section: MeetingsController,
    harness: Any,
    planned: Planned,
    workspace: Workspace,
) -> None:
    ReadOnlyGuard(section.view)
    box = check_box(section)
    assert not box.isEnabled()
    click(qtbot, box)
    harness.wait_idle(qtbot)
    assert not box.isChecked() and not is_open(workspace, planned.meeting)
    assert not harness.history.can_undo()
