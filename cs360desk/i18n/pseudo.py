"""The pseudo-language en_XA: every translated string visibly marked, placeholders intact.

A screen shown in it shows at a glance which text never went through a translation call:
"[Ḿééţîñĝš]" was translated, "Meetings" was not.
"""

from __future__ import annotations

import gettext
import re

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Left as they are: {name} and %(name)s placeholders, %s, and HTML-free Qt mnemonics.
_KEPT = re.compile(r"(\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z%])")
OPEN, CLOSE = "[", "]"


def pseudo(message: str) -> str:
    if not message:
        return message
    parts = _KEPT.split(message)
    marked = "".join(
        part if index % 2 else part.translate(_ACCENTED) for index, part in enumerate(parts)
    )
    return f"{OPEN}{marked}{CLOSE}"


def is_pseudo(text: str) -> bool:
    return text.startswith(OPEN) and text.endswith(CLOSE)


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
