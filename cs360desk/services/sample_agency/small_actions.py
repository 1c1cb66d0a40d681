"""The small sample's action items: what each meeting asked of whom, and how it went."""

from __future__ import annotations

import random
from datetime import date, timedelta

from cs360desk.db import models as m
from cs360desk.domain.enums import ActionStatus, MeetingStatus
from cs360desk.services.sample_agency import action_rules as rules
from cs360desk.services.sample_agency import work_texts as w
from cs360desk.services.sample_agency.dates import MONTH_NAMES
from cs360desk.services.sample_agency.small_meetings import MeetingInfo
from cs360desk.services.sample_agency.small_town import SmallTown
from cs360desk.services.sample_agency.small_work import RESPONSES

# Who usually takes on which kind of work; everyone else on the team picks up the rest.
OWNERS = {
    "scanning": ("sergeant", "epi", "pastor_es", "analyst"),
    "analysis": ("analyst", "epi", "detective", "probation"),
    "lighting": ("code", "parksdir", "sergeant", "nchair"),
    "storage": ("officer1", "sro", "epi"),
    "deterrence": ("probation", "lieutenant", "detective", "pastor_es"),
    "victims": ("advocate", "nurse", "detective"),
    "youth": ("youthcoord", "parksdir", "sro", "barber"),
    "doorknock": ("lieutenant", "officer2", "officer1", "nchair"),
    "forums": ("nchair", "sergeant", "pastor_es", "fisher"),
    "lpr": ("sergeant", "lieutenant"),
    "cameras": ("officer2", "sergeant"),
    "harbor": ("analyst", "fisher", "officer2"),
    "admin": ("assistant", "sergeant", "analyst", "pio"),
    "assessment": ("analyst", "epi", "sergeant"),
    "steering": ("chief", "manager", "council", "sergeant"),
    "advisory": ("nchair", "priest", "interpreter", "sergeant"),
    "traffic": ("corporal", "sro", "principal", "officer3"),
}
PER_MEETING = {"pst": (8, 12), "steering": (2, 3), "advisory": (2, 4)}
_WINDOWS = {seed.tag: (seed.start, seed.end) for seed in RESPONSES}
# The camera registry was prepared before its approved start; forums and the boat ramp have
# no response of their own.
_WINDOWS.update(forums=(16, None), cameras=(31, None), harbor=(28, None))


def _tags_for(team: str, month: int) -> list[tuple[str, float]]:
    """The kinds of work a meeting in that month would hand out, with weights."""
    if team != "pst":
        return [(team, 2.0), ("forums", 1.0)] if month >= 16 else [(team, 1.0)]
    if month < 6:
        return [("scanning", 3.0), ("admin", 1.0)]
    if month < 12:
        return [("analysis", 3.0), ("scanning", 0.5), ("admin", 1.0)]
    tags = [("admin", 1.2)]
    for tag, (first, last) in _WINDOWS.items():
        if first is not None and first <= month and (last is None or month <= last):
            tags.append((tag, 1.0 if tag in ("lpr", "cameras", "forums") else 2.0))
    if month >= 21:
        tags.append(("assessment", 0.7))
    return tags


def add_action_items(town: SmallTown, meetings: list[MeetingInfo]) -> None:
    held = [info for info in meetings if info.status is MeetingStatus.HELD]
    last_pst = max(info.day for info in held if info.team == "pst")
    used: set[str] = set()
    for info in held:
        low, high = PER_MEETING[info.team]
        for index in range(town.rng.randint(low, high)):
            # Part of the latest PST meeting's work falls due this week, as it does in life.
            soon = info.day == last_pst and index < 5
            _add_item(town, info, used, soon)
    for _ in range(14):
        _add_unplanned(town, used, "admin", town.initiative_id, town.problems["main"])
    for _ in range(10):
        _add_unplanned(town, used, "traffic", town.traffic_initiative_id, town.problems["traffic"])


