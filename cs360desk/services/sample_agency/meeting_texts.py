"""Text pools for meetings: agenda topics with presenters, minutes sentences and decisions."""

from __future__ import annotations

from collections.abc import Mapping

# (text, presenter key or "", first month after launch it makes sense, last month or None)
Topic = tuple[str, str, int, int | None]

# fmt: off
PST_TOPICS: Mapping[str, tuple[Topic, ...]] = {
    "scanning": (
        ("Listening session plan: dates, venues and interpreters", "sergeant", 1, 5),
        ("Draft community safety survey and translations", "epi", 2, 5),
        ("What the ER injury data can and cannot tell us", "epi", 2, 7),
        ("Officer interviews: what patrol sees at night", "lieutenant", 1, 6),
        ("Partner data inventory", "analyst", 1, 6),
        ("Listening session notes: Spanish and Vietnamese sessions", "pastor_es", 3, 7),
    ),
    "analysis": (
        ("Problem analysis triangle for the Eastside", "analyst", 6, 12),
        ("Repeat locations: Las Palmas, Mesquite Park, E. Alamo Street", "analyst", 6, 12),
        ("Victims and repeat victimization", "advocate", 6, 12),
        ("People on probation living on the Eastside", "probation", 6, 12),
        ("Survey results by neighborhood and language", "epi", 6, 11),
        ("Draft problem statement and hypothesis", "sergeant", 8, 12),
        ("Choosing responses: what has worked elsewhere", "epi", 10, 13),
    ),
    "response": (
        ("Lighting and clean-up progress", "code", 13, 20),
        ("Safe-storage lock giveaways", "officer1", 13, 27),
        ("Hospital referrals to the Crisis Center", "advocate", 14, None),
        ("Focused-deterrence call-in: results and next session", "probation", 15, None),
        ("Friday Late Nights: planning and attendance", "youthcoord", 16, None),
        ("Community forum feedback", "nchair", 16, None),
        ("License plate readers: what residents said", "sergeant", 19, 22),
        ("72-hour follow-up visits after shots fired", "lieutenant", 20, None),
        ("What the trauma team is seeing", "nurse", 17, None),
        ("School safety update", "principal", 13, None),
        ("Harbor Street boat ramp: first look at the data", "analyst", 28, None),
        ("Voluntary business camera registry", "officer2", 31, None),
        ("Las Palmas: management's plan for the parking lot", "propmgr", 19, None),
    ),
    "assessment": (
        ("Before-and-after numbers for the lighting work", "analyst", 21, None),
        ("Follow-up safety survey results", "epi", 23, None),
        ("Are the measures moving? Dashboard review", "analyst", 24, None),
    ),
}

STEERING_TOPICS: tuple[Topic, ...] = (
    ("Progress update from the champion", "sergeant", 0, None),
    ("Goals and measures: where we stand", "sergeant", 6, None),
    ("Scanning recommendations awaiting a decision", "sergeant", 8, None),
    ("Budget and staffing asks", "chief", 0, None),
    ("Council briefing plan", "council", 3, None),
    ("Partner commitments for the coming quarter", "manager", 0, None),
)

ADVISORY_TOPICS: tuple[Topic, ...] = (
    ("What we are hearing in the neighborhoods", "nchair", 0, None),
    ("Update from the Problem-Solving Team", "sergeant", 0, None),
    ("Community forum planning", "priest", 1, None),
    ("Translation and outreach to Vietnamese-speaking families", "interpreter", 1, None),
    ("Youth voice: what students say about safety", "student", 14, None),
    ("Lighting list from the night walks", "tenant", 6, 22),
)

