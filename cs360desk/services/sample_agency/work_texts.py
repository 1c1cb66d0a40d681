"""Text pools for the PST's work: action items, agendas, minutes and decisions."""

from __future__ import annotations

import random
from collections.abc import Mapping

# fmt: off
PLACES = (
    "Las Palmas Apartments", "Bayview Courts", "the Harbor Street boat ramp", "Mesquite Park",
    "the 400 block of E. Alamo Street", "Dock Road", "the Eastside ballfields", "Seawall Park",
    "Magnolia and 9th Street", "the Oak Street corridor", "the shrimp basin parking lot",
    "the alley behind the Lucky Star Food Mart", "Pelican Street", "the Highway 35 underpass",
)
STREETS = (
    "E. Alamo Street", "Pelican Street", "Magnolia Street", "Dock Road", "Oak Street",
    "Bayou Drive", "9th Street", "Cypress Lane", "Harbor Street", "Guadalupe Street",
)
VENUES = (
    "Eastside Community Center", "the Iglesia Nueva Esperanza fellowship hall",
    "the Our Lady of La Vang parish hall", "Mesquite Park pavilion", "the high school cafeteria",
    "the Greater Mount Olive fellowship hall", "the Youth Alliance gym",
)
BUSINESSES = (
    "the Lucky Star Food Mart", "Taquería La Esperanza", "Fresh Cutz Barbershop",
    "Bayside Marine Supply", "the Stop-N-Go on Highway 35", "Phở Saigon", "La Michoacana",
    "the laundromat on Oak Street",
)
PARTNERS = (
    "Parks & Recreation", "Code Enforcement", "the County Health Department",
    "Adult Probation", "the Youth Alliance", "Iglesia Nueva Esperanza",
    "Our Lady of La Vang", "the Crisis Center", "the school district",
    "the Fishermen's Association", "the Chamber of Commerce", "the Medical Center",
    "the Eastside Neighborhood Association", "Las Palmas management", "Gulf Coast Electric Co-op",
    "City Public Works",
)
# Community events with the calendar months they happen in (empty: any month).
EVENTS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("National Night Out", (10,)),
    ("the back-to-school supply drive", (7, 8)),
    ("the Tết festival", (1, 2)),
    ("the Fiesta de la Familia", (5, 9)),
    ("the Juneteenth cookout", (6,)),
    ("the Blessing of the Fleet", (4, 5)),
    ("the fall health fair", (9, 10, 11)),
    ("the Trunk-or-Treat", (10,)),
    ("the Christmas toy drive", (12,)),
    ("the spring clean-up day", (3, 4)),
    ("Friday Late Nights", ()),
    ("the Saturday farmers market", ()),
)
# fmt: on


def events_in(month: int) -> tuple[str, ...]:
    """Events that plausibly fall in (or just after) a calendar month."""
    return tuple(
        name for name, months in EVENTS if not months or month in months or month % 12 + 1 in months
    )


LANGUAGES = ("Spanish", "Vietnamese")
SHIFTS = ("day", "night", "weekend")

