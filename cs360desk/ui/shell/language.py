"""The screens' language, chosen once at start: Qt's own texts and dates follow it too."""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from cs360desk.i18n import (
    LANGUAGE_VARIABLE,
    cldr_locale,
    normalize,
    os_language,
    set_ui_language,
    ui_language,
)
from cs360desk.ui.common.settings import chosen_language

__all__ = ["LANGUAGE_VARIABLE", "apply_language", "wanted_language"]


def wanted_language(settings: QSettings) -> str:
    return normalize(
        os.environ.get(LANGUAGE_VARIABLE) or chosen_language(settings) or os_language()
    )


def apply_language(app: QApplication, settings: QSettings) -> str:
    """Speak the wanted language from here on: our catalog, Qt's buttons, CLDR dates."""
    code = wanted_language(settings)
    if code == ui_language() and app.property("cs360desk_language") == code:
        return code
    set_ui_language(code)
    locale = QLocale(cldr_locale(code))
    QLocale.setDefault(locale)
    for old in app.findChildren(QTranslator, "qt_own_texts"):
        app.removeTranslator(old)
        old.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName("qt_own_texts")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # qtbase_es.qm: the Qt texts of dialog buttons, context menus and file dialogs.
    if code != "en" and translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
    app.setProperty("cs360desk_language", code)
    return code
