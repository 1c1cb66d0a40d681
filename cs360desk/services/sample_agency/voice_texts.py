"""What the community said and what the department told it: input, findings, posts."""

from __future__ import annotations

from dataclasses import dataclass

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus, InputKind

LIGHTING = "Lighting and environment"
YOUTH = "Youth activities"
TRUST = "Trust in police"
FEAR = "Retaliation and fear"
DOMESTIC = "Domestic disputes"
GUNS = "Guns and safe storage"
VICTIMS = "Victim support"
LANGUAGE = "Language access"
TRAFFIC = "Traffic and speeding"


@dataclass(frozen=True)
class InputSeed:
    month: int
    kind: InputKind
    participants: int
    summary: str
    findings: tuple[tuple[str, str], ...]


# fmt: off
INPUTS = (
    InputSeed(1, InputKind.DATA_REVIEW, 6,
        "Crime analyst and PST reviewed three years of shots-fired calls, aggravated assaults "
        "with a firearm and ER firearm-injury visits.",
        ((FEAR, "Shots-fired calls doubled in three years; two thirds are on the Eastside."),
         (LIGHTING, "Most calls come between 9 pm and 2 am, on blocks with broken street lights."),
         (DOMESTIC, "One in five aggravated assaults with a gun started as a family dispute."))),
    InputSeed(2, InputKind.INTERVIEW, 11,
        "One-on-one interviews with patrol officers from all three shifts about where and why "
        "they see gun crime.",
        ((TRUST, "Officers say witnesses rarely come forward, even when many people saw it."),
         (LIGHTING, "Officers named Mesquite Park and the Las Palmas parking lot as dark and "
          "hard to patrol on foot."),
         (YOUTH, "Night shift sees groups of teenagers with nowhere to go after 9 pm."))),
    InputSeed(3, InputKind.LISTENING_SESSION, 48,
        "Spanish-language listening session at Iglesia Bautista Nueva Esperanza, with "
        "childcare and dinner.",
        ((FEAR, "Parents keep children inside after dark because of gunshots."),
         (TRUST, "Some residents fear that calling police will bring immigration questions."),
         (LANGUAGE, "Residents asked for a Spanish-speaking officer to answer calls at night."),
         (YOUTH, "Parents want sports and part-time jobs for teenagers."))),
    InputSeed(3, InputKind.LISTENING_SESSION, 37,
        "Vietnamese-language listening session in the Our Lady of La Vang parish hall, led by "
        "the parish and a volunteer interpreter.",
        ((TRUST, "Older residents remember reporting boat thefts that were never followed up."),
         (LANGUAGE, "Few residents knew they could get an interpreter when calling 911."),
         (FEAR, "Shop owners worry about robberies at closing time."),
         (LIGHTING, "The alley behind the Lucky Star Food Mart is dark and used for drug sales."))),
    InputSeed(4, InputKind.LISTENING_SESSION, 29,
        "Listening session at Greater Mount Olive Baptist Church, co-hosted by the Eastside "
        "Neighborhood Association.",
        ((TRUST, "Residents want to see officers out of their cars and at community events."),
         (FEAR, "Families of victims say people know who the shooters are but fear retaliation."),
         (VICTIMS, "Families of victims did not know help was available after a shooting."),
         (GUNS, "Several residents said guns are stolen from unlocked cars and trucks."))),
    InputSeed(5, InputKind.SURVEY, 412,
        "Community safety survey on paper and online in English, Spanish and Vietnamese; "
        "412 responses (about 1 in 10 households).",
        ((FEAR, "38% feel safe walking in their neighborhood at night (Eastside: 24%)."),
         (TRUST, "56% trust the police to treat them fairly; lower among 18-to-24-year-olds."),
         (GUNS, "One in three gun-owning respondents do not lock their guns at home."),
         (LIGHTING, "Broken street lights were the most named physical problem."),
         (YOUTH, "Lack of things for young people to do was the top-ranked cause of crime."))),
    InputSeed(6, InputKind.FOCUS_GROUP, 14,
        "Focus group with high-school students at the Youth Alliance (parental consent on file).",
        ((YOUTH, "Students said the gym closing at 8 pm leaves them with nothing to do on "
          "Fridays."),
         (FEAR, "Students said arguments on social media turn into fights at the park."),
         (TRUST, "Students want officers who know their names, not only their cars."))),
    InputSeed(6, InputKind.FOCUS_GROUP, 8,
        "Focus group with family members of gun-violence victims, hosted by the Crisis Center.",
        ((VICTIMS, "No one from the hospital or police told families about victim compensation."),
         (FEAR, "Victims' families moved or kept children home for weeks after a shooting."),
         (DOMESTIC, "Two families said a gun in the home turned a family argument deadly."))),
    InputSeed(7, InputKind.COMMUNITY_MEETING, 63,
        "Eastside Neighborhood Association community meeting on the draft scanning findings.",
        ((LIGHTING, "Residents listed 27 broken or missing street lights on a shared map."),
         (TRUST, "Some residents doubt anything will change after the meeting."),
         (YOUTH, "Residents offered to volunteer at evening activities in Mesquite Park."))),
    InputSeed(7, InputKind.COMMUNITY_MEETING, 22,
        "Tenant meeting at Las Palmas Apartments with the on-site manager, in Spanish and English.",
        ((LIGHTING, "Half of the parking-lot lights have been out since the spring."),
         (FEAR, "Tenants hear gunshots most weekends and do not call because 'nothing happens'."),
         (DOMESTIC, "Tenants asked for help with repeated loud disputes in two buildings."))),
    InputSeed(20, InputKind.SURVEY, 365,
        "Follow-up community safety survey, same questions as the first, in three languages.",
        ((FEAR, "47% now feel safe walking at night, up from 38%."),
         (TRUST, "More residents say they have talked with an officer outside of a call."),
         (GUNS, "Residents who got a free gun lock say they now use it."))),
    InputSeed(31, InputKind.LISTENING_SESSION, 41,
        "Second Vietnamese-language listening session at the parish hall, two years on.",
        ((LANGUAGE, "Residents appreciate the Vietnamese flyers but still cannot reach a "
          "Vietnamese speaker at the station."),
         (TRUST, "Shop owners now know the community policing officer by name."),
         (FEAR, "Break-ins at the docks worry boat owners more than shootings now."))),
)

