"""Screenshots render offscreen from a workspace file to PNGs of the expected size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.errors import WorkspaceError
from cs360desk.ui.shell.main_window import SECTIONS
from cs360desk.ui.shell.screenshots import WINDOW_SIZE, render_screenshots, section_file_name

pytestmark = pytest.mark.gui


def test_renders_the_sections_the_settings_and_the_first_run(
    qtbot: QtBot, sample_workspace: Workspace, tmp_path: Path
) -> None:
    sample_workspace.close()  # the screenshots open the file themselves
    out = tmp_path / "shots"
    paths = render_screenshots(sample_workspace.path, out)
    sections = [section_file_name(spec.title) for spec in SECTIONS]
    assert sections[0] == "dashboard.png"
    dialogs = ["settings.png", "first_run.png", "first_run_form.png"]
    assert [p.name for p in paths] == [*sections, *dialogs]
    for path in paths[: len(sections)]:
        image = QImage(str(path))
        assert (image.width(), image.height()) == WINDOW_SIZE
    for path in paths[len(sections) :]:
        image = QImage(str(path))
        assert image.width() >= 500 and image.height() >= 200


def test_a_missing_workspace_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace"):
        render_screenshots(tmp_path / "missing.cs360", tmp_path / "shots")
    assert not (tmp_path / "missing.cs360").exists()
