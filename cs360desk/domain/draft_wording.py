"""The wording of the drafted updates: every template in one place, each a whole sentence.

Several phrasings per sentence, chosen from the initiative and the month, so one month's
post does not read like the last; the choice is deterministic, so a draft rebuilt from the
same facts reads the same. User text (titles, names, places) goes in verbatim; only a title
too long for the short post is shortened, at a word boundary, with "…".

Every template is translated when the draft is written (the caller chooses the language with
`cs360desk.i18n.language`), with named {placeholders} so a language can order them its own way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime

from cs360desk.domain.report_data import ReportPeriod
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
from cs360desk.i18n import (
    N_,
    _,
    count_of,
    current_language,
    formats,
    language,
    ngettext,
    pgettext,
)

ELLIPSIS = "…"
_TRAILING = re.compile(r"[\s,;:–—-]+$")  # what a shortened title should not end on
LISTED_IN_LONG = 3
LISTED_IN_STAFF = 10
MEASURES_IN_LONG = 4
MIN_TITLE_CHARS = 12  # a title shortened below this says nothing; leave the fact out instead
TITLE = "{title}"  # where a short-post template puts the part that may be shortened

# Each a whole sentence: {items} are the accomplishments, joined by "; ".
_SHORT_LEADS = (
    N_("{name}: {items}."),
    N_("Update on {name}: {items}."),
    N_("News from {name}: {items}."),
)
_LONG_OPENINGS = (
    N_("Here is what {name} accomplished {period}."),
    N_("{name}: an update on the work done {period}."),
    N_("What {name} got done {period}, from the team's own records."),
)
_INVITATIONS = (
    N_("Everyone is welcome at the next meeting, {when}, at {place}."),
    N_("Join us at the next meeting, {when}, at {place}; everyone is welcome."),
    N_("The next meeting is open to all: {when}, at {place}."),
)
_CLOSINGS = (
    N_("Questions, concerns and ideas are always welcome; please get in touch with the {agency}."),
    N_("Your ideas shape this work. Please share them with the {agency}."),
    N_("Thank you to everyone who took part. Please share your ideas with the {agency}."),
)


# Building all three ----------------------------------------------------------------------


def build_drafts(source: PeriodFacts, excluded: frozenset[tuple[str, int]]) -> UpdateDrafts:
    """The three drafts from the facts the champion kept, in the language of the facts."""
    kept = source.without(excluded)
    with language(source.language or current_language()):
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
    """The same choice for the same initiative and month; the next month, the next one.
    Translated here, at the moment of writing."""
    end = facts.period.end
    return _(phrasings[(end.year * 12 + end.month + facts.initiative_id) % len(phrasings)])


# Numbers, dates and times ----------------------------------------------------------------


def number(value: float) -> str:
    """41, 3.5, 0.25: as short as the value allows (two decimals at most), never in
    scientific notation; grouped as the language groups."""
    if float(value).is_integer():
        return formats.number(int(value))
    return formats.number(round(value, 2))


def amount(value: float | None, unit: str) -> str:
    if value is None:
        return _("none yet")
    unit = unit.strip()
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit == "%" else f"{number(value)} {unit}"


def day_text(day: date | None) -> str:
    """ "Mar 14, 2026" · "14 mar 2026"."""
    return formats.medium_date(day) if day is not None else ""


def clock(moment: datetime) -> str:
    """ "6:00 PM" · "6:00 p.m.", with a plain space: posts are pasted anywhere."""
    return formats.clock_time(moment).replace("\u202f", " ").replace("\xa0", " ")


def when(moment: datetime) -> str:
    """ "Dec 8, 2026 at 6:00 PM" · "8 dic 2026 a las 6:00 p.m."."""
    if moment.hour % 12 == 1:  # "a la 1:00 p.m.": one o'clock has its own grammar in Spanish
        template = pgettext("date at one o'clock", "{date} at {time}")
    else:
        template = _("{date} at {time}")
    return template.format(date=day_text(moment.date()), time=clock(moment))


def period_words(period: ReportPeriod) -> str:
    """ "between Mar 1 and Mar 31, 2026"; the year once when both ends share it."""
    end = day_text(period.end)
    if period.start == period.end:
        return _("on {date}").format(date=end)
    if period.start.year == period.end.year:
        start = formats.day_month(period.start)
    else:
        start = day_text(period.start)
    return _("between {start} and {end}").format(start=start, end=end)


def quoted(title: str) -> str:
    return f"\u201c{title}\u201d"


def listed(items: Sequence[str]) -> str:
    """ "a, b and c" · "a, b y c"."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


