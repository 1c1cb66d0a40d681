"""Global search: one box over people, organizations, meetings, action items and problems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.text_match import code_point_order, text_matches
from cs360desk.services.action_items import mentions

KINDS = ("person", "organization", "meeting", "action_item", "problem")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: int
    title: str
    detail: str


def search_everything(
    session: Session, text: str, *, initiative_id: int | None = None, per_kind: int = 8
) -> list[SearchHit]:
    """Hits grouped by kind in KINDS order; an empty query finds nothing."""
    if not text.strip():
        return []
    pattern = text.strip()
    hits: list[SearchHit] = []
    hits += _people(session, pattern, per_kind)
    hits += _organizations(session, pattern, per_kind)
    hits += _meetings(session, pattern, initiative_id, per_kind)
    hits += _action_items(session, pattern, initiative_id, per_kind)
    hits += _problems(session, pattern, initiative_id, per_kind)
    return hits


def _people(session: Session, pattern: str, limit: int) -> list[SearchHit]:
    person = m.Person
    rows = session.execute(
        select(person.id, person.full_name, person.title, person.affiliation)
        .where(text_matches(pattern, person.full_name, person.title, person.email, person.notes))
        .order_by(person.active.desc(), code_point_order(person.full_name))
        .limit(limit)
    )
    return [
        SearchHit("person", pid, name, _join(title, affiliation.label))
        for pid, name, title, affiliation in rows
    ]


def _organizations(session: Session, pattern: str, limit: int) -> list[SearchHit]:
    org = m.Organization
    rows = session.execute(
        select(org.id, org.name, org.sector, org.engagement)
        .where(text_matches(pattern, org.name, org.sector, org.notes))
        .order_by(code_point_order(org.name))
        .limit(limit)
    )
    return [
        SearchHit("organization", oid, name, _join(sector, engagement.label))
        for oid, name, sector, engagement in rows
    ]


def _meetings(
    session: Session, pattern: str, initiative_id: int | None, limit: int
) -> list[SearchHit]:
    meeting = m.Meeting
    query = (
        select(meeting.id, meeting.title, meeting.starts_at, m.Team.name)
        .join(m.Team, m.Team.id == meeting.team_id)
        .where(text_matches(pattern, meeting.title, meeting.location, meeting.minutes_summary))
    )
    query = _in_initiative(query, m.Team.initiative_id, initiative_id)
    rows = session.execute(query.order_by(meeting.starts_at.desc()).limit(limit))
    return [
        SearchHit("meeting", mid, title, _join(team, starts.astimezone().date().isoformat()))
        for mid, title, starts, team in rows
    ]


def _action_items(
    session: Session, pattern: str, initiative_id: int | None, limit: int
) -> list[SearchHit]:
    item = m.ActionItem
    query = (
        select(item.id, item.title, item.status, m.Person.full_name)
        .outerjoin(m.Person, m.Person.id == item.owner_id)
        .where(mentions(pattern))  # the folded copies the action item list searches
    )
    query = _in_initiative(query, item.initiative_id, initiative_id)
    rows = session.execute(query.order_by(item.due_on.desc(), item.id.desc()).limit(limit))
    return [
        SearchHit("action_item", iid, title, _join(status.label, owner or ""))
        for iid, title, status, owner in rows
    ]


def _problems(
    session: Session, pattern: str, initiative_id: int | None, limit: int
) -> list[SearchHit]:
    problem = m.Problem
    query = select(problem.id, problem.title, problem.phase).where(
        text_matches(pattern, problem.title, problem.statement, problem.area)
    )
    query = _in_initiative(query, problem.initiative_id, initiative_id)
    rows = session.execute(query.order_by(code_point_order(problem.title)).limit(limit))
    return [SearchHit("problem", pid, title, f"SARA: {phase.label}") for pid, title, phase in rows]


def _in_initiative(query: Any, column: Any, initiative_id: int | None) -> Any:
    return query if initiative_id is None else query.where(column == initiative_id)


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)
