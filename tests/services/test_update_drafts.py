"""Drafted updates: every fact kind from the records, nothing invented, nothing private made
public, the 280-character post, the empty period, and saving into the communications log."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.orm import Session

from cs360desk.db.workspace import open_workspace
from cs360desk.domain.draft_wording import build_drafts, words
from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AttendanceStatus,
    Audience,
    CommunicationStatus,
    Decision,
    Direction,
    InputKind,
    MeetingStatus,
    RecommendationStatus,
    ResponseStatus,
    Stage,
    TeamKind,
)
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.update_drafts import DraftKind, FactKind, UpdateDrafts
from cs360desk.i18n import PSEUDO, language
from cs360desk.services import catalog
from cs360desk.services.agency_settings import save_agency_settings
from cs360desk.services.communications import communication_log
from cs360desk.services.momentum import dashboard
from cs360desk.services.sample_agency import generate_sample_agency
from cs360desk.services.update_drafts import default_period, save_draft, update_drafts
from cs360desk.services.workspace_info import initiatives

if TYPE_CHECKING:
    from conftest import Builders

# The change log is stamped with the real clock, so the period is around the real today.
NOW = datetime.combine(date.today(), time(12, 0), tzinfo=UTC)
TODAY = NOW.date()
DAY = timedelta(days=1)
START = TODAY - 20 * DAY


@dataclass(frozen=True)
class Scenario:
    initiative_id: int
    done_id: int
    old_done_id: int
    measure_id: int
    steady_id: int
    public_meeting_id: int
    pst_meeting_id: int


def make_scenario(build: Builders) -> Scenario:
    """One of every fact kind in the last 20 days, and one of several just before."""
    basics = build.basics("Safer Elm Street")
    save_agency_settings(build.session, name="Elm Ridge Police Department", time_zone="UTC")
    initiative = basics.initiative.id
    done = build.action_item(
        initiative, title="Fix the lights on Elm Street", status=ActionStatus.DONE,
        completed_on=TODAY - 3 * DAY,
    )  # fmt: skip
    old = build.action_item(
        initiative, title="Walk the block with the landlord", status=ActionStatus.DONE,
        completed_on=START - DAY,
    )  # fmt: skip
    owner = build.person("Sgt. Dana Reyes", affiliation=Affiliation.DEPARTMENT)
    build.action_item(
        initiative, title="Ask the city for a camera", owner_id=owner.id, due_on=TODAY - 5 * DAY
    )
    build.action_item(
        initiative, title="Meet the school board", owner_id=owner.id, status=ActionStatus.BLOCKED
    )
    goal = build.goal(initiative)
    calls = build.measure(
        goal.id, name="Calls about shots fired", unit="calls", direction=Direction.DECREASE,
        baseline_value=41, target_value=25,
    )  # fmt: skip
    build.measurement(calls.id, START - 10 * DAY, 35)
    build.measurement(calls.id, TODAY - 2 * DAY, 27)
    steady = build.measure(goal.id, name="Fear at night", unit="%", baseline_value=60)
    build.measurement(steady.id, START - 10 * DAY, 55)
    problem = build.problem(initiative)
    build.response(
        problem.id, title="Lighting audit", status=ResponseStatus.COMPLETED,
        starts_on=START - 40 * DAY, ends_on=TODAY - 4 * DAY,
    )  # fmt: skip
    build.response(
        problem.id, title="Youth night league", status=ResponseStatus.IN_PROGRESS,
        starts_on=TODAY - 6 * DAY,
    )  # fmt: skip
    catalog.STAGE_CHANGE.create(
        build.session, initiative_id=initiative, stage=Stage.PROBLEM_SOLVING,
        reached_on=TODAY - 7 * DAY,
    )  # fmt: skip
    recommendation = build.recommendation(initiative, text="Keep the park lit until 11 pm")
    catalog.RECOMMENDATION.update(
        build.session, recommendation.id, decision=Decision.ACCEPTED,
        status=RecommendationStatus.IN_PROGRESS,
    )  # fmt: skip
    build.recommendation(initiative, text="Hire a bilingual liaison", delivered_on=TODAY - 30 * DAY)
    catalog.INPUT_ACTIVITY.create(
        build.session, initiative_id=initiative, kind=InputKind.LISTENING_SESSION,
        held_on=TODAY - 8 * DAY, participants=23, summary="Private notes: Ms. X said…",
    )  # fmt: skip
    held = build.meeting(
        basics.team.id, NOW - 9 * DAY, title="PST meeting", status=MeetingStatus.HELD
    )
    for affiliation, status in (
        (Affiliation.COMMUNITY, AttendanceStatus.PRESENT),
        (Affiliation.COMMUNITY, AttendanceStatus.PRESENT),
        (Affiliation.COMMUNITY, AttendanceStatus.ABSENT),
        (Affiliation.DEPARTMENT, AttendanceStatus.PRESENT),
        (Affiliation.GOVERNMENT_PARTNER, AttendanceStatus.PRESENT),
    ):
        person = build.person(affiliation=affiliation)
        catalog.ATTENDANCE.create(
            build.session, meeting_id=held.id, person_id=person.id, status=status
        )
    catalog.ATTENDANCE.create(build.session, meeting_id=held.id, guest_name="A neighbour")
    pst = build.meeting(
        basics.team.id, NOW + 5 * DAY + timedelta(hours=6), title="PST meeting",
        location="Chief's conference room",
    )  # fmt: skip
    advisory = build.team(initiative, name="Advisory Team", kind=TeamKind.ADVISORY_TEAM)
    public = build.meeting(
        advisory.id, NOW + 12 * DAY + timedelta(hours=6), title="Town hall",
        location="Elm Street Library", open_to_public=True,
    )  # fmt: skip
    return Scenario(initiative, done.id, old.id, calls.id, steady.id, public.id, pst.id)


def drafts_of(build: Builders, scenario: Scenario, **options: object) -> UpdateDrafts:
    return update_drafts(
        build.session, scenario.initiative_id, now=NOW, start=START, end=TODAY, **options
    )


def text_of(drafts: UpdateDrafts, kind: DraftKind) -> str:
    text = drafts.draft(kind).text
    assert text is not None, drafts.draft(kind).reason
    return text


def test_every_kind_of_fact_is_found_with_its_record(build: Builders) -> None:
    scenario = make_scenario(build)
    facts = drafts_of(build, scenario).source
    kinds = {fact.kind for fact in facts.facts}
    assert kinds == set(FactKind)
    done = facts.of(FactKind.ACTION_DONE)
    assert [fact.id for fact in done] == [scenario.done_id]  # the older one is outside
    assert "Fix the lights on Elm Street" in done[0].text
    (meeting,) = facts.of(FactKind.MEETING_HELD)
    assert meeting.meeting is not None
    # Community members (and the guest) apart from department staff and partners.
    assert (meeting.meeting.community, meeting.meeting.staff, meeting.meeting.partners) == (3, 1, 1)
    assert "5 attended (3 community, 1 department staff, 1 partners)" in meeting.text
    measures = {fact.id: fact for fact in facts.of(FactKind.MEASURE)}
    moved = measures[scenario.measure_id]
    assert moved.measure is not None and moved.measure.moved and moved.measure.improved
    assert "baseline 41 calls, latest 27 calls" in moved.text and "target 25 calls" in moved.text
    steady = measures[scenario.steady_id]
    assert steady.measure is not None and not steady.measure.moved
    assert steady.private == "no new value in the period"
    assert [f.title for f in facts.of(FactKind.RESPONSE_FINISHED)] == ["Lighting audit"]
    assert [f.title for f in facts.of(FactKind.RESPONSE_STARTED)] == ["Youth night league"]
    assert [f.title for f in facts.of(FactKind.STAGE_REACHED)] == [Stage.PROBLEM_SOLVING.label]
    assert [f.title for f in facts.of(FactKind.RECOMMENDATION)] == ["Keep the park lit until 11 pm"]
    (heard,) = facts.of(FactKind.INPUT_HELD)
    assert heard.count == 23 and "Private notes" not in heard.text
    upcoming = {fact.id: fact for fact in facts.of(FactKind.NEXT_MEETING)}
    assert set(upcoming) == {scenario.public_meeting_id, scenario.pst_meeting_id}
    (overdue,) = facts.of(FactKind.OVERDUE)
    assert overdue.owner == "Sgt. Dana Reyes" and overdue.private == "for staff only"
    assert [f.title for f in facts.of(FactKind.DECISION_WANTED)] == ["Hire a bilingual liaison"]
    assert [f.title for f in facts.of(FactKind.BLOCKED)] == ["Meet the school board"]


def test_the_three_drafts_tell_what_was_done(build: Builders) -> None:
    drafts = drafts_of(build, make_scenario(build))
    short, long, staff = (text_of(drafts, kind) for kind in DraftKind)
    assert len(short) <= 280
    assert f"we reached the {Stage.PROBLEM_SOLVING.label} stage" in short  # the most important
    assert "Calls about shots fired: 41 calls \u2192 27 calls since the baseline" in long
    assert "the target is 25 calls" in long
    assert "Town hall" not in long  # the team's name and the place invite, not the title
    assert "Elm Street Library" in long  # the open meeting's place is public
    assert "Chief's conference room" not in long and "Chief's conference room" not in short
    assert words(long) <= 300
    for line in ("Calls about shots fired", "Fear at night", "Ask the city for a camera"):
        assert line in staff
    assert "Sgt. Dana Reyes, due" in staff  # owners are named internally
    assert "Decide on the recommendation \u201cHire a bilingual liaison\u201d" in staff
    assert "Help unblock \u201cMeet the school board\u201d" in staff
    assert "Chief's conference room" in staff  # the staff know where the team meets


def test_a_fact_left_out_is_left_out_of_every_draft(build: Builders) -> None:
    scenario = make_scenario(build)
    drafts = drafts_of(build, scenario, excluded=[("action_item_done", scenario.done_id)])
    for kind in DraftKind:
        assert "Fix the lights" not in text_of(drafts, kind)
    left_out = ("action_item_done", scenario.done_id)
    assert all(fact.key != left_out for fact in drafts.draft(DraftKind.STAFF).facts)
    assert left_out in {fact.key for fact in drafts.source.facts}  # still listed, unticked
    again = build_drafts(drafts.source, frozenset())  # ticked again: back in, no database
    assert "Fix the lights on Elm Street" in text_of(again, DraftKind.STAFF)


def test_public_drafts_leave_out_contacts_and_people_not_to_be_named(build: Builders) -> None:
    basics = build.basics()
    initiative = basics.initiative.id
    private = build.person("Rosa Delgado", contact_private=True, named_in_public=True)
    shy = build.person("Tom Okafor")  # a community member not marked public
    known = build.person("Pastor Lee Ann Moss", named_in_public=True)
    titles = {
        "mail": "Send the flyer to tips@elmridge.example",
        "phone": "Call the landlord at (555) 201-3344",
        "private": f"Thank {private.full_name} for hosting",
        "shy": f"Walk the block with {shy.full_name.upper()}",
        "public": f"Thank {known.full_name} for the prayer vigil",
    }
    ids = {}
    for key, title in titles.items():
        item = build.action_item(
            initiative, title=title, status=ActionStatus.DONE, completed_on=TODAY - DAY
        )
        ids[key] = item.id
    drafts = update_drafts(build.session, initiative, now=NOW, start=START, end=TODAY)
    facts = {fact.id: fact for fact in drafts.source.of(FactKind.ACTION_DONE)}
    assert facts[ids["mail"]].private == "contains an e-mail address"
    assert facts[ids["phone"]].private == "contains a phone number"
    assert facts[ids["private"]].private == "names Rosa Delgado, who is not marked as public"
    assert facts[ids["shy"]].private == "names Tom Okafor, who is not marked as public"
    assert facts[ids["public"]].public
    public_text = text_of(drafts, DraftKind.SHORT) + text_of(drafts, DraftKind.LONG)
    for key in ("mail", "phone", "private", "shy"):
        assert titles[key] not in public_text
    for needle in ("@", "555", "Rosa", "Okafor", "OKAFOR"):
        assert needle not in public_text
    assert titles["public"] in text_of(drafts, DraftKind.LONG)
    staff = text_of(drafts, DraftKind.STAFF)
    assert all(title in staff for title in titles.values())  # the staff briefing has them all


def test_an_empty_period_says_so_and_has_no_public_post(build: Builders) -> None:
    basics = build.basics()
    build.meeting(basics.team.id, NOW + 3 * DAY, title="PST meeting", location="Room 2")
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    drafts = update_drafts(build.session, basics.initiative.id, now=NOW, start=start, end=end)
    assert drafts.empty
    for kind in (DraftKind.SHORT, DraftKind.LONG):
        draft = drafts.draft(kind)
        assert draft.text is None
        assert draft.reason == (
            "Nothing was recorded between Mar 1 and Mar 31, 2026, so there is no public post."
        )
    staff = text_of(drafts, DraftKind.STAFF)
    assert "No action items were completed between Mar 1 and Mar 31, 2026." in staff
    assert "Next meeting" in staff and "Room 2" in staff


def test_only_private_facts_make_no_public_post_and_say_why(build: Builders) -> None:
    basics = build.basics()
    build.action_item(
        basics.initiative.id, title="Call 555-201-3344", status=ActionStatus.DONE,
        completed_on=TODAY,
    )  # fmt: skip
    drafts = update_drafts(build.session, basics.initiative.id, now=NOW, start=START, end=TODAY)
    assert not drafts.empty
    assert drafts.draft(DraftKind.SHORT).text is None
    assert "may be made public" in drafts.draft(DraftKind.SHORT).reason


def test_the_default_period_starts_at_the_last_public_update_posted(build: Builders) -> None:
    basics = build.basics()
    initiative = basics.initiative.id
    assert default_period(build.session, initiative, today=TODAY).start == TODAY - 30 * DAY
    build.communication(
        initiative, audience=Audience.STAFF, status=CommunicationStatus.POSTED,
        posted_on=TODAY - 3 * DAY,
    )  # fmt: skip
    build.communication(initiative, status=CommunicationStatus.DRAFT, planned_on=TODAY - DAY)
    assert default_period(build.session, initiative, today=TODAY).start == TODAY - 30 * DAY
    build.communication(initiative, status=CommunicationStatus.POSTED, posted_on=TODAY - 12 * DAY)
    period = default_period(build.session, initiative, today=TODAY)
    assert (period.start, period.end) == (TODAY - 12 * DAY, TODAY)


def test_bad_periods_and_initiatives_are_refused(build: Builders) -> None:
    basics = build.basics()
    with pytest.raises(ValidationError):
        update_drafts(build.session, basics.initiative.id, now=NOW, start=TODAY, end=START)
    with pytest.raises(NotFoundError):
        update_drafts(build.session, 999, now=NOW)


def test_the_hashtag_and_link_are_added_only_when_they_fit(build: Builders) -> None:
    scenario = make_scenario(build)
    save_agency_settings(build.session, post_hashtag="#SaferElm", post_link="https://elm.example/x")
    short = text_of(drafts_of(build, scenario), DraftKind.SHORT)
    assert short.endswith(" #SaferElm https://elm.example/x") and len(short) <= 280
    long_tag = "#" + "Ü" * 99
    save_agency_settings(build.session, post_hashtag=long_tag)
    short = text_of(drafts_of(build, scenario), DraftKind.SHORT)
    assert long_tag not in short and short.endswith(" https://elm.example/x")
    assert len(short) <= 280


def test_saving_a_draft_records_it_and_posting_resets_the_signal(build: Builders) -> None:
    scenario = make_scenario(build)
    text = text_of(drafts_of(build, scenario), DraftKind.SHORT)
    before = _signal(build, scenario.initiative_id)
    record, edit = save_draft(
        build.session, scenario.initiative_id, DraftKind.SHORT, text,
        status=CommunicationStatus.POSTED, day=TODAY,
    )  # fmt: skip
    assert edit.changes and record.text == text and record.audience is Audience.PUBLIC
    assert [c.id for c in communication_log(build.session, scenario.initiative_id)] == [record.id]
    assert before == "never posted"
    assert _signal(build, scenario.initiative_id) == "due in 30 days"
    staff, _ = save_draft(build.session, scenario.initiative_id, DraftKind.STAFF, "Briefing")
    assert (staff.audience, staff.status) == (Audience.STAFF, CommunicationStatus.DRAFT)


def test_a_posted_draft_needs_its_day_and_an_empty_one_is_refused(build: Builders) -> None:
    basics = build.basics()
    with pytest.raises(ValidationError) as raised:
        save_draft(
            build.session, basics.initiative.id, DraftKind.LONG, "Text",
            status=CommunicationStatus.POSTED,
        )  # fmt: skip
    assert raised.value.field == "posted_on"
    with pytest.raises(ValidationError):
        save_draft(build.session, basics.initiative.id, DraftKind.LONG, "  \n ")


def _signal(build: Builders, initiative_id: int) -> str:
    board = dashboard(build.session, initiative_id, now=NOW)
    return next(signal.value for signal in board.signals if signal.key == "public_update")


# Nothing invented, over the sample agency ----------------------------------------------

SAMPLE_TODAY = date(2026, 6, 18)
SAMPLE_NOW = datetime.combine(SAMPLE_TODAY, time(17, 0), tzinfo=UTC)


@pytest.fixture(scope="module")
def sample_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    workspace = open_workspace(tmp_path_factory.mktemp("sample") / "sample.cs360")
    try:
        with workspace.session_factory.begin() as session:
            generate_sample_agency(session, size="small", seed=1, today=SAMPLE_TODAY)
        with workspace.session_factory() as session:
            yield session
    finally:
        workspace.close()


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def allowed_numbers(drafts: UpdateDrafts, kind: DraftKind) -> set[str]:
    """Numbers of the facts the draft used, of its period, and counts and sums of those."""
    used = drafts.draft(kind).facts
    allowed = set().union(*(numbers_in(fact.text) for fact in used)) if used else set()
    period = drafts.source.period
    for day in (period.start, period.end):
        allowed |= {str(day.day), str(day.year)}
    by_kind: dict[FactKind, int] = {}
    for fact in used:
        by_kind[fact.kind] = by_kind.get(fact.kind, 0) + 1
    allowed |= {str(count) for count in by_kind.values()}
    meetings = [
        fact.meeting for fact in used if fact.kind is FactKind.MEETING_HELD and fact.meeting
    ]
    allowed |= {str(sum(m.community for m in meetings)), str(sum(m.staff for m in meetings))}
    allowed.add(str(sum(fact.count for fact in used if fact.kind is FactKind.INPUT_HELD)))
    return allowed


def test_nothing_is_invented_in_any_month_of_the_sample(sample_session: Session) -> None:
    months_checked = 0
    for initiative in initiatives(sample_session):
        for month in range(1, 13):
            start = date(SAMPLE_TODAY.year - 1, month, 1)
            end = (start + timedelta(days=32)).replace(day=1) - DAY
            drafts = update_drafts(
                sample_session, initiative.id, now=SAMPLE_NOW, start=start, end=end
            )
            for kind in DraftKind:
                text = drafts.draft(kind).text
                if text is None:
                    continue
                invented = numbers_in(text) - allowed_numbers(drafts, kind)
                assert not invented, (kind, start, invented, text)
                for title in re.findall("\u201c([^\u201d]*)\u201d", text):
                    sources = [f.title for f in drafts.draft(kind).facts]
                    assert any(
                        title == source or (title.endswith("…") and source.startswith(title[:-1]))
                        for source in sources
                    ), (kind, title)
            short = drafts.draft(DraftKind.SHORT).text
            if short is not None:
                assert len(short) <= 280
                months_checked += 1
            long = drafts.draft(DraftKind.LONG).text
            if long is not None:
                assert words(long) <= 300
    assert months_checked >= 12


def test_last_months_long_update_has_120_to_300_words(sample_session: Session) -> None:
    start = (SAMPLE_TODAY.replace(day=1) - DAY).replace(day=1)
    end = SAMPLE_TODAY.replace(day=1) - DAY
    drafts = update_drafts(sample_session, 1, now=SAMPLE_NOW, start=start, end=end)
    long = text_of(drafts, DraftKind.LONG)
    assert 120 <= words(long) <= 300, long
    assert len(text_of(drafts, DraftKind.SHORT)) <= 280


def test_drafts_are_the_same_when_rebuilt_and_differ_from_month_to_month(
    sample_session: Session,
) -> None:
    openings = []
    for month in (9, 10, 11):
        start = date(SAMPLE_TODAY.year - 1, month, 1)
        end = (start + timedelta(days=32)).replace(day=1) - DAY
        drafts = update_drafts(sample_session, 1, now=SAMPLE_NOW, start=start, end=end)
        again = build_drafts(drafts.source, frozenset())
        assert text_of(drafts, DraftKind.LONG) == text_of(again, DraftKind.LONG)
        openings.append(text_of(drafts, DraftKind.LONG).split(" Gun crime")[0])
    assert len(set(openings)) == 3


# Every template through the translation calls -------------------------------------------

_DATE_OR_TIME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(?:, \d{4})?"
    r"|\d{1,2}:\d{2}\s?[AP]M"
)


def _user_texts(drafts: UpdateDrafts) -> list[str]:
    """Everything the records themselves say: titles, names, places, units, the agency's."""
    facts = drafts.source
    found = {facts.initiative_name, facts.agency_name, facts.hashtag, facts.link}
    for fact in facts.facts:
        found |= {fact.title, fact.owner}
        if fact.measure:
            found |= {fact.measure.name, fact.measure.unit}
        if fact.meeting:
            found |= {fact.meeting.team, fact.meeting.title, fact.meeting.place}
    return sorted((text for text in found if text.strip()), key=len, reverse=True)


