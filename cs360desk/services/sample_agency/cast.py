"""Who is who in the sample town: the agency, its partner organizations and the people."""

from __future__ import annotations

from dataclasses import dataclass

from cs360desk.domain.enums import Affiliation, Engagement, MemberRole, OrgScope
from cs360desk.services.sample_agency.names import ENGLISH, SPANISH, VIETNAMESE

TOWN = "Port Serena"
COUNTY = "Mirador County"
STATE = "Texas"
POPULATION = 12_140
AGENCY_NAME = "Port Serena Police Department"
JURISDICTION = f"City of {TOWN}, {COUNTY}, {STATE}"
TIME_ZONE = "America/Chicago"  # the Texas coast; meetings are written in US Central time
POST_HASHTAG = "#SaferPortSerena"
POST_LINK = "https://portserena.example/safer-streets"
CITY_HALL_ROOM = "Community Room, City Hall, 200 W. Main Street"
VIDEO_LINK = "https://meet.example.org/port-serena-pst"


@dataclass(frozen=True)
class OrgSeed:
    key: str
    name: str
    sector: str
    scope: OrgScope
    engagement: Engagement
    domain: str
    data_held: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PersonSeed:
    key: str
    title: str
    org: str | None
    affiliation: Affiliation
    language: str
    private: bool = False
    active: bool = True
    notes: str = ""
    gender: str = ""  # only where the role implies one (a parish priest, a mother)


_DEPT, _COMM, _GOV = Affiliation.DEPARTMENT, Affiliation.COMMUNITY, Affiliation.GOVERNMENT_PARTNER
_EN, _ES, _VI = ENGLISH, SPANISH, VIETNAMESE

# fmt: off
ORGANIZATIONS = (
    OrgSeed("pd", AGENCY_NAME, "Law enforcement", OrgScope.INTERNAL, Engagement.CHAMPION,
            "portserena-pd.example.org",
            "Calls for service (CAD), offense reports (RMS), field contacts, arrests",
            "Sworn strength 24; patrol works 12-hour shifts."),
    OrgSeed("city", f"City of {TOWN}", "Local government", OrgScope.EXTERNAL,
            Engagement.SUPPORTER, "portserena.example.org",
            "Code enforcement cases, street-light outage reports, 311 complaints",
            "Council meets the first and third Monday."),
    OrgSeed("parks", f"{TOWN} Parks & Recreation", "Local government", OrgScope.EXTERNAL,
            Engagement.SUPPORTER, "portserena.example.org",
            "Park reservations, program sign-in sheets"),
    OrgSeed("health", f"{COUNTY} Health Department", "Public health", OrgScope.EXTERNAL,
            Engagement.SUPPORTER, "miradorcounty.example.org",
            "Emergency-room visits for firearm injuries (monthly, de-identified)"),
    OrgSeed("probation", f"{COUNTY} Community Supervision and Corrections", "Criminal justice",
            OrgScope.EXTERNAL, Engagement.SUPPORTER, "miradorcounty.example.org",
            "Number of adults on probation by ZIP code"),
    OrgSeed("isd", f"{TOWN} Independent School District", "Education", OrgScope.EXTERNAL,
            Engagement.NEUTRAL, "psisd.example.org",
            "Attendance, campus incident counts", "Superintendent wants to be kept informed."),
    OrgSeed("iglesia", "Iglesia Bautista Nueva Esperanza", "Faith community",
            OrgScope.EXTERNAL, Engagement.CHAMPION, "nuevaesperanza.example.org",
            notes="Hosts the Spanish-language listening sessions."),
    OrgSeed("lavang", "Our Lady of La Vang Catholic Church", "Faith community",
            OrgScope.EXTERNAL, Engagement.SUPPORTER, "lavang-ps.example.org",
            notes="Masses in Vietnamese and English; parish hall seats 150."),
    OrgSeed("olive", "Greater Mount Olive Baptist Church", "Faith community",
            OrgScope.EXTERNAL, Engagement.SUPPORTER, "mountolive-ps.example.org"),
    OrgSeed("neighbors", "Eastside Neighborhood Association", "Neighborhood group",
            OrgScope.EXTERNAL, Engagement.NEUTRAL, "example.com",
            notes="Some members doubt the department will follow through."),
    OrgSeed("fishermen", "Gulf Coast Vietnamese Fishermen's Association", "Business",
            OrgScope.EXTERNAL, Engagement.SKEPTIC, "gcvfa.example.org",
            notes="Members remember past thefts that were never solved; prefers meetings in "
                  "Vietnamese."),
    OrgSeed("youth", f"{TOWN} Youth Alliance", "Youth services", OrgScope.EXTERNAL,
            Engagement.CHAMPION, "psyouth.example.org", "Program enrollment and attendance"),
    OrgSeed("crisis", f"{COUNTY} Crisis Center", "Victim services", OrgScope.EXTERNAL,
            Engagement.SUPPORTER, "miradorcrisis.example.org",
            "Referrals received and services provided (counts only)"),
    OrgSeed("hospital", "Mirador Regional Medical Center", "Health care", OrgScope.EXTERNAL,
            Engagement.UNKNOWN, "mirador-rmc.example.org",
            notes="Trauma nurse manager open to talk; administration has not answered yet."),
    OrgSeed("laspalmas", "Las Palmas Apartments (Coastal Property Management)", "Housing",
            OrgScope.EXTERNAL, Engagement.SKEPTIC, "coastalpm.example.com",
            notes="Off-site owner in Houston; on-site manager is cooperative."),
    OrgSeed("chamber", f"{TOWN} Chamber of Commerce", "Business", OrgScope.EXTERNAL,
            Engagement.NEUTRAL, "portserenachamber.example.org"),
)

