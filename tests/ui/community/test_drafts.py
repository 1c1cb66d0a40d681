"""Draft update… from the Communications section: the drafts as the service builds them, the
fact checklist, the counter, copying, saving into the log, read-only, empty, wide and narrow."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.draft_wording import build_drafts
from cs360desk.domain.enums import CommunicationStatus
from cs360desk.domain.update_drafts import DraftKind, Fact, FactKind, UpdateDrafts
from cs360desk.operations.drafts import DraftRequest, draft_updates
from cs360desk.services import catalog
from cs360desk.services.history import HistoryFilter, list_changes
from cs360desk.services.update_drafts import DRAFT_CHANNELS
from cs360desk.ui.common.formatting import from_qdate, to_qdate
from cs360desk.ui.community.communications import CommunicationsController
from cs360desk.ui.community.drafts import DraftsDialog
from cs360desk.ui.community.drafts_facts import FACT, PUBLIC, USED_IN
from cs360desk.ui.community.drafts_save import SaveDraftDialog
from cs360desk.ui.community.drafts_shot import render_drafts_shot
from cs360desk.ui.community.drafts_view import WIDE_LAYOUT_WIDTH
from tests.ui.conftest import ready_main_window

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000


def read(workspace: Workspace, work: Callable[[Any], Any]) -> Any:
    with workspace.session_factory.begin() as session:
        return work(session)


@pytest.fixture
def initiative_id(sample_workspace: Workspace) -> int:
    return int(read(sample_workspace, lambda s: catalog.INITIATIVE.list(s)[0].id))


@pytest.fixture
def expected(sample_workspace: Workspace, initiative_id: int, now: datetime) -> UpdateDrafts:
    """The drafts of the default period, as the command line would print them."""
    request = DraftRequest(initiative_id)
    drafts: UpdateDrafts = read(sample_workspace, lambda s: draft_updates(s, request, now=now))
    return drafts


@pytest.fixture
def section(qtbot: QtBot, sample_harness: Any, initiative_id: int) -> CommunicationsController:
    controller = CommunicationsController(sample_harness.context)
    qtbot.addWidget(controller.view)
    controller.view.resize(1280, 800)
    controller.view.show()
    with qtbot.waitSignal(controller.loaded, timeout=TIMEOUT_MS):
        controller.show_initiative(initiative_id)
    sample_harness.history.applied.connect(lambda _edit: controller.refresh())
    return controller


@pytest.fixture
def dialog(qtbot: QtBot, section: CommunicationsController) -> DraftsDialog:
    """Opened as the user opens it: the section's Draft update… button."""
    button = section.view.draft_button
    assert button.isEnabled() and button.text() == "Draft &update…"
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):  # nothing to save yet
        section.refresh()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    opened = section.drafts.dialog
    assert opened is not None
    qtbot.waitUntil(lambda: opened.drafts is not None and not opened.busy, timeout=TIMEOUT_MS)
    opened.resize(1280, 800)  # the offscreen screen is smaller than most
    qtbot.waitUntil(lambda: opened.wide, timeout=TIMEOUT_MS)
    return opened


def text_of(dialog: DraftsDialog, kind: DraftKind) -> str | None:
    return dialog.panels[kind].text


def a_done_item_in_the_long_update(drafts: UpdateDrafts) -> Fact:
    used = drafts.draft(DraftKind.LONG).facts
    return next(fact for fact in used if fact.kind is FactKind.ACTION_DONE)


def test_the_button_opens_the_three_drafts_of_the_default_period(
    dialog: DraftsDialog, expected: UpdateDrafts, initiative_id: int
) -> None:
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.initiative_box.currentData() == initiative_id
    period = expected.source.period
    assert dialog.start_edit.date() == QDate(
        period.start.year, period.start.month, period.start.day
    )
    assert dialog.end_edit.date() == QDate(period.end.year, period.end.month, period.end.day)
    for kind in DraftKind:
        assert text_of(dialog, kind) == expected.draft(kind).text
        assert dialog.panels[kind].heading.text().replace("&", "") == kind.label
    assert dialog.drafts is not None and dialog.drafts.source == expected.source
    assert dialog.facts.excluded() == frozenset()


