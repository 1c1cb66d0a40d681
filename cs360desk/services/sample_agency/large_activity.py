"""The large sample's activity: meetings, action items, measures and community voice in bulk."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from cs360desk.db import models as m
from cs360desk.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    CommunicationStatus,
    Decision,
    Direction,
    Frequency,
    GoalDimension,
    MeetingMode,
    MeetingStatus,
    ProblemStatus,
    RecommendationStatus,
    ReportKind,
    ResponseStatus,
    SaraPhase,
)
from cs360desk.services.sample_agency import action_rules as rules
from cs360desk.services.sample_agency import cast
from cs360desk.services.sample_agency import meeting_texts as t
from cs360desk.services.sample_agency import voice_texts as v
from cs360desk.services.sample_agency import work_texts as w
from cs360desk.services.sample_agency.dates import (
    MONTH_NAMES,
    add_months,
    central_time,
    nth_weekday,
)
from cs360desk.services.sample_agency.large_agency import LargeAgency, LargeTeam
from cs360desk.services.sample_agency.rows import Progress, add_input_activity
from cs360desk.services.sample_agency.small_measures import MEASURES
from cs360desk.services.sample_agency.small_work import RESPONSES

MEETINGS = 5_000
ACTION_ITEMS = 100_000
MEASUREMENTS = 50_000
MEASURES_PER_INITIATIVE = 16
INPUTS_PER_INITIATIVE = 12
COMMUNICATIONS_PER_INITIATIVE = 30
RESPONSES_PER_INITIATIVE = 6
# fmt: off
EXTRA_MEASURES = (
    ("Robberies", Direction.DECREASE), ("Juvenile arrests", Direction.DECREASE),
    ("Calls for service at hot-spot addresses", Direction.DECREASE),
    ("Repeat domestic-violence calls", Direction.DECREASE),
    ("Partner organizations at PST meetings", Direction.INCREASE),
    ("Active volunteers", Direction.INCREASE), ("Public updates posted", Direction.INCREASE),
    ("Officer hours on foot patrol", Direction.INCREASE),
    ("Residents reached by door-knocks", Direction.INCREASE),
)
_PROBLEM_TITLES = (
    "Gun violence and fear of gun violence near {area}", "Speeding by schools around {area}",
    "Late-night gatherings and drug sales near {area}", "Thefts from boats and docks",
    "Family disputes escalating to weapons calls", "Burglaries of small businesses near {area}",
    "Fights at closing time near {area}", "Catalytic converter thefts near {area}",
)
# fmt: on
_TOPICS = [topic[0] for pool in t.PST_TOPICS.values() for topic in pool]
_MINUTES = [text for text, *_window in t.PST_MINUTES]
_DECISIONS = [text for text, *_window in t.PST_DECISIONS]
_FINDINGS = [finding for seed in v.INPUTS for finding in seed.findings]
_RECOMMENDATIONS = v.SCANNING_RECOMMENDATIONS + v.LATER_RECOMMENDATIONS
_TAGS = sorted(w.ACTION_TEMPLATES)


def add_problems(agency: LargeAgency, initiative: int, started: date, count: int) -> list[int]:
    rng = agency.rng
    phases, statuses = list(SaraPhase), list(ProblemStatus)
    ids = []
    for template in rng.sample(_PROBLEM_TITLES, count):
        ids.append(
            agency.writer.add(
                m.Problem,
                started,
                initiative_id=initiative,
                title=template.format(area=rng.choice(w.PLACES)),
                phase=rng.choice(phases),
                status=rng.choice(statuses),
                score_impact=rng.randint(0, 5),
                score_threat_to_life=rng.randint(0, 5),
                score_community_interest=rng.randint(0, 5),
                score_threat_to_rights=rng.randint(0, 5),
                area=rng.choice(w.PLACES),
            )
        )
    return ids


def add_activity(agency: LargeAgency, progress: Progress) -> None:
    responses = _add_responses(agency)
    progress(8, "Meetings, agendas and attendance")
    held = _add_meetings(agency)
    progress(30, "Action items")
    _add_action_items(agency, held, responses, progress)
    progress(80, "Goals, measures and values")
    _add_measures(agency)
    progress(92, "Community input and communications")
    for initiative, started in agency.initiatives:
        _add_voice(agency, initiative, started)


def _add_responses(agency: LargeAgency) -> dict[int, list[int]]:
    rng, responses = agency.rng, {}
    statuses = list(ResponseStatus)
    for initiative, started in agency.initiatives:
        ids = []
        for seed in rng.sample(RESPONSES, RESPONSES_PER_INITIATIVE):
            begins = started + timedelta(days=rng.randint(200, 700))
            ids.append(
                agency.writer.add(
                    m.Response,
                    begins,
                    problem_id=agency.problems[initiative][0],
                    title=seed.title,
                    description=seed.description,
                    focus_area=seed.focus,
                    lead_id=rng.choice(agency.people),
                    partners=seed.partners,
                    starts_on=begins,
                    status=rng.choice(statuses),
                )
            )
        responses[initiative] = ids
    return responses


def _add_meetings(agency: LargeAgency) -> list[tuple[int, date, LargeTeam]]:
    """Monthly meetings for every team, the last one or two still ahead; returns held ones."""
    per_team, extra = divmod(MEETINGS, len(agency.teams))
    held = []
    for index, team in enumerate(agency.teams):
        count = per_team + (1 if index < extra else 0)
        weekday, nth = index % 4, index % 3 + 1
        for number in range(count):
            first = add_months(agency.today.replace(day=1), number - count + 2)
            day = nth_weekday(first.year, first.month, weekday, nth)
            meeting = _add_meeting(agency, team, day, number)
            if meeting is not None:
                held.append((meeting, day, team))
    return held


def _add_meeting(agency: LargeAgency, team: LargeTeam, day: date, number: int) -> int | None:
    rng, writer = agency.rng, agency.writer
    status = MeetingStatus.SCHEDULED
    if day < agency.today:
        status = MeetingStatus.CANCELLED if rng.random() < 0.03 else MeetingStatus.HELD
    held = status is MeetingStatus.HELD
    virtual = number < 12
    meeting = writer.add(
        m.Meeting,
        min(day, agency.today),
        team_id=team.id,
        title=f"Team meeting — {MONTH_NAMES[day.month - 1]} {day.year}",
        starts_at=central_time(day, 18),
        duration_minutes=90,
        mode=MeetingMode.VIRTUAL if virtual else MeetingMode.IN_PERSON,
        location="" if virtual else cast.CITY_HALL_ROOM,
        video_link=cast.VIDEO_LINK if virtual else "",
        status=status,
        minutes_summary=" ".join(rng.sample(_MINUTES, 2)) if held else "",
        decisions=rng.choice(_DECISIONS) if held else "",
    )
    for position, title in enumerate(rng.sample(_TOPICS, 4)):
        writer.add(
            m.AgendaItem,
            day,
            meeting_id=meeting,
            position=position,
            title=title,
            presenter_id=rng.choice(team.members),
        )
    if not held:
        return None
    statuses = (AttendanceStatus.PRESENT,) * 7 + (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)
    for person in team.members:
        writer.add(
            m.Attendance, day, meeting_id=meeting, person_id=person, status=rng.choice(statuses)
        )
    return meeting


def _add_action_items(
    agency: LargeAgency,
    held: list[tuple[int, date, LargeTeam]],
    responses: dict[int, list[int]],
    progress: Progress,
) -> None:
    by_initiative: dict[int, list[tuple[int, date, LargeTeam]]] = {}
    for entry in held:
        by_initiative.setdefault(entry[2].initiative, []).append(entry)
    per_initiative, extra = divmod(ACTION_ITEMS, len(agency.initiatives))
    for index, (initiative, _started) in enumerate(agency.initiatives):
        meetings = by_initiative[initiative]
        for number in range(per_initiative + (1 if index < extra else 0)):
            _add_action_item(agency, meetings[number % len(meetings)], responses[initiative])
        progress(30 + 50 * (index + 1) // len(agency.initiatives), "Action items")


def _add_action_item(
    agency: LargeAgency, source: tuple[int, date, LargeTeam], responses: list[int]
) -> None:
    rng, today = agency.rng, agency.today
    meeting, created, team = source
    due = created + timedelta(days=rng.choice(rules.DUE_AFTER_DAYS))
    tag = rng.choice(_TAGS)
    title = w.fill(
        rng,
        rng.choice(w.ACTION_TEMPLATES[tag]),
        month=MONTH_NAMES[due.month - 1],
        meeting_month=MONTH_NAMES[created.month - 1],
        year=str(created.year - 2),
        event=rng.choice(w.events_in(due.month)),
    )
    status = rules.pick_status(rng, due, today)
    done = rules.completion_day(rng, created, due, today) if status is ActionStatus.DONE else None
    # One item in ten comes from outside a meeting (a phone call, a hallway ask).
    unplanned = rng.random() < 0.1
    agency.writer.add(
        m.ActionItem,
        created,
        initiative_id=team.initiative,
        title=title,
        details=rng.choice(w.DETAILS),
        owner_id=rng.choice(team.members),
        due_on=due,
        status=status,
        priority=rules.pick_priority(rng),
        team_id=team.id,
        source_meeting_id=None if unplanned else meeting,
        problem_id=team.problem,
        response_id=rng.choice(responses) if rng.random() < 0.4 else None,
        completed_on=done,
    )


def _add_measures(agency: LargeAgency) -> None:
    names = [(seed.name, seed.direction) for seed in MEASURES] + list(EXTRA_MEASURES)
    count = len(agency.initiatives) * MEASURES_PER_INITIATIVE
    per_measure, extra = divmod(MEASUREMENTS, count)
    index = 0
    for initiative, started in agency.initiatives:
        goals = [
            agency.writer.add(
                m.Goal,
                started,
                initiative_id=initiative,
                dimension=dimension,
                statement=f"{dimension.label} in this initiative's area.",
            )
            for dimension in GoalDimension
        ]
        for name, direction in agency.rng.sample(names, MEASURES_PER_INITIATIVE):
            values = per_measure + (1 if index < extra else 0)
            _add_measure(agency, agency.rng.choice(goals), started, name, direction, values)
            index += 1


def _add_measure(
    agency: LargeAgency, goal: int, started: date, name: str, direction: Direction, values: int
) -> None:
    rng, writer = agency.rng, agency.writer
    baseline = float(rng.randint(5, 60))
    measure = writer.add(
        m.Measure,
        started,
        goal_id=goal,
        name=name,
        unit="per week",
        data_source="Records management system",
        direction=direction,
        baseline_value=baseline,
        baseline_period=f"Calendar year {started.year - 1}",
        target_value=baseline * (0.7 if direction is Direction.DECREASE else 1.3),
        target_date=date(agency.today.year + 1, 12, 31),
        frequency=Frequency.WEEKLY,
    )
    # Weekly values ending on the last Sunday before today.
    last = agency.today - timedelta(days=(agency.today.weekday() - calendar.SUNDAY) % 7 or 7)
    for back in range(values):
        period_end = last - timedelta(weeks=back)
        value = max(0.0, round(baseline + rng.gauss(0, baseline / 6), 1))
        writer.add(
            m.Measurement, period_end, measure_id=measure, period_end=period_end, value=value
        )


def _add_voice(agency: LargeAgency, initiative: int, started: date) -> None:
    span = (agency.today - started).days
    _add_inputs(agency, initiative, started, span)
    _add_recommendations(agency, initiative, started, span)
    _add_communications(agency, initiative, started, span)
    _add_reports(agency, initiative)


def _add_inputs(agency: LargeAgency, initiative: int, started: date, span: int) -> None:
    rng, writer = agency.rng, agency.writer
    for seed in rng.sample(v.INPUTS, INPUTS_PER_INITIATIVE):
        held_on = started + timedelta(days=rng.randint(0, span))
        activity = add_input_activity(writer, initiative, held_on, seed)
        for theme, text in rng.sample(_FINDINGS, 4):
            writer.add(m.Finding, held_on, input_activity_id=activity, theme=theme, text=text)


def _add_recommendations(agency: LargeAgency, initiative: int, started: date, span: int) -> None:
    rng = agency.rng
    for rec in _RECOMMENDATIONS[:8]:
        delivered = started + timedelta(days=rng.randint(60, span))
        decision = rng.choice(list(Decision))
        status = RecommendationStatus.NOT_STARTED
        if decision is Decision.ACCEPTED:
            status = rng.choice(list(RecommendationStatus))
        agency.writer.add(
            m.Recommendation,
            delivered,
            initiative_id=initiative,
            text=rec.text,
            source_theme=rec.theme,
            delivered_on=delivered,
            decision=decision,
            owner_id=rng.choice(agency.people),
            status=status,
        )


def _add_communications(agency: LargeAgency, initiative: int, started: date, span: int) -> None:
    for number in range(COMMUNICATIONS_PER_INITIATIVE):
        post = v.POSTS[number % len(v.POSTS)]
        planned = started + timedelta(days=span * number // COMMUNICATIONS_PER_INITIATIVE)
        posted = number < COMMUNICATIONS_PER_INITIATIVE - 2
        agency.writer.add(
            m.Communication,
            planned,
            initiative_id=initiative,
            channel=post.channel,
            audience=post.audience,
            planned_on=planned,
            posted_on=planned if posted else None,
            text=post.text,
            status=CommunicationStatus.POSTED if posted else CommunicationStatus.DRAFT,
        )


def _add_reports(agency: LargeAgency, initiative: int) -> None:
    """Quarterly progress updates for the last year."""
    today = agency.today
    for quarter in range(1, 5):
        end = add_months(today.replace(day=1), -3 * quarter + 3) - timedelta(days=1)
        agency.writer.add(
            m.ReportIssued,
            end,
            kind=ReportKind.PROGRESS,
            initiative_id=initiative,
            period_start=add_months(end.replace(day=1), -2),
            period_end=end,
            issued_on=min(end + timedelta(days=5), today),
            file_name=f"Progress update {end}.pdf",
        )