# Grouped by what the work is for; the generator picks the group from the project timeline.
ACTION_TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "scanning": (
        "Pull 24 months of shots-fired calls for the Eastside and map them by block",
        "Book {venue} for the {month} listening session",
        "Line up a {lang} interpreter for the listening session at {venue}",
        "Draft the community safety survey in English, Spanish and Vietnamese",
        "Drop off survey flyers and a collection box at {business}",
        "Invite {partner} to join the Problem-Solving Team",
        "Ask {partner} what data they keep on gun violence",
        "Interview night-shift officers about {place}",
        "Collect firearm-injury ER visit counts from the County Health Department",
        "Type up notes from the {month} listening session",
        "Walk {place} with {partner} and list lighting and visibility problems",
        "Add the {lang}-language survey results to the scanning summary",
    ),
    "analysis": (
        "Map repeat addresses for shots-fired calls around {place}",
        "Break down {month} gun incidents by hour of day and day of week",
        "Compare victim and suspect ages for aggravated assaults since {year}",
        "Check how many {place} calls were shots fired versus fireworks or disturbances",
        "Review last year's nonfatal shooting case files with Investigations",
        "Ask Adult Probation how many people on supervision live on the Eastside",
        "Write offender, victim and place notes for {place}",
        "Get the property owner's contact for {place} from the appraisal district",
        "Pull field-contact reports for {street} after 10 pm",
        "Summarize what the survey says about fear at night by neighborhood",
    ),
    "lighting": (
        "Report the dark stretch of {street} to Gulf Coast Electric Co-op for new lights",
        "Trim brush and fix the fence line at {place} with Code Enforcement",
        "Check that the new lights at {place} are working after dark",
        "Ask Las Palmas management to replace the broken parking-lot lights",
        "Get a quote for motion lights on the Mesquite Park restrooms",
        "Do a night-time lighting walk of {place} with residents",
    ),
    "storage": (
        "Order 200 more cable gun locks for safe-storage giveaways",
        "Hand out gun locks and safe-storage cards at {event}",
        "Translate the safe-storage card into {lang}",
        "Set up a safe-storage table at {business}",
        "Count locks handed out in {month} for the monthly report",
        "Ask {business} to keep safe-storage cards at the counter",
        "Restock gun locks in the patrol cars on {shift} shift",
    ),
    "deterrence": (
        "Send call-in letters with Adult Probation for the {month} session",
        "Line up speakers for the {month} call-in: a pastor, a victim's mother and the DA's office",
        "Confirm job-training slots for call-in participants with the workforce office",
        "Follow up with call-in participants who asked for help with GED classes",
        "Reserve {venue} for the {month} call-in",
        "Brief {shift} shift on who is on the focused-deterrence list",
    ),
    "victims": (
        "Track hospital referrals to the Crisis Center for {month}",
        "Finish the referral agreement between the Medical Center and the Crisis Center",
        "Train {shift} shift on handing victims the Crisis Center card",
        "Print the victim-services card in English, Spanish and Vietnamese",
        "Check in with the advocate on families who declined services in {month}",
        "Set up a quiet room at the Medical Center where advocates can meet families",
        "Add the Crisis Center number to the {lang} door-knock flyer",
        "Ask the DA's office for victim-compensation forms in {lang}",
        "Review {month} referrals with the advocate and the trauma nurse",
        "Invite a victim's family member to speak at the {month} PST meeting",
        "Drop off victim-services cards at {business}",
    ),
    "youth": (
        "Confirm the DJ and volunteers for {month} Friday Late Nights",
        "Recruit two more volunteer coaches for the Eastside night basketball league",
        "Ask Parks & Rec to keep the {venue} lights on until 11 pm on weekends",
        "Collect Friday Late Nights sign-in sheets for {month}",
        "Get food donations for Friday Late Nights from {business}",
        "Schedule officers for pickup games at the Youth Alliance gym",
        "Find a sponsor for Friday Late Nights T-shirts at {business}",
        "Ask the school district to announce Friday Late Nights on the morning news",
    ),
    "doorknock": (
        "Do follow-up door-knocks on {street} after last weekend's shots-fired calls",
        "Update the door-knock script with the Crisis Center number",
        "Log {month} door-knock visits and what residents told us",
        "Brief {shift} shift on the 72-hour follow-up visit protocol",
        "Pair a {lang}-speaking officer with each door-knock team",
    ),
    "forums": (
        "Plan the {month} community forum in {lang} at {venue}",
        "Invite {partner} to co-host the {month} community forum",
        "Post the forum flyer in {lang} at {business}",
        "Send forum questions and answers to the Community Advisory Team",
        "Ask the Chief to attend the {month} forum at {venue}",
    ),
    "lpr": (
        "Get vendor quotes for license plate readers at the Highway 35 entrances",
        "Draft a license plate reader data-retention policy for council review",
        "Collect resident comments on license plate readers from the Advisory Team",
    ),
    "cameras": (
        "Draft the sign-up form for the voluntary business camera registry",
        "Ask {business} to be the first to join the camera registry",
        "Present the camera registry to the Chamber of Commerce",
        "Ask the city attorney to review the camera-registry consent form",
        "Visit {business} to explain the camera registry",
    ),
    "harbor": (
        "Count vehicles at the Harbor Street boat ramp after 10 pm for two weeks",
        "Ask the Port Authority about gate hours at the boat ramp",
        "Meet the Fishermen's Association about thefts and loitering at the docks",
        "Pull calls for service at the Harbor Street boat ramp since {year}",
        "Ask City Public Works to check the boat-ramp lights",
        "Ride along with night shift past the boat ramp on a {month} weekend",
        "Interview boat owners at the shrimp basin about what they see at night",
        "Map {month} calls at the boat ramp by hour",
        "Ask Code Enforcement about the abandoned trailer at the boat ramp",
    ),
    "admin": (
        "Send the minutes of the {meeting_month} meeting to PST members",
        "Update the action-item tracker and send it out before the {month} meeting",
        "Reserve the City Hall community room for the {month} PST meeting",
        "Prepare the quarterly progress update for the Chief",
        "Invite {partner} to present at the {month} PST meeting",
        "Prepare the {month} shots-fired data update for the PST",
        "Draft the {month} social-media update on PST progress",
        "Confirm a {lang} interpreter for the {month} PST meeting",
        "Print agendas in English, Spanish and Vietnamese for the {month} meeting",
        "Call members who missed two meetings in a row",
    ),
    "assessment": (
        "Compare shots-fired calls before and after the {place} lighting work",
        "Re-run the safety survey at {event}",
        "Check for displacement of calls from {place} to nearby blocks",
        "Write a one-page results summary for the Steering Committee",
        "Compile response results for the annual report to council",
    ),
    "steering": (
        "Put the PST budget request on the {month} council agenda",
        "Ask the City Manager about overtime funds for Friday Late Nights",
        "Approve the {month} progress update before it goes to council",
        "Set the date for the next joint meeting with the school board",
        "Send the Steering Committee the {month} measures summary",
        "Write the Chief's thank-you letter to {partner}",
        "Confirm the Chief will attend the {month} community forum",
        "Review the PST's asks of leadership before the {month} meeting",
        "Bring options for the bilingual liaison position to the {month} meeting",
    ),
    "advisory": (
        "Gather {lang}-speaking residents' questions for the next forum",
        "Share the Advisory Team's lighting list with the PST",
        "Find a new note-taker for the Advisory Team",
        "Invite {partner} to the next Advisory Team meeting",
        "Bring three neighbors from {place} to the next Advisory Team meeting",
        "Translate the Advisory Team summary into {lang}",
        "Collect questions for the Chief at {venue}",
        "Ask {business} to post the forum flyer in the window",
        "Recruit a youth member through the Youth Alliance",
    ),
    "traffic": (
        "Put the speed trailer on {street} near the elementary school for a week",
        "Count drivers at the school crossing on Bayou Drive during morning drop-off",
        "Ask the school district for the crossing-guard schedule",
        "Send the parent survey on school traffic home in English, Spanish and Vietnamese",
        "Pull crash reports within 1,000 feet of the schools for the last three years",
        "Meet City Public Works about a flashing school-zone sign on Guadalupe Street",
        "Ask the crossing guards what they see at {street} in the afternoon",
        "Check the school-zone signs on {street}",
        "Draft a flyer for parents on drop-off rules in {lang}",
    ),
}