def test_every_fact_is_listed_by_kind_with_why_it_is_not_public(
    dialog: DraftsDialog, expected: UpdateDrafts
) -> None:
    facts = expected.source.facts
    groups = [dialog.facts.topLevelItem(i) for i in range(dialog.facts.topLevelItemCount())]
    assert sum(group.childCount() for group in groups) == len(facts)
    assert groups[0].text(FACT).startswith("Measures (")
    staff_only = next(fact for fact in facts if fact.kind is FactKind.OVERDUE)
    item = dialog.facts.item_of(staff_only.key)
    assert item is not None and item.checkState(FACT) == Qt.CheckState.Checked
    assert item.text(FACT) == staff_only.text
    assert item.text(PUBLIC) == "No: for staff only"
    assert item.text(USED_IN) in ("Briefing", "Not used")
    done = a_done_item_in_the_long_update(expected)
    done_item = dialog.facts.item_of(done.key)
    assert done_item is not None and done_item.text(PUBLIC) == "Yes"
    assert done_item.text(USED_IN) in ("All three", "Update, briefing")


def test_unticking_a_fact_with_space_takes_it_out_of_every_draft(
    qtbot: QtBot, dialog: DraftsDialog, expected: UpdateDrafts
) -> None:
    done = a_done_item_in_the_long_update(expected)
    assert done.title in (text_of(dialog, DraftKind.LONG) or "")
    assert done.title in (text_of(dialog, DraftKind.STAFF) or "")
    item = dialog.facts.item_of(done.key)
    assert item is not None
    dialog.activateWindow()
    dialog.facts.setFocus()
    dialog.facts.setCurrentItem(item)
    qtbot.keyClick(dialog.facts, Qt.Key.Key_Space)
    assert item.checkState(FACT) == Qt.CheckState.Unchecked
    assert item.text(USED_IN) == "left out"
    rebuilt = build_drafts(expected.source, frozenset({done.key}))
    for kind in DraftKind:
        shown = text_of(dialog, kind)
        assert shown == rebuilt.draft(kind).text
        assert done.title not in (shown or "")
    assert f"{len(expected.source.facts) - 1} ticked" in dialog.summary.text()
    qtbot.keyClick(dialog.facts, Qt.Key.Key_Space)  # and back in
    assert text_of(dialog, DraftKind.LONG) == expected.draft(DraftKind.LONG).text


def test_the_drafts_are_written_in_the_chosen_language_and_stay_in_it_when_rebuilt(
    qtbot: QtBot,
    dialog: DraftsDialog,
    expected: UpdateDrafts,
    sample_workspace: Workspace,
    initiative_id: int,
    now: datetime,
) -> None:
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())][1:] == ["English", "Español"]
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        _choose(box, "es")
        box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)
    request = DraftRequest(initiative_id, language="es")
    spanish: UpdateDrafts = read(sample_workspace, lambda s: draft_updates(s, request, now=now))
    assert spanish.source.language == "es"
    assert text_of(dialog, DraftKind.STAFF) == spanish.draft(DraftKind.STAFF).text
    assert text_of(dialog, DraftKind.STAFF) != expected.draft(DraftKind.STAFF).text
    assert "Informe para el personal" in (text_of(dialog, DraftKind.STAFF) or "")
    done = a_done_item_in_the_long_update(spanish)
    item = dialog.facts.item_of(done.key)
    assert item is not None
    item.setCheckState(FACT, Qt.CheckState.Unchecked)  # rebuilt without a query, still Spanish
    rebuilt = build_drafts(spanish.source, frozenset({done.key}))
    assert text_of(dialog, DraftKind.STAFF) == rebuilt.draft(DraftKind.STAFF).text
    assert "Informe para el personal" in (text_of(dialog, DraftKind.STAFF) or "")
    assert dialog.windowTitle().startswith("Draft update")  # the screens stay English


