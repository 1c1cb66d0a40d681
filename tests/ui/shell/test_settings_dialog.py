"""Edit → Settings…: the stored settings shown, saved as one undo step, refused by field,
cancelled without a trace; the logo file checked; read-only workspaces only shown."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from reportlab.lib.units import inch

from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.enums import PaperSize
from cs360desk.domain.records import AgencyRecord
from cs360desk.reports.pdf_blocks import LOGO_BOX
from cs360desk.services.agency_settings import (
    AGENCY_SETTING_FIELDS,
    agency_settings,
    save_agency_settings,
)
from cs360desk.services.catalog import AGENCY
from cs360desk.ui.dashboard.controller import DashboardController
from cs360desk.ui.shell.logo_file import LogoFiles, logo_from_file
from cs360desk.ui.shell.main_window import MainWindow
from cs360desk.ui.shell.settings_dialog import NO_AGENCY, SettingsDialog
from cs360desk.ui.shell.settings_dialog_view import DAY_FIELDS, LOCAL_ZONE_TEXT, LOGO_PRINT_INCHES
from tests.ui.conftest import ready_main_window
from tests.ui.shell.conftest import open_settings

pytestmark = pytest.mark.gui
TIMEOUT_MS = 15_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
    '<rect width="300" height="100" fill="#1f4e79"/></svg>'
)


def _open(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    dialog = open_settings(qtbot, window)
    assert dialog.isModal()
    return dialog


def _ok(qtbot: QtBot, window: MainWindow, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not dialog.busy and not window.controller.runner.busy, timeout=TIMEOUT_MS
    )


def _stored(workspace: Workspace) -> AgencyRecord:
    with workspace.session_factory.begin() as session:
        return agency_settings(session)


def _settings(workspace: Workspace) -> dict[str, object]:
    stored = _stored(workspace)
    return {name: getattr(stored, name) for name in AGENCY_SETTING_FIELDS}


def _image(path: Path, width: int, height: int, kind: str) -> Path:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f4e79"))
    assert image.save(str(path), kind)
    return path


def _line(dialog: SettingsDialog, name: str) -> QLineEdit:
    edit = dialog.fields.widget(name)
    assert isinstance(edit, QLineEdit)
    return edit


def _spin(dialog: SettingsDialog, name: str) -> QSpinBox:
    spin = dialog.fields.widget(name)
    assert isinstance(spin, QSpinBox)
    return spin


def _paper(dialog: SettingsDialog) -> QComboBox:
    combo = dialog.fields.widget("paper_size")
    assert isinstance(combo, QComboBox)
    return combo


def test_the_action_is_in_the_edit_menu_with_ctrl_comma(qtbot: QtBot, window: MainWindow) -> None:
    action = window.controller.settings_action
    assert action in window.edit_menu.actions() and action in window.actions()
    assert action.text() == "&Settings…" and action.shortcut() == QKeySequence("Ctrl+,")
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.controller.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT_MS)
    assert dialog.isVisible() and dialog.windowTitle() == "Settings"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_fields_show_the_stored_values(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    stored = _stored(sample_workspace)
    dialog = _open(qtbot, window)
    for name in ("name", "jurisdiction", "chief_name", "post_hashtag", "post_link"):
        assert _line(dialog, name).text() == getattr(stored, name), name
    for name, _label, _help in DAY_FIELDS:
        assert _spin(dialog, name).value() == getattr(stored, name), name
    assert _paper(dialog).currentData() == stored.paper_size.value
    assert dialog.time_zone_value() == stored.time_zone
    assert dialog.time_zone.currentText() == (stored.time_zone or LOCAL_ZONE_TEXT)
    assert dialog.changes() == {}
    assert dialog.logo_preview.text() == "No logo" and not dialog.remove_logo_button.isEnabled()


def test_ok_saves_every_change_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    before = _settings(sample_workspace)
    recorded: list[object] = []
    history = window.controller.history
    history.recorded.connect(recorded.append)
    dialog = _open(qtbot, window)
    _line(dialog, "post_hashtag").setText(" #SaferElmRidge ")
    dialog.time_zone.setEditText("europe/madrid")  # any letter case finds the zone
    _spin(dialog, "public_update_days").setValue(9)
    _paper(dialog).setCurrentIndex(_paper(dialog).findData(PaperSize.A4.value))
    _ok(qtbot, window, dialog)
    assert not dialog.isVisible()
    after = _stored(sample_workspace)
    assert after.post_hashtag == "#SaferElmRidge" and after.time_zone == "Europe/Madrid"
    assert after.public_update_days == 9 and after.paper_size is PaperSize.A4
    assert (after.name, after.staff_update_days) == (before["name"], before["staff_update_days"])
    assert len(recorded) == 1
    said = window.statusBar().currentMessage()  # not wiped by the window's reload
    assert said.startswith("Saved: ") and "post hashtag" in said and "time zone" in said
    with qtbot.waitSignal(history.applied, timeout=TIMEOUT_MS):
        history.undo_action.trigger()
    assert _settings(sample_workspace) == before


def test_the_language_of_printouts_is_the_agencys_saved_in_the_workspace_and_undone(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    dialog = _open(qtbot, window)
    box = dialog.public_language
    assert [box.itemText(i) for i in range(box.count())] == ["English", "Español"]
    assert box.currentData() == "en" and dialog.changes() == {}
    box.setCurrentIndex(box.findData("es"))
    assert dialog.changes() == {"public_language": "es"}
    _ok(qtbot, window, dialog)
    assert _stored(sample_workspace).public_language == "es"
    assert "language of printouts" in window.statusBar().currentMessage()
    history = window.controller.history
    with qtbot.waitSignal(history.applied, timeout=TIMEOUT_MS):
        history.undo_action.trigger()
    assert _stored(sample_workspace).public_language == "en"
    reopened = _open(qtbot, window)
    assert reopened.public_language.currentData() == "en"


def test_a_bad_hashtag_keeps_the_dialog_open_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    before = _settings(sample_workspace)
    dialog = _open(qtbot, window)
    _line(dialog, "name").setText("Elm Ridge PD")
    _line(dialog, "post_hashtag").setText("Safer Elm")
    _ok(qtbot, window, dialog)
    assert dialog.isVisible()
    row = dialog.rows["post_hashtag"]
    assert row.has_error and "one word starting with #" in row.error.text()
    assert dialog.focusWidget() is _line(dialog, "post_hashtag")
    assert _line(dialog, "name").text() == "Elm Ridge PD"  # nothing typed is lost
    assert _settings(sample_workspace) == before
    _line(dialog, "post_hashtag").setText("#SaferElm")
    _ok(qtbot, window, dialog)
    assert not dialog.isVisible() and not row.has_error
    assert (_stored(sample_workspace).name, _stored(sample_workspace).post_hashtag) == (
        "Elm Ridge PD",
        "#SaferElm",
    )


def test_a_bad_time_zone_is_named_beside_its_field(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    before = _settings(sample_workspace)
    dialog = _open(qtbot, window)
    dialog.time_zone.setEditText("Mars/Olympus")
    _ok(qtbot, window, dialog)
    assert dialog.isVisible() and "is not a time zone" in dialog.rows["time_zone"].error.text()
    assert dialog.focusWidget() in (dialog.time_zone, dialog.time_zone.lineEdit())
    assert _settings(sample_workspace) == before


def test_cancel_and_escape_store_nothing_and_forget_the_typing(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    before = _stored(sample_workspace)
    dialog = _open(qtbot, window)
    _line(dialog, "name").setText("Not this")
    _spin(dialog, "stage_stale_days").setValue(3)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog = _open(qtbot, window)
    assert _line(dialog, "name").text() == before.name
    assert _spin(dialog, "stage_stale_days").value() == before.stage_stale_days
    _line(dialog, "jurisdiction").setText("Nor this")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not window.controller.runner.busy, timeout=TIMEOUT_MS)
    assert _stored(sample_workspace) == before  # not even its version moved


def test_a_unicode_name_round_trips_exactly_into_the_window_title(
    qtbot: QtBot, window: MainWindow, sample_workspace: Workspace
) -> None:
    name = "Policía de Peñasco 🚓 <b>&amp;</b>"
    dialog = _open(qtbot, window)
    _line(dialog, "name").setText(name)
    _line(dialog, "chief_name").setText("Jefa Nguyễn Thị Hạnh")
    _ok(qtbot, window, dialog)
    stored = _stored(sample_workspace)
    assert (stored.name, stored.chief_name) == (name, "Jefa Nguyễn Thị Hạnh")
    qtbot.waitUntil(lambda: window.windowTitle() == f"CS360 Desk — {name}", timeout=TIMEOUT_MS)
    dialog = _open(qtbot, window)
    assert _line(dialog, "name").text() == name


def test_the_dashboard_follows_a_new_public_update_cadence(
    qtbot: QtBot, window: MainWindow
) -> None:
    board = window.controller.sections["Dashboard"]
    assert isinstance(board, DashboardController)

    def public_update() -> str:
        card = next(c for c in board.view.cards.cards if c.signal.key == "public_update")
        return f"{card.value_label.text()} / {card.detail_label.text()}"

    shown = public_update()
    dialog = _open(qtbot, window)
    days = _spin(dialog, "public_update_days").value() + 400
    _spin(dialog, "public_update_days").setValue(days)
    _ok(qtbot, window, dialog)
    qtbot.waitUntil(lambda: public_update() != shown, timeout=TIMEOUT_MS)
    assert f"one every {days} days" in public_update()


def test_a_chosen_logo_is_previewed_at_its_printed_size_and_saved(
    qtbot: QtBot,
    window: MainWindow,
    sample_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _image(tmp_path / "logo.png", 400, 100, "PNG")
    monkeypatch.setattr(LogoFiles, "choose", classmethod(lambda cls, parent, folder="": path))
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    pixmap = dialog.logo_preview.pixmap()
    box = dialog.logo_box_size
    assert not pixmap.isNull() and dialog.remove_logo_button.isEnabled()
    shown = pixmap.deviceIndependentSize()
    assert round(shown.width()) == box.width() and round(shown.height()) <= box.height()
    _ok(qtbot, window, dialog)
    assert _stored(sample_workspace).logo == path.read_bytes()
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.logo_preview.text() == "No logo"
    _ok(qtbot, window, dialog)
    assert _stored(sample_workspace).logo is None


def test_a_refused_logo_file_is_said_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not an image at all", encoding="utf-8")
    refused: list[tuple[str, str]] = []
    monkeypatch.setattr(LogoFiles, "choose", classmethod(lambda cls, parent, folder="": fake))
    monkeypatch.setattr(
        LogoFiles,
        "refuse",
        classmethod(lambda cls, parent, path, reason: refused.append((path.name, reason))),
    )
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert refused == [("logo.png", "The file is not a PNG, JPEG or SVG image.")]
    assert dialog.changes() == {} and dialog.logo_preview.text() == "No logo"


def test_every_field_has_a_mnemonic_label_and_tab_follows_the_layout(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open(qtbot, window)
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    editors = [*dialog.fields.rows.values()]
    keys = []
    for row in editors:
        assert "&" in buddies[row.widget], row.spec.name
        keys.append(buddies[row.widget].split("&")[1][0].lower())
    for box in (dialog.time_zone, dialog.public_language, dialog.language):
        assert "&" in buddies[box]
        keys.append(buddies[box].split("&")[1][0].lower())
    keys += ["c", "m"]  # &Choose image…, Re&move
    assert len(keys) == len(set(keys)), keys
    expected: list[QWidget] = [
        _line(dialog, "name"),
        _line(dialog, "jurisdiction"),
        _line(dialog, "chief_name"),
        dialog.choose_logo_button,
        dialog.remove_logo_button,
        _paper(dialog),
        dialog.public_language,
        dialog.language,
        dialog.time_zone,
        _line(dialog, "post_hashtag"),
        _line(dialog, "post_link"),
        *[_spin(dialog, name) for name, _label, _help in DAY_FIELDS],
        dialog.ok_button,
        dialog.cancel_button,
    ]
    chain: list[QWidget] = []
    widget: QWidget = expected[0]
    for _step in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected
    for widget in expected:
        assert widget.accessibleName(), type(widget).__name__


def test_the_logo_preview_box_is_the_printed_box() -> None:
    printed = (LOGO_BOX[0] / inch, LOGO_BOX[1] / inch)
    assert tuple(round(side, 6) for side in printed) == LOGO_PRINT_INCHES


def test_a_read_only_workspace_shows_the_settings_without_ok(
    qtbot: QtBot, sample_workspace: Workspace, settings: QSettings, now: datetime
) -> None:
    path = sample_workspace.path
    stored = _stored(sample_workspace)
    sample_workspace.close()
    workspace = open_workspace(path, read_only=True, read_only_reason="a test asked for it")
    window = ready_main_window(qtbot, workspace, settings, now)
    try:
        dialog = _open(qtbot, window)
        assert _line(dialog, "name").text() == stored.name
        assert dialog.ok_button.isHidden() and dialog.read_only_note.isVisible()
        assert dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Close"
        for name in ("name", "jurisdiction", "chief_name", "post_hashtag", "post_link"):
            assert _line(dialog, name).isReadOnly(), name
        assert all(spin.isReadOnly() for spin in dialog.findChildren(QAbstractSpinBox))
        assert not dialog.time_zone.isEnabled() and not _paper(dialog).isEnabled()
        assert not dialog.choose_logo_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
    finally:
        window.close()
        workspace.close()


def test_an_empty_workspace_says_to_set_it_up_first(
    qtbot: QtBot, workspace: Workspace, settings: QSettings, now: datetime
) -> None:
    window = ready_main_window(qtbot, workspace, settings, now)
    try:
        window.controller.settings_action.trigger()
        dialog = window.controller.settings_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.general_error.text() == NO_AGENCY, timeout=TIMEOUT_MS)
        assert not dialog.ok_button.isEnabled()
        dialog.reject()
    finally:
        window.close()


# The logo file check, without any dialog (qtbot only for the application Qt needs).


def test_a_png_and_a_jpeg_are_kept_byte_for_byte(qtbot: QtBot, tmp_path: Path) -> None:
    for name, kind in (("seal.png", "PNG"), ("seal.jpg", "JPEG")):
        path = _image(tmp_path / name, 120, 80, kind)
        assert logo_from_file(path) == path.read_bytes(), name


def test_an_svg_is_drawn_to_a_png_for_printing(
    qtbot: QtBot, tmp_path: Path, workspace: Workspace
) -> None:
    path = tmp_path / "seal.svg"
    path.write_text(SVG, encoding="utf-8")
    found = logo_from_file(path)
    assert isinstance(found, bytes) and found.startswith(PNG_MAGIC)
    image = QImage.fromData(found)
    assert (image.width(), image.height()) == (1200, 400)
    with workspace.session_factory.begin() as session:
        AGENCY.create(session, name="Elm Ridge PD")
        assert save_agency_settings(session, logo=found)[0].logo == found  # the service agrees


def test_files_that_are_not_fit_for_a_logo_are_refused_with_the_reason(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = tmp_path / "renamed.png"
    text.write_text("hello, I am text", encoding="utf-8")
    huge = tmp_path / "huge.png"
    huge.write_bytes(_image(tmp_path / "small.png", 10, 10, "PNG").read_bytes() + bytes(5 << 20))
    wide = _image(tmp_path / "wide.png", 4001, 10, "PNG")
    tall = _image(tmp_path / "tall.jpg", 10, 4001, "JPEG")
    bitmap = _image(tmp_path / "seal.bmp", 10, 10, "BMP")
    cut = tmp_path / "cut.png"
    cut.write_bytes(_image(tmp_path / "whole.png", 200, 200, "PNG").read_bytes()[:60])
    disguised = tmp_path / "seal.png"
    disguised.write_bytes(bitmap.read_bytes())  # the name says PNG, the content BMP
    not_png = "The file is not a PNG, JPEG or SVG image."
    assert logo_from_file(text) == not_png
    assert logo_from_file(bitmap) == not_png and logo_from_file(disguised) == not_png
    assert logo_from_file(huge) == "The file is 5.1 MB; a logo may be at most 5 MB."
    assert "4001 × 10 pixels" in str(logo_from_file(wide))
    assert "10 × 4001 pixels" in str(logo_from_file(tall))
    assert "cannot be read" in str(logo_from_file(tmp_path / "missing.png"))
    assert str(logo_from_file(cut)).startswith("The image cannot be read")
    assert isinstance(logo_from_file(_image(tmp_path / "edge.png", 4000, 10, "PNG")), bytes)
