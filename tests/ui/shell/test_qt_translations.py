"""Qt's own texts (dialog buttons, context menus) follow the screens' language, from the
translations PySide6 ships; dates in Qt widgets follow CLDR's locale for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cs360desk.i18n import ui_language
from cs360desk.ui.shell.language import LANGUAGE_VARIABLE, apply_language

pytestmark = pytest.mark.gui


@pytest.fixture
def app(
    qapp: QApplication, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QApplication]:
    before = QLocale()
    yield qapp
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")
    apply_language(qapp, settings)  # the other tests speak English again, Qt's texts too
    QLocale.setDefault(before)


def _cancel_text() -> str:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return buttons.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_spanish_screens_get_qts_own_buttons_in_spanish(
    app: QApplication, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, "es")
    assert apply_language(app, settings) == "es"
    assert ui_language() == "es"
    assert _cancel_text() == "Cancelar"
    assert QLocale().name() == "es_US"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")
    assert apply_language(app, settings) == "en"
    assert _cancel_text() == "Cancel"