# Fact texts (what the checklist shows and the JSON carries) ------------------------------


def measure_text(figures: MeasureFigures) -> str:
    fields = {
        "name": figures.name,
        "baseline": amount(figures.baseline, figures.unit),
        "latest": amount(figures.latest, figures.unit),
        "target": amount(figures.target, figures.unit),
        "standing": standing(figures),
    }
    if figures.latest_on is not None:
        return _(
            "{name}: baseline {baseline}, latest {latest} ({date}), target {target}; {standing}"
        ).format(date=day_text(figures.latest_on), **fields)
    return _("{name}: baseline {baseline}, latest {latest}, target {target}; {standing}").format(
        **fields
    )


def meeting_text(figures: MeetingFigures, *, held: bool) -> str:
    if held:
        return ngettext(
            "{team} met on {date}: {n} attended ({community} community, "
            "{staff} department staff, {partners} partners)",
            "{team} met on {date}: {n} attended ({community} community, "
            "{staff} department staff, {partners} partners)",
            figures.attended,
        ).format(
            team=figures.team,
            date=day_text(figures.at.date()),
            n=figures.attended,
            community=figures.community,
            staff=figures.staff,
            partners=figures.partners,
        )
    public = _("open to the public") if figures.open_to_public else _("team members")
    fields = {"team": figures.team, "when": when(figures.at), "who": public}
    if figures.place:
        return _("Next: {team}, {when}, {place} ({who})").format(place=figures.place, **fields)
    return _("Next: {team}, {when} ({who})").format(**fields)


def standing(figures: MeasureFigures) -> str:
    if figures.latest is None:
        return _("no value yet")
    if figures.target_met:
        return _("target met")
    if figures.improved:
        return _("moving the right way, not yet at the target")
    if figures.baseline is None:
        return _("no baseline to compare with")
    return _("not moving the right way yet")


# The short public post -------------------------------------------------------------------


# An accomplishment: the words before and after its title (the part that may be shortened),
# the title itself (may be empty) and the facts it tells of.
_Candidate = tuple[str, str, str, tuple[Fact, ...]]


def _candidate(template: str, title: str, told: tuple[Fact, ...], **fields: object) -> _Candidate:
    """A translated template cut where its {title} goes, the rest of its fields filled in."""
    before, found, after = template.partition(TITLE)
    if not found:  # a template without a title: nothing in it to shorten
        return (template.format(**fields), "", "", told)
    return (before.format(**fields), title, after.format(**fields), told)


def short_post(facts: PeriodFacts) -> Draft:
    """At most 280 characters: one or two accomplishments, then the next meeting."""
    if not facts.of(*HAPPENED_KINDS, public=True):
        return Draft(DraftKind.SHORT, None, (), _nothing_public(facts))
    lead = _pick(_SHORT_LEADS, facts)
    candidates = _short_candidates(facts)
    next_meeting = _next_public_sentence(facts, short=True)
    tails = [[next_meeting], []] if next_meeting else [[]]
    for tail in tails:  # the next meeting is dropped only if nothing fits beside it
        for count in (2, 1):
            for chosen in _combinations(candidates, count):
                text = _fit_short(
                    lead, facts.initiative_name, chosen, [sentence for sentence, _f in tail]
                )
                if text is not None:
                    used = [f for *_c, told in chosen for f in told] + [f for _s, f in tail]
                    return Draft(DraftKind.SHORT, _tagged(text, facts), tuple(used))
    return Draft(DraftKind.SHORT, None, (), _("No accomplishment fits in a short post."))


