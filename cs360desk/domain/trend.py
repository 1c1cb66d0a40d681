"""Whether a measure is moving the right way, judged from its values and said in words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cs360desk.domain.enums import Direction

MINUS = "\u2212"  # a real minus sign reads better than a hyphen in "target −25%"


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
        return Trend(Verdict.UNKNOWN, "No values yet.")
    if baseline is None and len(values) < 2:
        return Trend(Verdict.UNKNOWN, "No baseline set; one value so far.")
    reference = baseline if baseline is not None else values[0]
    what = "baseline" if baseline is not None else "the first value"
    latest = values[-1]
    delta = latest - reference
    percent = _percent(delta, reference)
    target_text = _target_text(baseline, target)
    # Under half a percent would be written "0%": that is no movement worth a verdict.
    if (percent is not None and abs(percent) < 0.5) or delta == 0:
        return Trend(Verdict.STEADY, f"Holding steady: at {what}{target_text}", False, percent)
    good = delta < 0 if direction is Direction.DECREASE else delta > 0
    met = good and target is not None and _reached(direction, latest, target)
    head = "Target met" if met else "Improving" if good else "Worsening"
    side = "below" if delta < 0 else "above"
    amount = f"{abs(percent):.0f}%" if percent is not None else number_text(abs(delta))
    suffix = "" if baseline is not None else " (no baseline set)"
    words = f"{head}: {amount} {side} {what}{target_text}{suffix}"
    return Trend(Verdict.IMPROVING if good else Verdict.WORSENING, words, met, percent)


def _percent(delta: float, reference: float) -> float | None:
    """None where a percentage means nothing: a zero (or vanishingly small) reference."""
    if reference == 0:
        return None
    percent = delta / abs(reference) * 100
    return percent if math.isfinite(percent) else None


def _reached(direction: Direction, latest: float, target: float) -> bool:
    return latest <= target if direction is Direction.DECREASE else latest >= target


def _target_text(baseline: float | None, target: float | None) -> str:
    if target is None:
        return ""
    if baseline is None:
        return f", target {number_text(target)}"
    percent = _percent(target - baseline, baseline)
    if percent is None:
        return f", target {number_text(target)}"
    sign = MINUS if percent < 0 else "+"
    return f", target {sign}{abs(percent):.0f}%"


def number_text(value: float) -> str:
    """A measure's value as people write it: 7, 7.5, 38.25 — no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
