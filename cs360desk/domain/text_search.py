"""The one form text takes when a search asks whether it contains what the user typed."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from functools import cache

# The blocks of accents that combine with Latin, Greek and Cyrillic letters. Marks of other
# scripts (Devanagari vowel signs, Hebrew points, Arabic vowels) change the word, and stay.
_DIACRITIC_BLOCKS = (
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # ... Extended
    (0x1DC0, 0x1DFF),  # ... Supplement
    (0x20D0, 0x20FF),  # ... for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
)


def folded(text: str) -> str:
    """`text` with case and accents set aside, the same way in every script.

    A search folds both sides and compares them exactly, so "nunez" finds "Núñez", "JOSÉ"
    finds "José" whether the "é" was typed as one character or as "e" plus a combining
    accent, "ĐỨC" finds "Đức", "STRASSE" finds "Straße" and "ΟΔΟΣ" finds "οδός".

    The text is composed (NFC), each character folded on its own (`folded_character`) and
    the result composed again. Character by character is what lets a database server fold
    exactly alike with a table of these characters (db/server_fold.py).
    """
    if text.isascii():
        return text.lower()
    composed = unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", "".join(map(folded_character, composed)))


@cache
def folded_character(char: str) -> str:
    """One character case folded, decomposed and stripped of the accents of
    `_DIACRITIC_BLOCKS`: "É" gives "e", "ß" gives "ss", a lone combining accent gives ""."""
    decomposed = unicodedata.normalize("NFD", char.casefold())
    kept = "".join(part for part in decomposed if not _is_diacritic(part))
    return unicodedata.normalize("NFC", kept)


def _is_diacritic(char: str) -> bool:
    point = ord(char)
    return any(first <= point <= last for first, last in _DIACRITIC_BLOCKS)


def changed_characters() -> Iterator[tuple[str, str]]:
    """Every character that folding changes, with what it becomes, in code point order."""
    for point in range(sys.maxunicode + 1):
        if 0xD800 <= point <= 0xDFFF:  # surrogates are not characters
            continue
        char = chr(point)
        if (becomes := folded_character(char)) != char:
            yield char, becomes