def test_a_draft_edited_by_hand_is_kept_until_rebuilt(
    qtbot: QtBot, dialog: DraftsDialog, expected: UpdateDrafts
) -> None:
    long_panel, short_panel = dialog.panels[DraftKind.LONG], dialog.panels[DraftKind.SHORT]
    assert long_panel.rebuild_button.isHidden()
    long_panel.editor.setFocus()
    long_panel.editor.moveCursor(long_panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(long_panel.editor, " Thanks, Eastside!")
    edited = (expected.draft(DraftKind.LONG).text or "") + " Thanks, Eastside!"
    assert long_panel.text == edited
    assert long_panel.edited and not long_panel.rebuild_button.isHidden()
    done = a_done_item_in_the_long_update(expected)
    dialog.facts.set_kept(done.key, False)
    rebuilt = build_drafts(expected.source, frozenset({done.key}))
    assert long_panel.text == edited  # the hand edit stays
    assert short_panel.text == rebuilt.draft(DraftKind.SHORT).text  # the others follow
    assert "kept as you wrote it" in long_panel.edited_note.text()
    qtbot.mouseClick(long_panel.rebuild_button, Qt.MouseButton.LeftButton)
    assert long_panel.text == rebuilt.draft(DraftKind.LONG).text
    assert long_panel.rebuild_button.isHidden() and not long_panel.edited


def test_the_short_post_counts_characters_and_warns_past_280(
    qtbot: QtBot, dialog: DraftsDialog
) -> None:
    panel = dialog.panels[DraftKind.SHORT]
    text = panel.text or ""
    assert panel.counter.text() == f"{len(text)} / 280"
    assert panel.counter.property("warning") is False
    panel.editor.setPlainText("¡Gracias, Eastside! " + "x" * 260)  # 280 exactly
    assert panel.counter.text() == "280 / 280" and panel.counter.property("warning") is False
    panel.editor.setFocus()
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "abc")
    assert panel.counter.text() == "▲ 283 / 280: over by 3"
    assert panel.counter.property("warning") is True
    assert panel.counter.isVisible()
    assert dialog.panels[DraftKind.LONG].counter.text().endswith("(120–300 read best)")


def test_copy_puts_the_text_as_shown_on_the_clipboard(qtbot: QtBot, dialog: DraftsDialog) -> None:
    panel = dialog.panels[DraftKind.SHORT]
    panel.editor.setPlainText("Café con la policía <b>el sábado</b> — ¡vengan!")
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Café con la policía <b>el sábado</b> — ¡vengan!"
    assert dialog.feedback.text().startswith("Copied the short public post")


def _save_dialog(qtbot: QtBot, dialog: DraftsDialog, kind: DraftKind) -> SaveDraftDialog:
    qtbot.mouseClick(dialog.panels[kind].save_button, Qt.MouseButton.LeftButton)
    saving = dialog.save_dialog
    assert saving is not None and saving.isVisible()
    return saving


def _choose(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data.value if hasattr(data, "value") else data))


def test_a_posted_draft_is_saved_in_the_log_with_its_text_and_can_be_undone(
    qtbot: QtBot,
    dialog: DraftsDialog,
    section: CommunicationsController,
    sample_harness: Any,
    sample_workspace: Workspace,
) -> None:
    panel = dialog.panels[DraftKind.SHORT]
    text = (panel.text or "") + " #Eastside"
    panel.editor.setPlainText(text)
    saving = _save_dialog(qtbot, dialog, DraftKind.SHORT)
    channel, audience = DRAFT_CHANNELS[DraftKind.SHORT]
    assert saving.channel_box.currentData() == channel.value
    assert saving.audience_box.currentData() == audience.value
    assert saving.status_box.currentData() == CommunicationStatus.DRAFT.value
    _choose(saving.status_box, CommunicationStatus.POSTED)
    assert saving.date_check.text() == "Posted o&n" and saving.date_check.isChecked()
    assert dialog.today is not None and from_qdate(saving.date_edit.date()) == dialog.today
    posted_on = dialog.today - timedelta(days=1)
    saving.date_edit.setDate(to_qdate(posted_on))
    saved: list[Any] = []
    dialog.saved.connect(saved.append)
    with qtbot.waitSignals([dialog.saved, section.loaded], timeout=TIMEOUT_MS):
        qtbot.mouseClick(saving.save_button, Qt.MouseButton.LeftButton)
    (record,) = saved
    stored = read(sample_workspace, lambda s: catalog.COMMUNICATION.get(s, record.id))
    assert stored.text == text
    assert stored.status is CommunicationStatus.POSTED and stored.posted_on == posted_on
    assert stored.channel is channel and stored.audience is audience
    assert dialog.save_dialog is None and dialog.isVisible()  # closed once saved
    assert section.editor.current_id == record.id  # the log shows it, chosen
    changes = read(
        sample_workspace,
        lambda s: list_changes(s, HistoryFilter(entity="communication", record_id=record.id)),
    )
    assert len(changes) == 1
    assert sample_harness.history.can_undo()
    assert "communication" in sample_harness.history.undo_action.text().lower()
    assert any("Saved: the short public post" in said for said in sample_harness.statuses)
    with qtbot.waitSignal(section.loaded, timeout=TIMEOUT_MS):
        sample_harness.history.undo()
    gone = read(sample_workspace, lambda s: catalog.COMMUNICATION.list(s))
    assert all(row.id != record.id for row in gone)


