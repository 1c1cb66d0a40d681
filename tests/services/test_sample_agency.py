"""The sample-agency generator: realistic, deterministic, complete, and fast when large."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs360desk.db import models as m
from cs360desk.db.base import Base
from cs360desk.db.workspace import open_workspace
from cs360desk.domain.enums import (
    ActionStatus,
    Channel,
    CommunicationStatus,
    Decision,
    MeetingMode,
    MeetingStatus,
    TeamKind,
)
from cs360desk.domain.errors import ValidationError
from cs360desk.services import catalog
from cs360desk.services.sample_agency import SampleSummary, generate_sample_agency
from tests.workspace_support import broken_references, transaction_in

TODAY = date(2025, 6, 18)
SPANISH_MARKS = set("áéíóúñÁÉÍÓÚÑ")
VIETNAMESE_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯảạầấẩậằắẳặẻẽẹềếểễệỉịỏọồốổỗộờớởỡợủụừứửữựỳỷỹỵ")


def _small(session: Session, **options: Any) -> SampleSummary:
    return generate_sample_agency(session, size="small", today=TODAY, **options)


def _count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _snapshot(path: Path, seed: int, today: date = TODAY) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    workspace = open_workspace(path)
    try:
        with workspace.session_factory.begin() as session:
            generate_sample_agency(session, size="small", seed=seed, today=today)
        with workspace.session_factory() as session:
            return {
                table.name: [
                    tuple(row)
                    for row in session.execute(table.select().order_by(*table.primary_key.columns))
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        workspace.close()


def test_small_sample_has_the_promised_size(session: Session) -> None:
    summary = _small(session)

    assert _count(session, m.Agency) == 1
    assert 1 <= summary.initiatives <= 2
    assert 35 <= summary.people <= 45
    assert 10 <= summary.organizations <= 16
    assert summary.teams == 3
    assert 350 <= summary.action_items <= 450
    assert 4 <= summary.problems <= 6
    assert 4 <= summary.responses <= 8
    assert summary.measures >= 6
    assert 10 <= summary.input_activities <= 14
    assert 35 <= summary.findings <= 50
    assert 6 <= summary.recommendations <= 10
    assert 25 <= summary.communications <= 35
    assert summary.reports_issued >= 2
    assert summary.action_items == _count(session, m.ActionItem)
    assert summary.people == _count(session, m.Person)
    assert summary.meetings == _count(session, m.Meeting)


def test_main_initiative_is_three_years_into_problem_solving(session: Session) -> None:
    summary = _small(session)

    initiative = session.get_one(m.Initiative, summary.main_initiative_id)
    assert initiative.stage.value == "problem_solving"
    assert abs((TODAY - initiative.started_on).days - 3 * 365) < 10
    champion = session.get_one(m.Person, initiative.champion_id)
    sponsor = session.get_one(m.Person, initiative.sponsor_id)
    assert champion.title.startswith(("Sergeant", "Crime Analyst"))
    assert sponsor.title == "Chief of Police"
    agency = session.scalars(select(m.Agency)).one()
    assert agency.chief_name == sponsor.full_name
    assert 11_000 <= (agency.population or 0) <= 13_000


def test_every_action_status_appears_with_overdue_and_due_soon_items(session: Session) -> None:
    _small(session)

    statuses = set(session.scalars(select(m.ActionItem.status)))
    open_statuses = [s for s in ActionStatus if not s.is_closed]
    overdue = session.scalar(
        select(func.count()).where(
            m.ActionItem.due_on < TODAY, m.ActionItem.status.in_(open_statuses)
        )
    )
    due_soon = session.scalar(
        select(func.count()).where(
            m.ActionItem.due_on.between(TODAY, TODAY + timedelta(days=7)),
            m.ActionItem.status.in_(open_statuses),
        )
    )
    owners = session.scalar(select(func.count(func.distinct(m.ActionItem.owner_id))))
    assert statuses == set(ActionStatus)
    assert overdue is not None and overdue >= 15
    assert due_soon is not None and due_soon >= 3
    assert owners is not None and owners >= 15


def test_done_items_carry_a_completion_day_no_later_than_today(session: Session) -> None:
    _small(session)

    for status, completed_on in session.execute(
        select(m.ActionItem.status, m.ActionItem.completed_on)
    ):
        if status is ActionStatus.DONE:
            assert completed_on is not None and completed_on <= TODAY
        else:
            assert completed_on is None


def test_names_include_spanish_and_vietnamese_diacritics(session: Session) -> None:
    _small(session)

    letters = set("".join(session.scalars(select(m.Person.full_name))))
    assert letters & SPANISH_MARKS
    assert letters & VIETNAMESE_MARKS


def test_no_placeholder_text(session: Session) -> None:
    _small(session)

    titles = list(session.scalars(select(m.ActionItem.title)))
    names = list(session.scalars(select(m.Person.full_name)))
    assert not [t for t in titles + names if "{" in t or "lorem" in t.lower()]
    assert not [n for n in names if n.startswith(("Person ", "Item "))]
    assert len(set(titles)) > 0.9 * len(titles)


def test_same_seed_and_day_give_identical_data(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "a.cs360", seed=7)
    second = _snapshot(tmp_path / "b.cs360", seed=7)

    assert first == second


def test_a_different_seed_gives_different_data(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "a.cs360", seed=1)
    second = _snapshot(tmp_path / "b.cs360", seed=2)

    assert first["person"] != second["person"]
    assert first["action_item"] != second["action_item"]


def test_refuses_a_workspace_that_already_has_an_agency(session: Session) -> None:
    catalog.AGENCY.create(session, name="Riverside Police Department")

    with pytest.raises(ValidationError) as caught:
        _small(session)

    assert caught.value.field == "workspace"
    assert _count(session, m.Person) == 0


def test_refuses_an_unknown_size(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        generate_sample_agency(session, size="medium", today=TODAY)  # type: ignore[arg-type]

    assert caught.value.field == "size"


def test_leaves_the_transaction_to_the_caller(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path / "w.cs360")
    try:
        with workspace.session_factory() as session:
            _small(session)
            session.rollback()
        with workspace.session_factory() as session:
            assert _count(session, m.Agency) == 0
            assert _count(session, m.ActionItem) == 0
    finally:
        workspace.close()


def test_measures_have_monthly_values_with_one_gap_this_period(session: Session) -> None:
    _small(session)

    rows = session.execute(
        select(m.Measurement.measure_id, func.count(), func.max(m.Measurement.period_end)).group_by(
            m.Measurement.measure_id
        )
    ).all()
    latest = max(last for _id, _n, last in rows)
    assert len(rows) >= 6
    assert all(count >= 24 for _id, count, _last in rows)
    assert latest < TODAY.replace(day=1)
    assert [last for _id, _n, last in rows].count(latest) == len(rows) - 1


def test_pst_meets_virtually_in_its_first_year_then_in_the_room(session: Session) -> None:
    summary = _small(session)

    initiative = session.get_one(m.Initiative, summary.main_initiative_id)
    pst = session.scalars(select(m.Team).where(m.Team.kind == TeamKind.PROBLEM_SOLVING_TEAM)).one()
    meetings = session.scalars(select(m.Meeting).where(m.Meeting.team_id == pst.id)).all()
    first_year_ends = datetime.combine(
        initiative.started_on + timedelta(days=365), datetime.min.time(), tzinfo=UTC
    )
    early = [mt for mt in meetings if mt.starts_at < first_year_ends]
    later = [mt for mt in meetings if mt.starts_at >= first_year_ends]
    assert pst.problem_id is not None
    assert len(meetings) >= 30
    assert early and all(mt.mode is MeetingMode.VIRTUAL and mt.video_link for mt in early)
    assert later and all(mt.mode is not MeetingMode.VIRTUAL and mt.location for mt in later)


def test_meetings_are_held_in_the_past_and_scheduled_within_five_weeks(session: Session) -> None:
    _small(session)

    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    meetings = session.scalars(select(m.Meeting)).all()
    scheduled = [mt for mt in meetings if mt.status is MeetingStatus.SCHEDULED]
    held = [mt for mt in meetings if mt.status is MeetingStatus.HELD]
    assert 1 <= len(scheduled) <= 4
    assert all(now <= mt.starts_at <= now + timedelta(days=36) for mt in scheduled)
    assert all(mt.starts_at < now and mt.minutes_summary for mt in held)
    assert any(mt.status is MeetingStatus.CANCELLED for mt in meetings)
    agenda_meetings = set(session.scalars(select(m.AgendaItem.meeting_id)))
    assert {mt.id for mt in scheduled} <= agenda_meetings


def test_dashboard_signals_have_something_to_show(session: Session) -> None:
    _small(session)

    public_posts = session.scalars(
        select(m.Communication.posted_on).where(
            m.Communication.status == CommunicationStatus.POSTED,
            m.Communication.channel.in_([c for c in Channel if c.is_public]),
        )
    ).all()
    stalled = session.scalar(
        select(func.count()).where(
            m.Recommendation.decision == Decision.PROPOSED,
            m.Recommendation.delivered_on <= TODAY - timedelta(days=60),
        )
    )
    last_post = max(day for day in public_posts if day is not None)
    assert 14 <= (TODAY - last_post).days <= 28
    assert stalled is not None and stalled >= 1
    assert session.scalar(select(func.count()).select_from(m.recommendation_action_item))


def test_every_row_passes_the_catalog_rules_unchanged(session: Session) -> None:
    """Bulk inserts skip validation, so each row is put through it here instead."""
    _small(session)

    for service in catalog.ALL:
        for record_id in session.scalars(select(service.model.id)).all():  # type: ignore[attr-defined]
            service.update(session, record_id)
    assert _count(session, m.ChangeRecord) == 0


def test_foreign_keys_hold(session: Session) -> None:
    _small(session)
    session.flush()

    assert broken_references(session) == []


def test_progress_runs_from_zero_to_one_hundred(session: Session) -> None:
    seen: list[tuple[int, str]] = []

    _small(session, progress=lambda percent, message: seen.append((percent, message)))

    percents = [percent for percent, _message in seen]
    assert percents[0] == 0 and percents[-1] == 100
    assert percents == sorted(percents)
    assert all(message for _percent, message in seen)


@pytest.mark.parametrize(
    "today", [date(2024, 2, 29), date(2025, 1, 31), date(2025, 3, 9), date(2025, 12, 31)]
)
def test_any_day_gives_a_consistent_workspace(tmp_path: Path, today: date) -> None:
    with transaction_in(tmp_path / "w.cs360") as session:
        summary = generate_sample_agency(session, size="small", today=today)
        assert 350 <= summary.action_items <= 450
        assert broken_references(session) == []
        assert session.scalar(select(func.max(m.Measurement.period_end))) < today


def test_large_sample_has_the_exact_benchmark_counts(session: Session) -> None:
    summary = generate_sample_agency(session, size="large", today=TODAY)

    expected = {
        m.Initiative: 20,
        m.Person: 2_000,
        m.Meeting: 5_000,
        m.ActionItem: 100_000,
        m.Measurement: 50_000,
    }
    assert {model: _count(session, model) for model in expected} == expected
    assert (summary.initiatives, summary.people, summary.meetings) == (20, 2_000, 5_000)
    assert (summary.action_items, summary.measurements) == (100_000, 50_000)
    assert summary.teams > 20 and summary.attendance > summary.meetings
    assert _count(session, m.Agency) == 1
    assert broken_references(session) == []
