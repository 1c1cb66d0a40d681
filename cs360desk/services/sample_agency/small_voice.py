"""The small sample's community voice: input, findings, recommendations, posts and reports."""

from __future__ import annotations

from datetime import date, timedelta

from cs360desk.db import models as m
from cs360desk.db.models import recommendation_action_item
from cs360desk.domain.enums import (
    Audience,
    Channel,
    CommunicationStatus,
    Decision,
    RecommendationStatus,
    ReportKind,
)
from cs360desk.services.sample_agency import voice_texts as v
from cs360desk.services.sample_agency.dates import add_months
from cs360desk.services.sample_agency.rows import add_input_activity
from cs360desk.services.sample_agency.small_town import SmallTown

_A, _P, _D = Decision.ACCEPTED, Decision.PROPOSED, Decision.DECLINED
_NOT, _DOING, _DONE = (
    RecommendationStatus.NOT_STARTED,
    RecommendationStatus.IN_PROGRESS,
    RecommendationStatus.DONE,
)
# Decisions on the scanning recommendations, in the order of voice_texts: the liaison
# position is the one leadership never decided on.
SCANNING_DECISIONS = (
    (_A, _DONE),
    (_A, _DOING),
    (_A, _DOING),
    (_A, _DONE),
    (_A, _DOING),
    (_D, _NOT),
    (_P, _NOT),
)
LATER_DELIVERED_DAYS_AGO = (74, 18)


def add_community_input(town: SmallTown) -> None:
    for seed in v.INPUTS:
        # Late in the month, so the posts announcing an activity come before it.
        _add_input(town, town.initiative_id, town.day(seed.month, town.rng.randint(12, 24)), seed)
    traffic_day = town.traffic_start + timedelta(days=30 + town.rng.randint(0, 10))
    _add_input(town, town.traffic_initiative_id, traffic_day, v.TRAFFIC_INPUT)


def _add_input(town: SmallTown, initiative: int, held_on: date, seed: v.InputSeed) -> None:
    activity = add_input_activity(town.writer, initiative, held_on, seed)
    for theme, text in seed.findings:
        town.writer.add(
            m.Finding,
            held_on + timedelta(days=2),
            input_activity_id=activity,
            theme=theme,
            text=text,
        )


def add_recommendations(town: SmallTown) -> None:
    delivered = town.day(8, 10)
    for seed, (decision, status) in zip(
        v.SCANNING_RECOMMENDATIONS, SCANNING_DECISIONS, strict=True
    ):
        rec = _add_recommendation(town, seed, delivered, decision, status)
        if decision is Decision.ACCEPTED and seed.tag:
            _link_items(town, rec, seed.tag, delivered)
    for seed, days_ago in zip(v.LATER_RECOMMENDATIONS, LATER_DELIVERED_DAYS_AGO, strict=True):
        day = town.today - timedelta(days=days_ago)
        _add_recommendation(town, seed, day, Decision.PROPOSED, _NOT)


def _add_recommendation(
    town: SmallTown,
    seed: v.RecommendationSeed,
    delivered: date,
    decision: Decision,
    status: RecommendationStatus,
) -> int:
    return town.writer.add(
        m.Recommendation,
        delivered,
        initiative_id=town.initiative_id,
        text=seed.text,
        source_theme=seed.theme,
        delivered_on=delivered,
        decision=decision,
        owner_id=town.people[seed.owner],
        status=status,
    )


def _link_items(town: SmallTown, recommendation: int, tag: str, after: date) -> None:
    """The first few action items of the matching kind are how the recommendation was acted on."""
    matching = [
        item
        for item, item_tag, created in town.tagged_items
        if item_tag == tag and created >= after
    ]
    for item in matching[:3]:
        town.writer.link(
            recommendation_action_item, recommendation_id=recommendation, action_item_id=item
        )


def add_communications(town: SmallTown) -> None:
    for seed in v.POSTS:
        planned = town.day(seed.month, town.rng.randint(0, 8))
        posted = planned + timedelta(days=town.rng.randint(0, 3))
        _add_post(town, seed.channel, seed.audience, seed.text, planned, posted)
    for days, channel, audience, status, text in v.LATEST_POSTS:
        day = town.today + timedelta(days=days)
        posted_on = day if status is CommunicationStatus.POSTED else None
        _add_post(town, channel, audience, text, day, posted_on, status)


def _add_post(
    town: SmallTown,
    channel: Channel,
    audience: Audience,
    text: str,
    planned: date,
    posted: date | None,
    status: CommunicationStatus = CommunicationStatus.POSTED,
) -> None:
    town.writer.add(
        m.Communication,
        min(planned, town.today) - timedelta(days=5),
        initiative_id=town.initiative_id,
        channel=channel,
        audience=audience,
        planned_on=planned,
        posted_on=posted,
        text=text,
        status=status,
    )


def add_reports_issued(town: SmallTown) -> None:
    """The scanning report and the last three quarterly progress updates to the Chief."""
    first = town.start.replace(day=1)
    scanning_day = town.day(8, 8)
    town.writer.add(
        m.ReportIssued,
        scanning_day,
        kind=ReportKind.SCANNING,
        initiative_id=town.initiative_id,
        period_start=town.start,
        period_end=scanning_day,
        issued_on=scanning_day,
        file_name="Scanning report - Eastside gun violence.pdf",
    )
    for month in (27, 30, 33):
        period_start = add_months(first, month - 3)
        period_end = add_months(first, month) - timedelta(days=1)
        issued = period_end + timedelta(days=6)
        town.writer.add(
            m.ReportIssued,
            issued,
            kind=ReportKind.PROGRESS,
            initiative_id=town.initiative_id,
            period_start=period_start,
            period_end=period_end,
            issued_on=issued,
            file_name=f"Progress update {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}.pdf",
        )
