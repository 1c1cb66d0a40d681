"""The large sample for benchmarks: 20 initiatives, 2,000 people, 100,000 action items."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import (
    Cadence,
    Engagement,
    MemberRole,
    OrgScope,
    PaperSize,
    Stage,
    TeamKind,
)
from cs360desk.services.sample_agency import cast, large_activity
from cs360desk.services.sample_agency.large_agency import LargeAgency, LargeTeam
from cs360desk.services.sample_agency.names import NamePicker, email_for, phone_number
from cs360desk.services.sample_agency.rows import (
    Progress,
    RowWriter,
    SampleSummary,
    add_organization,
)

INITIATIVES = 20
PEOPLE = 2_000
ORGANIZATIONS = 60
PSTS_PER_INITIATIVE = 4
MEMBERS_PER_TEAM = 12
PROBLEMS_PER_INITIATIVE = 5

# fmt: off
TOPICS = (
    "Gun crime and fear of gun crime", "Traffic safety near schools", "Youth violence after school",
    "Repeat domestic-violence calls", "Drug sales at motels on Highway 35",
    "Catalytic converter thefts", "Thefts from boats and docks", "Burglaries of small businesses",
    "Quality-of-life complaints downtown", "Fights and disorder at closing time",
)
AREAS = ("Eastside", "Northside", "Harbor District", "Downtown", "Las Palmas", "Westside")
TOWNS = (
    "Bayfield", "Palo Blanco", "Rio Seco", "Los Olmos", "Anchor Bay", "Cedar Flats", "Marsh Point",
    "La Grulla Vieja", "Port Serena",
)
ORG_KINDS = (
    ("Neighborhood Association", "Neighborhood group"), ("Youth League", "Youth services"),
    ("Baptist Church", "Faith community"), ("Food Pantry", "Social services"),
    ("Merchants Association", "Business"), ("Volunteer Fire Department", "Public safety"),
)
_TEAM_ROLES = (
    MemberRole.CHAIR, MemberRole.CO_CHAIR, MemberRole.CHAMPION, MemberRole.FACILITATOR,
    MemberRole.ANALYST, MemberRole.NOTE_TAKER,
)
_MEMBER_ROLES = (MemberRole.MEMBER, MemberRole.PARTNER, MemberRole.COMMUNITY_REPRESENTATIVE)
# fmt: on


def generate_large(
    session: Session, *, seed: int, today: date, progress: Progress
) -> SampleSummary:
    agency = LargeAgency(random.Random(seed), today, RowWriter(session, today=today))
    progress(0, "People and organizations")
    _add_people(agency, _add_organizations(agency))
    progress(5, "Initiatives, problems and teams")
    _add_initiatives(agency)
    large_activity.add_activity(agency, progress)
    progress(97, "Saving")
    agency.writer.flush()
    progress(100, "Done")
    return agency.writer.summary(agency.initiatives[0][0])


def _add_organizations(agency: LargeAgency) -> list[int]:
    start = agency.today - timedelta(days=5 * 365)
    ids = []
    for org in cast.ORGANIZATIONS:
        ids.append(add_organization(agency.writer, start, org))
    engagements = list(Engagement)
    combos = [(town, kind) for town in TOWNS for kind in ORG_KINDS if town != cast.TOWN]
    for town, (kind, sector) in combos[: ORGANIZATIONS - len(ids)]:
        ids.append(
            agency.writer.add(
                m.Organization,
                start,
                name=f"{town} {kind}",
                sector=sector,
                scope=OrgScope.EXTERNAL,
                engagement=agency.rng.choice(engagements),
            )
        )
    return ids


def _add_people(agency: LargeAgency, organizations: list[int]) -> None:
    rng, pick = agency.rng, NamePicker(agency.rng)
    start = agency.today - timedelta(days=5 * 365)
    for index in range(PEOPLE):
        seed = cast.PEOPLE[index % len(cast.PEOPLE)]
        name = pick.pick_any()
        agency.people.append(
            agency.writer.add(
                m.Person,
                start,
                full_name=name,
                title=seed.title,
                organization_id=rng.choice(organizations),
                affiliation=seed.affiliation,
                phone=phone_number(index),
                email=email_for(name, "example.org", personal=True, number=index),
                active=rng.random() > 0.05,
                contact_private=rng.random() < 0.08,
            )
        )


def _add_initiatives(agency: LargeAgency) -> None:
    rng, writer, today = agency.rng, agency.writer, agency.today
    writer.add(
        m.Agency,
        today - timedelta(days=5 * 365),
        name="Mirador County Sheriff's Office",
        jurisdiction=cast.COUNTY + ", " + cast.STATE,
        population=184_000,
        chief_name=NamePicker(rng).pick_any(),
        paper_size=PaperSize.LETTER,
    )
    names = [f"{topic} — {area}" for topic in TOPICS for area in AREAS]
    stages = list(Stage)
    for name in rng.sample(names, INITIATIVES):
        started = today - timedelta(days=rng.randint(3 * 365 + 200, 4 * 365))
        initiative = writer.add(
            m.Initiative,
            started,
            name=name,
            stage=rng.choice(stages),
            started_on=started,
            stage_changed_on=started + timedelta(days=rng.randint(30, 900)),
            champion_id=rng.choice(agency.people),
            sponsor_id=agency.people[0],
            commitment=f"Leadership commits to support the {name.lower()} effort.",
        )
        agency.initiatives.append((initiative, started))
        _add_problems_and_teams(agency, initiative, started)


def _add_problems_and_teams(agency: LargeAgency, initiative: int, started: date) -> None:
    problems = large_activity.add_problems(agency, initiative, started, PROBLEMS_PER_INITIATIVE)
    agency.problems[initiative] = problems
    kinds = [TeamKind.STEERING_COMMITTEE, TeamKind.ADVISORY_TEAM]
    kinds += [TeamKind.PROBLEM_SOLVING_TEAM] * PSTS_PER_INITIATIVE
    for number, kind in enumerate(kinds):
        problem = problems[number - 2] if kind is TeamKind.PROBLEM_SOLVING_TEAM else None
        name = kind.label if problem is None else f"Problem-Solving Team {number - 1}"
        team = agency.writer.add(
            m.Team,
            started,
            initiative_id=initiative,
            name=name,
            kind=kind,
            cadence=Cadence.MONTHLY,
            problem_id=problem,
        )
        members = agency.rng.sample(agency.people, MEMBERS_PER_TEAM)
        for position, person in enumerate(members):
            role = (
                _TEAM_ROLES[position]
                if position < len(_TEAM_ROLES)
                else agency.rng.choice(_MEMBER_ROLES)
            )
            agency.writer.add(
                m.Membership, started, team_id=team, person_id=person, role=role, joined_on=started
            )
        agency.teams.append(LargeTeam(team, initiative, problem, members))
