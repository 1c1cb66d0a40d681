"""Collects a period's facts from the records for the drafted updates, and saves the drafts.

Nothing here writes a sentence: the wording is in `domain/draft_wording.py`. What is here is
which records count as facts of the period, and which of them may reach the public.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.draft_wording import (
    build_drafts,
    day_text,
    measure_text,
    meeting_text,
    quoted,
)
from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import (
    ActionStatus,
    Affiliation,
    AttendanceStatus,
    Audience,
    ChangeAction,
    Channel,
    CommunicationStatus,
    Decision,
    MeetingStatus,
    RecommendationStatus,
    ResponseStatus,
    TeamKind,
)
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.records import CommunicationRecord, PersonRecord
from cs360desk.domain.report_data import ReportPeriod
from cs360desk.domain.update_drafts import (
    STAFF_ONLY,
    DraftKind,
    Fact,
    FactKind,
    MeasureFigures,
    MeetingFigures,
    PeriodFacts,
    UpdateDrafts,
)
from cs360desk.i18n import N_, _, current_language, ngettext
from cs360desk.services.agency_settings import agency_zone
from cs360desk.services.catalog import INITIATIVE
from cs360desk.services.communications import create_communication
from cs360desk.services.report_data_common import PeopleDirectory, the_agency

DEFAULT_DAYS = 30
UPCOMING_LOOKED_AT = 20
# Where each draft is saved in the communications log, unless the user says otherwise.
DRAFT_CHANNELS = {
    DraftKind.SHORT: (Channel.SOCIAL_MEDIA, Audience.PUBLIC),
    DraftKind.LONG: (Channel.WEBSITE, Audience.PUBLIC),
    DraftKind.STAFF: (Channel.STAFF_BRIEFING, Audience.STAFF),
}
# The contact details PeopleDirectory.contact_in names, each as a whole sentence to translate.
_CONTAINS = {
    "an e-mail address": N_("contains an e-mail address"),
    "a phone number": N_("contains a phone number"),
}
_ACTED = {RecommendationStatus.IN_PROGRESS.value, RecommendationStatus.DONE.value}


def local_today(session: Session, now: datetime) -> date:
    """Today as the agency's clock reads it."""
    return now.astimezone(agency_zone(session)).date()


def default_period(session: Session, initiative_id: int, *, today: date) -> ReportPeriod:
    """Since the last public update marked posted, else the last 30 days, up to today."""
    INITIATIVE.load(session, initiative_id)
    last = session.scalar(
        select(m.Communication.posted_on)
        .where(
            m.Communication.initiative_id == initiative_id,
            m.Communication.audience == Audience.PUBLIC,
            m.Communication.status == CommunicationStatus.POSTED,
            m.Communication.posted_on.is_not(None),
            m.Communication.posted_on <= today,
        )
        .order_by(m.Communication.posted_on.desc())
        .limit(1)
    )
    start = last if last is not None else today - timedelta(days=DEFAULT_DAYS)
    return ReportPeriod(start, today)


def update_drafts(
    session: Session,
    initiative_id: int,
    *,
    now: datetime,
    start: date | None = None,
    end: date | None = None,
    excluded: Iterable[tuple[str, int]] = (),
) -> UpdateDrafts:
    """The three drafts of a period (either end left out: the default period's)."""
    today = local_today(session, now)
    default = default_period(session, initiative_id, today=today)
    start, end = start or default.start, end or default.end
    if end < start:
        message = _("the period starts on {start}, after its end on {end}")
        raise ValidationError("start", message.format(start=start, end=end))
    source = period_facts(session, initiative_id, ReportPeriod(start, end), now=now)
    return build_drafts(source, frozenset(excluded))


def period_facts(
    session: Session, initiative_id: int, period: ReportPeriod, *, now: datetime
) -> PeriodFacts:
    initiative = INITIATIVE.get(session, initiative_id)
    agency = the_agency(session)
    collector = _Collector(
        session,
        initiative_id,
        period,
        agency_zone(session),
        PublicCheck(PeopleDirectory.load(session, public=True)),
    )
    today = local_today(session, now)
    facts = [
        *collector.stages_reached(),
        *collector.measures(),
        *collector.responses(),
        *collector.actions_done(),
        *collector.recommendations_acted_on(),
        *collector.input_held(),
        *collector.meetings_held(),
        *collector.next_meetings(now),
        *collector.overdue(today),
        *collector.waiting_on_leadership(),
    ]
    return PeriodFacts(
        initiative_id=initiative_id,
        initiative_name=initiative.name,
        agency_name=agency.name if agency else "",
        period=period,
        facts=tuple(facts),
        hashtag=agency.post_hashtag if agency else "",
        link=agency.post_link if agency else "",
        language=current_language(),
    )


