"""The wording of the drafts without a database: the 280 limit against hostile titles, word and
grapheme boundaries, the hashtag that must still fit, and the phrasing that changes monthly."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs360desk.domain.draft_wording import _one_full_stop, build_drafts, shorten_at_word
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.domain.update_drafts import (
    DraftKind,
    Fact,
    FactKind,
    MeetingFigures,
    PeriodFacts,
)
from cs360desk.i18n import language

PERIOD = ReportPeriod(date(2026, 3, 1), date(2026, 3, 31))
NEXT = Fact(
    FactKind.NEXT_MEETING,
    9,
    "Next: Eastside PST, Apr 14, 2026 at 6:00 PM, City Hall (open to the public)",
    meeting=MeetingFigures(
        team="Eastside PST",
        title="April meeting",
        at=datetime(2026, 4, 14, 18, 0),
        place="City Hall",
        open_to_public=True,
        problem_solving_team=True,
    ),
)


def facts_with(*titles: str, hashtag: str = "", end: date = PERIOD.end) -> PeriodFacts:
    done = tuple(
        Fact(FactKind.ACTION_DONE, i + 1, f"Action item completed: {t}", title=t, day=end)
        for i, t in enumerate(titles)
    )
    return PeriodFacts(
        initiative_id=1,
        initiative_name="Safer Elm Street",
        agency_name="Elm Ridge PD",
        period=ReportPeriod(end.replace(day=1), end),
        facts=(*done, NEXT),
        hashtag=hashtag,
    )


def short_of(facts: PeriodFacts) -> str:
    text = build_drafts(facts, frozenset()).draft(DraftKind.SHORT).text
    assert text is not None
    return text


def kept_part(post: str, title: str) -> str | None:
    """The part of `title` the post quotes: all of it, or a start cut before "…"."""
    if f"\u201c{title}\u201d" in post:
        return title
    start = post.find("\u201c")
    end = post.find("…\u201d", start)
    return post[start + 1 : end] if start >= 0 and end > start else None


def test_a_hostile_long_title_is_shortened_at_a_word_with_an_ellipsis() -> None:
    title = " ".join(["neighbourhood"] * 200)  # 2,799 characters
    post = short_of(facts_with(title))
    assert len(post) <= 280
    kept = kept_part(post, title)
    assert kept is not None and kept != title
    assert title.startswith(kept) and title[len(kept)] == " "
    assert post.count("…") == 1
    assert "Next meeting, open to all: Apr 14, 2026 at 6:00 PM, City Hall." in post


@pytest.mark.parametrize(
    "word",
    [
        "👨\u200d👩\u200d👧\u200d👦",  # a family: seven code points, one grapheme
        "Jose\u0301",  # e + combining acute
        "Nguye\u0302\u0303n",  # two combining marks
        "🇲🇽",  # a flag: two regional indicators
        "🏳️\u200d🌈",
    ],
)
def test_emoji_and_combining_marks_are_never_split(word: str) -> None:
    title = " ".join([word] * 150)
    post = short_of(facts_with(title))
    assert len(post) <= 280
    kept = kept_part(post, title)
    assert kept is not None
    assert title.startswith(kept) and title[len(kept)] == " "
    assert kept.endswith(word)  # the last grapheme kept whole


def test_a_title_that_is_one_giant_word_is_never_cut_mid_word() -> None:
    giant = "x" * 400
    post = short_of(facts_with(giant, "Fix the lights"))
    assert len(post) <= 280
    assert "x" * 20 not in post  # no part of the giant word
    assert "2 action items done, among them \u201cFix the lights\u201d" in post


def test_a_space_before_a_combining_mark_is_not_a_word_boundary() -> None:
    assert shorten_at_word("abc \u0301def ghi", 7) is None  # the space at 3 joins a mark
    assert shorten_at_word("abc \u0301def ghi", 9) == "abc \u0301def"
    assert shorten_at_word("ab \u0301c", 5) is None
    assert shorten_at_word("one two three", 9) == "one two"
    assert shorten_at_word("one, two", 6) == "one"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab Zé\u0301\u200d👩🏽\u0302 ,—\n\t", "🇲🇽", "word", "  "]),
        min_size=1,
        max_size=400,
    ).map("".join)
)
def test_any_title_makes_a_post_of_at_most_280_characters(title: str) -> None:
    drafts = build_drafts(facts_with(title, hashtag="#SaferElm"), frozenset())
    post = drafts.draft(DraftKind.SHORT).text
    assert post is not None
    assert len(post) <= 280
    kept = kept_part(post, title)
    if kept is not None and kept != title:
        assert title.startswith(kept)
        cut = len(kept)
        assert title[cut:].lstrip(",;:–—-")[:1].isspace() or title[cut].isspace()


def test_the_hashtag_goes_only_where_it_fits() -> None:
    roomy = short_of(facts_with("Fix the lights", hashtag="#SaferElm"))
    assert roomy.endswith(" #SaferElm")
    tight = short_of(facts_with(" ".join(["lights"] * 100), hashtag="#SaferElm"))
    assert "#SaferElm" not in tight and len(tight) <= 280


def test_phrasing_changes_from_month_to_month_and_not_on_rebuild() -> None:
    leads = set()
    for month in (1, 2, 3):
        end = date(2026, month, 28)
        facts = facts_with("Fix the lights", end=end)
        first, again = short_of(facts), short_of(facts)
        assert first == again
        leads.add(first.split("we completed")[0])
    assert len(leads) == 3


def test_nothing_but_the_next_meeting_makes_no_post() -> None:
    facts = PeriodFacts(1, "Safer Elm Street", "Elm Ridge PD", PERIOD, (NEXT,))
    drafts = build_drafts(facts, frozenset())
    assert drafts.empty
    assert drafts.draft(DraftKind.SHORT).text is None
    assert drafts.draft(DraftKind.LONG).text is None
    staff = drafts.draft(DraftKind.STAFF).text
    assert staff is not None and "Eastside PST: Apr 14, 2026 at 6:00 PM, City Hall" in staff


@pytest.mark.parametrize("code", ["en_XA", "es"])
def test_the_280_limit_holds_in_every_language(code: str) -> None:
    """Longer templates (the pseudo-language's brackets and accents, Spanish) still fit: the
    title gives way, never the limit."""
    title = " ".join(["neighbourhood"] * 200)
    with language(code):
        for hashtag in ("", "#SaferElm"):
            post = short_of(facts_with(title, "Fix the lights", hashtag=hashtag))
            assert len(post) <= 280
            assert post.count("…") <= 1


def test_a_time_at_the_end_of_a_sentence_ends_it_once() -> None:
    """ "… 6:00 p.m." closes the sentence with its own full stop, not "p.m.."."""
    assert _one_full_stop("Next: Apr 14 at 6:00 p.m..") == "Next: Apr 14 at 6:00 p.m."
    assert _one_full_stop("Wait for it...") == "Wait for it..."
    assert _one_full_stop("At 6:00 PM.") == "At 6:00 PM."