TRAFFIC_INPUT = InputSeed(1, InputKind.SURVEY, 187,
    "Parent survey on traffic near the elementary and middle schools, sent home in three "
    "languages.",
    ((TRAFFIC, "Parents named the Bayou Drive crossing as the most dangerous spot."),
     (TRAFFIC, "Drivers speed on Guadalupe Street during morning drop-off."),
     (TRAFFIC, "There is no crossing guard at the middle school after 3:30 pm.")))
# fmt: on
@dataclass(frozen=True)
class RecommendationSeed:
    text: str
    theme: str
    owner: str
    tag: str


# fmt: off
SCANNING_RECOMMENDATIONS = (
    RecommendationSeed("Repair and add lighting at the Eastside hot spots named by residents, "
                       "starting with Mesquite Park and Las Palmas.", LIGHTING, "manager",
                       "lighting"),
    RecommendationSeed("Offer evening activities for teenagers on Friday nights, when most "
                       "incidents happen.", YOUTH, "parksdir", "youth"),
    RecommendationSeed("Connect every gunshot victim and family with the Crisis Center within "
                       "48 hours.", VICTIMS, "advocate", "victims"),
    RecommendationSeed("Give out free gun locks and safe-storage information at community "
                       "events.", GUNS, "officer1", "storage"),
    RecommendationSeed("Hold regular community forums in Spanish and Vietnamese with the Chief "
                       "present.", TRUST, "chief", "forums"),
    RecommendationSeed("Add a second school resource officer at the high school.", YOUTH,
                       "chief", ""),
    RecommendationSeed("Create a bilingual (Vietnamese-English) community liaison position at "
                       "the police department.", LANGUAGE, "chief", ""),
)
LATER_RECOMMENDATIONS = (
    RecommendationSeed("Put a Vietnamese-speaking call-taker or a phone interpreter line on "
                       "every dispatch shift.", LANGUAGE, "lieutenant", ""),
    RecommendationSeed("Add patrol checks and lighting at the shrimp docks between midnight "
                       "and 5 am.", FEAR, "lieutenant", ""),
)
# fmt: on
@dataclass(frozen=True)
class PostSeed:
    month: int
    channel: Channel
    audience: Audience
    text: str


# fmt: off
_S, _W, _P, _B, _C = (
    Channel.SOCIAL_MEDIA, Channel.WEBSITE, Channel.PRESS_RELEASE, Channel.STAFF_BRIEFING,
    Channel.COUNCIL,
)
_PUB, _STAFF = Audience.PUBLIC, Audience.STAFF
_COUNCIL, _PARTNERS = Audience.COUNCIL, Audience.PARTNERS

