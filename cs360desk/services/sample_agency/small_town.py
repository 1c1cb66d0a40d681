"""The small sample's cast: agency, organizations, people, initiatives, teams and members."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from cs360desk.db import models as m
from cs360desk.domain.enums import Cadence, PaperSize, Stage, TeamKind
from cs360desk.services.sample_agency import cast
from cs360desk.services.sample_agency.dates import add_months, months_between
from cs360desk.services.sample_agency.names import NamePicker, email_for, phone_number
from cs360desk.services.sample_agency.rows import RowWriter, add_organization

MAIN_INITIATIVE = "Gun crime and fear of gun crime"
MAIN_COMMITMENT = (
    f"The {cast.AGENCY_NAME} commits to work with residents, faith communities, schools and "
    "county partners to reduce gun violence and the fear it causes on the Eastside. The Chief "
    "will chair the Steering Committee each quarter, give the champion two days a month for "
    "CS360 work, act on the community's recommendations or explain why not, and report "
    "progress to the City Council twice a year."
)
TRAFFIC_INITIATIVE = "Traffic safety near schools"
TRAFFIC_COMMITMENT = (
    "Make the walk and the drive to Port Serena's schools safer by listening to parents, "
    "students and crossing guards before choosing what to do."
)
# fmt: off
TEAMS = (
    ("steering", "Steering Committee", TeamKind.STEERING_COMMITTEE, Cadence.QUARTERLY,
     "Leadership oversight of CS360: removes obstacles, decides on recommendations and "
     "resources, and reviews progress each quarter."),
    ("advisory", "Community Advisory Team", TeamKind.ADVISORY_TEAM, Cadence.QUARTERLY,
     "Residents and community leaders who bring neighborhood voices to CS360, review findings "
     "and co-host forums."),
    ("pst", "Eastside Problem-Solving Team", TeamKind.PROBLEM_SOLVING_TEAM, Cadence.MONTHLY,
     "Police, community and government partners who work the Eastside gun-violence problem "
     "through SARA and follow through on every action item."),
)
# fmt: on


@dataclass
class SmallTown:
    """Ids and dates the later steps need; keyed by the short names used in cast.py."""

    rng: random.Random
    today: date
    writer: RowWriter
    start: date
    people: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, int] = field(default_factory=dict)
    teams: dict[str, int] = field(default_factory=dict)
    problems: dict[str, int] = field(default_factory=dict)
    responses: dict[str, int] = field(default_factory=dict)
    tagged_items: list[tuple[int, str, date]] = field(default_factory=list)
    initiative_id: int = 0
    traffic_initiative_id: int = 0
    traffic_start: date = date.min

    def day(self, month: int, offset: int = 0) -> date:
        """A day ``month`` months after the launch, plus ``offset`` days."""
        return add_months(self.start, month) + timedelta(days=offset)

    def month_of(self, day: date) -> int:
        return months_between(self.start, day)

    def members(self, team: str, on: date) -> list[str]:
        """Person keys on the team that day, in roster order."""
        return [
            key
            for key, _role, joined, left in cast.ROSTERS[team]
            if self.day(joined) <= on and (left is None or on < self.day(left))
        ]


def add_cast(town: SmallTown) -> None:
    writer = town.writer
    for org in cast.ORGANIZATIONS:
        town.orgs[org.key] = add_organization(writer, town.start, org)
    pick = NamePicker(town.rng)
    domains = {org.key: org.domain for org in cast.ORGANIZATIONS}
    for index, seed in enumerate(cast.PEOPLE):
        name = pick.pick(seed.language, seed.gender)
        town.names[seed.key] = name
        if seed.org is None or domains[seed.org] == "example.com":
            email = email_for(name, "example.com", personal=True, number=town.rng.randrange(90))
        else:
            email = email_for(name, domains[seed.org])
        town.people[seed.key] = writer.add(
            m.Person,
            town.start,
            full_name=name,
            title=seed.title,
            organization_id=town.orgs.get(seed.org or ""),
            affiliation=seed.affiliation,
            phone=phone_number(index),
            email=email,
            notes=seed.notes,
            active=seed.active,
            contact_private=seed.private,
        )


def add_agency_and_initiatives(town: SmallTown) -> None:
    writer = town.writer
    writer.add(
        m.Agency,
        town.start,
        name=cast.AGENCY_NAME,
        jurisdiction=cast.JURISDICTION,
        population=cast.POPULATION,
        chief_name=town.names["chief"],
        paper_size=PaperSize.LETTER,
        time_zone=cast.TIME_ZONE,
        post_hashtag=cast.POST_HASHTAG,
        post_link=cast.POST_LINK,
    )
    town.initiative_id = writer.add(
        m.Initiative,
        town.start,
        name=MAIN_INITIATIVE,
        stage=Stage.PROBLEM_SOLVING,
        started_on=town.start,
        stage_changed_on=town.day(12, 3),
        champion_id=town.people["sergeant"],
        sponsor_id=town.people["chief"],
        commitment=MAIN_COMMITMENT,
    )
    _add_stage_history(town, town.initiative_id, None)
    town.traffic_start = town.today - timedelta(days=124)
    town.traffic_initiative_id = writer.add(
        m.Initiative,
        town.traffic_start,
        name=TRAFFIC_INITIATIVE,
        stage=Stage.SCANNING,
        started_on=town.traffic_start,
        stage_changed_on=town.today - timedelta(days=78),
        champion_id=town.people["corporal"],
        sponsor_id=town.people["chief"],
        commitment=TRAFFIC_COMMITMENT,
    )
    traffic_stages = (
        (Stage.LAUNCH, town.traffic_start, "Chief asked for a look at school-zone crashes."),
        (Stage.SCANNING, town.today - timedelta(days=78), "Crash data pulled; parents surveyed."),
    )
    _add_stage_history(town, town.traffic_initiative_id, traffic_stages)


# When the main initiative reached each stage (months after launch, extra days) and why.
MAIN_STAGE_PLAN = (
    (Stage.LAUNCH, 0, 0, "The chief named the champion and signed the commitment."),
    (Stage.SCANNING, 1, 10, "Listening sessions and surveys began in the Eastside."),
    (Stage.PRIORITIZING, 7, 2, "Scanning report delivered to the chief with 9 recommendations."),
    (Stage.PROBLEM_SOLVING, 12, 3, "PST chartered on gun crime and fear of gun crime."),
)


def _stage_dates(town: SmallTown) -> tuple[tuple[Stage, date, str], ...]:
    return tuple(
        (stage, town.day(month, days), note) for stage, month, days, note in MAIN_STAGE_PLAN
    )


def _add_stage_history(
    town: SmallTown, initiative_id: int, stages: tuple[tuple[Stage, date, str], ...] | None
) -> None:
    for stage, reached_on, note in stages or _stage_dates(town):
        town.writer.add(
            m.StageChange,
            reached_on,
            initiative_id=initiative_id,
            stage=stage,
            reached_on=reached_on,
            note=note,
        )


def add_teams(town: SmallTown) -> None:
    """Teams and their members; the PST is tied to the main problem, so problems come first."""
    for key, name, kind, cadence, charter in TEAMS:
        problem = town.problems["main"] if kind is TeamKind.PROBLEM_SOLVING_TEAM else None
        team_id = town.writer.add(
            m.Team,
            town.start,
            initiative_id=town.initiative_id,
            name=name,
            kind=kind,
            charter=charter,
            cadence=cadence,
            problem_id=problem,
        )
        town.teams[key] = team_id
        for person, role, joined, left in cast.ROSTERS[key]:
            town.writer.add(
                m.Membership,
                town.day(joined),
                team_id=team_id,
                person_id=town.people[person],
                role=role,
                joined_on=town.day(joined),
                left_on=None if left is None else town.day(left),
            )
