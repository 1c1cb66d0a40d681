"""Read models for the people list, the community map and team rosters."""

from __future__ import annotations

from dataclasses import dataclass

from cs360desk.domain.enums import Affiliation, Engagement
from cs360desk.domain.records import (
    MembershipRecord,
    OrganizationRecord,
    PersonRecord,
    TeamRecord,
)
from cs360desk.domain.views import MemberLine
from cs360desk.i18n import N_, _, count_of

# Shown instead of a phone number or e-mail its person keeps private; translate where shown.
PRIVATE_CONTACT = N_("(private)")


@dataclass(frozen=True)
class PeopleFilter:
    """What the people list is narrowed to; empty means everyone."""

    text: str = ""
    affiliation: Affiliation | None = None
    team_id: int | None = None
    active: bool | None = None


@dataclass(frozen=True)
class PersonRow:
    """One person with the names of their organization and their current teams."""

    person: PersonRecord
    organization_name: str
    team_names: tuple[str, ...]

    @property
    def shown_phone(self) -> str:
        return _(PRIVATE_CONTACT) if self.person.contact_private else self.person.phone

    @property
    def shown_email(self) -> str:
        return _(PRIVATE_CONTACT) if self.person.contact_private else self.person.email


@dataclass(frozen=True)
class PersonChoice:
    """A person as offered in a picker."""

    id: int
    full_name: str
    active: bool


@dataclass(frozen=True)
class TeamSeat:
    """A seat one person holds on one team."""

    membership: MembershipRecord
    team_name: str
    initiative_name: str


@dataclass(frozen=True)
class Holdings:
    """The records naming a person that must be handed over before the person can go."""

    open_items: int = 0
    closed_items: int = 0
    responses: int = 0
    recommendations: int = 0
    initiatives: int = 0

    @property
    def total(self) -> int:
        return (
            self.open_items
            + self.closed_items
            + self.responses
            + self.recommendations
            + self.initiatives
        )

    def describe(self) -> str:
        """ "3 open action items, 1 response to lead" — empty when nothing is held."""
        parts: list[str] = []
        if self.open_items:
            parts.append(count_of(self.open_items, "{n} open action item", "{n} open action items"))
        if self.closed_items:
            parts.append(
                count_of(self.closed_items, "{n} closed action item", "{n} closed action items")
            )
        if self.responses:
            parts.append(count_of(self.responses, "{n} response to lead", "{n} responses to lead"))
        if self.recommendations:
            parts.append(
                count_of(self.recommendations, "{n} recommendation", "{n} recommendations")
            )
        if self.initiatives:
            parts.append(
                count_of(
                    self.initiatives,
                    "{n} initiative as champion or sponsor",
                    "{n} initiatives as champion or sponsor",
                )
            )
        return ", ".join(parts)


@dataclass(frozen=True)
class PersonDetail:
    """Everything the person editor shows."""

    person: PersonRecord
    seats: tuple[TeamSeat, ...]
    holdings: Holdings


@dataclass(frozen=True)
class OrganizationRow:
    organization: OrganizationRecord
    people_count: int


@dataclass(frozen=True)
class OrganizationDetail:
    """Everything the organization editor shows."""

    organization: OrganizationRecord
    people: tuple[PersonChoice, ...]


@dataclass(frozen=True)
class TeamRow:
    team: TeamRecord
    member_count: int


@dataclass(frozen=True)
class TeamDetail:
    """A team with its current members by name."""

    team: TeamRecord
    members: tuple[MemberLine, ...]


def engagement_summary(counts: list[tuple[Engagement, int]]) -> str:
    """ "Champion 3 · Supporter 5 · …", every level in the order given."""
    return " · ".join(f"{level.label} {count}" for level, count in counts)
