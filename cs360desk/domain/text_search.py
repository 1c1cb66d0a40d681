"""The one form text takes when a search asks whether it contains what the user typed."""

from __future__ import annotations

import unicodedata


def folded(text: str) -> str:
    """`text` composed (NFC) and case folded, the same way in every script.

    A search folds both sides and compares them exactly, so "JOSÉ" finds "José" whether the
    "é" was typed as one character or as "e" plus a combining accent, "ĐỨC" finds "Đức",
    "STRASSE" finds "Straße" and "ΟΔΌΣ" finds "οδός". Accents still count: "jose" does not
    find "José".
    """
    # Folding can leave a decomposed sequence behind ("ΐ" folds to three code points), so the
    # result is composed again.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