def _short_candidates(facts: PeriodFacts) -> list[_Candidate]:
    """The accomplishments, the most important first."""
    found: list[_Candidate] = []
    for fact in facts.of(FactKind.STAGE_REACHED, public=True):
        found.append(_candidate(_("we reached the {title} stage"), fact.title, (fact,)))
    for fact in _moved_right(facts):
        assert fact.measure is not None
        m = fact.measure
        found.append(
            _candidate(
                _("{title} went from {baseline} to {latest}"),
                m.name,
                (fact,),
                baseline=amount(m.baseline, m.unit),
                latest=amount(m.latest, m.unit),
            )
        )
    for fact in facts.of(FactKind.RESPONSE_FINISHED, public=True):
        found.append(_candidate(_("we completed {title}"), quoted(fact.title), (fact,)))
    done = facts.of(FactKind.ACTION_DONE, public=True)
    if len(done) == 1:
        found.append(_candidate(_("we completed {title}"), quoted(done[0].title), done))
    elif done:
        among = ngettext(
            "{n} action item done, among them {title}",
            "{n} action items done, among them {title}",
            len(done),
        )
        found.extend(_candidate(among, quoted(fact.title), done, n=len(done)) for fact in done[:3])
    if done:  # for when no title fits
        some = ngettext("we completed an action item", "we completed {n} action items", len(done))
        found.append(_candidate(some, "", done, n=len(done)))
    for fact in facts.of(FactKind.RECOMMENDATION, public=True):
        found.append(
            _candidate(_("we acted on the recommendation {title}"), quoted(fact.title), (fact,))
        )
    for fact in facts.of(FactKind.RESPONSE_STARTED, public=True):
        found.append(_candidate(_("we started {title}"), quoted(fact.title), (fact,)))
    heard = facts.of(FactKind.INPUT_HELD, public=True)
    if heard:
        people = sum(fact.count for fact in heard)
        template = ngettext(
            "we heard from {n} person in community input",
            "we heard from {n} people in community input",
            people,
        )
        found.append(_candidate(template, "", heard, n=people))
    held = facts.of(FactKind.MEETING_HELD, public=True)
    if held:
        community = sum(f.meeting.community for f in held if f.meeting)
        template = (
            ngettext(
                "{n} community member took part in our meetings",
                "{n} community members took part in our meetings",
                community,
            )
            if community
            else _("the team kept meeting")
        )
        found.append(_candidate(template, "", held, n=community))
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


def _fit_short(lead: str, name: str, chosen: list[_Candidate], tail: list[str]) -> str | None:
    """The post with titles shortened as needed, or None when it cannot fit at all."""

    def assemble(titles: list[str]) -> str:
        parts = [
            before + title + after
            for (before, _t, after, _f), title in zip(chosen, titles, strict=True)
        ]
        sentence = lead.format(name=name, items="; ".join(parts))
        return " ".join([_capitalised(sentence), *tail])

    titles = [title for _b, title, _a, _f in chosen]
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
    period = period_words(facts.period)
    if facts.empty:
        return _("Nothing was recorded {period}, so there is no public post.").format(period=period)
    return _(
        "Nothing recorded {period} may be made public (see the facts), so there is no public post."
    ).format(period=period)


def _next_public_sentence(facts: PeriodFacts, *, short: bool) -> tuple[str, Fact] | None:
    """The invitation to the next open meeting, else the date of the team's next meeting."""
    found = _next_public(facts, short=short)
    return (_one_full_stop(found[0]), found[1]) if found else None


def _one_full_stop(sentence: str) -> str:
    """ "… 6:00 p.m.." → "… 6:00 p.m.": a time's abbreviation ends the sentence too."""
    if sentence.endswith("..") and not sentence.endswith("..."):
        return sentence[:-1]
    return sentence