PEOPLE = (
    PersonSeed("chief", "Chief of Police", "pd", _DEPT, _EN),
    PersonSeed("lieutenant", "Lieutenant, Patrol Division", "pd", _DEPT, _ES),
    PersonSeed("sergeant", "Sergeant, Community Policing Unit", "pd", _DEPT, _ES,
               notes="CS360 internal champion; reports to the Chief."),
    PersonSeed("analyst", "Crime Analyst", "pd", _DEPT, _VI),
    PersonSeed("corporal", "Corporal, Traffic Unit", "pd", _DEPT, _EN),
    PersonSeed("detective", "Detective, Criminal Investigations", "pd", _DEPT, _EN),
    PersonSeed("sro", "Officer, School Resource Officer", "pd", _DEPT, _ES),
    PersonSeed("officer1", "Officer, Community Policing Unit", "pd", _DEPT, _VI),
    PersonSeed("officer2", "Officer, Patrol (night shift)", "pd", _DEPT, _EN),
    PersonSeed("officer3", "Officer, Patrol (day shift)", "pd", _DEPT, _ES),
    PersonSeed("pio", "Public Information Officer", "pd", _DEPT, _EN),
    PersonSeed("assistant", "Administrative Assistant to the Chief", "pd", _DEPT, _ES),
    PersonSeed("retired", "Sergeant (retired)", "pd", _DEPT, _EN, active=False,
               notes="Founding PST member; retired after the first year."),
    PersonSeed("council", "City Council Member, District 2", "city", _GOV, _ES),
    PersonSeed("manager", "City Manager", "city", _GOV, _EN),
    PersonSeed("code", "Code Enforcement Officer", "city", _GOV, _EN),
    PersonSeed("parksdir", "Director, Parks & Recreation", "parks", _GOV, _EN),
    PersonSeed("epi", "Epidemiologist", "health", _GOV, _VI),
    PersonSeed("probation", "Community Supervision Officer", "probation", _GOV, _ES),
    PersonSeed("principal", "Principal, Port Serena High School", "isd", _COMM, _EN),
    PersonSeed("pastor_es", "Pastor", "iglesia", _COMM, _ES),
    PersonSeed("priest", "Pastor (parish priest)", "lavang", _COMM, _VI, gender="m"),
    PersonSeed("pastor_en", "Senior Pastor", "olive", _COMM, _EN),
    PersonSeed("nchair", "Chair", "neighbors", _COMM, _EN, private=True),
    PersonSeed("fisher", "President", "fishermen", _COMM, _VI),
    PersonSeed("youthcoord", "Youth Program Coordinator", "youth", _COMM, _ES),
    PersonSeed("youthdir", "Executive Director", "youth", _COMM, _EN),
    PersonSeed("advocate", "Victim Advocate", "crisis", _COMM, _ES, private=True),
    PersonSeed("nurse", "Trauma Nurse Manager", "hospital", _COMM, _EN),
    PersonSeed("propmgr", "On-site Property Manager", "laspalmas", _COMM, _ES),
    PersonSeed("chamberdir", "Executive Director", "chamber", _COMM, _EN),
    PersonSeed("grocer", "Owner, Lucky Star Food Mart", None, _COMM, _VI),
    PersonSeed("taqueria", "Owner, Taquería La Esperanza", None, _COMM, _ES),
    PersonSeed("barber", "Owner, Fresh Cutz Barbershop", None, _COMM, _EN),
    PersonSeed("tenant", "Resident leader, Las Palmas Apartments", None, _COMM, _ES,
               private=True, notes="Prefers phone calls in Spanish after 5 pm."),
    PersonSeed("promotora", "Community health worker (promotora)", None, _COMM, _ES),
    PersonSeed("interpreter", "Volunteer interpreter (Vietnamese)", None, _COMM, _VI),
    PersonSeed("student", "Student representative, Port Serena High School", None, _COMM, _VI,
               private=True, notes="Under 18: contact through the Youth Alliance."),
    PersonSeed("mother", "Eastside resident; mother of a shooting victim", None, _COMM, _EN,
               private=True, gender="f"),
    PersonSeed("teacher", "Retired teacher, Eastside resident", None, _COMM, _EN, active=False,
               notes="Moved to San Antonio to be near family."),
    PersonSeed("boatowner", "Shrimp boat owner", None, _COMM, _VI),
)