@dataclass(frozen=True)
class PublicCheck:
    """Why a text may not be made public: a contact detail, or a person not to be named."""

    people: PeopleDirectory

    def reason(self, *texts: str) -> str:
        for text in texts:
            contact = self.people.contact_in(text)
            if contact:
                known = _CONTAINS.get(contact)
                if known is not None:
                    return _(known)
                return _("contains {contact}").format(contact=contact)
            for person, pattern in self._unnamed:
                if pattern.search(text):
                    return _("names {name}, who is not marked as public").format(
                        name=person.full_name
                    )
        return ""

    @property
    def _unnamed(self) -> list[tuple[PersonRecord, re.Pattern[str]]]:
        cached: list[tuple[PersonRecord, re.Pattern[str]]] | None = self.__dict__.get("_cache")
        if cached is None:
            cached = [
                (person, _name_pattern(person.full_name))
                for person in self.people.people.values()
                if person.full_name.strip()
                and (person.contact_private or not person.named_in_public)
            ]
            object.__setattr__(self, "_cache", cached)
        return cached


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)


class _Collector:
    def __init__(
        self,
        session: Session,
        initiative_id: int,
        period: ReportPeriod,
        zone: tzinfo | None,
        check: PublicCheck,
    ) -> None:
        self.session = session
        self.initiative_id = initiative_id
        self.period = period
        self.zone = zone
        self.check = check

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def _utc_bounds(self) -> tuple[datetime, datetime]:
        """A day's margin each side; each moment is then judged by its local date."""
        start = datetime.combine(self.period.start - timedelta(days=1), time.min, tzinfo=UTC)
        end = datetime.combine(self.period.end + timedelta(days=2), time.min, tzinfo=UTC)
        return start, end

    def _in_period(
        self, model: Any, day: Any, *where: Any, newest_first: bool = False
    ) -> Iterable[Any]:
        """The initiative's rows of `model` whose `day` falls in the period, by that day."""
        order = (day.desc(), model.id.desc()) if newest_first else (day, model.id)
        return self.session.scalars(
            select(model)
            .where(
                model.initiative_id == self.initiative_id,
                day >= self.period.start,
                day <= self.period.end,
                *where,
            )
            .order_by(*order)
        )

    def _items_with_owners(self, *where: Any) -> Iterable[Any]:
        """The initiative's action items matching `where`, each with its owner's name."""
        return self.session.execute(
            select(m.ActionItem, m.Person.full_name)
            .outerjoin(m.Person, m.Person.id == m.ActionItem.owner_id)
            .where(m.ActionItem.initiative_id == self.initiative_id, *where)
            .order_by(m.ActionItem.due_on, m.ActionItem.id)
        )

    def _dated(
        self,
        kind: FactKind,
        row_id: int,
        template: str,
        title: str,
        day: date | None,
        shown: str | None = None,
    ) -> Fact:
        """A fact whose sentence is `template` (translated) with its {date} and {title}
        (`shown`, if given, stands for the title in the sentence); private as its title is."""
        return Fact(
            kind,
            row_id,
            template.format(date=day_text(day), title=title if shown is None else shown),
            title=title,
            day=day,
            private=self.check.reason(title),
        )

    def stages_reached(self) -> list[Fact]:
        rows = self._in_period(m.StageChange, m.StageChange.reached_on)
        return [
            Fact(
                FactKind.STAGE_REACHED,
                row.id,
                _("Stage reached on {date}: {stage}").format(
                    date=day_text(row.reached_on), stage=row.stage.label
                ),
                title=row.stage.label,
                day=row.reached_on,
            )
            for row in rows
        ]

    def measures(self) -> list[Fact]:
        """Every measure (the staff briefing lists them all); `moved` marks the period's."""
        measures = self.session.scalars(
            select(m.Measure)
            .join(m.Goal, m.Goal.id == m.Measure.goal_id)
            .where(m.Goal.initiative_id == self.initiative_id)
            .order_by(m.Goal.dimension, m.Goal.id, m.Measure.id)
        ).all()
        if not measures:
            return []
        values: dict[int, list[tuple[date, float]]] = {}
        rows = self.session.execute(
            select(m.Measurement.measure_id, m.Measurement.period_end, m.Measurement.value)
            .where(
                m.Measurement.measure_id.in_([measure.id for measure in measures]),
                m.Measurement.period_end <= self.period.end,
            )
            .order_by(m.Measurement.period_end)
        )
        for measure_id, period_end, value in rows:
            values.setdefault(measure_id, []).append((period_end, value))
        facts = []
        for measure in measures:
            series = values.get(measure.id, [])
            latest_on, latest = series[-1] if series else (None, None)
            before = [value for day, value in series if day < self.period.start]
            reference = before[-1] if before else measure.baseline_value
            moved = (
                latest_on is not None
                and latest_on >= self.period.start
                and (reference is None or latest != reference)
            )
            figures = MeasureFigures(
                name=measure.name,
                unit=measure.unit,
                direction=measure.direction,
                baseline=measure.baseline_value,
                latest=latest,
                latest_on=latest_on,
                target=measure.target_value,
                moved=moved,
            )
            private = self.check.reason(measure.name, measure.unit) or (
                "" if moved else _("no new value in the period")
            )
            facts.append(
                Fact(
                    FactKind.MEASURE,
                    measure.id,
                    measure_text(figures),
                    title=measure.name,
                    day=latest_on,
                    measure=figures,
                    private=private,
                )
            )
        return facts

    def responses(self) -> list[Fact]:
        rows = self.session.scalars(
            select(m.Response)
            .join(m.Problem, m.Problem.id == m.Response.problem_id)
            .where(m.Problem.initiative_id == self.initiative_id)
            .order_by(m.Response.id)
        )
        facts = []
        for row in rows:
            if row.status is ResponseStatus.COMPLETED and self.period.contains(row.ends_on):
                facts.append(
                    self._dated(
                        FactKind.RESPONSE_FINISHED,
                        row.id,
                        _("Response completed on {date}: {title}"),
                        row.title,
                        row.ends_on,
                    )
                )
            elif row.status in (
                ResponseStatus.IN_PROGRESS,
                ResponseStatus.COMPLETED,
            ) and self.period.contains(row.starts_on):
                facts.append(
                    self._dated(
                        FactKind.RESPONSE_STARTED,
                        row.id,
                        _("Response started on {date}: {title}"),
                        row.title,
                        row.starts_on,
                    )
                )
        return facts

    def actions_done(self) -> list[Fact]:
        rows = self._in_period(
            m.ActionItem,
            m.ActionItem.completed_on,
            m.ActionItem.status == ActionStatus.DONE,
            newest_first=True,
        )
        return [
            self._dated(
                FactKind.ACTION_DONE,
                row.id,
                _("Action item completed on {date}: {title}"),
                row.title,
                row.completed_on,
            )
            for row in rows
        ]

    def recommendations_acted_on(self) -> list[Fact]:
        """Accepted or started in the period, as the change log recorded it."""
        start, end = self._utc_bounds()
        entries = self.session.execute(
            select(m.ChangeRecord.entity_id, m.ChangeRecord.at, m.ChangeRecord.changes)
            .where(
                m.ChangeRecord.entity == "recommendation",
                m.ChangeRecord.action.in_((ChangeAction.CREATE, ChangeAction.UPDATE)),
                m.ChangeRecord.at >= start,
                m.ChangeRecord.at < end,
            )
            .order_by(m.ChangeRecord.at)
        )
        acted: dict[int, date] = {}
        for entity_id, at, changes in entries:
            day = self._local(at).date()
            if self.period.contains(day) and _acted_on(changes):
                acted.setdefault(entity_id, day)
        if not acted:
            return []
        rows = self.session.scalars(
            select(m.Recommendation).where(
                m.Recommendation.id.in_(acted),
                m.Recommendation.initiative_id == self.initiative_id,
            )
        )
        facts = []
        for row in rows:
            if row.decision is not Decision.ACCEPTED:
                continue  # accepted then, declined since: not an accomplishment now
            if row.status.value in _ACTED:
                template = _("Acted on on {date}: the recommendation {title}")
            else:
                template = _("Accepted on {date}: the recommendation {title}")
            facts.append(
                self._dated(
                    FactKind.RECOMMENDATION,
                    row.id,
                    template,
                    row.text,
                    acted[row.id],
                    shown=quoted(row.text),
                )
            )
        return sorted(facts, key=lambda fact: (fact.day or date.min, fact.id))

    def input_held(self) -> list[Fact]:
        rows = self._in_period(m.InputActivity, m.InputActivity.held_on)
        return [
            Fact(
                FactKind.INPUT_HELD,
                row.id,
                ngettext(
                    "{activity} on {date}: {n} person heard",
                    "{activity} on {date}: {n} people heard",
                    row.participants,
                ).format(activity=row.kind.label, date=day_text(row.held_on), n=row.participants),
                title=row.kind.label,
                day=row.held_on,
                count=row.participants,
            )
            for row in rows
        ]

    def meetings_held(self) -> list[Fact]:
        start, end = self._utc_bounds()
        rows = self.session.execute(
            select(m.Meeting, m.Team)
            .join(m.Team, m.Team.id == m.Meeting.team_id)
            .where(
                m.Team.initiative_id == self.initiative_id,
                m.Meeting.status == MeetingStatus.HELD,
                m.Meeting.starts_at >= start,
                m.Meeting.starts_at < end,
            )
            .order_by(m.Meeting.starts_at, m.Meeting.id)
        ).all()
        held = [
            (meeting, team)
            for meeting, team in rows
            if self.period.contains(self._local(meeting.starts_at).date())
        ]
        tallies = self._attendance([meeting.id for meeting, _team in held])
        facts = []
        for meeting, team in held:
            community, staff, partners = tallies.get(meeting.id, (0, 0, 0))
            figures = self._figures(meeting, team, community, staff, partners)
            facts.append(
                _meeting_fact(meeting, figures, held=True, private=self.check.reason(team.name))
            )
        return facts

    def _figures(
        self,
        meeting: m.Meeting,
        team: m.Team,
        community: int = 0,
        staff: int = 0,
        partners: int = 0,
    ) -> MeetingFigures:
        return MeetingFigures(
            team=team.name,
            title=meeting.title,
            at=self._local(meeting.starts_at),
            place=meeting.location.strip(),
            open_to_public=meeting.open_to_public,
            problem_solving_team=team.kind is TeamKind.PROBLEM_SOLVING_TEAM,
            community=community,
            staff=staff,
            partners=partners,
        )

    def _attendance(self, meeting_ids: list[int]) -> dict[int, tuple[int, int, int]]:
        """Who came, per meeting: community members (and guests), department staff, partners."""
        if not meeting_ids:
            return {}
        rows = self.session.execute(
            select(m.Attendance.meeting_id, m.Person.affiliation)
            .outerjoin(m.Person, m.Person.id == m.Attendance.person_id)
            .where(
                m.Attendance.meeting_id.in_(meeting_ids),
                m.Attendance.status == AttendanceStatus.PRESENT,
            )
        )
        tallies: dict[int, list[int]] = {}
        for meeting_id, affiliation in rows:
            tally = tallies.setdefault(meeting_id, [0, 0, 0])
            if affiliation is None or affiliation is Affiliation.COMMUNITY:
                tally[0] += 1
            elif affiliation is Affiliation.DEPARTMENT:
                tally[1] += 1
            else:
                tally[2] += 1
        return {key: (t[0], t[1], t[2]) for key, t in tallies.items()}

    def next_meetings(self, now: datetime) -> list[Fact]:
        """The next team meeting, and the next one open to the public if that is another."""
        rows = self.session.execute(
            select(m.Meeting, m.Team)
            .join(m.Team, m.Team.id == m.Meeting.team_id)
            .where(
                m.Team.initiative_id == self.initiative_id,
                m.Meeting.status == MeetingStatus.SCHEDULED,
                m.Meeting.starts_at > now,
            )
            .order_by(m.Meeting.starts_at, m.Meeting.id)
            .limit(UPCOMING_LOOKED_AT)
        ).all()
        chosen: list[tuple[m.Meeting, m.Team]] = []
        pst = next((row for row in rows if row[1].kind is TeamKind.PROBLEM_SOLVING_TEAM), None)
        public = next((row for row in rows if row[0].open_to_public), None)
        for row in (public, pst, rows[0] if rows else None):
            if row is not None and all(row[0].id != kept.id for kept, _team in chosen):
                chosen.append(row)
        facts = []
        for meeting, team in sorted(chosen, key=lambda row: row[0].starts_at):
            figures = self._figures(meeting, team)
            reason = self.check.reason(
                team.name, meeting.location if meeting.open_to_public else ""
            )
            facts.append(_meeting_fact(meeting, figures, held=False, private=reason))
        return facts

    def overdue(self, today: date) -> list[Fact]:
        rows = self._items_with_owners(
            m.ActionItem.due_on < today,
            m.ActionItem.status.not_in((ActionStatus.DONE, ActionStatus.CANCELLED)),
        )
        return [
            Fact(
                FactKind.OVERDUE,
                item.id,
                _("Overdue since {date}: {title} ({owner})").format(
                    date=day_text(item.due_on), title=item.title, owner=owner or _("no owner")
                ),
                title=item.title,
                day=item.due_on,
                owner=owner or "",
                private=_(STAFF_ONLY),
            )
            for item, owner in rows
        ]

    def waiting_on_leadership(self) -> list[Fact]:
        """Recommendations delivered and not yet decided; action items that are blocked."""
        recommendations = self.session.scalars(
            select(m.Recommendation)
            .where(
                m.Recommendation.initiative_id == self.initiative_id,
                m.Recommendation.decision == Decision.PROPOSED,
                m.Recommendation.delivered_on.is_not(None),
            )
            .order_by(m.Recommendation.delivered_on, m.Recommendation.id)
        )
        facts = [
            Fact(
                FactKind.DECISION_WANTED,
                row.id,
                _("Decide on the recommendation {title} (delivered {date})").format(
                    title=quoted(row.text), date=day_text(row.delivered_on)
                ),
                title=row.text,
                day=row.delivered_on,
                private=_(STAFF_ONLY),
            )
            for row in recommendations
        ]
        blocked = self._items_with_owners(m.ActionItem.status == ActionStatus.BLOCKED)
        facts.extend(
            Fact(
                FactKind.BLOCKED,
                item.id,
                _("Help unblock {title} ({owner})").format(
                    title=quoted(item.title), owner=owner or _("no owner")
                ),
                title=item.title,
                owner=owner or "",
                private=_(STAFF_ONLY),
            )
            for item, owner in blocked
        )
        return facts