def _without_user_text(text: str, users: list[str]) -> str:
    """`text` with the records' own words, their shortened starts ("Fix the…") and the
    dates and times CLDR spells left out."""
    for user in users:
        text = text.replace(user, " ")
    while "…" in text:
        cut = text.index("…")
        start = min(
            (cut - k for user in users for k in range(1, len(user) + 1)
             if text[cut - k : cut] == user[:k]),
            default=cut,
        )  # fmt: skip
        text = text[:start] + " " + text[cut + 1 :]
    return _DATE_OR_TIME.sub(" ", text)


def test_every_word_of_the_drafts_goes_through_the_translation(sample_session: Session) -> None:
    """In the pseudo-language every translated letter is accented: a plain ASCII word left
    over, once the records' own words are taken out, is template English never translated."""
    start = (SAMPLE_TODAY.replace(day=1) - DAY).replace(day=1)
    end = SAMPLE_TODAY.replace(day=1) - DAY
    for initiative in initiatives(sample_session):
        with language(PSEUDO):
            drafts = update_drafts(
                sample_session, initiative.id, now=SAMPLE_NOW, start=start, end=end
            )
            signals = dashboard(sample_session, initiative.id, now=SAMPLE_NOW).signals
            labels = [kind.label for kind in DraftKind]
        users = _user_texts(drafts)
        texts = [drafts.draft(kind).text or drafts.draft(kind).reason for kind in DraftKind]
        texts += [fact.text for fact in drafts.source.facts]
        texts += [fact.private for fact in drafts.source.facts]
        texts += labels
        for text in texts:
            left = re.findall(r"[A-Za-z]{2,}", _without_user_text(text, users))
            assert not left, (left, text)
        short = drafts.draft(DraftKind.SHORT).text
        assert short is not None and short.startswith("[") and len(short) <= 280
        for signal in signals:
            for text in (signal.title, signal.value, signal.detail):
                assert not re.findall(r"[A-Za-z]{2,}", _without_user_text(text, users)), text
