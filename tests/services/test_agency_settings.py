"""The agency's settings live in the workspace: read back typed, validated, one undo step."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from cs360desk.domain.enums import CommunicationStatus
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.momentum import MomentumThresholds
from cs360desk.services import catalog, edits
from cs360desk.services.agency_settings import (
    agency_settings,
    agency_zone,
    momentum_limits,
    save_agency_settings,
    update_cadence,
)
from cs360desk.services.momentum import dashboard

if TYPE_CHECKING:
    from conftest import Builders

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def test_a_new_agency_has_the_defaults(build: Builders) -> None:
    build.agency()
    agency = agency_settings(build.session)
    assert (agency.time_zone, agency.post_hashtag, agency.post_link) == ("", "", "")
    assert (agency.public_update_days, agency.staff_update_days) == (30, 14)
    assert momentum_limits(build.session) == MomentumThresholds()
    assert agency_zone(build.session) is None


def test_no_agency_yet(build: Builders) -> None:
    assert momentum_limits(build.session) == MomentumThresholds()
    assert agency_zone(build.session) is None
    with pytest.raises(NotFoundError):
        agency_settings(build.session)


def test_saved_settings_are_read_back_and_undone_in_one_step(build: Builders) -> None:
    build.agency()
    record, edit = save_agency_settings(
        build.session,
        name="Elm Ridge PD",
        time_zone="America/Chicago",
        post_hashtag="#SaferElm",
        post_link="https://elmridge.example/cs360",
        stage_stale_days=90,
        public_update_days=21,
        logo=PNG,
    )
    assert record.post_hashtag == "#SaferElm"
    assert agency_zone(build.session) == ZoneInfo("America/Chicago")
    assert momentum_limits(build.session).stage_stale_days == 90
    assert momentum_limits(build.session).public_update_days == 21
    assert len(edit.changes) == 1
    edits.undo(build.session, edit)
    back = agency_settings(build.session)
    assert (back.time_zone, back.stage_stale_days, back.logo) == ("", 180, None)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("time_zone", "Mars/Olympus", "is not a time zone"),
        ("time_zone", "../../etc/passwd", "is not a time zone"),
        ("post_hashtag", "Safer Elm", "one word starting with #"),
        ("post_hashtag", "#two words", "one word starting with #"),
        ("post_link", "elmridge.example", "web address"),
        ("post_link", "https://has space.example", "web address"),
        ("public_update_days", 0, "between 1 and 3650"),
        ("meeting_grace_days", -3, "between 1 and 3650"),
        ("logo", b"GIF89a not allowed", "PNG or JPEG"),
        ("logo", PNG + b"\x00" * (5 * 1024 * 1024), "larger than 5 MB"),
    ],
)
def test_bad_settings_are_refused_by_name(
    build: Builders, field: str, value: object, problem: str
) -> None:
    build.agency()
    with pytest.raises(ValidationError) as raised:
        save_agency_settings(build.session, **{field: value})
    assert raised.value.field == field
    assert problem in raised.value.problem


def test_only_settings_can_be_changed_here(build: Builders) -> None:
    build.agency()
    with pytest.raises(ValidationError) as raised:
        save_agency_settings(build.session, version=9)
    assert raised.value.field == "version"


def test_an_initiatives_cadence_falls_back_to_the_agency(build: Builders) -> None:
    build.agency(public_update_days=28, staff_update_days=7)
    initiative = build.initiative()
    limits = momentum_limits(build.session)
    assert update_cadence(initiative, limits).public_days == 28
    assert update_cadence(initiative, limits).staff_days == 7
    own = catalog.INITIATIVE.update(build.session, initiative.id, public_update_days=10)
    assert update_cadence(own, limits).public_days == 10
    with pytest.raises(ValidationError):
        catalog.INITIATIVE.update(build.session, initiative.id, staff_update_days=400)


def test_the_dashboard_judges_by_the_workspaces_thresholds(build: Builders) -> None:
    basics = build.basics()
    save_agency_settings(build.session, public_update_days=3)
    build.communication(
        basics.initiative.id,
        posted_on=NOW.date().replace(day=10),
        status=CommunicationStatus.POSTED,
    )
    board = dashboard(build.session, basics.initiative.id, now=NOW)
    public = next(signal for signal in board.signals if signal.key == "public_update")
    assert public.value == "2 days overdue"


def test_the_dashboards_today_is_the_agencys_day(build: Builders) -> None:
    """At 03:00 UTC it is still yesterday evening in Chicago: a post made "today" there is
    0 days old, not 1."""
    basics = build.basics()
    save_agency_settings(build.session, time_zone="America/Chicago")
    late = datetime(2026, 3, 16, 3, 0, tzinfo=UTC)  # 22:00 on Mar 15 in Chicago
    build.communication(
        basics.initiative.id, posted_on=date(2026, 3, 15), status=CommunicationStatus.POSTED
    )
    board = dashboard(build.session, basics.initiative.id, now=late)
    assert board.facts.days_since_public_update == 0