_R = MemberRole
# (team key, person key, role, months after launch they joined, months they left or None)
ROSTERS: dict[str, tuple[tuple[str, MemberRole, int, int | None], ...]] = {
    "steering": (
        ("chief", _R.CHAIR, 0, None), ("manager", _R.CO_CHAIR, 0, None),
        ("sergeant", _R.CHAMPION, 0, None), ("lieutenant", _R.MEMBER, 0, None),
        ("council", _R.PARTNER, 0, None), ("epi", _R.PARTNER, 2, None),
        ("pastor_es", _R.COMMUNITY_REPRESENTATIVE, 0, None),
        ("principal", _R.COMMUNITY_REPRESENTATIVE, 3, None),
        ("chamberdir", _R.COMMUNITY_REPRESENTATIVE, 0, None),
        ("assistant", _R.NOTE_TAKER, 0, None),
    ),
    "advisory": (
        ("nchair", _R.CHAIR, 0, None), ("priest", _R.CO_CHAIR, 1, None),
        ("sergeant", _R.CHAMPION, 0, None), ("officer1", _R.MEMBER, 0, None),
        ("pastor_es", _R.MEMBER, 0, None), ("pastor_en", _R.MEMBER, 0, None),
        ("fisher", _R.COMMUNITY_REPRESENTATIVE, 4, None),
        ("grocer", _R.COMMUNITY_REPRESENTATIVE, 0, None),
        ("taqueria", _R.COMMUNITY_REPRESENTATIVE, 2, None),
        ("tenant", _R.COMMUNITY_REPRESENTATIVE, 6, None),
        ("promotora", _R.MEMBER, 0, None), ("interpreter", _R.MEMBER, 1, None),
        ("student", _R.MEMBER, 14, None), ("mother", _R.MEMBER, 9, None),
        ("teacher", _R.NOTE_TAKER, 0, 20), ("youthcoord", _R.NOTE_TAKER, 20, None),
    ),
    "pst": (
        ("sergeant", _R.CHAMPION, 0, None), ("lieutenant", _R.CO_CHAIR, 0, None),
        ("pastor_es", _R.CHAIR, 0, None), ("analyst", _R.ANALYST, 0, None),
        ("epi", _R.FACILITATOR, 1, None), ("assistant", _R.NOTE_TAKER, 0, None),
        ("retired", _R.MEMBER, 0, 11), ("officer1", _R.MEMBER, 0, None),
        ("detective", _R.MEMBER, 5, None), ("sro", _R.MEMBER, 0, None),
        ("officer2", _R.MEMBER, 13, None), ("code", _R.PARTNER, 4, None),
        ("parksdir", _R.PARTNER, 0, None), ("probation", _R.PARTNER, 3, None),
        ("advocate", _R.PARTNER, 2, None), ("youthcoord", _R.PARTNER, 0, None),
        ("principal", _R.PARTNER, 0, None), ("nurse", _R.PARTNER, 16, None),
        ("nchair", _R.COMMUNITY_REPRESENTATIVE, 0, None),
        ("tenant", _R.COMMUNITY_REPRESENTATIVE, 8, None),
        ("fisher", _R.COMMUNITY_REPRESENTATIVE, 7, None),
        ("barber", _R.COMMUNITY_REPRESENTATIVE, 12, None),
        ("propmgr", _R.PARTNER, 18, None),
    ),
}
# fmt: on
