"""The buy-in signals: whether an initiative is alive, judged against settable thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cs360desk.i18n import _, count_of, ngettext


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
        return _("never")
    return _("today") if days == 0 else count_of(days, "{n} day ago", "{n} days ago")


def _level(days: int | None, limit: int) -> Level:
    if days is None or days > 2 * limit:
        return Level.ALERT
    return Level.WATCH if days > limit else Level.OK


def signals(facts: MomentumFacts, limits: MomentumThresholds) -> tuple[Signal, ...]:
    """What the dashboard shows, in the current language."""
    return (
        _meeting_signal(facts, limits),
        _overdue_signal(facts),
        _measures_signal(facts),
        _update_signal(
            "public_update",
            _("Public update"),
            facts.days_since_public_update,
            facts.public_update_every or limits.public_update_days,
        ),
        _update_signal(
            "staff_update",
            _("Staff briefing"),
            facts.days_since_staff_update,
            facts.staff_update_every or limits.staff_update_days,
        ),
        Signal(
            "stage",
            _("Stage: {stage}").format(stage=facts.stage_label),
            count_of(facts.days_in_stage, "{n} day", "{n} days"),
            _("time in the current stage"),
            _level(facts.days_in_stage, limits.stage_stale_days),
        ),
        _recommendation_signal(facts),
    )


def _update_signal(key: str, title: str, days_since: int | None, every: int) -> Signal:
    """Due or overdue by the initiative's cadence: "due in 3 days", "9 days overdue"."""
    if days_since is None:
        cadence = count_of(every, "one every {n} day", "one every {n} days")
        return Signal(key, title, _("never posted"), cadence, Level.ALERT)
    detail = ngettext(
        "last posted {ago}; one every {n} day", "last posted {ago}; one every {n} days", every
    ).format(ago=_days(days_since), n=every)
    due_in = every - days_since
    if due_in > 0:
        value = count_of(due_in, "due in {n} day", "due in {n} days")
        return Signal(key, title, value, detail, Level.OK)
    if due_in == 0:
        return Signal(key, title, _("due today"), detail, Level.WATCH)
    late = -due_in
    level = Level.WATCH if late <= every else Level.ALERT
    return Signal(key, title, count_of(late, "{n} day overdue", "{n} days overdue"), detail, level)


def _meeting_signal(facts: MomentumFacts, limits: MomentumThresholds) -> Signal:
    title = _("Last PST meeting")
    if facts.pst_cadence_days is None:
        detail = _("no Problem-Solving Team yet")
        return Signal("pst_meeting", title, _("no team"), detail, Level.ALERT)
    limit = facts.pst_cadence_days + limits.meeting_grace_days
    return Signal(
        "pst_meeting",
        title,
        _days(facts.days_since_pst_meeting),
        count_of(
            facts.pst_cadence_days,
            "the team meets every {n} day or so",
            "the team meets every {n} days or so",
        ),
        _level(facts.days_since_pst_meeting, limit),
    )


def _overdue_signal(facts: MomentumFacts) -> Signal:
    worst = max(facts.owners, key=lambda o: o.overdue_items, default=None)
    if worst is not None and worst.overdue_items:
        detail = ngettext(
            "{n} open in all; most overdue: {owner} ({overdue})",
            "{n} open in all; most overdue: {owner} ({overdue})",
            facts.open_items,
        ).format(n=facts.open_items, owner=worst.owner_name, overdue=worst.overdue_items)
    else:
        detail = count_of(facts.open_items, "{n} open in all", "{n} open in all")
    share = facts.overdue_items / facts.open_items if facts.open_items else 0.0
    level = Level.OK if share <= 0.1 else Level.WATCH if share <= 0.25 else Level.ALERT
    title = _("Overdue action items")
    return Signal("overdue", title, str(facts.overdue_items), detail, level)


def _measures_signal(facts: MomentumFacts) -> Signal:
    missing = len(facts.measures_without_value)
    names = ", ".join(facts.measures_without_value[:3])
    if missing > 3:
        detail = ngettext("{names} and {n} more", "{names} and {n} more", missing - 3).format(
            names=names, n=missing - 3
        )
    else:
        detail = names if missing else _("all measures are current")
    level = (
        Level.OK
        if missing == 0
        else Level.WATCH
        if missing * 4 <= facts.measures_total
        else Level.ALERT
    )
    value = _("{n} of {total}").format(n=missing, total=facts.measures_total)
    return Signal("measures", _("Measures with no value this period"), value, detail, level)


def _recommendation_signal(facts: MomentumFacts) -> Signal:
    waiting = facts.recommendations_undecided + facts.recommendations_not_acted
    detail = ", ".join(
        [
            count_of(
                facts.recommendations_undecided,
                "{n} awaiting a decision",
                "{n} awaiting a decision",
            ),
            count_of(
                facts.recommendations_not_acted,
                "{n} accepted but not started",
                "{n} accepted but not started",
            ),
        ]
    )
    level = Level.OK if waiting == 0 else Level.WATCH if waiting <= 2 else Level.ALERT
    title = _("Recommendations waiting")
    return Signal("recommendations", title, str(waiting), detail, level)