def test_posted_without_a_day_is_refused_and_the_dialog_stays(
    qtbot: QtBot, dialog: DraftsDialog, sample_harness: Any, sample_workspace: Workspace
) -> None:
    before = len(read(sample_workspace, lambda s: catalog.COMMUNICATION.list(s)))
    saving = _save_dialog(qtbot, dialog, DraftKind.STAFF)
    _choose(saving.status_box, CommunicationStatus.POSTED)
    saving.date_check.setChecked(False)
    assert not saving.date_edit.isEnabled()
    qtbot.mouseClick(saving.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not saving.error_label.isHidden(), timeout=TIMEOUT_MS)
    assert "say on which day it was posted" in saving.error_label.text()
    assert saving.isVisible() and saving.save_button.isEnabled()
    assert len(read(sample_workspace, lambda s: catalog.COMMUNICATION.list(s))) == before
    assert not sample_harness.history.can_undo()
    saving.date_check.setChecked(True)  # with its day it goes through
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT_MS):
        qtbot.mouseClick(saving.save_button, Qt.MouseButton.LeftButton)
    assert len(read(sample_workspace, lambda s: catalog.COMMUNICATION.list(s))) == before + 1


def test_a_period_with_nothing_in_it_says_so(qtbot: QtBot, dialog: DraftsDialog) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.start_edit.setDate(QDate(2001, 1, 1))
        dialog.end_edit.setDate(QDate(2001, 1, 31))
    drafts = dialog.drafts
    assert drafts is not None and drafts.empty
    assert (drafts.source.period.start, drafts.source.period.end) == (
        date(2001, 1, 1),
        date(2001, 1, 31),
    )
    for kind in (DraftKind.SHORT, DraftKind.LONG):
        panel = dialog.panels[kind]
        reason = drafts.draft(kind).reason
        assert reason.startswith("Nothing was recorded between Jan 1 and Jan 31, 2001")
        assert panel.text is None and not panel.shows_text
        assert panel.reason_label.text() == reason and panel.reason_label.isVisible()
        assert panel.reason_label.textFormat() == Qt.TextFormat.PlainText
        assert not panel.copy_button.isEnabled() and not panel.save_button.isEnabled()
    assert "nothing was recorded in this period" in dialog.summary.text()


def test_a_period_ending_before_it_starts_is_not_loaded(qtbot: QtBot, dialog: DraftsDialog) -> None:
    shown = dialog.drafts
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-3))
    qtbot.waitUntil(lambda: not dialog.period_error.isHidden(), timeout=TIMEOUT_MS)
    assert "must not end before it starts" in dialog.period_error.text()
    assert dialog.drafts is shown and not dialog.busy


def test_wide_shows_columns_and_narrow_shows_tabs(qtbot: QtBot, dialog: DraftsDialog) -> None:
    dialog.resize(WIDE_LAYOUT_WIDTH + 180, 800)
    qtbot.waitUntil(lambda: dialog.wide, timeout=TIMEOUT_MS)
    assert dialog.columns.isVisible() and dialog.columns.count() == 3
    assert dialog.tabs.count() == 0
    assert all(panel.isVisible() and panel.heading.isVisible() for panel in dialog.panels.values())
    panel = dialog.panels[DraftKind.LONG]
    panel.editor.setPlainText("Kept across layouts")
    dialog.resize(900, 700)
    qtbot.waitUntil(lambda: not dialog.wide, timeout=TIMEOUT_MS)
    assert dialog.tabs.isVisible() and dialog.tabs.count() == 3
    assert [dialog.tabs.tabText(i).replace("&", "") for i in range(3)] == [
        kind.label for kind in DraftKind
    ]
    dialog.show_draft_kind(DraftKind.LONG)
    assert dialog.tabs.currentWidget() is panel and panel.text == "Kept across layouts"
    assert not panel.heading.isVisible()  # the tab says it
    assert panel.counter.isVisible()
    dialog.resize(1280, 800)
    qtbot.waitUntil(lambda: dialog.wide, timeout=TIMEOUT_MS)
    assert dialog.tabs.count() == 0 and panel.text == "Kept across layouts"


