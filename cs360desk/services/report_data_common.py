"""What every report's data needs: the masthead, people's names, and the public redaction."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.enums import PaperSize
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.records import (
    ActionItemRecord,
    AgencyRecord,
    InitiativeRecord,
    PersonRecord,
)
from cs360desk.domain.report_data import ActionLine, ReportHeader
from cs360desk.i18n import N_, _
from cs360desk.services.catalog import AGENCY, INITIATIVE

# Marked here, translated where a report is read (in the report's language).
WITHHELD_NAME = N_("Name withheld")
WITHHELD_CONTACT = N_("[contact withheld]")
# Loose on purpose: in a public handout a false positive costs a few digits, a miss costs trust.
_EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[^\s@<>()\[\]\"',;:.]+")
_PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s*(?:x|ext\.?)\s*\d+)?(?![\w-])",
    re.IGNORECASE,
)

# In PersonRecord's order, so a row becomes a record without an ORM object in between.
_PERSON_COLUMNS = tuple(getattr(m.Person, field.name) for field in fields(PersonRecord))


@dataclass(frozen=True)
class PeopleDirectory:
    """Everyone by id, and how a report may name them and quote text about them."""

    people: dict[int, PersonRecord]
    public: bool

    @classmethod
    def load(cls, session: Session, *, public: bool) -> PeopleDirectory:
        # Plain rows, not ORM objects: a county's directory runs to thousands of people.
        rows = session.execute(select(*_PERSON_COLUMNS))
        return cls({row.id: PersonRecord(*row) for row in rows}, public)

    @cached_property
    def _private_names(self) -> tuple[str, ...]:
        """The longest first, so a full name goes before a shorter name inside it."""
        names = {p.full_name for p in self.people.values() if p.contact_private and p.full_name}
        return tuple(sorted(names, key=len, reverse=True))

    @cached_property
    def _known_contacts(self) -> tuple[str, ...]:
        return tuple(
            known
            for person in self.people.values()
            for known in (person.email, person.phone)
            if known.strip()
        )

    def name(self, person_id: int | None) -> str:
        person = self.people.get(person_id) if person_id is not None else None
        if person is None:
            return ""
        if self.public and person.contact_private:
            return _(WITHHELD_NAME)
        return person.full_name

    def contact(self, person_id: int | None) -> tuple[str, str]:
        """(phone, e-mail), both empty in the public variant."""
        person = self.people.get(person_id) if person_id is not None else None
        if person is None or self.public:
            return "", ""
        return person.phone, person.email

    def text(self, value: str) -> str:
        """Free text as typed; in the public variant without contacts or private names."""
        if not self.public or not value:
            return value
        withheld_name, withheld_contact = _(WITHHELD_NAME), _(WITHHELD_CONTACT)
        for name in self._private_names:
            value = value.replace(name, withheld_name)
        for known in self._known_contacts:
            value = value.replace(known, withheld_contact)
        # A function, not the text: a replacement string would read "\1" in it as a group.
        value = _EMAIL.sub(lambda _match: withheld_contact, value)
        return _PHONE.sub(lambda _match: withheld_contact, value)

    def contact_in(self, value: str) -> str:
        """What contact detail `value` holds ("an e-mail address", "a phone number"), if any."""
        if any(known in value for known in self._known_contacts if "@" in known):
            return "an e-mail address"
        if _EMAIL.search(value):
            return "an e-mail address"
        if any(known in value for known in self._known_contacts) or _PHONE.search(value):
            return "a phone number"
        return ""

    def action_line(self, item: ActionItemRecord) -> ActionLine:
        return ActionLine(
            title=self.text(item.title),
            owner=self.name(item.owner_id),
            due_on=item.due_on,
            status_label=item.status.label,
            completed_on=item.completed_on,
            priority_label=item.priority.label,
        )


def the_agency(session: Session) -> AgencyRecord | None:
    agencies = AGENCY.list(session)
    return agencies[0] if agencies else None


def paper_of(agency: AgencyRecord | None) -> PaperSize:
    return agency.paper_size if agency is not None else PaperSize.LETTER


def prepared_by_line(directory: PeopleDirectory, initiative: InitiativeRecord) -> str:
    """The champion, by name and title, as the person answerable for the report."""
    champion = directory.people.get(initiative.champion_id or -1)
    if champion is None:
        return ""
    name = directory.name(champion.id)
    if name == champion.full_name and champion.title:
        return _("{name}, {title}, CS360 champion").format(name=name, title=champion.title)
    return _("{name}, CS360 champion").format(name=name)


def report_header(
    session: Session,
    initiative_id: int,
    directory: PeopleDirectory,
    *,
    today: date,
    prepared_by: str = "",
) -> ReportHeader:
    initiative = INITIATIVE.get(session, initiative_id)
    agency = the_agency(session)
    return ReportHeader(
        agency_name=agency.name if agency else "",
        jurisdiction=agency.jurisdiction if agency else "",
        logo=agency.logo if agency else None,
        initiative_name=initiative.name,
        stage_label=initiative.stage.label,
        prepared_by=directory.text(prepared_by.strip()) or prepared_by_line(directory, initiative),
        prepared_on=today,
        paper=paper_of(agency),
        public=directory.public,
    )


def default_initiative_id(session: Session) -> int:
    """The workspace's first initiative: most agencies run only one."""
    first = session.scalar(select(m.Initiative.id).order_by(m.Initiative.id).limit(1))
    if first is None:
        raise ValidationError("initiative", _("this workspace has no initiative yet"))
    return first
