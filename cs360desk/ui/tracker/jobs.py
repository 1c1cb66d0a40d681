"""What the Excel & calendar section reads for its page, on the worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from cs360desk.services.catalog import INITIATIVE, TEAM
from cs360desk.ui.common.tasks import WorkSession


@dataclass(frozen=True)
class TrackerPage:
    initiative_name: str
    teams: tuple[tuple[int, str], ...]


def load_page(session: WorkSession, initiative_id: int | None) -> TrackerPage:
    if initiative_id is None:
        return TrackerPage("", ())
    initiative = INITIATIVE.get(session, initiative_id)
    teams = tuple((team.id, team.name) for team in TEAM.list(session, initiative_id=initiative_id))
    return TrackerPage(initiative.name, teams)
