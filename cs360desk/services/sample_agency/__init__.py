"""A fictional agency's CS360 workspace, generated deterministically for demos and benchmarks."""

from __future__ import annotations

from datetime import date
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.errors import ValidationError
from cs360desk.services.sample_agency.large import generate_large
from cs360desk.services.sample_agency.rows import Progress, SampleSummary
from cs360desk.services.sample_agency.small import generate_small

SampleSize = Literal["small", "large"]

__all__ = ["SampleSize", "SampleSummary", "generate_sample_agency"]


def generate_sample_agency(
    session: Session,
    *,
    size: SampleSize,
    seed: int = 1,
    today: date,
    progress: Progress | None = None,
) -> SampleSummary:
    """Fill an empty workspace with a sample agency; the caller commits (or rolls back).

    The same seed and ``today`` always give the same data; every date is relative to
    ``today`` so the demo looks current whenever it is generated.
    """
    if size not in ("small", "large"):
        raise ValidationError("size", f"unknown sample size {size!r} (choose small or large)")
    if session.scalar(select(func.count()).select_from(m.Agency)):
        raise ValidationError(
            "workspace", "it already has an agency; generate the sample into a new workspace"
        )
    report = progress or _ignore_progress
    if size == "small":
        return generate_small(session, seed=seed, today=today, progress=report)
    return generate_large(session, seed=seed, today=today, progress=report)


def _ignore_progress(_percent: int, _message: str) -> None:
    """Progress goes nowhere when nobody is watching."""
