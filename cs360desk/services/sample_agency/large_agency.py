"""What the large sample's structure step hands its activity step: ids, teams, the writer."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from cs360desk.services.sample_agency.rows import RowWriter


@dataclass
class LargeTeam:
    id: int
    initiative: int
    problem: int | None
    members: list[int]


@dataclass
class LargeAgency:
    """What the activity step needs from the structure step."""

    rng: random.Random
    today: date
    writer: RowWriter
    people: list[int] = field(default_factory=list)
    initiatives: list[tuple[int, date]] = field(default_factory=list)
    problems: dict[int, list[int]] = field(default_factory=dict)
    teams: list[LargeTeam] = field(default_factory=list)
