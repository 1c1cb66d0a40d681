"""The small sample's SARA problems and the responses to the main one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cs360desk.db import models as m
from cs360desk.domain.enums import ProblemStatus, ResponseStatus, SaraPhase
from cs360desk.services.sample_agency.small_town import SmallTown

_MAIN = {
    "title": "Gun violence and fear of gun violence on the Eastside",
    "statement": (
        "Shots-fired calls on the Eastside rose from about 6 to 11 a month over the three years "
        "before CS360, most between 9 pm and 2 am near Mesquite Park, Las Palmas Apartments and "
        "the 400 block of E. Alamo Street. Residents, especially parents and older adults, "
        "avoid being outside after dark, and witnesses rarely come forward."
    ),
    "area": "Eastside: Mesquite Park, Las Palmas Apartments, E. Alamo Street",
    "hypothesis": (
        "A small number of young men in ongoing disputes, several on probation, carry guns to "
        "dark, unmanaged places where teenagers gather with nothing else to do at night. Better "
        "lighting and place management, evening activities, focused deterrence, and quick "
        "follow-up with victims and neighbors will reduce shootings and the fear they cause."
    ),
    "offender": (
        "Mostly men aged 17 to 26, many known to each other; disputes often start on social "
        "media. About a third were on probation at the time."
    ),
    "victim": (
        "Young men in the same circles as the shooters; bystanders and families nearby. Few "
        "victims were connected to services before CS360."
    ),
    "place": (
        "Mesquite Park after closing, the Las Palmas parking lot and the 400 block of E. Alamo "
        "Street: poor lighting, overgrown fence lines, no one responsible on site at night."
    ),
    "handler": (
        "Probation officers, parents, pastors and coaches who know the young men and can reach "
        "them."
    ),
    "guardian": (
        "Neighbors, the Youth Alliance staff and patrol officers; residents stay indoors, so "
        "there are few eyes on the street after dark."
    ),
    "manager": (
        "Parks & Recreation for the park; Coastal Property Management (owner in Houston) for "
        "Las Palmas; the city and the electric co-op for street lights."
    ),
}
# fmt: off
_OTHERS = {
    "harbor": dict(
        title="Late-night gatherings and drug sales at the Harbor Street boat ramp",
        statement="Calls about loud gatherings, drug sales and fights at the boat ramp doubled "
        "since last year, mostly Friday and Saturday nights.",
        phase=SaraPhase.ANALYSIS, status=ProblemStatus.ACTIVE, scores=(3, 2, 4, 1),
        area="Harbor Street boat ramp and shrimp basin parking lot",
        hypothesis="The ramp is open all night, unlit and far from patrol routes.",
    ),
    "docks": dict(
        title="Thefts from shrimp boats and dock sheds",
        statement="Boat owners reported repeated thefts of fuel, nets and electronics from boats "
        "and sheds along Dock Road.",
        phase=SaraPhase.ASSESSMENT, status=ProblemStatus.MONITORING, scores=(3, 0, 4, 1),
        area="Shrimp basin and Dock Road",
        hypothesis="Unlocked sheds and no one watching between midnight and 5 am.",
    ),
    "domestic": dict(
        title="Family disputes escalating to weapons calls",
        statement="One in five aggravated assaults with a gun began as a family or household "
        "dispute; several addresses call again and again.",
        phase=SaraPhase.SCANNING, status=ProblemStatus.CANDIDATE, scores=(4, 4, 2, 2),
        area="Citywide; repeat addresses in Las Palmas and Bayview Courts",
    ),
}
_TRAFFIC = dict(
    title="Speeding and near-misses at school crossings",
    statement="Parents and crossing guards report drivers speeding through the Bayou Drive and "
    "Guadalupe Street crossings during drop-off and pick-up.",
    phase=SaraPhase.SCANNING, status=ProblemStatus.CANDIDATE, scores=(3, 3, 5, 1),
    area="Port Serena Elementary and Middle School",
)
# fmt: on


@dataclass(frozen=True)
class ResponseSeed:
    tag: str
    title: str
    description: str
    focus: str
    lead: str
    partners: str
    start: int | None  # months after launch; None: approved, starting just after today
    end: int | None
    status: ResponseStatus


# fmt: off
RESPONSES = (
    ResponseSeed("lighting", "Lighting and clean-up at Mesquite Park and Las Palmas",
                 "New and repaired lights, cleared fence lines and trimmed brush at the hot spots "
                 "residents named.", "Place", "code",
                 "Parks & Recreation; Code Enforcement; Gulf Coast Electric Co-op; Las Palmas "
                 "management", 13, 20, ResponseStatus.COMPLETED),
    ResponseSeed("storage", "Free gun locks and safe-storage education",
                 "Cable locks and cards in three languages at events, the station lobby and "
                 "patrol cars.", "Guns", "officer1", "County Health Department; Our Lady of La "
                 "Vang; Iglesia Nueva Esperanza", 13, 27, ResponseStatus.COMPLETED),
    ResponseSeed("victims", "Hospital-linked referrals for gunshot victims",
                 "Every gunshot victim treated at the Medical Center is offered a Crisis Center "
                 "advocate within 48 hours.", "Victims", "advocate",
                 "Mirador Regional Medical Center; Crisis Center", 14, None,
                 ResponseStatus.IN_PROGRESS),
    ResponseSeed("deterrence", "Focused-deterrence call-ins with Adult Probation",
                 "Twice-yearly call-ins: a clear message from police and prosecutors, and real "
                 "offers of help from pastors, workforce and the Youth Alliance.", "Offenders",
                 "probation", "Adult Probation; District Attorney; pastors; workforce office",
                 15, None, ResponseStatus.IN_PROGRESS),
    ResponseSeed("youth", "Friday Late Nights for teens",
                 "Basketball, music and food for teens every Friday night at the Youth "
                 "Alliance gym, with officers playing, not patrolling.", "Youth", "youthcoord",
                 "Youth Alliance; Parks & Recreation; local businesses", 16, None,
                 ResponseStatus.IN_PROGRESS),
    ResponseSeed("lpr", "License plate readers at the Highway 35 entrances",
                 "Fixed readers at the two entrances to town.", "Offenders", "lieutenant",
                 "City Council", 19, 22, ResponseStatus.DROPPED),
    ResponseSeed("doorknock", "72-hour follow-up visits after shots fired",
                 "Officers and a community member knock on doors near every shots-fired call "
                 "within 72 hours to share information and ask what neighbors saw.",
                 "Fear", "lieutenant", "Eastside Neighborhood Association; Crisis Center",
                 20, None, ResponseStatus.IN_PROGRESS),
    ResponseSeed("cameras", "Voluntary business camera registry",
                 "Businesses register their cameras so officers know whom to ask for footage; "
                 "no live access.", "Place", "officer2", "Chamber of Commerce", None, None,
                 ResponseStatus.APPROVED),
)
# fmt: on


def add_problems(town: SmallTown) -> None:
    main_scores = dict(
        score_impact=5, score_threat_to_life=5, score_community_interest=5, score_threat_to_rights=3
    )
    town.problems["main"] = town.writer.add(
        m.Problem,
        town.day(6),
        initiative_id=town.initiative_id,
        phase=SaraPhase.RESPONSE,
        status=ProblemStatus.ACTIVE,
        **main_scores,
        **_MAIN,
    )
    created = {"harbor": town.day(27), "docks": town.day(4), "domestic": town.day(8)}
    for key, spec in _OTHERS.items():
        town.problems[key] = _add_problem(town, town.initiative_id, created[key], spec)
    town.problems["traffic"] = _add_problem(
        town, town.traffic_initiative_id, town.traffic_start + timedelta(days=20), _TRAFFIC
    )


def _add_problem(
    town: SmallTown, initiative_id: int, created: date, spec: Mapping[str, Any]
) -> int:
    values = dict(spec)
    impact, life, interest, rights = values.pop("scores")
    return town.writer.add(
        m.Problem,
        created,
        initiative_id=initiative_id,
        score_impact=impact,
        score_threat_to_life=life,
        score_community_interest=interest,
        score_threat_to_rights=rights,
        **values,
    )


def add_responses(town: SmallTown) -> None:
    for seed in RESPONSES:
        # A response without a start month is approved and begins just after today.
        later = town.today + timedelta(days=10)
        starts = later if seed.start is None else town.day(seed.start)
        ends = None if seed.end is None else town.day(seed.end)
        town.responses[seed.tag] = town.writer.add(
            m.Response,
            min(starts, town.today),
            problem_id=town.problems["main"],
            title=seed.title,
            description=seed.description,
            focus_area=seed.focus,
            lead_id=town.people[seed.lead],
            partners=seed.partners,
            starts_on=starts,
            ends_on=ends,
            status=seed.status,
        )
