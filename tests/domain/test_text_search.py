"""The search fold: case and accents set aside, character by character."""

from __future__ import annotations

from cs360desk.domain.text_search import changed_characters, folded


def test_nunez_finds_nunez_with_its_accents_and_case() -> None:
    assert folded("NÚÑEZ") == folded("nunez") == "nunez"
    assert folded("Straße") == "strasse" and folded("Đức") == "đuc"


def test_folding_is_idempotent_so_a_server_may_fold_in_two_passes() -> None:
    # db/server_fold.py folds Latin letters first and the rest after; that gives the one-pass
    # result only because what any character folds to folds to itself.
    changed = list(changed_characters())
    assert len(changed) > 3000
    assert [becomes for _, becomes in changed if folded(becomes) != becomes] == []
