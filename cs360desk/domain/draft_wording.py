"""The wording of the drafted updates: every template in one place, in plain English.

Several phrasings per sentence, chosen from the initiative and the month, so one month's
post does not read like the last; the choice is deterministic, so a draft rebuilt from the
same facts reads the same. User text (titles, names, places) goes in verbatim; only a title
too long for the short post is shortened, at a word boundary, with "…".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime

from cs360desk.domain.report_data import ReportPeriod, long_date
from cs360desk.domain.update_drafts import (
    HAPPENED_KINDS,
    LONG_UPDATE_WORDS,
    SHORT_POST_LIMIT,
    Draft,
    DraftKind,
    Fact,
    FactKind,
    MeasureFigures,
    MeetingFigures,
    PeriodFacts,
    UpdateDrafts,
)

ELLIPSIS = "…"
_TRAILING = re.compile(r"[\s,;:–—-]+$")  # what a shortened title should not end on
LISTED_IN_LONG = 3
LISTED_IN_STAFF = 10
MEASURES_IN_LONG = 4
MIN_TITLE_CHARS = 12  # a title shortened below this says nothing; leave the fact out instead

_SHORT_LEADS = ("{name}: ", "Update on {name}: ", "News from {name}: ")
_LONG_OPENINGS = (
    "Here is what {name} accomplished {period}.",
    "{name}: an update on the work done {period}.",
    "What {name} got done {period}, from the team's own records.",
)
_INVITATIONS = (
    "Everyone is welcome at the next meeting, {when}, at {place}.",
    "Join us at the next meeting, {when}, at {place}; everyone is welcome.",
    "The next meeting is open to all: {when}, at {place}.",
)
_CLOSINGS = (
    "Questions, concerns and ideas are always welcome; please get in touch with the {agency}.",
    "Your ideas shape this work. Please share them with the {agency}.",
    "Thank you to everyone who took part. Please share your ideas with the {agency}.",
)


# Building all three ----------------------------------------------------------------------


def build_drafts(source: PeriodFacts, excluded: frozenset[tuple[str, int]]) -> UpdateDrafts:
    """The three drafts from the facts the champion kept."""
    kept = source.without(excluded)
    return UpdateDrafts(
        source=source,
        excluded=excluded,
        drafts={
            DraftKind.SHORT: short_post(kept),
            DraftKind.LONG: long_update(kept),
            DraftKind.STAFF: staff_briefing(kept),
        },
    )


def _pick(phrasings: Sequence[str], facts: PeriodFacts) -> str:
    """The same choice for the same initiative and month; the next month, the next one."""
    end = facts.period.end
    return phrasings[(end.year * 12 + end.month + facts.initiative_id) % len(phrasings)]


# Numbers, dates and times ----------------------------------------------------------------


def number(value: float) -> str:
    """41, 3.5, 0.25: as short as the value allows, never in scientific notation."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return "none yet"
    unit = unit.strip()
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def clock(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def when(moment: datetime) -> str:
    return f"{long_date(moment.date())} at {clock(moment)}"


def period_words(period: ReportPeriod) -> str:
    """ "between Mar 1 and Mar 31, 2026"; the year once when both ends share it."""
    start, end = long_date(period.start), long_date(period.end)
    if period.start == period.end:
        return f"on {end}"
    if period.start.year == period.end.year:
        start = start.rsplit(",", 1)[0]
    return f"between {start} and {end}"


def quoted(title: str) -> str:
    return f"\u201c{title}\u201d"


# Fact texts (what the checklist shows and the JSON carries) ------------------------------


def measure_text(figures: MeasureFigures) -> str:
    text = (
        f"{figures.name}: baseline {amount(figures.baseline, figures.unit)}, "
        f"latest {amount(figures.latest, figures.unit)}"
    )
    if figures.latest_on is not None:
        text += f" ({long_date(figures.latest_on)})"
    text += f", target {amount(figures.target, figures.unit)}; {standing(figures)}"
    return text


def meeting_text(figures: MeetingFigures, *, held: bool) -> str:
    if held:
        return (
            f"{figures.team} met on {long_date(figures.at.date())}: "
            f"{figures.attended} attended ({figures.community} community, "
            f"{figures.staff} department staff, {figures.partners} partners)"
        )
    place = f", {figures.place}" if figures.place else ""
    public = "open to the public" if figures.open_to_public else "team members"
    return f"Next: {figures.team}, {when(figures.at)}{place} ({public})"


def standing(figures: MeasureFigures) -> str:
    if figures.latest is None:
        return "no value yet"
    if figures.target_met:
        return "target met"
    if figures.improved:
        return "moving the right way, not yet at the target"
    if figures.baseline is None:
        return "no baseline to compare with"
    return "not moving the right way yet"


# The short public post -------------------------------------------------------------------


# An accomplishment: the words before and after its title (the part that may be shortened),
# the title itself (may be empty) and the facts it tells of.
_Candidate = tuple[str, str, str, tuple[Fact, ...]]


def short_post(facts: PeriodFacts) -> Draft:
    """At most 280 characters: one or two accomplishments, then the next meeting."""
    if not facts.of(*HAPPENED_KINDS, public=True):
        return Draft(DraftKind.SHORT, None, (), _nothing_public(facts))
    lead = _pick(_SHORT_LEADS, facts).format(name=facts.initiative_name)
    candidates = _short_candidates(facts)
    next_meeting = _next_public_sentence(facts, short=True)
    tails = [[next_meeting], []] if next_meeting else [[]]
    for tail in tails:  # the next meeting is dropped only if nothing fits beside it
        for count in (2, 1):
            for chosen in _combinations(candidates, count):
                text = _fit_short(lead, chosen, [sentence for sentence, _ in tail])
                if text is not None:
                    used = [f for *_, told in chosen for f in told] + [f for _, f in tail]
                    return Draft(DraftKind.SHORT, _tagged(text, facts), tuple(used))
    return Draft(DraftKind.SHORT, None, (), "No accomplishment fits in a short post.")


def _short_candidates(facts: PeriodFacts) -> list[_Candidate]:
    """The accomplishments, the most important first."""
    found: list[_Candidate] = []
    for fact in facts.of(FactKind.STAGE_REACHED, public=True):
        found.append(("we reached the ", fact.title, " stage", (fact,)))
    for fact in _moved_right(facts):
        assert fact.measure is not None
        m = fact.measure
        change = f" went from {amount(m.baseline, m.unit)} to {amount(m.latest, m.unit)}"
        found.append(("", m.name, change, (fact,)))
    for fact in facts.of(FactKind.RESPONSE_FINISHED, public=True):
        found.append(("we completed ", quoted(fact.title), "", (fact,)))
    done = facts.of(FactKind.ACTION_DONE, public=True)
    if len(done) == 1:
        found.append(("we completed ", quoted(done[0].title), "", done))
    elif done:
        among = f"{len(done)} action items done, among them "
        found.extend((among, quoted(fact.title), "", done) for fact in done[:3])
    if done:  # for when no title fits
        count = "an action item" if len(done) == 1 else f"{len(done)} action items"
        found.append((f"we completed {count}", "", "", done))
    for fact in facts.of(FactKind.RECOMMENDATION, public=True):
        found.append(("we acted on the recommendation ", quoted(fact.title), "", (fact,)))
    for fact in facts.of(FactKind.RESPONSE_STARTED, public=True):
        found.append(("we started ", quoted(fact.title), "", (fact,)))
    heard = facts.of(FactKind.INPUT_HELD, public=True)
    if heard:
        people = sum(fact.count for fact in heard)
        found.append((f"we heard from {people} people in community input", "", "", heard))
    held = facts.of(FactKind.MEETING_HELD, public=True)
    if held:
        community = sum(f.meeting.community for f in held if f.meeting)
        sentence = (
            f"{community} community members took part in our meetings"
            if community
            else "the team kept meeting"
        )
        found.append((sentence, "", "", held))
    # One of each kind first, so a post tells of two different things where it can.
    firsts = [
        c for i, c in enumerate(found) if all(c[3][0].kind != e[3][0].kind for e in found[:i])
    ]
    return firsts + [c for c in found if c not in firsts]


def _combinations(candidates: list[_Candidate], count: int) -> list[list[_Candidate]]:
    """The most important ones; failing that, a later one in place of the last."""
    if len(candidates) < count:
        return []
    heads = candidates[: count - 1]
    return [[*heads, later] for later in candidates[count - 1 :]]


def _fit_short(lead: str, chosen: list[_Candidate], tail: list[str]) -> str | None:
    """The post with titles shortened as needed, or None when it cannot fit at all."""

    def assemble(titles: list[str]) -> str:
        parts = [
            before + title + after
            for (before, _, after, _), title in zip(chosen, titles, strict=True)
        ]
        return " ".join([_capitalised(lead + "; ".join(parts) + "."), *tail])

    titles = [title for _, title, _, _ in chosen]
    # Shorten the longest title first, each just enough, keeping its quotes.
    for index in sorted(range(len(titles)), key=lambda i: -len(titles[i])):
        excess = len(assemble(titles)) - SHORT_POST_LIMIT
        if excess <= 0:
            break
        if not titles[index]:
            continue
        shortened = _shorten_title(titles[index], len(titles[index]) - excess)
        if shortened is None:
            return None
        titles[index] = shortened
    text = assemble(titles)
    return text if len(text) <= SHORT_POST_LIMIT else None


def _shorten_title(title: str, room: int) -> str | None:
    """A title cut at a word boundary to at most `room` characters with "…" (and its closing
    quote kept); None when too little of it would remain."""
    quotes = title.startswith("\u201c") and title.endswith("\u201d")
    inner = title[1:-1] if quotes else title
    budget = room - len(ELLIPSIS) - (2 if quotes else 0)
    if budget < MIN_TITLE_CHARS:
        return None
    cut = shorten_at_word(inner, budget)
    if cut is None:
        return None
    return quoted(cut + ELLIPSIS) if quotes else cut + ELLIPSIS


def shorten_at_word(text: str, budget: int) -> str | None:
    """The longest start of `text` of at most `budget` characters that ends a word: cut at a
    space that no combining mark or joiner follows, so no word or grapheme is split."""
    best = None
    for index, char in enumerate(text[: budget + 1]):
        if char.isspace() and index > 0 and not _joins(text, index + 1):
            best = index
    if best is None:
        return None
    return _TRAILING.sub("", text[:best]) or None


def _joins(text: str, index: int) -> bool:
    if index >= len(text):
        return False
    char = text[index]
    return bool(unicodedata.combining(char)) or char in "\u200d\ufe0f\ufe0e"


def _tagged(text: str, facts: PeriodFacts) -> str:
    """The agency's hashtag and link, each only if it still fits."""
    for extra in (facts.hashtag, facts.link):
        if extra and len(text) + 1 + len(extra) <= SHORT_POST_LIMIT:
            text = f"{text} {extra}"
    return text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _nothing_public(facts: PeriodFacts) -> str:
    if facts.empty:
        return f"Nothing was recorded {period_words(facts.period)}, so there is no public post."
    return (
        f"Nothing recorded {period_words(facts.period)} may be made public (see the facts), "
        "so there is no public post."
    )


def _next_public_sentence(facts: PeriodFacts, *, short: bool) -> tuple[str, Fact] | None:
    """The invitation to the next open meeting, else the date of the team's next meeting."""
    upcoming = facts.of(FactKind.NEXT_MEETING, public=True)
    open_meetings = [f for f in upcoming if f.meeting and f.meeting.open_to_public]
    if open_meetings:
        fact = open_meetings[0]
        assert fact.meeting is not None
        place = fact.meeting.place
        if short:
            where = f", {place}" if place else ""
            return f"Next meeting, open to all: {when(fact.meeting.at)}{where}.", fact
        if place:
            return _pick(_INVITATIONS, facts).format(when=when(fact.meeting.at), place=place), fact
        return f"Everyone is welcome at the next meeting, {when(fact.meeting.at)}.", fact
    team = [f for f in upcoming if f.meeting and f.meeting.problem_solving_team]
    if team:
        fact = team[0]
        assert fact.meeting is not None
        return f"The {fact.meeting.team} meets next on {when(fact.meeting.at)}.", fact
    return None


def _moved_right(facts: PeriodFacts) -> tuple[Fact, ...]:
    return tuple(
        fact
        for fact in facts.of(FactKind.MEASURE, public=True)
        if fact.measure is not None and fact.measure.moved and fact.measure.improved
    )


# The longer public update ----------------------------------------------------------------


def long_update(facts: PeriodFacts) -> Draft:
    """120–300 words: accomplishments first, measures in plain words, then the invitation."""
    if not facts.of(*HAPPENED_KINDS, public=True):
        return Draft(DraftKind.LONG, None, (), _nothing_public(facts))
    used: list[Fact] = []
    opening = _pick(_LONG_OPENINGS, facts).format(
        name=facts.initiative_name, period=period_words(facts.period)
    )
    # Paragraphs as lists of sentences, so the cap drops whole sentences, never half a title.
    paragraphs = [
        [opening],
        _accomplishments(facts, used),
        _measures_in_words(facts, used),
        _community_sentences(facts, used),
    ]
    closing = [_pick(_CLOSINGS, facts).format(agency=facts.agency_name or "department")]
    invitation = _next_public_sentence(facts, short=False)
    if invitation:
        used.append(invitation[1])
        closing.insert(0, invitation[0])
    if facts.link:
        closing.append(f"More: {facts.link}")
    paragraphs.append(closing)
    while _words_in(paragraphs) > LONG_UPDATE_WORDS[1] and _drop_a_sentence(paragraphs):
        pass
    text = "\n\n".join(" ".join(sentences) for sentences in paragraphs if sentences)
    return Draft(DraftKind.LONG, text, tuple(used))


def words(text: str) -> int:
    return len(text.split())


def _words_in(paragraphs: list[list[str]]) -> int:
    return sum(words(sentence) for sentences in paragraphs for sentence in sentences)


def _drop_a_sentence(paragraphs: list[list[str]]) -> bool:
    """The last sentence of the longest middle paragraph goes; False when none is left."""
    middle = [i for i in range(1, len(paragraphs) - 1) if len(paragraphs[i]) > 1]
    if not middle:
        return False
    longest = max(middle, key=lambda i: sum(words(s) for s in paragraphs[i]))
    paragraphs[longest].pop()
    return True


def _accomplishments(facts: PeriodFacts, used: list[Fact]) -> list[str]:
    sentences: list[str] = []
    for fact in facts.of(FactKind.STAGE_REACHED, public=True):
        sentences.append(f"The initiative reached the {fact.title} stage on {long_date(fact.day)}.")
        used.append(fact)
    done = facts.of(FactKind.ACTION_DONE, public=True)
    if done:
        used.extend(done)
        if len(done) == 1:
            sentences.append(f"One action item was completed: {quoted(done[0].title)}.")
        else:
            listed = [quoted(f.title) for f in done[:LISTED_IN_LONG]]
            among = "among them" if len(done) > len(listed) else "namely"
            sentences.append(
                f"{len(done)} action items were completed, {among} "
                f"{', '.join(listed[:-1])} and {listed[-1]}."
            )
    else:
        sentences.append(f"No action items were completed {period_words(facts.period)}.")
    for fact in facts.of(FactKind.RESPONSE_FINISHED, public=True):
        sentences.append(f"The response {quoted(fact.title)} was completed.")
        used.append(fact)
    for fact in facts.of(FactKind.RESPONSE_STARTED, public=True):
        sentences.append(f"Work started on the response {quoted(fact.title)}.")
        used.append(fact)
    for fact in facts.of(FactKind.RECOMMENDATION, public=True):
        sentences.append(f"The department acted on the recommendation {quoted(fact.title)}.")
        used.append(fact)
    return sentences


def _measures_in_words(facts: PeriodFacts, used: list[Fact]) -> list[str]:
    moved = [
        f
        for f in facts.of(FactKind.MEASURE, public=True)
        if f.measure is not None and f.measure.moved
    ][:MEASURES_IN_LONG]
    if not moved:
        return []
    sentences = ["How the numbers moved:"]
    for fact in moved:
        assert fact.measure is not None
        m = fact.measure
        line = (
            f"{m.name}: {amount(m.baseline, m.unit)} \u2192 {amount(m.latest, m.unit)} "
            "since the baseline"
        )
        if m.target is not None:
            line += f"; the target is {amount(m.target, m.unit)}"
        sentences.append(f"{line} ({standing(m)}).")
        used.append(fact)
    return sentences


def _community_sentences(facts: PeriodFacts, used: list[Fact]) -> list[str]:
    sentences = []
    held = facts.of(FactKind.MEETING_HELD, public=True)
    if held:
        used.extend(held)
        community = sum(f.meeting.community for f in held if f.meeting)
        staff = sum(f.meeting.staff for f in held if f.meeting)
        times = {1: "once", 2: "twice"}.get(len(held), f"{len(held)} times")
        sentences.append(
            f"The teams met {times}, with {community} community members "
            f"and {staff} department staff taking part."
        )
    heard = facts.of(FactKind.INPUT_HELD, public=True)
    if heard:
        used.extend(heard)
        people = sum(f.count for f in heard)
        held_as = ", ".join(f"a {f.title.lower()} on {long_date(f.day)}" for f in heard[:3])
        sentences.append(f"We heard from {people} people in community input ({held_as}).")
    return sentences


# The staff briefing ----------------------------------------------------------------------


def staff_briefing(facts: PeriodFacts) -> Draft:
    """Every measure, what was done, what is overdue and by whom, what leadership is asked."""
    used: list[Fact] = []
    sections = [f"Staff briefing: {facts.initiative_name}, {period_words(facts.period)}"]
    sections.append(_section("Measures", facts.of(FactKind.MEASURE), used, _measure_line,
                             "No measures are set for this initiative yet."))  # fmt: skip
    done = facts.of(FactKind.ACTION_DONE)
    heading = f"Done ({len(done)} action items)" if len(done) != 1 else "Done (1 action item)"
    empty_done = f"No action items were completed {period_words(facts.period)}."
    sections.append(_section(heading, done, used, _done_line, empty_done))
    for kind, title in (
        (FactKind.STAGE_REACHED, "Stage"),
        (FactKind.RESPONSE_FINISHED, "Responses completed"),
        (FactKind.RESPONSE_STARTED, "Responses started"),
        (FactKind.RECOMMENDATION, "Recommendations acted on"),
        (FactKind.MEETING_HELD, "Meetings held"),
        (FactKind.INPUT_HELD, "Community input"),
    ):
        found = facts.of(kind)
        if found:
            sections.append(_section(title, found, used, lambda f: f.text, ""))
    overdue = facts.of(FactKind.OVERDUE)
    heading = f"Overdue ({len(overdue)} in all, the longest overdue first)"
    sections.append(_section(heading if overdue else "Overdue", overdue, used,
                             _overdue_line, "Nothing is overdue."))  # fmt: skip
    asks = facts.of(FactKind.DECISION_WANTED, FactKind.BLOCKED)
    sections.append(_section("Leadership is asked to", asks, used, lambda f: f.text,
                             "Nothing is waiting on leadership."))  # fmt: skip
    upcoming = [f for f in facts.of(FactKind.NEXT_MEETING) if f.meeting]
    team = [f for f in upcoming if f.meeting and f.meeting.problem_solving_team] or upcoming
    sections.append(_section("Next meeting", tuple(team[:1]), used, _next_line,
                             "No meeting is scheduled yet."))  # fmt: skip
    return Draft(DraftKind.STAFF, "\n\n".join(sections), tuple(used))


def _section(
    title: str,
    found: Sequence[Fact],
    used: list[Fact],
    line: Callable[[Fact], str],
    empty: str,
) -> str:
    if not found:
        return f"{title}\n{empty}"
    used.extend(found)
    lines = [f"\u2022 {line(fact)}" for fact in found[:LISTED_IN_STAFF]]
    return "\n".join([title, *lines])


def _measure_line(fact: Fact) -> str:
    return fact.text


def _done_line(fact: Fact) -> str:
    return f"{fact.title} ({long_date(fact.day)})" if fact.day else fact.title


def _overdue_line(fact: Fact) -> str:
    owner = fact.owner or "no owner"
    return f"{fact.title} \u2014 {owner}, due {long_date(fact.day)}"


def _next_line(fact: Fact) -> str:
    assert fact.meeting is not None
    place = f", {fact.meeting.place}" if fact.meeting.place else ""
    return f"{fact.meeting.team}: {when(fact.meeting.at)}{place}"