POSTS = (
    PostSeed(0, _P, _PUB, "The Port Serena Police Department is starting CS360, a problem-solving "
             "partnership with residents, faith leaders, schools and county agencies. Our first "
             "focus is gun crime and the fear of gun crime."),
    PostSeed(0, _B, _STAFF, "Roll-call briefing: what CS360 is, who the champion is, and why the "
             "Chief asked every shift to take part in the listening sessions."),
    PostSeed(3, _S, _PUB, "We want to hear from you. Join us for a listening session at Iglesia "
             "Nueva Esperanza this Thursday at 6 pm. Dinner and childcare provided."),
    PostSeed(3, _S, _PUB, "La Policía de Port Serena invita a los vecinos a una sesión para "
             "escuchar sus ideas sobre la seguridad del barrio. Jueves a las 6 p. m. en la "
             "Iglesia Nueva Esperanza. Habrá cena y cuidado de niños."),
    PostSeed(3, _S, _PUB, "Cảnh sát Port Serena kính mời bà con tham dự buổi gặp gỡ cộng đồng "
             "tại hội trường giáo xứ Đức Mẹ La Vang, tối thứ Năm lúc 6 giờ. Có thông dịch "
             "tiếng Việt."),
    PostSeed(4, _W, _PUB, "The community safety survey is open until the end of the month, in "
             "English, Spanish and Vietnamese. Paper copies are at the library and City Hall."),
    PostSeed(8, _C, _COUNCIL, "Council presentation: what 412 survey responses and five "
             "listening sessions told us, and the seven recommendations to the department."),
    PostSeed(9, _W, _PUB, "Read the CS360 scanning summary: what residents told us about "
             "safety, lighting, youth activities and trust, and what happens next."),
    PostSeed(12, _B, _STAFF, "Briefing for all shifts: the problem statement the PST adopted "
             "and what officers will be asked to do differently on the Eastside."),
    PostSeed(13, _P, _PUB, "Free gun locks are available at the police station lobby, no "
             "questions asked. Locked guns cannot be stolen from cars and homes and used in "
             "crimes."),
    PostSeed(18, _S, _PUB, "New lights are up in Mesquite Park thanks to Parks & Recreation, "
             "Code Enforcement and neighbors who walked the park with us at night."),
    PostSeed(16, _S, _PUB, "Friday Late Nights start this week at the Youth Alliance gym: "
             "basketball, music and food from 7 to 11 pm. All teens welcome."),
    PostSeed(18, _B, _STAFF, "Briefing: how to hand a victim the Crisis Center card and log the "
             "referral in the report."),
    PostSeed(19, _S, _PUB, "Thank you to the 300 teens who have come out to Friday Late Nights "
             "so far, and to the volunteers and officers who make it happen."),
    PostSeed(20, _C, _COUNCIL, "Council update: one year into responses, shots-fired calls are "
             "down on the Eastside and more residents say they feel safe at night."),
    PostSeed(21, _B, _STAFF, "Briefing: the new 72-hour follow-up visit after every shots-fired "
             "call, and the door-knock script in three languages."),
    PostSeed(22, _S, _PUB, "Our follow-up survey is in: 47% of residents now feel safe walking "
             "at night, up from 38%. Thank you to everyone who answered."),
    PostSeed(24, _P, _PUB, "Port Serena Police Department and partners mark two years of CS360 "
             "with fewer shots-fired calls on the Eastside and new services for victims."),
    PostSeed(26, _S, _PUB, "Join the community forum at the Our Lady of La Vang parish hall on "
             "Tuesday at 6:30 pm. The Chief will answer your questions. Vietnamese and Spanish "
             "interpretation provided."),
    PostSeed(27, _B, _STAFF, "Briefing: safe-storage lock giveaway wrap-up, 1,100 locks handed "
             "out; keep a few in every patrol car."),
    PostSeed(29, _S, _PUB, "Friday Late Nights is now at two sites, the Youth Alliance gym and "
             "the Eastside Community Center, Fridays 7 to 11 pm."),
    PostSeed(30, _W, _PUB, "New on our website: monthly shots-fired numbers for the Eastside "
             "and the city, updated by the 10th of each month."),
    PostSeed(32, _C, _COUNCIL, "Council update: responses under way, the Harbor Street boat "
             "ramp as a second problem, and the proposed business camera registry."),
    PostSeed(33, _B, _PARTNERS, "Partner update: referral numbers from the Crisis Center and "
             "dates for the next call-in session."),
)

# (days from today, channel, audience, status, text): the latest public post three weeks
# ago, a staff briefing last week, and what is queued up next.
LATEST_POSTS = (
    (-21, _S, _PUB, CommunicationStatus.POSTED,
     "Thank you to the neighbors who joined the night lighting walk on Pelican Street. Eleven "
     "broken lights were reported to the co-op, and six are already fixed."),
    (-9, _B, _STAFF, CommunicationStatus.POSTED,
     "Briefing: overdue follow-up visits on Dock Road, and the new camera registry sign-up "
     "form for businesses."),
    (4, _S, _PUB, CommunicationStatus.APPROVED,
     "The voluntary business camera registry opens next week. Registering a camera is free and "
     "lets officers ask for footage after a crime nearby; no live access, ever."),
    (12, _S, _PUB, CommunicationStatus.DRAFT,
     "Save the date: community forum at Eastside Community Center. Bring your questions for the "
     "Chief. Interpretation in Spanish and Vietnamese."),
    (25, _P, _PUB, CommunicationStatus.DRAFT,
     "Three years of CS360 in Port Serena: what changed, what did not, and what residents will "
     "see next."),
)
# fmt: on
