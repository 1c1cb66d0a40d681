"""Whether a measure is moving the right way, judged from its values and said in words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cs360desk.domain.enums import Direction
from cs360desk.i18n import N_, _

MINUS = "\u2212"  # a real minus sign reads better than a hyphen in "target −25%"

# The verdict in words, by (how it went, below the reference, against the baseline), marked
# with N_() and translated when the trend is judged; "the first value" stands in for a
# missing baseline.
_MOVED = {
    ("met", True, True): N_("Target met: {amount} below baseline{target}"),
    ("met", False, True): N_("Target met: {amount} above baseline{target}"),
    ("good", True, True): N_("Improving: {amount} below baseline{target}"),
    ("good", False, True): N_("Improving: {amount} above baseline{target}"),
    ("bad", True, True): N_("Worsening: {amount} below baseline{target}"),
    ("bad", False, True): N_("Worsening: {amount} above baseline{target}"),
    ("met", True, False): N_(
        "Target met: {amount} below the first value{target} (no baseline set)"
    ),
    ("met", False, False): N_(
        "Target met: {amount} above the first value{target} (no baseline set)"
    ),
    ("good", True, False): N_(
        "Improving: {amount} below the first value{target} (no baseline set)"
    ),
    ("good", False, False): N_(
        "Improving: {amount} above the first value{target} (no baseline set)"
    ),
    ("bad", True, False): N_("Worsening: {amount} below the first value{target} (no baseline set)"),
    ("bad", False, False): N_(
        "Worsening: {amount} above the first value{target} (no baseline set)"
    ),
}


class Verdict(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    STEADY = "steady"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Trend:
    verdict: Verdict
    words: str
    target_met: bool = False
    # Change of the latest value against the reference (baseline, else first value), in %.
    change_percent: float | None = None


def judge_trend(
    direction: Direction,
    baseline: float | None,
    target: float | None,
    values: Sequence[float],
) -> Trend:
    """Latest value against the baseline (or, lacking one, the first value)."""
    if not values:
        return Trend(Verdict.UNKNOWN, _("No values yet."))
    if baseline is None and len(values) < 2:
        return Trend(Verdict.UNKNOWN, _("No baseline set; one value so far."))
    reference = baseline if baseline is not None else values[0]
    latest = values[-1]
    delta = latest - reference
    percent = _percent(delta, reference)
    target_text = _target_text(baseline, target)
    # Under half a percent would be written "0%": that is no movement worth a verdict.
    if (percent is not None and abs(percent) < 0.5) or delta == 0:
        if baseline is not None:
            steady = _("Holding steady: at baseline{target}").format(target=target_text)
        else:
            steady = _("Holding steady: at the first value{target}").format(target=target_text)
        return Trend(Verdict.STEADY, steady, False, percent)
    good = delta < 0 if direction is Direction.DECREASE else delta > 0
    met = good and target is not None and target_reached(direction, latest, target)
    how = "met" if met else "good" if good else "bad"
    amount = f"{abs(percent):.0f}%" if percent is not None else number_text(abs(delta))
    words = _(_MOVED[(how, delta < 0, baseline is not None)]).format(
        amount=amount, target=target_text
    )
    return Trend(Verdict.IMPROVING if good else Verdict.WORSENING, words, met, percent)


def _percent(delta: float, reference: float) -> float | None:
    """None where a percentage means nothing: a zero (or vanishingly small) reference."""
    if reference == 0:
        return None
    percent = delta / abs(reference) * 100
    return percent if math.isfinite(percent) else None


class MeasureStanding:
    """For a measure's figures (a dataclass with these four fields): where its latest value
    stands against its baseline and its target."""

    direction: Direction
    baseline: float | None
    latest: float | None
    target: float | None

    @property
    def improved(self) -> bool:
        """The latest value is better than the baseline in the measure's own direction."""
        if self.latest is None or self.baseline is None:
            return False
        return better_than(self.direction, self.latest, self.baseline)

    @property
    def target_met(self) -> bool:
        if self.latest is None or self.target is None:
            return False
        return target_reached(self.direction, self.latest, self.target)


def target_reached(direction: Direction, latest: float, target: float) -> bool:
    """`latest` is at `target` or past it, in the measure's own direction."""
    return latest <= target if direction is Direction.DECREASE else latest >= target


def better_than(direction: Direction, latest: float, reference: float) -> bool:
    """`latest` is better than `reference` (not equal to it) in the measure's own direction."""
    return latest < reference if direction is Direction.DECREASE else latest > reference


def _target_text(baseline: float | None, target: float | None) -> str:
    if target is None:
        return ""
    if baseline is None:
        return _(", target {value}").format(value=number_text(target))
    percent = _percent(target - baseline, baseline)
    if percent is None:
        return _(", target {value}").format(value=number_text(target))
    sign = MINUS if percent < 0 else "+"
    return _(", target {change}").format(change=f"{sign}{abs(percent):.0f}%")


def number_text(value: float) -> str:
    """A measure's value as people write it: 7, 7.5, 38.25 — no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
