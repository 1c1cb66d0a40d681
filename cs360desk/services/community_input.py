"""Community input: activities and their findings, the theme summary, the recommendations."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.domain.edits import Edit, RowChange, combine
from cs360desk.domain.enums import InputKind
from cs360desk.domain.errors import ValidationError
from cs360desk.domain.evidence_views import (
    ActivityRow,
    CommunityInputPage,
    RecommendationLine,
    ThemeCount,
)
from cs360desk.domain.problem_views import Choice, LinkedActionItem
from cs360desk.domain.records import FindingRecord, InputActivityRecord, RecommendationRecord
from cs360desk.i18n import _
from cs360desk.services import edits
from cs360desk.services.action_items import CLOSED_STATUSES
from cs360desk.services.catalog import (
    ACTION_ITEM,
    FINDING,
    INITIATIVE,
    INPUT_ACTIVITY,
    RECOMMENDATION,
)
from cs360desk.services.field_edits import people_choices, save_field
from cs360desk.services.problems import linked_items

ACTIVITY_FIELDS = frozenset({"kind", "held_on", "participants", "summary"})
FINDING_FIELDS = frozenset({"theme", "text"})
RECOMMENDATION_FIELDS = frozenset(
    {"text", "source_theme", "delivered_on", "decision", "owner_id", "status"}
)
_link = m.recommendation_action_item


def community_input_page(
    session: Session, initiative_id: int, *, today: date
) -> CommunityInputPage:
    INITIATIVE.load(session, initiative_id)
    recommendations = recommendation_lines(session, initiative_id, today=today)
    owners = [line.recommendation.owner_id for line in recommendations]
    open_items = session.execute(
        select(m.ActionItem.id, m.ActionItem.title)
        .where(
            m.ActionItem.initiative_id == initiative_id,
            m.ActionItem.status.not_in(CLOSED_STATUSES),
        )
        .order_by(m.ActionItem.title, m.ActionItem.id)
    )
    return CommunityInputPage(
        activities=tuple(activity_rows(session, initiative_id)),
        themes=tuple(theme_summary(session, initiative_id)),
        recommendations=tuple(recommendations),
        people=people_choices(session, owners),
        action_items=tuple(Choice(item_id, title) for item_id, title in open_items),
    )


def activity_rows(session: Session, initiative_id: int) -> list[ActivityRow]:
    """Newest first, each with its number of findings."""
    findings = (
        select(func.count())
        .where(m.Finding.input_activity_id == m.InputActivity.id)
        .scalar_subquery()
    )
    query = (
        select(m.InputActivity, findings)
        .where(m.InputActivity.initiative_id == initiative_id)
        .order_by(m.InputActivity.held_on.desc(), m.InputActivity.id.desc())
    )
    return [ActivityRow(INPUT_ACTIVITY.to_record(a), n) for a, n in session.execute(query)]


def findings_of(session: Session, activity_id: int) -> list[FindingRecord]:
    INPUT_ACTIVITY.load(session, activity_id)
    return FINDING.list(session, m.Finding.input_activity_id == activity_id)


def theme_summary(session: Session, initiative_id: int) -> list[ThemeCount]:
    """Findings per theme, most frequent first; "Lighting" and "lighting " count as one."""
    rows = session.execute(
        select(m.Finding.theme, m.Finding.input_activity_id)
        .join(m.InputActivity, m.InputActivity.id == m.Finding.input_activity_id)
        .where(m.InputActivity.initiative_id == initiative_id)
    ).all()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    activities: dict[str, set[int]] = defaultdict(set)
    for theme, activity_id in rows:
        key = " ".join(theme.split()).casefold()
        spellings[key][" ".join(theme.split())] += 1
        activities[key].add(activity_id)
    counts = [
        # The spelling used most often names the theme; ties go to the first in sort order.
        ThemeCount(
            min(spelled, key=lambda s: (-spelled[s], s)), sum(spelled.values()), len(activities[k])
        )
        for k, spelled in spellings.items()
    ]
    return sorted(counts, key=lambda c: (-c.findings, c.theme.casefold()))


def recommendation_lines(
    session: Session, initiative_id: int, *, today: date
) -> list[RecommendationLine]:
    """In the order they were written, each with its owner and the action items behind it."""
    records = RECOMMENDATION.list(session, m.Recommendation.initiative_id == initiative_id)
    ids = [record.id for record in records]
    pairs = session.execute(
        select(_link.c.action_item_id, _link.c.recommendation_id).where(
            _link.c.recommendation_id.in_(ids)
        )
    ).all()
    items = {
        item.id: line
        for item, line in linked_items(
            session, today, m.ActionItem.id.in_({item_id for item_id, _r in pairs})
        )
    }
    by_recommendation: dict[int, list[LinkedActionItem]] = defaultdict(list)
    for item_id, recommendation_id in pairs:
        by_recommendation[recommendation_id].append(items[item_id])
    for lines in by_recommendation.values():
        lines.sort(key=lambda line: (line.due_on is None, line.due_on or date.min, line.id))
    names = {c.id: c.text for c in people_choices(session, [r.owner_id for r in records])}
    return [
        RecommendationLine(r, names.get(r.owner_id or -1, ""), tuple(by_recommendation[r.id]))
        for r in records
    ]


def create_activity(
    session: Session, initiative_id: int, kind: InputKind | str, held_on: date, **values: Any
) -> tuple[InputActivityRecord, Edit]:
    return edits.create(
        session, INPUT_ACTIVITY, initiative_id=initiative_id, kind=kind, held_on=held_on, **values
    )


def save_activity_field(
    session: Session, activity_id: int, field: str, value: Any
) -> tuple[InputActivityRecord, Edit]:
    return save_field(session, INPUT_ACTIVITY, activity_id, ACTIVITY_FIELDS, field, value)


def delete_activity(session: Session, activity_id: int) -> Edit:
    """Its findings go with it."""
    return edits.delete(session, INPUT_ACTIVITY, activity_id)


def create_finding(
    session: Session, activity_id: int, theme: str, text: str
) -> tuple[FindingRecord, Edit]:
    return edits.create(
        session, FINDING, input_activity_id=activity_id, theme=theme.strip(), text=text
    )


def save_finding_field(
    session: Session, finding_id: int, field: str, value: Any
) -> tuple[FindingRecord, Edit]:
    return save_field(session, FINDING, finding_id, FINDING_FIELDS, field, value)


def delete_finding(session: Session, finding_id: int) -> Edit:
    return edits.delete(session, FINDING, finding_id)


def create_recommendation(
    session: Session, initiative_id: int, text: str, **values: Any
) -> tuple[RecommendationRecord, Edit]:
    return edits.create(session, RECOMMENDATION, initiative_id=initiative_id, text=text, **values)


def save_recommendation_field(
    session: Session, recommendation_id: int, field: str, value: Any
) -> tuple[RecommendationRecord, Edit]:
    return save_field(
        session, RECOMMENDATION, recommendation_id, RECOMMENDATION_FIELDS, field, value
    )


def delete_recommendation(session: Session, recommendation_id: int) -> Edit:
    return combine(
        _("Delete recommendation"), edits.delete(session, RECOMMENDATION, recommendation_id)
    )


def link_action_item(
    session: Session, recommendation_id: int, action_item_id: int
) -> tuple[None, Edit]:
    """The action item carries the recommendation out: one undoable edit of the link row."""
    recommendation = RECOMMENDATION.get(session, recommendation_id)
    item = ACTION_ITEM.get(session, action_item_id)
    if item.initiative_id != recommendation.initiative_id:
        raise ValidationError("action_item_id", _("this action item belongs to another initiative"))
    row = {"recommendation_id": recommendation_id, "action_item_id": action_item_id}
    if _is_linked(session, row):
        raise ValidationError(
            "action_item_id", _("“{title}” is linked already").format(title=item.title)
        )
    label = _("Link “{title}” to the recommendation").format(title=item.title)
    edit = Edit(label, (RowChange(_link.name, None, None, row),))
    edits.redo(session, edit)  # written, and logged, the way undo and redo write it
    return None, edit


def unlink_action_item(
    session: Session, recommendation_id: int, action_item_id: int
) -> tuple[None, Edit]:
    RECOMMENDATION.load(session, recommendation_id)
    item = ACTION_ITEM.get(session, action_item_id)
    row = {"recommendation_id": recommendation_id, "action_item_id": action_item_id}
    if not _is_linked(session, row):
        raise ValidationError("action_item_id", _("this action item is not linked to it"))
    label = _("Unlink “{title}” from the recommendation").format(title=item.title)
    edit = Edit(label, (RowChange(_link.name, None, row, None),))
    edits.redo(session, edit)
    return None, edit


def _is_linked(session: Session, row: dict[str, int]) -> bool:
    found = session.scalar(
        select(func.count()).where(
            _link.c.recommendation_id == row["recommendation_id"],
            _link.c.action_item_id == row["action_item_id"],
        )
    )
    return bool(found)
