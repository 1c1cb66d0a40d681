"""Texts declared once and marked for the catalog, translated only where they are shown.

Specs built at import time (a FieldSpec's label, a Column's header, a page's button texts)
hold English marked with `N_("…")`, or `NC_("context", "…")` for words whose meaning the
catalog must tell apart; `shown()` turns them into the current language at the moment a
widget is built or a header is painted.
"""

from __future__ import annotations

from cs360desk.i18n import _, pgettext
from cs360desk.i18n.pseudo import is_pseudo

# English marked with N_(), or (context, English) from NC_().
Marked = str | tuple[str, str]


def shown(text: Marked, context: str = "") -> str:
    """`text` in the current language; "" stays "" (gettext's "" is the catalog's header).

    Text a caller translated already comes back as it is: an English msgid is looked up once,
    and a translation is no msgid (the pseudo-language's marks are not doubled either).
    """
    if isinstance(text, tuple):
        context, text = text
    if not text or is_pseudo(text):
        return text
    return pgettext(context, text) if context else _(text)
