"""Translation for every face: one gettext catalog, one language per context.

The app's screens use the language chosen in Settings (`set_ui_language`, once at start).
A printout or export may be written in another language: `with language("es"):` switches
the calls below for the current thread or task only, so a Spanish agenda can be written
while the screens stay English.

Strings are marked for Babel's extraction (`make locale`):

    _("Meetings")                                   # a message
    ngettext("{n} meeting", "{n} meetings", n)      # a plural, by the catalog's rule
    pgettext("status", "Open")                      # the same words, another meaning
    N_("Open")                                      # marked now, translated where read
"""

from __future__ import annotations

import gettext
import locale as os_locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from cs360desk.i18n.pseudo import PseudoTranslations

DOMAIN = "cs360desk"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"

ENGLISH = "en"
SPANISH = "es"
PSEUDO = "en_XA"
# The languages a user can choose, each named in itself.
LANGUAGES: dict[str, str] = {ENGLISH: "English", SPANISH: "Español"}
# The CLDR locale behind each language's dates and numbers: US usage, "7:00 p.m.".
_CLDR = {ENGLISH: "en_US", SPANISH: "es_US", PSEUDO: "en_US"}
# The CLDR files those locales read, with the ones they inherit from (es_US from es_419,
# es and root): all the built app ships of Babel's 35 MB of locale data.
CLDR_DATA = ("root", "en", "en_US", "es", "es_419", "es_US")

_ui_language = ENGLISH
_output_language: ContextVar[str | None] = ContextVar("cs360desk_output_language", default=None)


def normalize(code: str | None) -> str:
    """The supported language for a code a user, a setting or the OS gave: "es_MX" → "es"."""
    if not code:
        return ENGLISH
    cleaned = code.replace("-", "_").split(".")[0]
    if cleaned.casefold() == PSEUDO.casefold():
        return PSEUDO
    base = cleaned.split("_")[0].casefold()
    return base if base in LANGUAGES else ENGLISH


def parse_language(code: str) -> str:
    """A language code typed on the command line, or ValueError naming the choices."""
    cleaned = code.strip().replace("-", "_")
    if cleaned.casefold() == PSEUDO.casefold():
        return PSEUDO
    if cleaned.casefold() in LANGUAGES:
        return cleaned.casefold()
    said = _("unknown language {code}: choose one of {choices}")
    raise ValueError(said.format(code=repr(code), choices=", ".join(LANGUAGES)))


def os_language() -> str:
    """The language the computer's own settings ask for, when the app offers it."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return normalize(value.split(":")[0])
    found, _encoding = os_locale.getlocale()
    return normalize(found)


# Set by `screenshots --lang` and by tests: above the app's Settings and the computer's own.
LANGUAGE_VARIABLE = "CS360DESK_LANG"


def command_line_language() -> str:
    """The language the command line speaks: the variable above, else the computer's."""
    return normalize(os.environ.get(LANGUAGE_VARIABLE) or os_language())


def set_ui_language(code: str) -> None:
    """The language of the screens, and of outputs nobody chose a language for."""
    global _ui_language
    _ui_language = normalize(code)


def ui_language() -> str:
    return _ui_language


def current_language() -> str:
    chosen = _output_language.get()
    return chosen if chosen is not None else _ui_language


def cldr_locale(code: str | None = None) -> str:
    return _CLDR[normalize(code or current_language())]


@contextmanager
def language(code: str | None) -> Iterator[str]:
    """Write in `code` inside the block (None: the screens' language)."""
    chosen = normalize(code) if code else _ui_language
    token = _output_language.set(chosen)
    try:
        yield chosen
    finally:
        _output_language.reset(token)


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalog of one language: compiled `.mo`, or the `.po` when the `.mo` is older."""
    if code == PSEUDO:
        return PseudoTranslations()
    if code == ENGLISH:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.exists() and (
        not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    if source.exists():
        return _compiled_in_memory(source)
    return gettext.NullTranslations()


def _compiled_in_memory(source: Path) -> gettext.NullTranslations:
    # A checkout that has not run `make locale` yet still speaks the language of its `.po`.
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as stream:
        catalog = read_po(stream)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _catalog() -> gettext.NullTranslations:
    return translations(current_language())


def _(message: str) -> str:
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _catalog().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _catalog().npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it yet."""
    return message


def count_of(count: int, singular: str, plural: str) -> str:
    """`ngettext` with the count filled in: count_of(n, "{n} meeting", "{n} meetings")."""
    return ngettext(singular, plural, count).format(n=count)