# Minutes and decisions carry the months (after launch) in which they make sense.
PST_MINUTES: tuple[Topic, ...] = (
    ("Members agreed the first task is to listen before choosing any response.", "", 1, 2),
    ("The group reviewed three years of shots-fired calls; most cluster on the Eastside "
     "between 9 pm and 2 am.", "", 1, 3),
    ("Pastor offered the church hall for a Spanish-language listening session.", "", 1, 3),
    ("Concern was raised that residents will not speak openly with uniformed officers "
     "present; officers will attend in plain clothes.", "", 2, 4),
    ("The survey will be available on paper and online in three languages.", "", 3, 5),
    ("Members asked that the Vietnamese-speaking shrimping families be reached through the "
     "parish rather than door to door.", "", 2, 5),
    ("Listening-session notes were shared; fear after dark came up in every session.", "", 4, 6),
    ("The analyst showed that five addresses account for a third of shots-fired calls.", "", 6, 9),
    ("Most victims knew the shooter; disputes that started on social media came up often.",
     "", 6, 11),
    ("Residents' fear is highest near Mesquite Park and Las Palmas after dark.", "", 6, 11),
    ("Probation shared that a small group of young adults on supervision are tied to several "
     "incidents.", "", 7, 11),
    ("The group discussed who manages each hot spot and who could act as a guardian.", "", 8, 11),
    ("Members agreed the problem statement needs to mention fear, not only shootings.", "", 8, 10),
    ("Members reviewed the recommendations still waiting for a decision from leadership.", "",
     10, None),
    ("Code Enforcement reported the Mesquite Park fence line is cleared and lights are on order.",
     "", 13, 16),
    ("Officers handed out 140 gun locks at the health fair.", "", 14, 27),
    ("The Crisis Center received more hospital referrals this month than any month before.",
     "", 15, None),
    ("Two call-in participants started job training; one was re-arrested.", "", 16, None),
    ("The Youth Alliance reported steady turnout at Friday night activities and no incidents on "
     "event nights.", "", 17, None),
    ("Residents at the forum asked for more foot patrol and faster streetlight repairs.", "",
     17, None),
    ("The new lights at Mesquite Park are on; residents on the night walk said the park feels "
     "different.", "", 18, 24),
    ("Members were split on license plate readers; the Advisory Team will collect views.", "",
     19, 21),
    ("The Las Palmas manager agreed to new parking-lot lights but the owner has not signed off.",
     "", 19, None),
    ("Door-knock teams reached most homes within 72 hours of each shots-fired call.", "", 21, None),
    ("Shots-fired calls near Mesquite Park fell after the lighting work; nearby blocks did not "
     "rise.", "", 22, None),
    ("The follow-up survey shows more residents feel safe at night, mostly on the Eastside.", "",
     22, 26),
    ("The analyst cautioned that monthly counts are small and jump around.", "", 22, None),
    ("The boat-ramp counts show most vehicles arrive after midnight on Fridays.", "", 29, None),
    ("The Chamber raised questions about who can see camera-registry footage.", "", 31, None),
    ("Attendance was lower than usual; the chair will call members who have missed meetings.",
     "", 12, None),
    ("Several action items were carried over; owners gave new dates.", "", 12, None),
)
PST_DECISIONS: tuple[Topic, ...] = (
    ("Meet virtually until the City Hall community room is free in the evenings.", "", 1, 1),
    ("Hold three listening sessions, one each in English, Spanish and Vietnamese.", "", 1, 2),
    ("Invite the Crisis Center and Adult Probation to join the team.", "", 1, 3),
    ("Use the County Health Department's survey template, adapted to Port Serena.", "", 2, 4),
    ("Focus first on gun violence and fear of gun violence on the Eastside.", "", 6, 8),
    ("Adopt the problem statement as amended.", "", 9, 11),
    ("Ask the Steering Committee to approve a lighting and clean-up request.", "", 10, 12),
    ("Track hospital referrals as a partner measure.", "", 10, 13),
    ("Approve the safe-storage lock giveaway at community events.", "", 12, 13),
    ("Move the PST meeting to the City Hall community room, with a video link for those who "
     "cannot attend in person.", "", 12, 13),
    ("Hold the next call-in session in the spring.", "", 15, None),
    ("Keep the Youth Alliance gym open until 11 pm on Fridays.", "", 16, 17),
    ("Start 72-hour follow-up visits after every shots-fired call on the Eastside.", "", 19, 20),
    ("Ask the Chief to raise the Las Palmas lighting with the property owner.", "", 19, 26),
    ("Do not pursue license plate readers this year.", "", 21, 22),
    ("Keep door-knocks and Friday Late Nights as ongoing practice.", "", 24, 27),
    ("Repeat the safety survey each spring.", "", 23, 26),
    ("Add the Harbor Street boat ramp as a second problem to analyze.", "", 27, 28),
    ("Ask Parks & Recreation to run Friday Late Nights at a second site.", "", 28, 30),
    ("Move the voluntary camera registry forward to the Steering Committee.", "", 32, 34),
    ("Carry over open items; owners to report back next month.", "", 12, None),
)
STEERING_MINUTES: tuple[Topic, ...] = (
    ("The champion presented the quarter's progress and the open asks of leadership.", "", 0,
     None),
    ("The Chief reaffirmed the department's commitment and asked for the measures to be shared "
     "with council twice a year.", "", 0, None),
    ("The City Manager confirmed funds for lighting on city property.", "", 10, 16),
    ("Members discussed how to keep partners engaged after the first year.", "", 10, None),
    ("The committee reviewed recommendations that still have no decision.", "", 9, None),
    ("Council Member asked for a short briefing before the budget workshop.", "", 0, None),
    ("Members asked how the department will sustain CS360 if the champion is promoted.", "",
     24, None),
)
STEERING_DECISIONS: tuple[Topic, ...] = (
    ("Approve the quarterly progress update for release to council.", "", 6, None),
    ("Fund overtime for two officers at Friday Late Nights.", "", 15, None),
    ("Table the additional school resource officer until the budget workshop.", "", 9, 12),
    ("Keep the PST's monthly schedule; no change to membership.", "", 0, None),
    ("Ask the champion to bring options for the bilingual liaison position.", "", 12, None),
)
ADVISORY_MINUTES: tuple[Topic, ...] = (
    ("Members shared what neighbors are saying; fear of retaliation still keeps people quiet.",
     "", 0, None),
    ("The co-chair asked that every flyer go out in Spanish and Vietnamese as well as English.",
     "", 1, None),
    ("Residents said the new lights are noticed and appreciated.", "", 17, None),
    ("Members want to see the department at events that are not about crime.", "", 0, None),
    ("The group reviewed the forum questions and the answers the PST sent back.", "", 17, None),
    ("Youth members asked for more activities for middle-school students.", "", 14, None),
)
ADVISORY_DECISIONS: tuple[Topic, ...] = (
    ("Co-host the next community forum with the parish.", "", 14, None),
    ("Ask the PST to report back on the lighting list at every meeting.", "", 7, 20),
    ("Recruit two more members from Las Palmas.", "", 4, None),
    ("Send the Advisory Team's view on license plate readers to the PST in writing.", "", 19, 22),
)

AGENDA_NOTES = (
    "", "", "",
    "Handout in English, Spanish and Vietnamese.",
    "Ten minutes; questions at the end.",
    "Slides will be sent with the minutes.",
    "Bring numbers through the end of last month.",
)

CANCELLATIONS = (
    "Cancelled: tropical storm warning for Mirador County. Items carried to next month.",
    "Cancelled for the holidays. Items carried to the January meeting.",
    "Cancelled: City Hall closed for a power outage. Items carried to next month.",
)
GUESTS = (
    "Deputy Carla Reyes, Mirador County Sheriff's Office",
    "Graduate student, Texas A&M University–Corpus Christi",
    "Reporter, Port Serena Gazette",
    "Program officer, Coastal Bend Community Foundation",
    "Assistant District Attorney",
    "Visiting champion, Bayfield Police Department",
)
# fmt: on
