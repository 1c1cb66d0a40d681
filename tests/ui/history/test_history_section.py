"""The History section: change records with old → new, filters, and restoring a delete."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ChangeAction
from cs360desk.services import catalog
from cs360desk.ui.history.controller import HistoryController, RestoreConfirmation, local_bounds
from cs360desk.ui.history.models import changes_text
from tests.ui.section_support import shown_section, write

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


@pytest.fixture
def section(qtbot: QtBot, harness: Any, workspace: Workspace) -> HistoryController:
    person = write(workspace, lambda s: catalog.PERSON.create(s, full_name="Nguyễn Thị Hoa"))
    write(workspace, lambda s: catalog.PERSON.update(s, person.id, title="Sergeant"))
    org = write(workspace, lambda s: catalog.ORGANIZATION.create(s, name="Iglesia San José"))
    write(workspace, lambda s: catalog.ORGANIZATION.delete(s, org.id))
    controller = shown_section(qtbot, HistoryController(harness.context))
    with qtbot.waitSignal(controller.loaded, timeout=TIMEOUT_MS):
        controller.refresh()
    return controller


def select(qtbot: QtBot, section: HistoryController, action: ChangeAction) -> int:
    model = section.view.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).action is action)
    section.view.table.selectRow(row)
    return row


def test_lists_every_change_newest_first(section: HistoryController, qtmodeltester: Any) -> None:
    model = section.view.model
    assert model.rowCount() == 4
    assert model.row_at(0).action is ChangeAction.DELETE
    qtmodeltester.check(model)
    texts = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert "title: (empty) → Sergeant" in texts
    assert section.view.count_label.text() == "4 changes"


def test_choosing_a_change_shows_its_fields(
    qtbot: QtBot, section: HistoryController, qtmodeltester: Any
) -> None:
    select(qtbot, section, ChangeAction.UPDATE)
    fields = section.view.field_model
    assert [(fields.index(0, c).data()) for c in range(3)] == ["title", "", "Sergeant"]
    qtmodeltester.check(fields)
    assert not section.view.restore_button.isEnabled()
    assert "Nguyễn Thị Hoa" in section.view.detail_label.text()


def test_filters_by_kind_record_and_date(qtbot: QtBot, section: HistoryController) -> None:
    view = section.view
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.kind_combo.setCurrentIndex(view.kind_combo.findData("organization"))
    assert {view.model.row_at(r).entity for r in range(view.model.rowCount())} == {"organization"}
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.until_check.setChecked(True)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.until_edit.setDate(date.today() - timedelta(days=3))
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.until_check.setChecked(False)
    view.record_edit.setText("999")
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        view.record_edit.editingFinished.emit()
    assert view.model.rowCount() == 0
    assert view.kind_combo.currentData() == "organization"


def test_person_filter_offers_who_made_changes(section: HistoryController) -> None:
    combo = section.view.person_combo
    assert combo.itemText(0) == "All" and combo.count() == 2


def test_restore_brings_the_deleted_record_back(
    qtbot: QtBot,
    section: HistoryController,
    harness: Any,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        RestoreConfirmation,
        "ask",
        classmethod(lambda cls, parent, entry: asked.append(entry.title) or True),
    )
    select(qtbot, section, ChangeAction.DELETE)
    assert section.view.restore_button.isEnabled()
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        section.view.restore_button.click()
    assert asked == ["Iglesia San José"]
    names = write(workspace, lambda s: [o.name for o in catalog.ORGANIZATION.list(s)])
    assert names == ["Iglesia San José"]
    assert harness.statuses[-1].startswith("Restored organization")
    assert harness.history.can_undo()
    assert section.view.model.row_at(0).action is ChangeAction.CREATE


def test_declining_the_confirmation_changes_nothing(
    qtbot: QtBot, section: HistoryController, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RestoreConfirmation, "ask", classmethod(lambda cls, parent, entry: False))
    select(qtbot, section, ChangeAction.DELETE)
    section.view.restore_button.click()
    qtbot.wait(50)
    assert write(workspace, lambda s: catalog.ORGANIZATION.list(s)) == []


def test_local_bounds_cover_whole_days() -> None:
    start, end = local_bounds(date(2026, 3, 1), date(2026, 3, 1))
    assert start is not None and end is not None
    assert (end - start) > timedelta(hours=23, minutes=59)
    assert local_bounds(None, None) == (None, None)


def test_long_updates_are_summarised() -> None:
    from datetime import UTC, datetime

    from cs360desk.services.history import ChangeEntry, FieldChange

    fields = tuple(FieldChange(f"f{n}", f"f{n}", "a\nb", "c") for n in range(5))
    entry = ChangeEntry(
        1, datetime.now(UTC), "hoa", "person", "person", 1, ChangeAction.UPDATE, "", fields
    )
    assert changes_text(entry) == "f0: a b → c; f1: a b → c; f2: a b → c (+2 more)"


def test_screenshot(section: HistoryController, qtbot: QtBot, tmp_path: Path) -> None:
    select(qtbot, section, ChangeAction.UPDATE)
    qtbot.wait(50)
    image = section.view.grab()
    path = Path("/tmp/history_section.png")
    assert image.save(str(path))