# fmt: off
DETAILS = (
    "", "", "", "", "",
    "Waiting on a reply; second reminder sent.",
    "Carried over from last month; the owner was out sick.",
    "Report back at the next meeting.",
    "Keep names out of anything shared with the public.",
    "Needs the Chief's sign-off first.",
    "Ask for the data as a spreadsheet, not a PDF.",
)
TAG_DETAILS: Mapping[str, tuple[str, ...]] = {
    "lighting": ("Pole numbers are on the map from the night walk.",
                 "The co-op needs the pole numbers, not street addresses."),
    "storage": ("Locks are in the supply room; sign them out on the clipboard.",),
    "youth": ("Overtime approved for two officers.", "Budget: up to $500 from the PST fund."),
    "doorknock": ("Flyers in English, Spanish and Vietnamese are in the patrol room.",),
    "forums": ("Spanish and Vietnamese interpreters needed.",
               "Childcare and food make a big difference in turnout."),
    "scanning": ("Spanish and Vietnamese versions needed.",),
    "analysis": ("Bring the printed map to the next meeting.",),
}
BLOCKED_DETAILS = (
    "Blocked: waiting on the property owner in Houston to answer.",
    "Blocked: the co-op says the pole work needs a new work order.",
    "Blocked: the hospital's legal office is still reviewing the agreement.",
    "Blocked: vendor quote has not come back.",
    "Blocked: needs council approval first.",
)
# fmt: on


class _Slots(dict[str, str]):
    """Fills template placeholders on demand, so only the slots a template uses draw a number."""

    def __init__(self, rng: random.Random, fixed: Mapping[str, str]) -> None:
        super().__init__(fixed)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        pools = {
            "place": PLACES,
            "street": STREETS,
            "venue": VENUES,
            "business": BUSINESSES,
            "partner": PARTNERS,
            "lang": LANGUAGES,
            "shift": SHIFTS,
        }
        value = self._rng.choice(pools[key])
        self[key] = value
        return value


def fill(rng: random.Random, template: str, **fixed: str) -> str:
    """A template with its placeholders filled; an article-led place is capitalized at the start."""
    text = template.format_map(_Slots(rng, fixed))
    return text[0].upper() + text[1:]