def _next_public(facts: PeriodFacts, *, short: bool) -> tuple[str, Fact] | None:
    upcoming = facts.of(FactKind.NEXT_MEETING, public=True)
    open_meetings = [f for f in upcoming if f.meeting and f.meeting.open_to_public]
    if open_meetings:
        fact = open_meetings[0]
        assert fact.meeting is not None
        place = fact.meeting.place
        at = when(fact.meeting.at)
        if short:
            if place:
                sentence = _("Next meeting, open to all: {when}, {place}.")
            else:
                sentence = _("Next meeting, open to all: {when}.")
            return sentence.format(when=at, place=place), fact
        if place:
            return _pick(_INVITATIONS, facts).format(when=at, place=place), fact
        return _("Everyone is welcome at the next meeting, {when}.").format(when=at), fact
    team = [f for f in upcoming if f.meeting and f.meeting.problem_solving_team]
    if team:
        fact = team[0]
        assert fact.meeting is not None
        sentence = _("The {team} meets next on {when}.")
        return sentence.format(team=fact.meeting.team, when=when(fact.meeting.at)), fact
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
    agency = facts.agency_name or pgettext("an agency without a name", "department")
    closing = [_pick(_CLOSINGS, facts).format(agency=agency)]
    invitation = _next_public_sentence(facts, short=False)
    if invitation:
        used.append(invitation[1])
        closing.insert(0, invitation[0])
    if facts.link:
        closing.append(_("More: {link}").format(link=facts.link))
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
        sentences.append(
            _("The initiative reached the {stage} stage on {date}.").format(
                stage=fact.title, date=day_text(fact.day)
            )
        )
        used.append(fact)
    done = facts.of(FactKind.ACTION_DONE, public=True)
    if done:
        used.extend(done)
        if len(done) == 1:
            sentences.append(
                _("One action item was completed: {title}.").format(title=quoted(done[0].title))
            )
        else:
            titles = [quoted(f.title) for f in done[:LISTED_IN_LONG]]
            if len(done) > len(titles):
                template = ngettext(
                    "{n} action item was completed, among them {titles}.",
                    "{n} action items were completed, among them {titles}.",
                    len(done),
                )
            else:
                template = ngettext(
                    "{n} action item was completed, namely {titles}.",
                    "{n} action items were completed, namely {titles}.",
                    len(done),
                )
            sentences.append(template.format(n=len(done), titles=listed(titles)))
    else:
        sentences.append(_no_action_items(facts))
    for fact in facts.of(FactKind.RESPONSE_FINISHED, public=True):
        sentences.append(_("The response {title} was completed.").format(title=quoted(fact.title)))
        used.append(fact)
    for fact in facts.of(FactKind.RESPONSE_STARTED, public=True):
        sentences.append(
            _("Work started on the response {title}.").format(title=quoted(fact.title))
        )
        used.append(fact)
    for fact in facts.of(FactKind.RECOMMENDATION, public=True):
        sentences.append(
            _("The department acted on the recommendation {title}.").format(
                title=quoted(fact.title)
            )
        )
        used.append(fact)
    return sentences


def _no_action_items(facts: PeriodFacts) -> str:
    return _("No action items were completed {period}.").format(period=period_words(facts.period))


def _measures_in_words(facts: PeriodFacts, used: list[Fact]) -> list[str]:
    moved = [
        f
        for f in facts.of(FactKind.MEASURE, public=True)
        if f.measure is not None and f.measure.moved
    ][:MEASURES_IN_LONG]
    if not moved:
        return []
    sentences = [_("How the numbers moved:")]
    for fact in moved:
        assert fact.measure is not None
        m = fact.measure
        fields = {
            "name": m.name,
            "baseline": amount(m.baseline, m.unit),
            "latest": amount(m.latest, m.unit),
            "standing": standing(m),
        }
        if m.target is not None:
            line = _(
                "{name}: {baseline} \u2192 {latest} since the baseline; "
                "the target is {target} ({standing})."
            ).format(target=amount(m.target, m.unit), **fields)
        else:
            line = _("{name}: {baseline} \u2192 {latest} since the baseline ({standing}).").format(
                **fields
            )
        sentences.append(line)
        used.append(fact)
    return sentences


