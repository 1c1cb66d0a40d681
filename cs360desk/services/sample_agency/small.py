"""The small sample: a 12,000-resident Gulf Coast town three years into CS360."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from cs360desk.services.sample_agency import (
    small_actions,
    small_measures,
    small_meetings,
    small_town,
    small_voice,
    small_work,
)
from cs360desk.services.sample_agency.dates import add_months
from cs360desk.services.sample_agency.rows import Progress, RowWriter, SampleSummary
from cs360desk.services.sample_agency.small_town import SmallTown

YEARS_INTO_CS360 = 3


def generate_small(
    session: Session, *, seed: int, today: date, progress: Progress
) -> SampleSummary:
    town = SmallTown(
        rng=random.Random(seed),
        today=today,
        writer=RowWriter(session, today=today),
        start=add_months(today, -12 * YEARS_INTO_CS360),
    )
    steps: list[tuple[str, Callable[[], object]]] = [
        ("People and organizations", lambda: small_town.add_cast(town)),
        ("Agency and initiatives", lambda: small_town.add_agency_and_initiatives(town)),
        ("Problems and responses", lambda: _problems_and_responses(town)),
        ("Teams and members", lambda: small_town.add_teams(town)),
        ("Meetings, agendas and attendance", lambda: _meetings_and_actions(town)),
        ("Goals, measures and values", lambda: small_measures.add_goals_and_measures(town)),
        ("Community input", lambda: small_voice.add_community_input(town)),
        ("Recommendations", lambda: small_voice.add_recommendations(town)),
        ("Communications and reports", lambda: _communications(town)),
    ]
    for index, (message, step) in enumerate(steps):
        progress(index * 90 // len(steps), message)
        step()
    progress(90, "Saving")
    town.writer.flush()
    progress(100, "Done")
    return town.writer.summary(town.initiative_id)


def _problems_and_responses(town: SmallTown) -> None:
    small_work.add_problems(town)
    small_work.add_responses(town)


def _meetings_and_actions(town: SmallTown) -> None:
    meetings = small_meetings.add_meetings(town)
    small_actions.add_action_items(town, meetings)


def _communications(town: SmallTown) -> None:
    small_voice.add_communications(town)
    small_voice.add_reports_issued(town)
