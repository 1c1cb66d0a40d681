"""The buy-in signals: whether an initiative is alive, judged against settable thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    OK = "ok"
    WATCH = "watch"
    ALERT = "alert"


@dataclass(frozen=True)
class MomentumThresholds:
    """Defaults suit a monthly PST; each is a setting the champion can change."""

    meeting_grace_days: int = 7
    public_update_days: int = 30
    staff_update_days: int = 14
    stage_stale_days: int = 180
    recommendation_wait_days: int = 30


@dataclass(frozen=True)
class OwnerLoad:
    owner_id: int | None
    owner_name: str
    open_items: int
    overdue_items: int


@dataclass(frozen=True)
class MomentumFacts:
    """The raw numbers; `signals()` turns them into what the dashboard shows."""

    initiative_name: str
    stage_label: str
    days_since_pst_meeting: int | None
    pst_cadence_days: int | None
    open_items: int
    overdue_items: int
    owners: tuple[OwnerLoad, ...]
    measures_total: int
    measures_without_value: tuple[str, ...]
    days_since_public_update: int | None
    days_since_staff_update: int | None
    days_in_stage: int
    recommendations_undecided: int
    recommendations_not_acted: int
    # The initiative's own update cadence; None: the thresholds' default.
    public_update_every: int | None = None
    staff_update_every: int | None = None


@dataclass(frozen=True)
class Signal:
    key: str
    title: str
    value: str
    detail: str
    level: Level


def _days(days: int | None) -> str:
    if days is None:
        return "never"
    return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"


def _level(days: int | None, limit: int) -> Level:
    if days is None or days > 2 * limit:
        return Level.ALERT
    return Level.WATCH if days > limit else Level.OK


def signals(facts: MomentumFacts, limits: MomentumThresholds) -> tuple[Signal, ...]:
    return (
        _meeting_signal(facts, limits),
        _overdue_signal(facts),
        _measures_signal(facts),
        _update_signal(
            "public_update",
            "Public update",
            facts.days_since_public_update,
            facts.public_update_every or limits.public_update_days,
        ),
        _update_signal(
            "staff_update",
            "Staff briefing",
            facts.days_since_staff_update,
            facts.staff_update_every or limits.staff_update_days,
        ),
        Signal(
            "stage",
            f"Stage: {facts.stage_label}",
            f"{facts.days_in_stage} days",
            "time in the current stage",
            _level(facts.days_in_stage, limits.stage_stale_days),
        ),
        _recommendation_signal(facts),
    )


def _update_signal(key: str, title: str, days_since: int | None, every: int) -> Signal:
    """Due or overdue by the initiative's cadence: "due in 3 days", "9 days overdue"."""
    detail = f"last posted {_days(days_since)}; one every {_count(every, 'day')}"
    if days_since is None:
        return Signal(key, title, "never posted", f"one every {_count(every, 'day')}", Level.ALERT)
    due_in = every - days_since
    if due_in > 0:
        return Signal(key, title, f"due in {_count(due_in, 'day')}", detail, Level.OK)
    if due_in == 0:
        return Signal(key, title, "due today", detail, Level.WATCH)
    late = -due_in
    level = Level.WATCH if late <= every else Level.ALERT
    return Signal(key, title, f"{_count(late, 'day')} overdue", detail, level)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _meeting_signal(facts: MomentumFacts, limits: MomentumThresholds) -> Signal:
    if facts.pst_cadence_days is None:
        detail = "no Problem-Solving Team yet"
        return Signal("pst_meeting", "Last PST meeting", "no team", detail, Level.ALERT)
    limit = facts.pst_cadence_days + limits.meeting_grace_days
    return Signal(
        "pst_meeting",
        "Last PST meeting",
        _days(facts.days_since_pst_meeting),
        f"the team meets every {facts.pst_cadence_days} days or so",
        _level(facts.days_since_pst_meeting, limit),
    )


def _overdue_signal(facts: MomentumFacts) -> Signal:
    worst = max(facts.owners, key=lambda o: o.overdue_items, default=None)
    detail = f"{facts.open_items} open in all"
    if worst is not None and worst.overdue_items:
        detail += f"; most overdue: {worst.owner_name} ({worst.overdue_items})"
    share = facts.overdue_items / facts.open_items if facts.open_items else 0.0
    level = Level.OK if share <= 0.1 else Level.WATCH if share <= 0.25 else Level.ALERT
    return Signal("overdue", "Overdue action items", str(facts.overdue_items), detail, level)


def _measures_signal(facts: MomentumFacts) -> Signal:
    missing = len(facts.measures_without_value)
    detail = ", ".join(facts.measures_without_value[:3]) if missing else "all measures are current"
    if missing > 3:
        detail += f" and {missing - 3} more"
    level = (
        Level.OK
        if missing == 0
        else Level.WATCH
        if missing * 4 <= facts.measures_total
        else Level.ALERT
    )
    value = f"{missing} of {facts.measures_total}"
    return Signal("measures", "Measures with no value this period", value, detail, level)


def _recommendation_signal(facts: MomentumFacts) -> Signal:
    waiting = facts.recommendations_undecided + facts.recommendations_not_acted
    detail = (
        f"{facts.recommendations_undecided} awaiting a decision, "
        f"{facts.recommendations_not_acted} accepted but not started"
    )
    level = Level.OK if waiting == 0 else Level.WATCH if waiting <= 2 else Level.ALERT
    return Signal("recommendations", "Recommendations waiting", str(waiting), detail, level)