def _community_sentences(facts: PeriodFacts, used: list[Fact]) -> list[str]:
    sentences = []
    held = facts.of(FactKind.MEETING_HELD, public=True)
    if held:
        used.extend(held)
        community = sum(f.meeting.community for f in held if f.meeting)
        staff = sum(f.meeting.staff for f in held if f.meeting)
        if len(held) == 1:
            times = _("once")
        elif len(held) == 2:
            times = _("twice")
        else:
            times = count_of(len(held), "{n} time", "{n} times")
        sentences.append(
            _("The teams met {times}, with {community} and {staff} taking part.").format(
                times=times,
                community=count_of(community, "{n} community member", "{n} community members"),
                staff=count_of(staff, "{n} department staff", "{n} department staff"),
            )
        )
    heard = facts.of(FactKind.INPUT_HELD, public=True)
    if heard:
        used.extend(heard)
        people = sum(f.count for f in heard)
        activities = ", ".join(
            _("a {activity} on {date}").format(activity=f.title.lower(), date=day_text(f.day))
            for f in heard[:3]
        )
        sentences.append(
            ngettext(
                "We heard from {n} person in community input ({activities}).",
                "We heard from {n} people in community input ({activities}).",
                people,
            ).format(n=people, activities=activities)
        )
    return sentences


# The staff briefing ----------------------------------------------------------------------


def staff_briefing(facts: PeriodFacts) -> Draft:
    """Every measure, what was done, what is overdue and by whom, what leadership is asked."""
    used: list[Fact] = []
    sections = [
        _("Staff briefing: {name}, {period}").format(
            name=facts.initiative_name, period=period_words(facts.period)
        )
    ]
    sections.append(_section(pgettext("staff briefing", "Measures"), facts.of(FactKind.MEASURE),
                             used, _measure_line,
                             _("No measures are set for this initiative yet.")))  # fmt: skip
    done = facts.of(FactKind.ACTION_DONE)
    heading = count_of(len(done), "Done ({n} action item)", "Done ({n} action items)")
    sections.append(_section(heading, done, used, _done_line, _no_action_items(facts)))
    for kind, title in (
        (FactKind.STAGE_REACHED, pgettext("staff briefing", "Stage")),
        (FactKind.RESPONSE_FINISHED, _("Responses completed")),
        (FactKind.RESPONSE_STARTED, _("Responses started")),
        (FactKind.RECOMMENDATION, _("Recommendations acted on")),
        (FactKind.MEETING_HELD, _("Meetings held")),
        (FactKind.INPUT_HELD, pgettext("staff briefing", "Community input")),
    ):
        found = facts.of(kind)
        if found:
            sections.append(_section(title, found, used, lambda f: f.text, ""))
    overdue = facts.of(FactKind.OVERDUE)
    heading = (
        count_of(
            len(overdue),
            "Overdue ({n} in all, the longest overdue first)",
            "Overdue ({n} in all, the longest overdue first)",
        )
        if overdue
        else pgettext("staff briefing", "Overdue")
    )
    sections.append(_section(heading, overdue, used, _overdue_line,
                             _("Nothing is overdue.")))  # fmt: skip
    asks = facts.of(FactKind.DECISION_WANTED, FactKind.BLOCKED)
    sections.append(_section(_("Leadership is asked to"), asks, used, lambda f: f.text,
                             _("Nothing is waiting on leadership.")))  # fmt: skip
    upcoming = [f for f in facts.of(FactKind.NEXT_MEETING) if f.meeting]
    team = [f for f in upcoming if f.meeting and f.meeting.problem_solving_team] or upcoming
    sections.append(_section(pgettext("staff briefing", "Next meeting"), tuple(team[:1]), used,
                             _next_line, _("No meeting is scheduled yet.")))  # fmt: skip
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
    return f"{fact.title} ({day_text(fact.day)})" if fact.day else fact.title


def _overdue_line(fact: Fact) -> str:
    owner = fact.owner or _("no owner")
    return _("{title} \u2014 {owner}, due {date}").format(
        title=fact.title, owner=owner, date=day_text(fact.day)
    )


def _next_line(fact: Fact) -> str:
    assert fact.meeting is not None
    at = when(fact.meeting.at)
    if fact.meeting.place:
        return f"{fact.meeting.team}: {at}, {fact.meeting.place}"
    return f"{fact.meeting.team}: {at}"