def test_every_button_and_field_has_an_alt_key_and_escape_closes(
    qtbot: QtBot, dialog: DraftsDialog
) -> None:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text()]
    assert buttons and all("&" in b.text() for b in buttons), [b.text() for b in buttons]
    captions = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
    keys = [text.split("&")[1][0].lower() for text in [b.text() for b in buttons] + captions]
    assert len(keys) == len(set(keys)), keys  # side by side, no two share one
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    for field in (dialog.initiative_box, dialog.start_edit, dialog.end_edit, dialog.facts):
        assert field in buddies
    for panel in dialog.panels.values():
        assert panel.heading.buddy() is panel.editor
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_read_only_drafts_can_be_copied_but_not_saved(
    qtbot: QtBot, sample_harness: Any, initiative_id: int, expected: UpdateDrafts
) -> None:
    context = dataclasses.replace(sample_harness.context, read_only=True)
    dialog = DraftsDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        dialog.open_for(initiative_id)
    for kind, panel in dialog.panels.items():
        assert panel.text == expected.draft(kind).text
        assert not panel.save_button.isEnabled()
        assert "read-only" in panel.save_button.toolTip()
    assert dialog.panels[DraftKind.SHORT].copy_button.isEnabled()
    assert "cannot" in dialog.feedback.text() or "not saved" in dialog.feedback.text()
    dialog.panels[DraftKind.SHORT].editor.setPlainText("still editable, to copy")
    assert not dialog.panels[DraftKind.SHORT].save_button.isEnabled()


def test_another_initiative_loads_its_own_default_period(
    qtbot: QtBot, dialog: DraftsDialog, sample_workspace: Workspace, now: datetime
) -> None:
    box = dialog.initiative_box
    assert box.count() > 1
    dialog.facts.set_kept(next(iter(dialog.facts._items)), False)
    other = box.itemData(1)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT_MS):
        box.setCurrentIndex(1)
        box.activated.emit(1)
    expected = read(sample_workspace, lambda s: draft_updates(s, DraftRequest(other), now=now))
    assert dialog.drafts is not None and dialog.drafts.source == expected.source
    assert dialog.facts.excluded() == frozenset()
    for kind in DraftKind:
        assert dialog.panels[kind].text == expected.draft(kind).text
    assert dialog.windowTitle() == f"Draft update: {expected.source.initiative_name}"


def test_in_a_read_only_workspace_communications_still_opens_the_drafts(
    qtbot: QtBot, sample_workspace: Workspace, settings: Any, now: datetime
) -> None:
    path = sample_workspace.path
    sample_workspace.close()
    workspace = open_workspace(path, read_only=True, read_only_reason="a test asked for it")
    window = ready_main_window(qtbot, workspace, settings, now)
    try:
        controller = window.controller
        window.sidebar.setCurrentRow(controller.sections.index("Communications"))
        qtbot.waitUntil(lambda: not controller.runner.busy, timeout=TIMEOUT_MS)
        section = controller.sections["Communications"]
        assert isinstance(section, CommunicationsController)
        assert section.view.draft_button.isEnabled() and not section.view.new_button.isEnabled()
        qtbot.mouseClick(section.view.draft_button, Qt.MouseButton.LeftButton)
        dialog = section.drafts.dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.drafts is not None and not dialog.busy, timeout=TIMEOUT_MS)
        short = dialog.panels[DraftKind.SHORT]
        assert short.text and short.copy_button.isEnabled() and not short.save_button.isEnabled()
        assert not short.editor.isReadOnly()  # edits to copy are the user's own business
        dialog.reject()
    finally:
        window.close()
        workspace.close()


def test_the_review_shots_are_written_wide_and_narrow(
    qtbot: QtBot, sample_harness: Any, initiative_id: int, tmp_path: Path
) -> None:
    paths = render_drafts_shot(sample_harness.context, initiative_id, tmp_path / "shots")
    assert [path.name for path in paths] == ["drafts.png", "drafts_narrow.png"]
    sizes = [QImage(str(path)).size() for path in paths]
    assert [(size.width(), size.height()) for size in sizes] == [(1280, 800), (900, 700)]