def _meeting_fact(meeting: m.Meeting, figures: MeetingFigures, *, held: bool, private: str) -> Fact:
    """A meeting held in the period (`held`), else one of the next ones."""
    return Fact(
        FactKind.MEETING_HELD if held else FactKind.NEXT_MEETING,
        meeting.id,
        meeting_text(figures, held=held),
        title=meeting.title,
        day=figures.at.date(),
        meeting=figures,
        private=private,
    )


def _acted_on(changes: str) -> bool:
    """A logged change that accepted a recommendation or started work on one."""
    try:
        values: dict[str, Any] = json.loads(changes or "{}")
    except ValueError:
        return False
    for field, wanted in (("decision", {Decision.ACCEPTED.value}), ("status", _ACTED)):
        value = values.get(field)
        new = value[1] if isinstance(value, list) and len(value) == 2 else value
        if new in wanted:
            return True
    return False


# Saving ------------------------------------------------------------------------------------


def save_draft(
    session: Session,
    initiative_id: int,
    kind: DraftKind,
    text: str,
    *,
    channel: Channel | None = None,
    audience: Audience | None = None,
    status: CommunicationStatus = CommunicationStatus.DRAFT,
    day: date | None = None,
) -> tuple[CommunicationRecord, Edit]:
    """A draft (as edited) into the communications log; a posted one needs its day."""
    if not text.strip():
        raise ValidationError("text", _("the draft is empty"))
    default_channel, default_audience = DRAFT_CHANNELS[kind]
    posted = status is CommunicationStatus.POSTED
    if posted and day is None:
        raise ValidationError("posted_on", _("say on which day it was posted"))
    return create_communication(
        session,
        initiative_id,
        channel or default_channel,
        text,
        audience=audience or default_audience,
        status=status,
        posted_on=day if posted else None,
        planned_on=None if posted else day,
    )