def _add_item(town: SmallTown, info: MeetingInfo, used: set[str], soon: bool) -> None:
    rng = town.rng
    tags = _tags_for(info.team, info.month)
    tag = rng.choices([tag for tag, _ in tags], [weight for _, weight in tags])[0]
    if soon:
        due = town.today + timedelta(days=rng.randint(1, 7))
    else:
        due = info.day + timedelta(days=rng.choice(rules.DUE_AFTER_DAYS))
    problem = None
    if info.team == "pst":
        problem = town.problems["harbor" if tag == "harbor" else "main"]
    _write(
        town,
        used,
        tag,
        info.day,
        due,
        initiative=town.initiative_id,
        team=town.teams[info.team],
        meeting=info.id,
        problem=problem,
        owners=town.members(info.team, info.day),
    )


def _add_unplanned(
    town: SmallTown, used: set[str], tag: str, initiative: int, problem: int
) -> None:
    rng = town.rng
    first = town.traffic_start if tag == "traffic" else town.day(12)
    created = first + timedelta(days=rng.randint(0, (town.today - first).days - 1))
    due = created + timedelta(days=rng.choice(rules.DUE_AFTER_DAYS))
    team = town.teams["pst"] if tag == "admin" else None
    _write(
        town,
        used,
        tag,
        created,
        due,
        initiative=initiative,
        team=team,
        meeting=None,
        problem=problem,
        owners=list(OWNERS[tag]),
    )


def _write(
    town: SmallTown,
    used: set[str],
    tag: str,
    created: date,
    due: date,
    *,
    initiative: int,
    team: int | None,
    meeting: int | None,
    problem: int | None,
    owners: list[str],
) -> None:
    rng = town.rng
    title = _title(town, used, tag, created, due)
    owner = _owner(town, tag, owners)
    status, done = _outcome(town, owner, created, due)
    # Items someone has worked on were last touched after they were created.
    touched = created
    if status is not ActionStatus.OPEN:
        touched = done or created + timedelta(days=rng.randint(3, 30))
    item_id = town.writer.add(
        m.ActionItem,
        created,
        initiative_id=initiative,
        title=title,
        details=_details(rng, tag, status),
        owner_id=town.people[owner],
        due_on=due,
        status=status,
        priority=rules.pick_priority(rng),
        team_id=team,
        source_meeting_id=meeting,
        problem_id=problem,
        response_id=town.responses.get(tag),
        completed_on=done,
        updated_at=town.writer.stamp(touched),
    )
    town.tagged_items.append((item_id, tag, created))


def _title(town: SmallTown, used: set[str], tag: str, created: date, due: date) -> str:
    """A filled template; retries keep 400 titles from repeating each other much."""
    slots = {
        "month": MONTH_NAMES[due.month - 1],
        "meeting_month": MONTH_NAMES[created.month - 1],
        "year": str(town.start.year - 2),
        "event": town.rng.choice(w.events_in(due.month)),
    }
    title = ""
    for _attempt in range(12):
        title = w.fill(town.rng, town.rng.choice(w.ACTION_TEMPLATES[tag]), **slots)
        if title not in used:
            break
    used.add(title)
    return title


def _outcome(
    town: SmallTown, owner: str, created: date, due: date
) -> tuple[ActionStatus, date | None]:
    """Status and completion day; people who left the effort finished or handed over theirs."""
    status = rules.pick_status(town.rng, due, town.today)
    if owner in ("retired", "teacher") and not status.is_closed:
        status = ActionStatus.DONE
    if status is not ActionStatus.DONE:
        return status, None
    return status, rules.completion_day(town.rng, created, due, town.today)


def _details(rng: random.Random, tag: str, status: ActionStatus) -> str:
    if status is ActionStatus.BLOCKED:
        return rng.choice(w.BLOCKED_DETAILS)
    return rng.choice(w.DETAILS + w.TAG_DETAILS.get(tag, ()))


def _owner(town: SmallTown, tag: str, members: list[str]) -> str:
    preferred = [key for key in OWNERS[tag] if key in members]
    if preferred and town.rng.random() < 0.7:
        return town.rng.choice(preferred)
    return town.rng.choice(members)
