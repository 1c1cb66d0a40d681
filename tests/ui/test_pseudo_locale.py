"""The pseudo-language en_XA over the sample agency: every section and the main dialogs, and
no shown text that skipped the catalog.

In en_XA each translated string reads "[Ṁééţîñĝš]". A text fails when, once its pseudo parts
are taken out, Latin letters remain that are not user data of the sample agency (any text
value stored in the workspace), a product or language name, a time zone or a date Babel
wrote. The failure lists each such text with the widget that showed it, to be wrapped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.i18n import PSEUDO, _, set_ui_language, ui_language
from cs360desk.ui.shell.main_window import MainWindow
from tests.ui.pseudo_support import Judge, Offences, sample_strings
from tests.ui.tour_support import main_window, tour, use_language

pytestmark = pytest.mark.gui


@pytest.fixture
def window(
    qtbot: QtBot,
    sample_workspace: Workspace,
    settings: QSettings,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    use_language(monkeypatch, PSEUDO)
    with main_window(qtbot, sample_workspace, settings, now) as main:
        assert ui_language() == PSEUDO and _("Meetings").startswith("[")
        yield main


def test_every_shown_text_went_through_the_catalog(
    qtbot: QtBot,
    window: MainWindow,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offences = Offences(Judge(sample_strings(sample_workspace.engine), paths=[tmp_path]))
    tour(qtbot, window, sample_workspace, offences.check, monkeypatch)
    assert offences.read > 500, "too few texts read: the window did not show its sections"
    assert not offences.found, offences.report()


def test_the_judge_tells_pseudo_text_from_plain_text() -> None:
    judge = Judge({"Ana Ruiz", "Riverside Police Department", "Place"})
    set_ui_language(PSEUDO)
    for fine in (
        _("Meetings"),
        _("Go to {section}").format(section=_("Meetings")),
        "CS360 Desk — Riverside Police Department",
        f"{_('Champion')}: Ana Ruiz",
        f"{_('New person')} (Ctrl+N)",
        "Ana Ruiz · 3",
        "Place",
        "12/03/2026 19:00",
        "March 3, 2026",
        "America/Chicago",
        "Español",
        "⚠ 42 %",
    ):
        assert judge.fine(fine), fine
    for wrong in (
        "Meetings",
        f"{_('Meetings')} today",
        "Ana Ruiz (champion)",
        "3 days",
        "Place of the meeting",
        "Press Ctrl+N to add one",
    ):
        assert not judge.fine(wrong), wrong
